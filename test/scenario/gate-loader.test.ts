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

  test('edits made before the gate arrives wait for it, then are all made, in the order they were made', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    // A first visit's first moments: a step added, renamed, named, dragged, before the checks' chunk is here.
    store.getState().addStep({ position: { x: 300, y: 0 } });
    expect(store.getState().renameStep('a', 'Reserve stock')).toEqual({ ok: true });
    store.getState().renameStep('step-1', 'Charge card');
    store.getState().moveSteps({ a: { x: 500, y: 40 } });
    store.getState().connect('a', 'step-1');
    expect(store.getState().setTitle('My shop')).toEqual({ ok: true });
    // Nothing unchecked is committed meanwhile, and nothing is said to have failed.
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a']);
    expect(store.getState().notice).toBeNull();
    await gate.loadScenarioGate();
    const { scenario: after, notice, history } = store.getState();
    expect(after.title).toBe('My shop');
    expect(after.steps.map((s) => [s.id, s.label, s.position])).toEqual([
      ['a', 'Reserve stock', { x: 500, y: 40 }],
      ['step-1', 'Charge card', { x: 300, y: 0 }],
    ]);
    expect(after.dependencies).toEqual([expect.objectContaining({ from: 'a', to: 'step-1' })]);
    expect(notice).toBeNull();
    // Each is its own undo step, as if made after the gate arrived.
    expect(history.past.map((h) => h.label)).toEqual(['add step', 'rename step', 'rename step', 'move step', 'connect', 'rename scenario']);
  });

  test('an edit made while earlier ones still wait for the gate goes after them, even if the checks came in between', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    store.getState().renameStep('a', 'First');
    // A link's chunk can bring validate.ts before the edits: a load waits behind the queued rename.
    await import('../../src/scenario/validate.ts');
    expect(gate.validateLoaded()).toBe(true);
    store.getState().loadScenario(scenario(['b']), { label: 'open preset' });
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a']);
    await gate.loadScenarioGate();
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['b']);
    // The rename was made first, so the draft it belongs to is kept, not lost under the preset.
    expect(store.getState().previousDraft?.scenario.steps[0]).toMatchObject({ id: 'a', label: 'First' });
  });

  test('a scenario opened once the checks are here (a link, a file) is shown at once when no edit waits, before the edits arrive: its opener acts on it next', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a']) });
    await import('../../src/scenario/validate.ts');
    expect(gate.scenarioGateLoaded()).toBe(false);
    expect(store.getState().loadScenario(scenario(['b']), { label: 'open link' })).toEqual({ ok: true });
    // CI: a link opened at a moment ran its run on the scenario before it, as the load waited.
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['b']);
  });

  test('an edit that waited for the gate and is then refused says why on the status line (no field waits for it any more)', async () => {
    const { gate, createRippleStore } = await freshModules();
    const store = createRippleStore({ scenario: scenario(['a', 'b']) });
    expect(store.getState().changeStepId('a', 'b')).toEqual({ ok: true });
    await gate.loadScenarioGate();
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/\bb\b/) });
  });

  test("when the gate's chunk does not load, the status line says so and the waiting edits are kept; the next edit's load makes them all", async () => {
    const { gate, createRippleStore } = await freshModules();
    vi.doMock('../../src/scenario/edits.ts', () => {
      throw new Error('offline');
    });
    const store = createRippleStore({ scenario: scenario(['a']) });
    try {
      store.getState().renameStep('a', 'Kept');
      await vi.waitFor(() => expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/still loading its scenario checks/) }));
      expect(store.getState().scenario.steps[0].label).not.toBe('Kept');
    } finally {
      vi.doUnmock('../../src/scenario/edits.ts');
    }
    store.getState().setTitle('Back online');
    await gate.loadScenarioGate();
    expect(store.getState().scenario).toMatchObject({ title: 'Back online', steps: [{ id: 'a', label: 'Kept' }] });
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
