import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { keepView, restoreView, scenarioKey, VIEW_KEY } from '../../src/store/view-memory.ts';
import { findPreset } from '../../src/presets/index.ts';
import { MemoryStorage } from './helpers.ts';

// A reload keeps the run shown, its playhead and the selected step, for the same scenario only.

let session: MemoryStorage;
beforeEach(() => {
  session = new MemoryStorage();
  (globalThis as { sessionStorage?: Storage }).sessionStorage = session;
});
afterEach(() => {
  delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
});

const preset = () => findPreset('payment-fails')!.scenario;

function ranAt(fraction: number) {
  const store = createRippleStore({ scenario: preset() });
  store.getState().runScenario();
  store.getState().seekTime(store.getState().duration * fraction);
  store.getState().selectStep('create-invoice');
  return store;
}

describe('view memory', () => {
  test('a run paused mid-way with a step selected comes back paused at the same moment, with that step selected', () => {
    const before = ranAt(0.5);
    before.getState().setSpeed(0.25);
    const { time, cursor } = before.getState();
    keepView(before);

    // The reloaded page: the same scenario, read back from the draft (a copy, not the same object).
    const after = createRippleStore({ scenario: structuredClone(preset()) });
    expect(restoreView(after)).toBe(true);
    const state = after.getState();
    expect(state.run).not.toBeNull();
    expect(state.playing).toBe(false);
    expect(state.time).toBe(time);
    expect(state.cursor).toBe(cursor);
    expect(state.selectedStepId).toBe('create-invoice');
    expect(state.speed).toBe(0.25);
    // Read once: a second reload without a new keep restores nothing.
    expect(session.getItem(VIEW_KEY)).toBeNull();
  });

  test('a tab the person picked before the view memory arrived is theirs: nothing is restored over it (CI: Scenario clicked just after a reload was switched back to Step)', () => {
    keepView(ranAt(0.5));
    const after = createRippleStore({ scenario: structuredClone(preset()) });
    const shownFirst = { panelTab: after.getState().panelTab };
    after.getState().setPanelTab(shownFirst.panelTab === 'scenario' ? 'source' : 'scenario');
    const picked = after.getState().panelTab;
    expect(restoreView(after, shownFirst)).toBe(false);
    expect(after.getState().panelTab).toBe(picked);
    expect(after.getState().selectedStepId).toBeNull();
  });

  test('a moment whose run comes later (a worker) selects its step and shows its tab, unless the person picked another tab or step meanwhile', async () => {
    const open = (pick?: (store: ReturnType<typeof createRippleStore>) => void) => {
      const store = createRippleStore({ scenario: preset(), simulateOffThread: async (scenario) => simulate(scenario) });
      const at = simulate(preset()).events[3].t;
      store.getState().openMoment({ at, play: false, select: 'create-invoice', tab: 'step' });
      expect(store.getState().running).toBe(true);
      pick?.(store);
      return store;
    };
    const settled = async (store: ReturnType<typeof createRippleStore>) => {
      for (let i = 0; i < 50 && (store.getState().running || store.getState().run === null); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return store.getState();
    };
    const untouched = await settled(open());
    expect([untouched.panelTab, untouched.selectedStepId]).toEqual(['step', 'create-invoice']);
    const tabPicked = await settled(open((store) => store.getState().setPanelTab('source')));
    expect(tabPicked.run).not.toBeNull();
    expect([tabPicked.panelTab, tabPicked.selectedStepId]).toEqual(['source', null]);
    const stepPicked = await settled(open((store) => store.getState().selectStep('authorize-payment')));
    expect(stepPicked.selectedStepId).toBe('authorize-payment');
  });

  test('of several events at one time, the one the playhead stood on comes back, not the last of them (tryout)', () => {
    const before = createRippleStore({ scenario: preset() });
    before.getState().runScenario();
    before.getState().pause();
    const { timeline } = before.getState();
    const shared = timeline.findIndex((e, i) => i + 1 < timeline.length && timeline[i + 1].at === e.at);
    expect(shared).toBeGreaterThanOrEqual(0);
    before.getState().setCursor(shared);
    keepView(before);
    const after = createRippleStore({ scenario: structuredClone(preset()) });
    expect(restoreView(after)).toBe(true);
    expect(after.getState().cursor).toBe(shared);
    expect(after.getState().time).toBe(timeline[shared].at);
    expect(after.getState().playing).toBe(false);
  });

  test('another scenario, or one changed since, gets nothing', () => {
    keepView(ranAt(0.5));
    const changed = preset();
    const other = createRippleStore({ scenario: { ...changed, steps: changed.steps.map((s) => (s.id === 'create-invoice' ? { ...s, label: 'Bill' } : s)) } });
    expect(restoreView(other)).toBe(false);
    expect(other.getState().run).toBeNull();
    expect(other.getState().selectedStepId).toBeNull();
  });

  test('a selection without a run comes back without running; nothing selected and no run keeps nothing', () => {
    const store = createRippleStore({ scenario: preset() });
    keepView(store);
    expect(session.getItem(VIEW_KEY)).toBeNull();
    store.getState().selectStep('send-receipt');
    keepView(store);
    const after = createRippleStore({ scenario: preset() });
    expect(restoreView(after)).toBe(true);
    expect(after.getState().run).toBeNull();
    expect(after.getState().selectedStepId).toBe('send-receipt');
  });

  test('the side panel comes back on the tab the person was on, not the Step tab a selection opens (tryout)', () => {
    for (const tab of ['source', 'scenario', 'run'] as const) {
      const before = ranAt(0.5);
      before.getState().setPanelTab(tab);
      keepView(before);
      const after = createRippleStore({ scenario: structuredClone(preset()) });
      expect(restoreView(after)).toBe(true);
      expect(after.getState().selectedStepId).toBe('create-invoice');
      expect(after.getState().panelTab).toBe(tab);
    }
    // Without a run too: a selected step on the Scenario tab.
    const store = createRippleStore({ scenario: preset() });
    store.getState().selectStep('send-receipt');
    store.getState().setPanelTab('scenario');
    keepView(store);
    const after = createRippleStore({ scenario: preset() });
    expect(restoreView(after)).toBe(true);
    expect(after.getState().panelTab).toBe('scenario');
    // A tab this version does not know (another version's writing) is left out; the rest holds.
    session.setItem(VIEW_KEY, JSON.stringify({ key: scenarioKey(preset()), select: 'send-receipt', tab: 'gantt' }));
    const third = createRippleStore({ scenario: preset() });
    expect(restoreView(third)).toBe(true);
    expect(third.getState().selectedStepId).toBe('send-receipt');
    expect(third.getState().panelTab).toBe('step');
  });

  test('a run stays across a reload after a step was only moved; a run made stale by an edit is said to be gone, not dropped without a word', () => {
    const moved = ranAt(0.5);
    const { time, cursor } = moved.getState();
    moved.getState().moveSteps({ 'create-invoice': { x: 999, y: 42 } });
    keepView(moved);
    const afterMove = createRippleStore({ scenario: structuredClone(moved.getState().scenario) });
    expect(restoreView(afterMove)).toBe(true);
    expect(afterMove.getState().run).not.toBeNull();
    expect(afterMove.getState().time).toBe(time);
    expect(afterMove.getState().cursor).toBe(cursor);
    expect(afterMove.getState().notice).toBeNull();

    const edited = ranAt(0.5);
    edited.getState().renameStep('create-invoice', 'Bill the customer');
    edited.getState().updateStep('create-invoice', { request: 'POST /bills' });
    keepView(edited);
    const afterEdit = createRippleStore({ scenario: structuredClone(edited.getState().scenario) });
    expect(restoreView(afterEdit)).toBe(true);
    expect(afterEdit.getState().run).toBeNull();
    expect(afterEdit.getState().selectedStepId).toBe('create-invoice');
    expect(afterEdit.getState().notice?.text).toMatch(/^The run shown before the reload was of an earlier version of this scenario.*press Run/);
    // Pressing Run, as it says, makes the run of this version: the note about the old one goes.
    afterEdit.getState().runScenario();
    expect(afterEdit.getState().run).not.toBeNull();
    expect(afterEdit.getState().notice).toBeNull();
  });

  test('a run starting takes away only the note about the stale run: other notices (a save that failed) stay', () => {
    const edited = ranAt(0.5);
    edited.getState().updateStep('create-invoice', { request: 'POST /bills' });
    keepView(edited);
    const after = createRippleStore({ scenario: structuredClone(edited.getState().scenario) });
    expect(restoreView(after)).toBe(true);
    after.getState().sayNotice('error', 'Your draft could not be saved in this browser.');
    after.getState().runScenario();
    expect(after.getState().run).not.toBeNull();
    expect(after.getState().notice).toMatchObject({ kind: 'error', text: 'Your draft could not be saved in this browser.' });
    after.getState().sayNotice('info', 'Restored "Payment fails".');
    after.getState().runScenario();
    expect(after.getState().notice?.text).toBe('Restored "Payment fails".');
  });

  test('a link that already asked for its own moment wins', () => {
    keepView(ranAt(0.5));
    const linked = createRippleStore({ scenario: preset() });
    linked.getState().openMoment({ at: 0, select: 'authorize-payment' });
    expect(restoreView(linked)).toBe(false);
    expect(linked.getState().time).toBe(0);
    expect(linked.getState().selectedStepId).toBe('authorize-payment');
  });

  test('what storage holds that this app did not write is ignored', () => {
    const store = createRippleStore({ scenario: preset() });
    for (const junk of ['{', '[]', '{"key":5}', `{"key":"${scenarioKey(preset())}","at":-1}`, `{"key":"${scenarioKey(preset())}","select":{}}`, `{"key":"${scenarioKey(preset())}","speed":3}`]) {
      session.setItem(VIEW_KEY, junk);
      expect(restoreView(store)).toBe(false);
    }
    expect(store.getState().run).toBeNull();
  });

  test('the key does not depend on the order an object\'s fields were written in', () => {
    const a = preset();
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const b = reversed({ ...a, steps: a.steps.map(reversed) }) as typeof a;
    expect(Object.keys(b)).not.toEqual(Object.keys(a));
    expect(scenarioKey(b)).toBe(scenarioKey(a));
    expect(scenarioKey({ ...a, title: 'Another' })).not.toBe(scenarioKey(a));
  });
});
