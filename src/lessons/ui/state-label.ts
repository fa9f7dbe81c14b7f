import type { PredictableState } from '../../scenario/lesson.ts';

/** The state as a learner reads it in a list: `blocked (424)`. */
export function stateLabel(state: PredictableState): string {
  return state === 'blocked' ? 'blocked (424)' : state;
}
