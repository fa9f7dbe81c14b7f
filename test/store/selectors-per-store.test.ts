import { describe, expect, test } from 'vitest';
import { findPreset } from '../../src/presets/index.ts';
import {
  selectHighlightPath,
  selectReplayMarks,
  selectReplayPlan,
  selectReplayWarnings,
} from '../../src/store/selectors.ts';
import { selectBlockedBySelected, selectReplayableSteps } from '../../src/store/panel-selectors.ts';
import { selectFailureIndices, selectMarkers } from '../../src/store/timeline-markers.ts';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';

function ran(preset = 'payment-fails'): RippleStore {
  const store = createRippleStore({ scenario: findPreset(preset)!.scenario });
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

describe('two simulators on one page keep their own selector answers', () => {
  test('reading two stores in turn gives each store the same object every time', () => {
    const a = ran('payment-fails');
    const b = ran('shipping-retry-loop');
    a.getState().openReplayPlan();
    b.getState().openReplayPlan();
    const selectors = [selectMarkers, selectFailureIndices, selectReplayableSteps, selectReplayPlan, selectReplayMarks, selectReplayWarnings];
    for (const select of selectors) {
      const first = select(a.getState());
      select(b.getState());
      // A module-level "last answer" would have been replaced by b's and recomputed here.
      expect(select(a.getState())).toBe(first);
    }
    expect(selectMarkers(a.getState())).not.toBe(selectMarkers(b.getState()));
  });

  test('a new replay choice replans; the same choice does not', () => {
    const store = ran();
    store.getState().openReplayPlan();
    const plan = selectReplayPlan(store.getState());
    expect(selectReplayPlan(store.getState())).toBe(plan);
    store.getState().setReplayFrom(['authorize-payment']);
    expect(selectReplayPlan(store.getState())).not.toBe(plan);
    expect(selectReplayMarks(store.getState())?.['authorize-payment']).toBe('from');
  });
});

describe('derived from the selection', () => {
  test('the highlighted path is the selected step’s chain in the segment under the cursor, not stored state', () => {
    const store = ran();
    expect(selectHighlightPath(store.getState())).toEqual([]);
    store.getState().selectStep('send-receipt');
    expect(selectHighlightPath(store.getState())).toEqual(['authorize-payment', 'create-invoice', 'send-receipt']);
    expect('highlightPath' in store.getState()).toBe(false);
    store.getState().clearRun();
    expect(selectHighlightPath(store.getState())).toEqual([]);
  });

  test('a failed step lists the steps it blocked; a blocked or unselected step lists none', () => {
    const store = ran();
    store.getState().selectStep('authorize-payment');
    const blocked = selectBlockedBySelected(store.getState());
    expect([...blocked].sort()).toEqual(['create-invoice', 'send-receipt']);
    expect(selectBlockedBySelected(store.getState())).toBe(blocked);
    store.getState().selectStep('send-receipt');
    expect(selectBlockedBySelected(store.getState())).toEqual([]);
    store.getState().selectStep(null);
    expect(selectBlockedBySelected(store.getState())).toEqual([]);
  });
});
