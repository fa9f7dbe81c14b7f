import { describe, expect, test, vi } from 'vitest';
import { HANG_TIMEOUT_MS } from '../../src/scenario/defaults.ts';
import { findPreset } from '../../src/presets/index.ts';
import { AUTOSAVE_DELAY_MS } from '../../src/store/autosave.ts';
import { DRAFT_KEY } from '../../src/store/persistence.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { editorStore, MemoryStorage, scenario, withStorage } from './helpers.ts';

// Actions for what components used to orchestrate themselves: they decide the defaults and
// the order, the components only dispatch.

describe('setStepFailure', () => {
  test('a hang gets the default timeout when the step has none, and keeps the failure’s message and count', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().updateStep('a', { fail: { status: 503, message: 'busy', times: 2 } });
    expect(store.getState().setStepFailure('a', 'timeout')).toEqual({ ok: true });
    expect(store.getState().scenario.steps[0]).toMatchObject({ fail: { timeout: true, message: 'busy', times: 2 }, timeoutMs: HANG_TIMEOUT_MS });
    expect(store.getState().scenario.steps[0].fail).not.toHaveProperty('status');
  });

  test('a hang keeps a timeout the step already has; a status replaces the hang; none removes the failure', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().updateStep('a', { timeoutMs: 250 });
    store.getState().setStepFailure('a', 'timeout');
    expect(store.getState().scenario.steps[0].timeoutMs).toBe(250);
    store.getState().setStepFailure('a', 409);
    expect(store.getState().scenario.steps[0].fail).toEqual({ status: 409 });
    store.getState().setStepFailure('a', 'none');
    expect(store.getState().scenario.steps[0]).not.toHaveProperty('fail');
    store.getState().undo();
    expect(store.getState().scenario.steps[0].fail).toEqual({ status: 409 });
  });

  test('an unknown step is refused', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    const result = store.getState().setStepFailure('zz', 500);
    expect(result).toMatchObject({ ok: false, message: 'No step "zz".' });
  });
});

describe('updateRetry and updateFailure', () => {
  test('a field cleared is removed, and a retry or failure left empty is removed with it', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().updateRetry('a', { maxAttempts: 3 });
    store.getState().updateRetry('a', { delayMs: 100 });
    expect(store.getState().scenario.steps[0].retry).toEqual({ maxAttempts: 3, delayMs: 100 });
    store.getState().updateRetry('a', { maxAttempts: undefined, delayMs: undefined });
    expect(store.getState().scenario.steps[0]).not.toHaveProperty('retry');

    store.getState().setStepFailure('a', 500);
    store.getState().updateFailure('a', { times: 2 });
    expect(store.getState().scenario.steps[0].fail).toEqual({ status: 500, times: 2 });
  });

  test('a failure the format rejects (no status, no hang) is refused and nothing changes', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().setStepFailure('a', 500);
    const result = store.getState().updateFailure('a', { status: undefined, times: 2 });
    expect(result.ok).toBe(false);
    expect(store.getState().scenario.steps[0].fail).toEqual({ status: 500 });
    // Clearing the last field removes the failure: the step succeeds again.
    expect(store.getState().updateFailure('a', { status: undefined })).toEqual({ ok: true });
    expect(store.getState().scenario.steps[0]).not.toHaveProperty('fail');
  });
});

describe('addPrerequisite', () => {
  test('adds the dependency and keeps the step selected (not the new edge)', () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    store.getState().selectStep('b');
    expect(store.getState().addPrerequisite('b', 'a')).toEqual({ ok: true });
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b' }]);
    expect(store.getState()).toMatchObject({ selectedStepId: 'b', selectedStepIds: ['b'], selectedEdge: null });
  });

  test('a cycle is refused, said on the status line, and the graph is unchanged', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    const result = store.getState().addPrerequisite('a', 'b');
    expect(!result.ok && result.message).toContain('cycle');
    expect(store.getState().notice?.text).toContain('cycle');
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b' }]);
  });
});

describe('openMoment', () => {
  const payment = () => createRippleStore({ scenario: findPreset('payment-fails')!.scenario });

  test('a moment runs the scenario and opens it paused there, with the step selected', () => {
    const store = payment();
    store.getState().openMoment({ at: 50, select: 'create-invoice' });
    const s = store.getState();
    expect(s.timeline.length).toBeGreaterThan(0);
    expect(s.playing).toBe(false);
    expect(s.time).toBe(50);
    expect(s.timeline[s.cursor].at).toBeLessThanOrEqual(50);
    expect(s.selectedStepId).toBe('create-invoice');
  });

  test('play opens the run playing from the start; an unknown step is not selected', () => {
    const store = payment();
    store.getState().openMoment({ play: true, select: 'nope' });
    expect(store.getState()).toMatchObject({ playing: true, cursor: 0, selectedStepId: null });
  });

  test('with only a step, the design opens with it selected and nothing runs', () => {
    const store = payment();
    store.getState().openMoment({ select: 'send-receipt' });
    expect(store.getState()).toMatchObject({ run: null, selectedStepId: 'send-receipt' });
  });
});

describe('autosave teardown', () => {
  const storage = withStorage(() => new MemoryStorage());

  test('stopAutosave writes what is pending, then no later edit is written', () => {
    const store = createRippleStore({ persist: true });
    store.getState().addStep();
    store.getState().stopAutosave();
    expect(JSON.parse(storage().getItem(DRAFT_KEY)!).scenario.steps).toHaveLength(1);
    store.getState().addStep();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    store.getState().flushAutosave();
    expect(JSON.parse(storage().getItem(DRAFT_KEY)!).scenario.steps).toHaveLength(1);
  });

  test('flushAutosave with nothing pending writes nothing', () => {
    const store = createRippleStore({ persist: true });
    store.getState().flushAutosave();
    expect(storage().getItem(DRAFT_KEY)).toBeNull();
  });
});

describe('the side panel follows what the person did', () => {
  test('a step added or renamed with no run opens in the inspector (Step tab); a run opens the Run tab, which stays', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    expect(store.getState().panelTab).toBe('scenario');
    const added = store.getState().addStep();
    expect(store.getState()).toMatchObject({ panelTab: 'step', selectedStepId: added });
    store.getState().setPanelTab('scenario');
    store.getState().startRename('a');
    expect(store.getState().panelTab).toBe('step');
    store.getState().runScenario();
    expect(store.getState().panelTab).toBe('run');
    // The run is still there to explain: the Run tab stays.
    store.getState().addStep();
    expect(store.getState().run).not.toBeNull();
    expect(store.getState().panelTab).toBe('run');
  });
});

describe('selectStep asks the canvas to bring the step into view; a selection made on the canvas does not', () => {
  test('selectStep (a Why link, a Gantt label) counts a reveal; setSelection (a canvas click) and deselecting do not', () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    const seq = () => store.getState().revealSeq;
    store.getState().selectStep('a');
    expect(seq()).toBe(1);
    // The same step again (the Why link of the step shown) still asks: the person may have panned away.
    store.getState().selectStep('a');
    expect(seq()).toBe(2);
    store.getState().setSelection(['b']);
    expect(store.getState().selectedStepId).toBe('b');
    expect(seq()).toBe(2);
    store.getState().selectStep(null);
    expect(seq()).toBe(2);
  });
});
