import { describe, expect, test } from 'vitest';
import { createRippleStore } from '../../src/store/store.ts';
import { selectReplayWarnings } from '../../src/store/selectors.ts';
import type { Scenario } from '../../src/scenario/types.ts';

describe('selectReplayWarnings', () => {
  test('files each replay warning under its step, by the index the warning carries', () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Saga with a failed rollback',
      policy: { compensation: 'saga' },
      steps: [
        { id: 'charge', compensation: { durationMs: 10, fail: { status: 500 } } },
        { id: 'ship', fail: { status: 503 } },
        { id: 'cleanup', idempotent: false },
      ],
      dependencies: [
        { from: 'charge', to: 'ship' },
        { from: 'ship', to: 'cleanup', on: 'always' },
      ],
    };
    const store = createRippleStore({ scenario });
    store.getState().runScenario();
    store.getState().pause();
    expect(selectReplayWarnings(store.getState())).toBeNull();
    store.getState().openReplayPlan();
    expect(selectReplayWarnings(store.getState())).toEqual({
      charge: ["charge's compensation failed in the previous run: the replay acts on partial state"],
      cleanup: ['cleanup succeeded in the previous run and is not idempotent: running it again repeats its effect'],
    });
  });
});
