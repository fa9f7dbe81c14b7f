import type { PredictableState } from '../../scenario/lesson.ts';

/** One key per state for predicting by keyboard (issue #12): s, f, b (424), k, c, o, x, r. */
export const GUESS_KEYS: ReadonlyMap<string, PredictableState> = new Map([
  ['s', 'succeeded'],
  ['f', 'failed'],
  ['b', 'blocked'],
  ['k', 'skipped'],
  ['c', 'cancelled'],
  ['o', 'compensated'],
  ['x', 'compensation-failed'],
  ['r', 'rolled-back'],
]);

// The marks on the canvas need only this, so it is a module of its own (issue #15: keys stay out of the main chunk).
export { stateLabel } from './state-label.ts';

/** The key that sets `state`, for hints: `b`. */
export function keyOf(state: PredictableState): string {
  for (const [key, s] of GUESS_KEYS) if (s === state) return key;
  return '';
}

/**
 * The step a guess key acts on when pressed on `target` (issue #12): the canvas node that has
 * keyboard focus (React Flow's `.react-flow__node[data-id]`) or a step button in the lesson panel
 * (`[data-step]`); null when focus is on no step, and the selected step is used instead.
 */
export function focusedStep(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const holder = target.closest('[data-step], .react-flow__node[data-id]');
  if (!holder) return null;
  return holder.getAttribute('data-step') ?? holder.getAttribute('data-id');
}
