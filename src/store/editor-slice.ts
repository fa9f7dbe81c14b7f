import type { DialectName, Problem, Scenario } from '../scenario/types.ts';
import { sourceBoundField } from '../scenario/dialect-fields.ts';
import type * as Edits from '../scenario/edits.ts';
import { checkedClean, GATE_NOT_LOADED, loadedEdits, loadScenarioGate, validateLoaded } from '../scenario/gate-loader.ts';
import { DIALECT_TITLES } from '../engine/dialect-words.ts';
import { DEFAULT_DIALECT } from '../scenario/defaults.ts';
import { nextStepId } from '../scenario/edit-graph.ts';
import { layeredLayout, needsLayout, withPositions } from '../canvas/layout/simple-layout.ts';
import { checkScenario } from './edit-check.ts';
import { EMPTY_HISTORY, record, redo as redoHistory, undo as undoHistory, type History } from './history.ts';
import { restoreDrafts, unreadableNotice } from './autosave.ts';
import type { SavedDraft } from './persistence.ts';
import { NO_SELECTION, pruneSelection } from './selection-slice.ts';
import type { EditorSlice, EditResult, Notice, RippleState, RippleStoreOptions, SliceCreator } from './types.ts';

// OWNER: editor engineer. Contract others rely on: `scenario`, `readOnly`, `setScenario`.
//
// Every edit of the scenario is an action here. An edit builds the next scenario with a pure
// function of src/scenario/edits.ts, checks it with the format's rules and either commits it
// (one undo step) or returns the problems and leaves the scenario as it was: the store never
// holds a scenario the engine would reject. The edits and the checks load with the scenario gate
// right after the first canvas (src/scenario/gate-loader.ts, issue #15); an edit made before
// they arrive waits for them and is then made, in the order the edits were made (`gated`).

export const EMPTY_SCENARIO: Scenario = { version: 2, title: 'Untitled scenario', steps: [], dependencies: [] };

const OK: EditResult = { ok: true };

/** The edits of edits.ts that take the scenario first and return the next one (or a refusal). */
type EditName = { [K in keyof typeof Edits]: (typeof Edits)[K] extends (scenario: Scenario, ...rest: never[]) => Edits.Edit ? K : never }[keyof typeof Edits];
/** What an edit takes after the scenario. */
type EditArgs<K extends EditName> = (typeof Edits)[K] extends (scenario: Scenario, ...rest: infer R) => Edits.Edit ? R : never;

function refuse(problems: Problem[]): EditResult {
  return { ok: false, message: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), problems };
}

/** Steps placed by the built-in layout when any step arrives without a position (files, CLI output). */
/** A scenario laid out on opening → the one it was laid out from (checked): its first edit is checked against that one. */
const laidOutFrom = new WeakMap<Scenario, Scenario>();

function prepare(scenario: Scenario): Scenario {
  if (!needsLayout(scenario)) return scenario;
  const laid = withPositions(scenario, layeredLayout(scenario));
  laidOutFrom.set(laid, scenario);
  return laid;
}

function initialState(options: RippleStoreOptions): { scenario: Scenario; dirty: boolean; previousDraft: SavedDraft | null; notice?: Notice | null } {
  if (options.scenario) return { scenario: prepare(options.scenario), dirty: false, previousDraft: null };
  if (!options.persist) return { scenario: EMPTY_SCENARIO, dirty: false, previousDraft: null };
  const restored = restoreDrafts();
  return {
    notice: unreadableNotice(restored.unreadable, 1),
    scenario: restored.scenario ? prepare(restored.scenario) : EMPTY_SCENARIO,
    dirty: restored.dirty,
    previousDraft: restored.previousDraft,
  };
}

function removedCount(before: Scenario, after: Scenario): number {
  return before.steps.length - after.steps.length;
}

export function createEditorSlice(options: RippleStoreOptions): SliceCreator<EditorSlice> {
  return (set, get) => {
    const initial = initialState(options);
    let noticeSeq = initial.notice?.seq ?? 0;

    const notify = (kind: Notice['kind'], text: string, opts: { untilRun?: true } = {}) =>
      set({ notice: { kind, text, seq: ++noticeSeq, ...(opts.untilRun ? { untilRun: true as const } : {}) } });

    const edits = () => loadedEdits()!;

    /**
     * Build the next scenario with `make` (the loaded edits), check it and commit it as one undo
     * step labelled `label`; `extra` is set in the same update.
     */
    const commit = (label: string, make: (edits: typeof Edits) => Edits.Edit, extra: Partial<RippleState> = {}): EditResult => {
      // Every caller is `gated`: the edits are here.
      const loaded = edits();
      const next = make(loaded);
      const state = get();
      if (loaded.isRefusal(next)) return refuse(next);
      if (next === state.scenario) return OK;
      if (state.readOnly) return refuse([{ code: 'refused-edit', path: '', message: 'This scenario is read-only.' }]);
      const check = checkScenario(next, laidOutFrom.get(state.scenario) ?? state.scenario);
      if (!check.ok) return refuse(check.problems);
      set({
        scenario: next,
        dirty: true,
        history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, label),
        ...pruneSelection(next, { ...state, ...extra }),
        ...extra,
      });
      return OK;
    };

    /** A whole new picture (load, restore): fresh selection, the view refits, and the old run goes. */
    const replaceScenario = (next: Partial<RippleState>) => {
      set({ ...next, speakAs: null, viewSeq: get().viewSeq + 1, ...NO_SELECTION });
      // A run describes the scenario it ran; once another scenario is loaded it would paint
      // stale states on steps that happen to share ids.
      get().clearRun();
    };

    const loadScenario: EditorSlice['loadScenario'] = (incoming, opts = {}) => {
      const state = get();
      const check = opts.checked ? OK : checkScenario(incoming);
      // Checked by the gate in the text worker: this copy is as clean, and its edits are checked by what they change.
      if (opts.checked) checkedClean.add(incoming);
      if (!check.ok) return { ok: false, message: check.problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems: check.problems };
      const keepDraft = state.dirty && state.scenario.steps.length > 0;
      replaceScenario({
        scenario: prepare(incoming),
        dirty: false,
        history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, opts.label ?? 'load scenario'),
        previousDraft: keepDraft ? { scenario: state.scenario, dirty: true, savedAt: Date.now() } : state.previousDraft,
      });
      if (keepDraft) notify('info', `Your previous draft “${state.scenario.title}” is kept: “Restore draft” in the toolbar (under More on a phone) brings it back.`);
      return OK;
    };

    const restore = (entry: { scenario: Scenario; dirty: boolean }, history: History) => {
      const state = get();
      set({ scenario: entry.scenario, dirty: entry.dirty, history, ...pruneSelection(entry.scenario, state) });
    };

    /** Connect refusals are said on the status line too: the person drew the edge on the canvas. */
    const connectOrSay = (next: Edits.Edit): Edits.Edit => {
      // A refusal (edits.ts `isRefusal`) is the list of problems.
      if (Array.isArray(next)) notify('error', next.map((p) => p.message).join('; '));
      return next;
    };

    // Edits made before the gate's edits and checks arrived (the first moments of a first visit):
    // each is its action called again once they have, in order, so none is lost or reordered.
    let waiting: (() => unknown)[] = [];
    let loading = false;
    const replayWaiting = () => {
      loading = false;
      const queued = waiting;
      waiting = [];
      // No field waits for these answers any more: a refusal is said on the status line.
      for (const again of queued) {
        const result = again() as Partial<Extract<EditResult, { ok: false }>> | undefined;
        if (result?.ok === false) notify('error', result.message!);
      }
    };
    /**
     * `action`, made now once the gate has loaded; before that (or while earlier ones still wait)
     * queued to be made when it has, answering `early` meanwhile (a field keeps what was typed).
     * Should the gate's chunk not load (offline after a deploy), the status line says so; the
     * queued edits stay and are made when a later edit's load works.
     */
    const gated =
      <A extends unknown[], R>(action: (...args: A) => R, early: R) =>
      (...args: A): R => {
        if (waiting.length === 0 && loadedEdits()) return action(...args);
        waiting.push(() => action(...args));
        if (!loading) {
          loading = true;
          loadScenarioGate().then(replayWaiting, () => {
            loading = false;
            notify('error', GATE_NOT_LOADED.message);
          });
        }
        return early;
      };
    /** The action that makes edits.ts's `name` of the scenario (with the action's arguments) as one undo step labelled `label`. */
    const edit = <K extends EditName>(label: string, name: K) =>
      gated((...args: EditArgs<K>) => commit(label, (loaded) => (loaded[name] as unknown as (scenario: Scenario, ...rest: EditArgs<K>) => Edits.Edit)(get().scenario, ...args)), OK);
    // A scenario that can be checked now (the gate checked it in the text worker, or the chunk
    // that opened it brought the checks: a link, a file) is loaded at once when no edit waits,
    // since whoever opened it acts on it next (a link's moment is run and shown; CI: a link opened
    // "at 200 ms" showed no run). Else (a preset picked in the first moments, or edits still
    // waiting, which must not be overtaken) it waits for the gate like an edit.
    const waitingLoad = gated<Parameters<EditorSlice['loadScenario']>, EditResult>(loadScenario, OK);
    const load: EditorSlice['loadScenario'] = (incoming, opts = {}) =>
      waiting.length === 0 && (opts.checked || validateLoaded()) ? loadScenario(incoming, opts) : waitingLoad(incoming, opts);

    return {
      scenario: initial.scenario,
      readOnly: options.readOnly ?? false,
      notice: initial.notice ?? null,
      history: EMPTY_HISTORY,
      dirty: initial.dirty,
      previousDraft: initial.previousDraft,
      viewSeq: 0,
      speakAs: null,

      dismissNotice: () => set({ notice: null }),
      sayNotice: notify,

      loadScenario: load,
      setScenario: (scenario) => {
        load(scenario);
      },
      restorePreviousDraft: () => {
        const state = get();
        const previous = state.previousDraft;
        if (!previous) return;
        // A swap: the scenario being replaced becomes the previous draft if it holds work.
        const keep = state.dirty && state.scenario.steps.length > 0;
        replaceScenario({
          scenario: prepare(previous.scenario),
          dirty: true,
          history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, 'restore previous draft'),
          previousDraft: keep ? { scenario: state.scenario, dirty: true, savedAt: Date.now() } : null,
        });
        notify('info', `Restored "${previous.scenario.title}".`);
      },

      addStep: gated((opts = {}) => {
        const { scenario } = get();
        const id = nextStepId(scenario.steps);
        const result = commit(opts.after ? 'add dependent step' : 'add step', (edits) => edits.addStep(scenario, id, opts), {
          selectedStepId: id,
          selectedStepIds: [id],
          selectedEdge: null,
        });
        // Like any selection with no run to explain (the edit cleared it): the new step opens in the inspector.
        if (result.ok && !get().run && !get().readOnly) set({ panelTab: 'step' });
        // Pressed from the toolbar, a key or the canvas, with no field to show a refusal in: the status line says it.
        if (!result.ok) notify('error', `No step added: ${result.message}`);
        return result.ok ? id : '';
      }, ''),

      renameStep: edit('rename step', 'renameStep'),

      changeStepId: gated((id, newId) => {
        const state = get();
        const rename = (x: string) => (x === id ? newId : x);
        return commit('change step id', (edits) => edits.changeStepId(state.scenario, id, newId), {
          selectedStepId: state.selectedStepId && rename(state.selectedStepId),
          selectedStepIds: state.selectedStepIds.map(rename),
          selectedEdge: state.selectedEdge && { from: rename(state.selectedEdge.from), to: rename(state.selectedEdge.to) },
        });
      }, OK),

      updateStep: edit('edit step', 'updateStep'),

      setStepFailure: edit('edit step', 'setStepFailure'),
      updateFailure: edit('edit step', 'updateFailure'),
      updateRetry: edit('edit step', 'updateRetry'),

      moveSteps: gated((positions) => {
        const { scenario } = get();
        const next = edits().moveSteps(scenario, positions);
        const moved = next.steps.filter((s, i) => s !== scenario.steps[i]).length;
        if (moved > 0) commit(moved === 1 ? 'move step' : `move ${moved} steps`, () => next);
      }, undefined),

      deleteSteps: gated((ids) => {
        const { scenario } = get();
        const next = edits().deleteSteps(scenario, ids);
        const n = removedCount(scenario, next);
        if (n > 0) commit(n === 1 ? 'delete step' : `delete ${n} steps`, () => next);
      }, undefined),

      deleteSelection: gated(() => {
        const { scenario, selectedStepIds, selectedEdge } = get();
        const next = edits().deleteSteps(scenario, selectedStepIds, selectedEdge);
        if (next === scenario) return;
        const n = removedCount(scenario, next);
        commit(n === 0 ? 'delete dependency' : n === 1 ? 'delete step' : `delete ${n} steps`, () => next, {
          selectedStepId: null,
          selectedStepIds: [],
          selectedEdge: null,
        });
      }, undefined),

      connect: gated((from, to, on = 'success') =>
        commit('connect', (edits) => connectOrSay(edits.connect(get().scenario, from, to, on)), {
          selectedEdge: { from, to },
          selectedStepId: null,
          selectedStepIds: [],
        }), OK),

      addPrerequisite: gated((id, prerequisite) =>
        // The inspector that asks keeps showing this step rather than the new edge.
        commit('connect', (edits) => connectOrSay(edits.connect(get().scenario, prerequisite, id)), {
          selectedStepId: id,
          selectedStepIds: [id],
          selectedEdge: null,
        }), OK),

      disconnect: gated((from, to) => {
        commit('delete dependency', (edits) => edits.disconnect(get().scenario, from, to));
      }, undefined),

      setEdgeCondition: edit('change condition', 'setEdgeCondition'),
      setPolicy: edit('change policy', 'setPolicy'),
      setTitle: edit('rename scenario', 'setTitle'),
      setDescription: edit('edit description', 'setDescription'),
      setDialect: gated((dialect) => {
        const { scenario } = get();
        const own = scenario.dialect ?? DEFAULT_DIALECT;
        // An import's `if`s and flags are in its own system's language: it keeps its dialect, and
        // Speak as changes the words only.
        if (sourceBoundField(scenario) !== null) {
          set({ speakAs: dialect === own ? null : dialect });
          return OK;
        }
        if (get().speakAs !== null) set({ speakAs: null });
        if (own === dialect) return OK;
        // `http` is the default: leaving the field out keeps links of Ripple's own scenarios as they were.
        const { dialect: _old, ...rest } = scenario;
        return commit(`speak as ${DIALECT_TITLES[dialect]}`, () => (dialect === DEFAULT_DIALECT ? rest : { ...scenario, dialect }));
      }, OK),
      editSource: gated((scenario) => {
        // Text typed back to what it was is no edit: it must not become an undo step.
        const next = prepare(scenario);
        return JSON.stringify(next) === JSON.stringify(get().scenario) ? OK : commit('edit source', () => next);
      }, OK),

      setWhen: gated((id, when) => commit(when.trim() === '' ? 'remove run condition' : 'edit run condition', (edits) => edits.setWhen(get().scenario, id, when)), OK),
      clearWhenConflicts: edit('clear conditions for when', 'clearWhenConflicts'),
      setSuccessStatus: edit('edit success status', 'setSuccessStatus'),
      setEvenIfFailed: edit('edit compensation', 'setEvenIfFailed'),
      setCompensationErrors: gated((value) => commit('change policy', (edits) => edits.setPolicy(get().scenario, { compensationErrors: value })), OK),
      createGroup: gated((ids, label = '') => {
        const { scenario } = get();
        let id = '';
        const result = commit('make group', (edits) => {
          id = edits.nextGroupId(scenario);
          return edits.createGroup(scenario, id, ids, label);
        });
        return result.ok ? { ok: true, id } : result;
      }, { ok: true, id: '' }),
      removeGroup: edit('remove group', 'removeGroup'),
      renameGroup: edit('rename group', 'renameGroup'),

      autoLayout: gated(async () => {
        if (get().scenario.steps.length === 0) return;
        const { computeLayout } = await import('../canvas/layout/auto-layout.ts');
        // Lay out the scenario as it is once dagre has loaded (an edit may have come in between).
        const { scenario } = get();
        const next = edits().moveSteps(scenario, computeLayout(scenario));
        if (next !== scenario) commit('auto-layout', () => next, { viewSeq: get().viewSeq + 1 });
      }, Promise.resolve()),

      undo: () => {
        const state = get();
        if (state.readOnly) return;
        const step = undoHistory(state.history, { scenario: state.scenario, dirty: state.dirty });
        if (step) restore(step.entry, step.history);
      },

      redo: () => {
        const state = get();
        if (state.readOnly) return;
        const step = redoHistory(state.history, { scenario: state.scenario, dirty: state.dirty });
        if (step) restore(step.entry, step.history);
      },
    };
  };
}

/** The words the run is told in ("Speak as", issue #11): the scenario's `dialect`, `http` when absent. */
/** The dialect the run is told in: Speak as's choice, else the scenario's own. */
export const selectDialect = (state: RippleState): DialectName => state.speakAs ?? state.scenario.dialect ?? DEFAULT_DIALECT;
