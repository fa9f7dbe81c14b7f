import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { stateAt } from '../../src/engine/state-at.ts';
import { retryAtOf } from '../../src/store/selectors.ts';
import { findPreset } from '../../src/presets/index.ts';
import { selectLiveStates, selectStepLive } from '../../src/store/selectors.ts';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';

function ran(preset = 'payment-fails'): RippleStore {
  const store = createRippleStore({ scenario: findPreset(preset)!.scenario });
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

describe('one step’s live view, as each canvas node reads it', () => {
  test('payment declined → the invoice reads 424 blocked at the end, pending at the start', () => {
    const store = ran();
    store.getState().setCursor(0);
    expect(selectStepLive(store.getState(), 'create-invoice')).toEqual({ state: 'pending', attempt: 0, status: null });
    store.getState().setCursor(store.getState().timeline.length - 1);
    expect(selectStepLive(store.getState(), 'create-invoice')).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: 'authorize-payment' });
    expect(selectStepLive(store.getState(), 'authorize-payment')).toMatchObject({ state: 'failed', status: 402 });
  });

  test('is the shared record’s own object, so a node whose step did not change keeps it', () => {
    const store = ran();
    store.getState().setCursor(1);
    const order = selectStepLive(store.getState(), 'create-order');
    expect(order).toBe(selectLiveStates(store.getState())!['create-order']);
    // Later events about other steps: the order step's view is the same object.
    const invoice = selectStepLive(store.getState(), 'create-invoice');
    store.getState().setCursor(store.getState().timeline.length - 1);
    expect(selectStepLive(store.getState(), 'create-invoice')).not.toBe(invoice);
    store.getState().setCursor(1);
    expect(selectStepLive(store.getState(), 'create-order')).toEqual(order);
  });

  test('null with no run, and for a step the run does not know (added since, or a name of Object.prototype)', () => {
    const fresh = createRippleStore({ scenario: findPreset('payment-fails')!.scenario });
    expect(selectStepLive(fresh.getState(), 'create-order')).toBeNull();
    const store = ran();
    for (const id of ['added-later', 'constructor', 'toString', '__proto__']) expect(selectStepLive(store.getState(), id)).toBeNull();
  });
});

describe('the shared record while the playhead wanders', () => {
  test('at every cursor, reached by any path, each step reads what the run says at that moment (fixed seed)', () => {
    for (const preset of ['payment-fails', 'shipping-retry-loop']) {
      const store = ran(preset);
      const last = store.getState().timeline.length - 1;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: last }), { minLength: 1, maxLength: 30 }), (cursors) => {
          for (const cursor of cursors) {
            store.getState().setCursor(cursor);
            const state = store.getState();
            const at = state.timeline[state.cursor];
            const result = state.segments[at.segment].result;
            const moment = stateAt(result, at.index);
            const live = selectLiveStates(state)!;
            expect(Object.keys(live)).toEqual(Object.keys(moment.steps));
            for (const [id, view] of Object.entries(moment.steps)) {
              const retry = view.state === 'failed' || view.state === 'blocked' ? retryAtOf(result, id, at.index) : undefined;
              expect(live[id]).toEqual({
                ...view,
                ...(result.steps[id]?.reused ? { reused: true } : {}),
                ...(view.state === 'blocked' && result.steps[id]?.failedPrerequisiteStep ? { failedPrerequisiteStep: result.steps[id].failedPrerequisiteStep } : {}),
                ...(retry === undefined ? {} : { retryAt: retry + at.at - result.events[at.index].t }),
              });
            }
          }
        }),
        { seed: 424, numRuns: 40 },
      );
    }
  });
});

describe('a run stopped at its work budget (issue #9 item 3)', () => {
  test('its steps waiting for a retry read "will retry" before the stop and their last answer at the end', () => {
    const store = createRippleStore({ scenario: retryStorm(100, 'naive') });
    store.getState().runScenario();
    store.getState().pause();
    const end = store.getState().timeline.length - 1;
    store.getState().setCursor(end - 1);
    expect(selectStepLive(store.getState(), 's4')).toMatchObject({ state: 'blocked', status: 424 });
    expect(selectStepLive(store.getState(), 's4')?.retryAt).toBeDefined();
    store.getState().setCursor(end);
    const ids = store.getState().scenario.steps.map((s) => s.id);
    const retrying = ids.filter((id) => selectStepLive(store.getState(), id)?.retryAt !== undefined);
    expect(retrying).toEqual([]);
    expect(selectStepLive(store.getState(), 's4')).toMatchObject({ state: 'blocked', status: 424 });
  });
});
