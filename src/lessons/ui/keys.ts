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
