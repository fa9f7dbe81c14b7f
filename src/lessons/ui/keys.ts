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

/** The state as a learner reads it in a list: `blocked (424)`. */
export function stateLabel(state: PredictableState): string {
  return state === 'blocked' ? 'blocked (424)' : state;
}

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
