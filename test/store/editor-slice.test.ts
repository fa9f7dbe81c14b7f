import { describe, expect, test, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS } from '../../src/store/autosave.ts';
import { EMPTY_SCENARIO } from '../../src/store/editor-slice.ts';
import { validate } from '../../src/scenario/validate.ts';
import { DRAFT_KEY, PREVIOUS_DRAFT_KEY } from '../../src/store/persistence.ts';
import { editorStore, MemoryStorage, scenario, withStorage } from './helpers.ts';

describe('adding, renaming, moving, deleting', () => {
  test('addStep adds step-1, step-2 … selects the new one and is one undo step', () => {
    const store = editorStore();
    const id = store.getState().addStep({ position: { x: 10.4, y: 20.6 } });
    expect(id).toBe('step-1');
    const s = store.getState();
    expect(s.scenario.steps).toEqual([{ id: 'step-1', label: 'Step 1', position: { x: 10, y: 21 } }]);
    expect(s.selectedStepId).toBe('step-1');
    expect(s.selectedStepIds).toEqual(['step-1']);
    expect(s.dirty).toBe(true);
    expect(store.getState().addStep()).toBe('step-2');
    store.getState().undo();
    expect(store.getState().scenario.steps.map((x) => x.id)).toEqual(['step-1']);
  });

  test('addStep after a step also connects it, in one undo step', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    const id = store.getState().addStep({ after: 'a' });
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: id }]);
    expect(store.getState().scenario.steps[1].position).toEqual({ x: 220, y: 0 });
    store.getState().undo();
    expect(store.getState().scenario).toEqual(scenario(['a']));
  });

  test('renameStep sets the label; an empty label falls back to the id', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    expect(store.getState().renameStep('a', 'Authorize payment')).toEqual({ ok: true });
    expect(store.getState().scenario.steps[0].label).toBe('Authorize payment');
    store.getState().renameStep('a', '  ');
    expect('label' in store.getState().scenario.steps[0]).toBe(false);
  });

  test('changeStepId rewrites dependencies and the selection', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    store.getState().selectStep('a');
    expect(store.getState().changeStepId('a', 'pay').ok).toBe(true);
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'pay', to: 'b' }]);
    expect(store.getState().selectedStepId).toBe('pay');
    const taken = store.getState().changeStepId('pay', 'b');
    expect(taken.ok).toBe(false);
    const bad = store.getState().changeStepId('pay', 'has space');
    expect(bad.ok).toBe(false);
    expect(store.getState().scenario.steps[0].id).toBe('pay');
  });

  test('moveSteps moves several steps as one undo step; an unchanged move records nothing', () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    store.getState().moveSteps({ a: { x: 5, y: 5 }, b: { x: 300.2, y: 40 } });
    expect(store.getState().scenario.steps.map((s) => s.position)).toEqual([
      { x: 5, y: 5 },
      { x: 300, y: 40 },
    ]);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().moveSteps({ a: { x: 5, y: 5 } });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().scenario.steps[1].position).toEqual({ x: 220, y: 0 });
  });

  test('deleteSelection removes the selected steps, their dependencies and a selected edge', () => {
    const store = editorStore({ scenario: scenario(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]) });
    store.getState().setSelection(['a', 'b']);
    store.getState().deleteSelection();
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['c', 'd']);
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'c', to: 'd' }]);
    expect(store.getState().selectedStepIds).toEqual([]);
    store.getState().selectEdge({ from: 'c', to: 'd' });
    store.getState().deleteSelection();
    expect(store.getState().scenario.dependencies).toEqual([]);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scenario.steps).toHaveLength(4);
  });

  test('deleteSteps removes steps by id', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    store.getState().deleteSteps(['b']);
    expect(store.getState().scenario.dependencies).toEqual([]);
  });
});

describe('connecting', () => {
  test('connect adds a success dependency and selects the edge', () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    expect(store.getState().connect('a', 'b')).toEqual({ ok: true });
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b' }]);
    expect(store.getState().selectedEdge).toEqual({ from: 'a', to: 'b' });
  });

  test('a connection that would make a cycle is refused with a message naming it, graph unchanged', () => {
    const store = editorStore({ scenario: scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]) });
    const before = store.getState().scenario;
    const result = store.getState().connect('c', 'a');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('c → a → b → c');
    expect(store.getState().notice?.text).toContain('c → a → b → c');
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
  });

  test('the shortest cycle a → b → a, and a self-loop, are refused', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    const r = store.getState().connect('b', 'a');
    expect(!r.ok && r.message).toContain('b → a → b');
    expect(store.getState().connect('a', 'a').ok).toBe(false);
    expect(store.getState().scenario.dependencies).toHaveLength(1);
  });

  test('the cycle is named by labels when steps have them', () => {
    const s = scenario(['a', 'b'], [['a', 'b']]);
    s.steps[0].label = 'Pay';
    s.steps[1].label = 'Invoice';
    const store = editorStore({ scenario: s });
    const r = store.getState().connect('b', 'a');
    expect(!r.ok && r.message).toContain('Invoice → Pay → Invoice');
  });

  test('a duplicate connection is refused, graph unchanged', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    const before = store.getState().scenario;
    const r = store.getState().connect('a', 'b');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('already depends on');
    expect(store.getState().scenario).toBe(before);
  });

  test('setEdgeCondition switches success / failure / always; success leaves no "on" field', () => {
    const store = editorStore({ scenario: scenario(['a', 'b'], [['a', 'b']]) });
    store.getState().setEdgeCondition('a', 'b', 'failure');
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b', on: 'failure' }]);
    store.getState().setEdgeCondition('a', 'b', 'success');
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b' }]);
    expect(store.getState().setEdgeCondition('b', 'a', 'always').ok).toBe(false);
  });

  test('connect with a condition, and disconnect', () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    store.getState().connect('a', 'b', 'always');
    expect(store.getState().scenario.dependencies).toEqual([{ from: 'a', to: 'b', on: 'always' }]);
    store.getState().disconnect('a', 'b');
    expect(store.getState().scenario.dependencies).toEqual([]);
  });
});

describe('configuring keeps the scenario valid', () => {
  test('updateStep applies a patch; undefined removes a field', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().updateStep('a', { fail: { status: 409, message: 'sold out' }, request: 'POST /x' });
    expect(store.getState().scenario.steps[0]).toMatchObject({ fail: { status: 409, message: 'sold out' }, request: 'POST /x' });
    store.getState().updateStep('a', { fail: undefined });
    expect('fail' in store.getState().scenario.steps[0]).toBe(false);
  });

  test('an invalid value is refused with the rule and the path, and nothing changes', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    const before = store.getState().scenario;
    for (const patch of [{ fail: { status: 424 } }, { fail: { status: 200 } }, { durationMs: -1 }, { retry: { maxAttempts: 0 } }, { fail: { timeout: true } }]) {
      const r = store.getState().updateStep('a', patch);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].path).toMatch(/^steps\[0\]\./);
    }
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
  });

  test('edits of a scenario laid out on opening are checked as the full check does: valid ones pass, a bad value, a cycle and a dangling id are refused with its messages', () => {
    const store = editorStore();
    // No positions: laid out as it is loaded, then every edit is checked by what it changed.
    const opened = { ...scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]), steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
    expect(store.getState().loadScenario(opened)).toEqual({ ok: true });
    expect(store.getState().scenario.steps.every((s) => s.position)).toBe(true);
    expect(store.getState().renameStep('b', 'Charge the card')).toEqual({ ok: true });
    expect(store.getState().updateStep('b', { durationMs: 250 })).toEqual({ ok: true });
    const valid = store.getState().scenario;
    const tooLong = store.getState().renameStep('b', 'x'.repeat(121));
    const full = validate({ ...valid, steps: valid.steps.map((s) => (s.id === 'b' ? { ...s, label: 'x'.repeat(121) } : s)) });
    expect(tooLong).toMatchObject({ ok: false, problems: full.ok ? [] : full.problems });
    expect(store.getState().updateStep('b', { durationMs: -1 })).toMatchObject({ ok: false, problems: [{ path: 'steps[1].durationMs' }] });
    expect(store.getState().connect('c', 'a')).toMatchObject({ ok: false, message: expect.stringMatching(/cycle/i) });
    expect(store.getState().changeStepId('b', 'a')).toMatchObject({ ok: false });
    expect(store.getState().scenario).toBe(valid);
  });

  test('a step that hangs is accepted with a timeout', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    expect(store.getState().updateStep('a', { fail: { timeout: true }, timeoutMs: 1000 }).ok).toBe(true);
  });

  test('setPolicy, setTitle and setDescription are undoable edits', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().setPolicy({ failFast: false, retryMode: 'naive' });
    expect(store.getState().scenario.policy).toEqual({ failFast: false, retryMode: 'naive' });
    expect(store.getState().setPolicy({ concurrency: -2 }).ok).toBe(false);
    store.getState().setTitle('Order pipeline');
    expect(store.getState().setTitle('').ok).toBe(false);
    store.getState().setDescription('Payment fails.');
    expect(store.getState().scenario).toMatchObject({ title: 'Order pipeline', description: 'Payment fails.' });
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scenario).toEqual(scenario(['a']));
  });

  test('autoLayout (dagre, loaded on demand) is one undo step; steps end up left to right', async () => {
    const s = scenario(['a', 'b'], [['a', 'b']]);
    s.steps[0].position = { x: 500, y: 500 };
    const store = editorStore({ scenario: s });
    await store.getState().autoLayout();
    const [a, b] = store.getState().scenario.steps;
    expect(a.position!.x).toBeLessThan(b.position!.x);
    store.getState().undo();
    expect(store.getState().scenario.steps[0].position).toEqual({ x: 500, y: 500 });
  });

  test('a loaded scenario without positions is laid out', () => {
    const s = scenario(['a', 'b'], [['a', 'b']]);
    s.steps.forEach((st) => delete st.position);
    const store = editorStore();
    store.getState().loadScenario(s);
    expect(store.getState().scenario.steps.every((st) => st.position)).toBe(true);
  });

  test('read-only stores refuse edits', () => {
    const store = editorStore({ scenario: scenario(['a']), readOnly: true });
    expect(store.getState().addStep()).toBe('');
    expect(store.getState().updateStep('a', { durationMs: 5 }).ok).toBe(false);
    expect(store.getState().scenario.steps).toHaveLength(1);
  });
});

describe('selection', () => {
  test('selectStep, setSelection keep a primary; selectEdge clears steps', () => {
    const store = editorStore({ scenario: scenario(['a', 'b', 'c']) });
    store.getState().selectStep('a');
    store.getState().setSelection(['a', 'b']);
    expect(store.getState().selectedStepId).toBe('a');
    store.getState().setSelection(['b', 'c']);
    expect(store.getState().selectedStepId).toBe('c');
    store.getState().selectEdge({ from: 'a', to: 'b' });
    expect(store.getState().selectedStepIds).toEqual([]);
    expect(store.getState().selectedStepId).toBeNull();
  });

  test('undo prunes a selection that no longer exists', () => {
    const store = editorStore();
    store.getState().addStep();
    store.getState().undo();
    expect(store.getState().selectedStepId).toBeNull();
    expect(store.getState().selectedStepIds).toEqual([]);
  });

  test('startRename selects the step; stopRename ends it', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    store.getState().startRename('a');
    expect(store.getState().renamingStepId).toBe('a');
    expect(store.getState().selectedStepId).toBe('a');
    store.getState().stopRename();
    expect(store.getState().renamingStepId).toBeNull();
  });
});

describe('undo / redo', () => {
  test('every kind of edit undoes and redoes', async () => {
    const store = editorStore({ scenario: scenario(['a', 'b']) });
    const snapshots = [store.getState().scenario];
    const edits = [
      () => store.getState().connect('a', 'b'),
      () => store.getState().updateStep('a', { fail: { status: 500 } }),
      () => store.getState().moveSteps({ b: { x: 1, y: 2 } }),
      () => store.getState().setPolicy({ compensation: 'saga' }),
      () => store.getState().setEdgeCondition('a', 'b', 'always'),
      () => store.getState().autoLayout(),
      () => store.getState().renameStep('b', 'B'),
      () => store.getState().deleteSteps(['a']),
    ];
    for (const edit of edits) {
      await edit();
      snapshots.push(store.getState().scenario);
    }
    expect(new Set(snapshots).size).toBe(snapshots.length);
    for (let i = snapshots.length - 2; i >= 0; i--) {
      store.getState().undo();
      expect(store.getState().scenario).toBe(snapshots[i]);
    }
    store.getState().undo();
    expect(store.getState().scenario).toBe(snapshots[0]);
    for (let i = 1; i < snapshots.length; i++) {
      store.getState().redo();
      expect(store.getState().scenario).toBe(snapshots[i]);
    }
  });

  test('undo restores whether the scenario held unsaved work', () => {
    const store = editorStore({ scenario: scenario(['a']) });
    expect(store.getState().dirty).toBe(false);
    store.getState().addStep();
    store.getState().undo();
    expect(store.getState().dirty).toBe(false);
  });
});

describe('loading never silently destroys work', () => {
  test('loading over an edited draft keeps it as the previous draft, and restoring swaps back', () => {
    const store = editorStore();
    store.getState().addStep();
    store.getState().setTitle('My draft');
    const draft = store.getState().scenario;
    store.getState().loadScenario(scenario(['x'], [], { title: 'Preset' }));
    expect(store.getState().previousDraft?.scenario).toBe(draft);
    // Names in curly quotes, as the app's other notes and the damaged-link screen write them (tryout).
    expect(store.getState().notice?.text).toContain('“My draft”');
    // On a phone the button is in the toolbar's More menu: the notice says where to find it.
    expect(store.getState().notice?.text).toContain('“Restore draft” in the toolbar (under More on a phone)');
    expect(store.getState().dirty).toBe(false);

    // Loading another unedited scenario does not overwrite the kept draft.
    store.getState().loadScenario(scenario(['y'], [], { title: 'Preset 2' }));
    expect(store.getState().previousDraft?.scenario).toBe(draft);

    store.getState().restorePreviousDraft();
    expect(store.getState().scenario).toEqual(draft);
    expect(store.getState().dirty).toBe(true);
    // The unedited preset was not work, so nothing is kept in its place.
    expect(store.getState().previousDraft).toBeNull();
  });

  test('restoring over an edited scenario swaps the two', () => {
    const store = editorStore();
    store.getState().addStep();
    const first = store.getState().scenario;
    store.getState().loadScenario(scenario(['x']));
    store.getState().addStep();
    const second = store.getState().scenario;
    store.getState().restorePreviousDraft();
    expect(store.getState().scenario).toEqual(first);
    expect(store.getState().previousDraft?.scenario).toBe(second);
  });

  test('a load is itself undoable', () => {
    const store = editorStore();
    store.getState().addStep();
    const draft = store.getState().scenario;
    store.getState().loadScenario(scenario(['x']));
    store.getState().undo();
    expect(store.getState().scenario).toBe(draft);
    expect(store.getState().dirty).toBe(true);
  });

  test('an invalid scenario is not loaded', () => {
    const store = editorStore();
    const r = store.getState().loadScenario(scenario(['a', 'a']));
    expect(r.ok).toBe(false);
    expect(store.getState().scenario).toBe(EMPTY_SCENARIO);
  });

  test('setScenario loads like loadScenario', () => {
    const store = editorStore();
    store.getState().setScenario(scenario(['a']));
    expect(store.getState().scenario.steps[0].id).toBe('a');
  });
});

describe('autosave', () => {
  const storage = withStorage(() => new MemoryStorage());

  test('edits are saved after a pause, and a new store restores them exactly', () => {
    const store = editorStore({ persist: true });
    store.getState().addStep({ position: { x: 3, y: 4 } });
    store.getState().updateStep('step-1', { fail: { status: 409, times: 2 }, retry: { maxAttempts: 3 } });
    store.getState().setPolicy({ retryMode: 'naive' });
    expect(storage().getItem(DRAFT_KEY)).toBeNull();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const reloaded = editorStore({ persist: true });
    expect(reloaded.getState().scenario).toEqual(store.getState().scenario);
    expect(reloaded.getState().dirty).toBe(true);
  });

  test('saves are debounced: many quick edits write once', () => {
    const store = editorStore({ persist: true });
    const spy = vi.spyOn(storage(), 'setItem');
    for (let i = 0; i < 5; i++) store.getState().addStep();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(spy.mock.calls.filter(([key]) => key === DRAFT_KEY)).toHaveLength(1);
  });

  test('flushAutosave writes at once', () => {
    const store = editorStore({ persist: true });
    store.getState().addStep();
    store.getState().flushAutosave();
    expect(JSON.parse(storage().getItem(DRAFT_KEY)!).scenario.steps).toHaveLength(1);
  });

  test('the previous draft survives a reload', () => {
    const store = editorStore({ persist: true });
    store.getState().addStep();
    store.getState().setTitle('Mine');
    store.getState().loadScenario(scenario(['x']));
    expect(storage().getItem(PREVIOUS_DRAFT_KEY)).not.toBeNull();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const reloaded = editorStore({ persist: true });
    expect(reloaded.getState().previousDraft?.scenario.title).toBe('Mine');
    expect(reloaded.getState().scenario.steps[0].id).toBe('x');
  });

  test('a corrupt or invalid saved draft is ignored', () => {
    storage().setItem(DRAFT_KEY, '{not json');
    expect(editorStore({ persist: true }).getState().scenario).toBe(EMPTY_SCENARIO);
    storage().setItem(DRAFT_KEY, JSON.stringify({ scenario: scenario(['a', 'a']), dirty: true }));
    expect(editorStore({ persist: true }).getState().scenario).toBe(EMPTY_SCENARIO);
  });

  test('stores without persist never write', () => {
    const store = editorStore();
    store.getState().addStep();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(storage().length).toBe(0);
  });
});

describe('the scenario limits hold for edits too (a draft and a link past them would not open again)', () => {
  test('at 2,000 steps Add step is refused and said on the status line; the scenario stays as it was', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `s${i}`);
    const store = editorStore({ scenario: scenario(ids) });
    expect(store.getState().addStep()).toBe('');
    expect(store.getState().scenario.steps).toHaveLength(2_000);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: 'No step added: steps: A scenario holds at most 2,000 steps, the most a link or a saved draft opens; this one has 2,001.' });
    // Below the limit the same action adds the step.
    store.getState().deleteSteps(['s0']);
    expect(store.getState().addStep()).not.toBe('');
    expect(store.getState().scenario.steps).toHaveLength(2_000);
  });
});
