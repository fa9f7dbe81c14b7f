// Which selection a store's canvas last brought into view (`revealSeq`), remembered while the
// canvas is away (the Table view in its place): a step picked in the table is revealed when the
// canvas comes back. Per store, so each side of a comparison and each embed keeps its own.

const shown = new WeakMap<object, number>();

/** The last `revealSeq` a view of `store` has seen, or undefined when none has been shown yet. */
export function revealSeen(store: object): number | undefined {
  return shown.get(store);
}

/** Notes that a view of `store` (the canvas, or the table in its place) has seen every reveal up to `seq`. */
export function noteRevealSeen(store: object, seq: number): void {
  shown.set(store, seq);
}

/**
 * For a view shown instead of the canvas (the Table): from now on, selections made with
 * `selectStep` are the canvas's to reveal when it comes back. Does nothing once a view has
 * been shown.
 */
export function noteRevealsFromHere(store: { getState: () => { revealSeq: number } }): void {
  if (!shown.has(store)) shown.set(store, store.getState().revealSeq);
}
