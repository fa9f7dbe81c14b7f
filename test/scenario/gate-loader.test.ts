import { describe, expect, test, vi } from 'vitest';
import { MemoryStorage, scenario } from '../store/helpers.ts';

// Issue #15: the gate's checks are a chunk the page loads right after its first canvas
// (src/scenario/gate-loader.ts). Each test takes fresh modules, as on a page just opened whose
// gate has not arrived yet: every check fails closed until it does, and nothing is lost.
async function freshModules() {
  vi.resetModules();
  const gate = await import('../../src/scenario/gate-loader.ts');
  const { createRippleStore } = await import('../../src/store/store.ts');
  return { gate, createRippleStore };
}

describe('before the scenario gate has loaded', () => {
  test('validate refuses with a problem that says so, and answers for real once loaded', async () => {
    const { gate } = await freshModules();
    expect(gate.scenarioGateLoaded()).toBe(false);
    const before = gate.validate(scenario(['a']));
    expect(before).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'internal', message: expect.stringMatching(/still loading its scenario checks/) })] });
    await gate.loadScenarioGate();
    expect(gate.scenarioGateLoaded()).toBe(true);
    expect(gate.validate(scenario(['a']))).toMatchObject({ ok: true });
    expect(gate.validate({ version: 2, title: '', steps: [], dependencies: [] })).toMatchObject({ ok: false, problems: [{ path: 'title' }] });
  });

  test('an edit is refused (the scenario stays as it was) until the gate arrives, then committed', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    expect(store.getState().addStep()).toBe('');
    expect(store.getState().renameStep('a', 'Pay')).toMatchObject({ ok: false, message: expect.stringMatching(/still loading/) });
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a']);
    await gate.loadScenarioGate();
    expect(store.getState().renameStep('a', 'Pay')).toEqual({ ok: true });
    expect(store.getState().scenario.steps[0].label).toBe('Pay');
  });

  test('a drag before the gate arrives leaves the step where it was and says why on the status line', async () => {
    const { createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    store.getState().moveSteps({ a: { x: 500, y: 40 } });
    expect(store.getState().scenario.steps[0].position).toEqual({ x: 0, y: 0 });
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/still loading its scenario checks/) });
  });

  test('a run pressed before the gate arrives waits for it: nothing runs unchecked, then the checked scenario runs', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    store.getState().runScenario();
    expect(store.getState()).toMatchObject({ running: true, run: null, runProblems: null });
    await gate.loadScenarioGate();
    await vi.waitFor(() => expect(store.getState().run?.outcome).toBe('succeeded'));
    expect(store.getState().running).toBe(false);
  });

  test('an invalid scenario run before the gate arrives is refused with its problem once the checks are here', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: { ...scenario(['a']), title: '' } });
    store.getState().runScenario();
    await gate.loadScenarioGate();
    await vi.waitFor(() => expect(store.getState().runProblems).toEqual([expect.objectContaining({ path: 'title' })]));
    expect(store.getState()).toMatchObject({ running: false, run: null });
  });

  test('a stored draft restored before the gate arrives is kept untouched under its own key and said', async () => {
    const storage = new MemoryStorage();
    (globalThis as { localStorage?: Storage }).localStorage = storage;
    try {
      const { createRippleStore } = await freshModules();
      const { DRAFT_KEY, UNREADABLE_PREFIX } = await import('../../src/store/persistence.ts');
      const text = JSON.stringify({ scenario: scenario(['mine']), dirty: true, savedAt: 5 });
      storage.setItem(DRAFT_KEY, text);
      const store = createRippleStore({ persist: true });
      store.getState().stopAutosave();
      expect(store.getState().scenario.steps).toEqual([]);
      expect(store.getState().notice?.text).toMatch(/still loading its scenario checks/);
      const kept = Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter((k) => k.startsWith(UNREADABLE_PREFIX));
      expect(kept.map((k) => storage.getItem(k))).toEqual([text]);
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
});
