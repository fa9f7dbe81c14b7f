// Waiting for a part of the page that may still be loading (a lazy chunk: the Inspector), so
// a tap or a new step can bring it into view once it is drawn.

/** Where the side panel sits below the canvas or table (src/app/styles.css, `.workspace`): a phone. */
export const PANELS_BELOW = '(max-width: 860px)';

/**
 * Calls `act` with what `find` returns, once it returns something: tried once a frame, at most
 * `frames` frames (90, a second and a half at 60 Hz), then `act(null)`. Returns a function that
 * cancels the wait.
 *
 * @example
 * whenDrawn(() => document.querySelector('.inspector'), (el) => el?.scrollIntoView())
 */
export function whenDrawn<T>(find: () => T | null | undefined, act: (found: T | null) => void, frames = 90): () => void {
  let frame = 0;
  const attempt = (left: number) => {
    const found = find();
    if ((found === null || found === undefined) && left > 0) {
      frame = requestAnimationFrame(() => attempt(left - 1));
      return;
    }
    act(found ?? null);
  };
  frame = requestAnimationFrame(() => attempt(frames));
  return () => cancelAnimationFrame(frame);
}
