import type { Dependency, DependencyCondition, Policy, Position, Problem, Scenario, Step } from '../scenario/types.ts';
import type { RippleStore, RippleStoreOptions } from './store.ts';
import { checkScenario, restoreScenario } from './edit-check.ts';
import { cycleIfConnected, hasDependency, nextStepId } from './graph.ts';
import { EMPTY_HISTORY, record, redo as redoHistory, undo as undoHistory, type History } from './history.ts';
import { layeredLayout, needsLayout, withPositions } from './simple-layout.ts';
import { DRAFT_KEY, PREVIOUS_DRAFT_KEY, readDraft, writeDraft, type SavedDraft } from './persistence.ts';

// OWNER: editor engineer. Contract others rely on: `scenario`, `readOnly`, `selectedStepId`,
// `selectStep`, `setScenario`.
//
// Every edit of the scenario is an action here. An edit builds the next scenario, checks it with
// the format's rules and either commits it (one undo step) or returns the problems and leaves
// the scenario as it was: the store never holds a scenario the engine would reject.

export interface EdgeRef {
  from: string;
  to: string;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Increases with every notice, so the same message said twice is announced twice. */
  seq: number;
}

export type EditResult = { ok: true } | { ok: false; message: string; problems: Problem[] };

/** Fields of a step to change; `undefined` removes the field (back to its default). */
export type StepPatch = { [K in Exclude<keyof Step, 'id'>]?: Step[K] | undefined };

export interface AddStepOptions {
  position?: Position;
  label?: string;
  /** Also make the new step depend on this one (one undo step for both). */
  after?: string;
}

export interface EditorSlice {
  scenario: Scenario;
  readOnly: boolean;
  /** The one step the inspector, "Why 424?" and the response viewer show (the primary of the selection). */
  selectedStepId: string | null;
  /** Every selected step (multi-select); contains `selectedStepId` when that is set. */
  selectedStepIds: string[];
  selectedEdge: EdgeRef | null;
  /** The step whose label is being edited inline on the canvas. */
  renamingStepId: string | null;
  /** The last refusal or note for the status line (a cycle, a duplicate, a restored draft). */
  notice: Notice | null;
  history: History;
  /** The scenario holds edits of the person's since it was loaded. */
  dirty: boolean;
  /** The draft a load replaced, kept so loading never silently destroys work. */
  previousDraft: SavedDraft | null;
  /** Increases when the whole picture changes (load, restore, auto-layout): the canvas fits the view. */
  viewSeq: number;

  selectStep: (id: string | null) => void;
  setSelection: (ids: string[], edge?: EdgeRef | null) => void;
  selectEdge: (edge: EdgeRef | null) => void;
  startRename: (id: string) => void;
  stopRename: () => void;
  dismissNotice: () => void;

  /** Load a scenario (preset, file, link); an edited draft it replaces becomes `previousDraft`. */
  loadScenario: (scenario: Scenario, options?: { label?: string }) => EditResult;
  /** Same as `loadScenario` (the name other slices use). */
  setScenario: (scenario: Scenario) => void;
  restorePreviousDraft: () => void;
  addStep: (options?: AddStepOptions) => string;
  renameStep: (id: string, label: string) => EditResult;
  changeStepId: (id: string, newId: string) => EditResult;
  updateStep: (id: string, patch: StepPatch) => EditResult;
  moveSteps: (positions: Record<string, Position>) => void;
  deleteSteps: (ids: string[]) => void;
  deleteSelection: () => void;
  connect: (from: string, to: string, on?: DependencyCondition) => EditResult;
  disconnect: (from: string, to: string) => void;
  setEdgeCondition: (from: string, to: string, on: DependencyCondition) => EditResult;
  setPolicy: (patch: Partial<Policy>) => EditResult;
  setTitle: (title: string) => EditResult;
  setDescription: (description: string) => EditResult;
  /** "Tidy": lay every step out left to right with dagre (loaded on demand); one undo step. */
  autoLayout: () => Promise<void>;
  undo: () => void;
  redo: () => void;
  /** Write the autosave now instead of after the debounce (page hide, tests). */
  flushAutosave: () => void;
}

export const EMPTY_SCENARIO: Scenario = { version: 1, title: 'Untitled scenario', steps: [], dependencies: [] };

export const AUTOSAVE_DELAY_MS = 400;

const OK: EditResult = { ok: true };

function refuse(message: string, problems: Problem[] = [{ code: 'refused-edit', path: '', message }]): EditResult {
  return { ok: false, message, problems };
}

function labelOf(scenario: Scenario, id: string): string {
  return scenario.steps.find((s) => s.id === id)?.label ?? id;
}

/** Drop `undefined` fields so a patch that clears a field leaves no trace in the JSON. */
function applyPatch(step: Step, patch: StepPatch): Step {
  const next: Record<string, unknown> = { ...step, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as unknown as Step;
}

function samePosition(a: Position | undefined, b: Position): boolean {
  return !!a && a.x === b.x && a.y === b.y;
}

function prepare(scenario: Scenario): Scenario {
  return needsLayout(scenario) ? withPositions(scenario, layeredLayout(scenario)) : scenario;
}

/** Keep the selection to steps and edges that still exist (after delete, undo, load). */
function pruneSelection(scenario: Scenario, state: Pick<EditorSlice, 'selectedStepId' | 'selectedStepIds' | 'selectedEdge' | 'renamingStepId'>) {
  const ids = new Set(scenario.steps.map((s) => s.id));
  const selectedStepIds = state.selectedStepIds.filter((id) => ids.has(id));
  const edge = state.selectedEdge;
  return {
    selectedStepIds,
    selectedStepId: state.selectedStepId && ids.has(state.selectedStepId) ? state.selectedStepId : (selectedStepIds.at(-1) ?? null),
    selectedEdge: edge && hasDependency(scenario.dependencies, edge.from, edge.to) ? edge : null,
    renamingStepId: state.renamingStepId && ids.has(state.renamingStepId) ? state.renamingStepId : null,
  };
}

function initialState(options: RippleStoreOptions): { scenario: Scenario; dirty: boolean; previousDraft: SavedDraft | null } {
  if (options.scenario) return { scenario: prepare(options.scenario), dirty: false, previousDraft: null };
  if (!options.persist) return { scenario: EMPTY_SCENARIO, dirty: false, previousDraft: null };
  const saved = readDraft(DRAFT_KEY);
  const scenario = saved ? restoreScenario(saved.scenario) : null;
  const previous = readDraft(PREVIOUS_DRAFT_KEY);
  const previousScenario = previous ? restoreScenario(previous.scenario) : null;
  return {
    scenario: scenario ? prepare(scenario) : EMPTY_SCENARIO,
    dirty: scenario ? saved!.dirty : false,
    previousDraft: previousScenario ? { scenario: previousScenario, dirty: true, savedAt: previous!.savedAt } : null,
  };
}

export function createEditorSlice(
  set: RippleStore['setState'],
  get: RippleStore['getState'],
  api: RippleStore,
  options: RippleStoreOptions,
): EditorSlice {
  const initial = initialState(options);
  let noticeSeq = 0;

  const notify = (kind: Notice['kind'], text: string) => set({ notice: { kind, text, seq: ++noticeSeq } });
  // A run describes the scenario it ran; once another scenario is loaded it would paint stale
  // states on steps that happen to share ids. (The run slice owns `clearRun`.)
  const dropRun = () => (get() as Partial<{ clearRun: () => void }>).clearRun?.();

  /** Check and commit `next` as one undo step labelled `label`. */
  const commit = (label: string, next: Scenario, extra: Partial<EditorSlice> = {}): EditResult => {
    const state = get();
    if (state.readOnly) return refuse('This scenario is read-only.');
    if (next === state.scenario) return OK;
    const check = checkScenario(next);
    if (!check.ok) return refuse(check.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), check.problems);
    set({
      scenario: next,
      dirty: true,
      history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, label),
      ...pruneSelection(next, { ...state, ...extra }),
      ...extra,
    });
    return OK;
  };

  const mapStep = (id: string, fn: (step: Step) => Step): Scenario | null => {
    const { scenario } = get();
    if (!scenario.steps.some((s) => s.id === id)) return null;
    return { ...scenario, steps: scenario.steps.map((s) => (s.id === id ? fn(s) : s)) };
  };

  const loadScenario: EditorSlice['loadScenario'] = (incoming, opts = {}) => {
    const state = get();
    const check = checkScenario(incoming);
    if (!check.ok) return refuse(check.problems.map((p) => `${p.path}: ${p.message}`).join('; '), check.problems);
    const next = prepare(incoming);
    const keepDraft = state.dirty && state.scenario.steps.length > 0;
    set({
      scenario: next,
      dirty: false,
      history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, opts.label ?? 'load scenario'),
      previousDraft: keepDraft ? { scenario: state.scenario, dirty: true, savedAt: Date.now() } : state.previousDraft,
      viewSeq: state.viewSeq + 1,
      selectedStepId: null,
      selectedStepIds: [],
      selectedEdge: null,
      renamingStepId: null,
    });
    dropRun();
    if (keepDraft) notify('info', `Your previous draft "${state.scenario.title}" is kept: "Restore previous draft" brings it back.`);
    return OK;
  };

  const restore = (entry: { scenario: Scenario; dirty: boolean }, history: History) => {
    const state = get();
    set({ scenario: entry.scenario, dirty: entry.dirty, history, ...pruneSelection(entry.scenario, state) });
  };

  // Autosave: debounced, and flushed when the page is hidden so a reload right after an edit
  // still restores it exactly.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { scenario, dirty } = get();
    writeDraft({ scenario, dirty, savedAt: Date.now() }, DRAFT_KEY);
  };
  if (options.persist && !options.readOnly) {
    api.subscribe((state, prev) => {
      if (state.scenario !== prev.scenario || state.dirty !== prev.dirty) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(save, AUTOSAVE_DELAY_MS);
      }
      if (state.previousDraft !== prev.previousDraft) writeDraft(state.previousDraft, PREVIOUS_DRAFT_KEY);
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => timer && save());
      document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && timer && save());
    }
  }

  return {
    scenario: initial.scenario,
    readOnly: options.readOnly ?? false,
    selectedStepId: null,
    selectedStepIds: [],
    selectedEdge: null,
    renamingStepId: null,
    notice: null,
    history: EMPTY_HISTORY,
    dirty: initial.dirty,
    previousDraft: initial.previousDraft,
    viewSeq: 0,

    selectStep: (id) => set({ selectedStepId: id, selectedStepIds: id ? [id] : [], selectedEdge: null }),
    setSelection: (ids, edge = null) => {
      const { selectedStepId } = get();
      const unique = [...new Set(ids)];
      set({
        selectedStepIds: unique,
        selectedStepId: selectedStepId && unique.includes(selectedStepId) ? selectedStepId : (unique.at(-1) ?? null),
        selectedEdge: edge,
      });
    },
    selectEdge: (edge) => set({ selectedEdge: edge, selectedStepId: null, selectedStepIds: [] }),
    startRename: (id) => {
      if (get().readOnly || !get().scenario.steps.some((s) => s.id === id)) return;
      set({ renamingStepId: id, selectedStepId: id, selectedStepIds: [id], selectedEdge: null });
    },
    stopRename: () => set({ renamingStepId: null }),
    dismissNotice: () => set({ notice: null }),

    loadScenario,
    setScenario: (scenario) => {
      loadScenario(scenario);
    },
    restorePreviousDraft: () => {
      const state = get();
      const previous = state.previousDraft;
      if (!previous) return;
      // A swap: the scenario being replaced becomes the previous draft if it holds work.
      const keep = state.dirty && state.scenario.steps.length > 0;
      set({
        scenario: prepare(previous.scenario),
        dirty: true,
        history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, 'restore previous draft'),
        previousDraft: keep ? { scenario: state.scenario, dirty: true, savedAt: Date.now() } : null,
        viewSeq: state.viewSeq + 1,
        selectedStepId: null,
        selectedStepIds: [],
        selectedEdge: null,
        renamingStepId: null,
      });
      dropRun();
      notify('info', `Restored "${previous.scenario.title}".`);
    },

    addStep: (opts = {}) => {
      const { scenario } = get();
      const id = nextStepId(scenario.steps);
      const after = opts.after ? scenario.steps.find((s) => s.id === opts.after) : undefined;
      const rightmost = scenario.steps.reduce((x, s) => Math.max(x, s.position?.x ?? 0), -220);
      const position = opts.position ?? (after?.position ? { x: after.position.x + 220, y: after.position.y } : { x: rightmost + 220, y: 0 });
      const step: Step = { id, label: opts.label ?? `Step ${id.slice(5)}`, position: { x: Math.round(position.x), y: Math.round(position.y) } };
      const dependencies: Dependency[] = after ? [...scenario.dependencies, { from: after.id, to: id }] : scenario.dependencies;
      const result = commit(after ? 'add dependent step' : 'add step', { ...scenario, steps: [...scenario.steps, step], dependencies }, {
        selectedStepId: id,
        selectedStepIds: [id],
        selectedEdge: null,
      });
      return result.ok ? id : '';
    },

    renameStep: (id, label) => {
      const next = mapStep(id, (s) => applyPatch(s, { label: label.trim() === '' ? undefined : label }));
      return next ? commit('rename step', next) : refuse(`No step "${id}".`);
    },

    changeStepId: (id, newId) => {
      const { scenario } = get();
      if (id === newId) return OK;
      if (scenario.steps.some((s) => s.id === newId)) return refuse(`Another step already has the id "${newId}".`, [{ code: 'duplicate-id', path: 'id', message: `another step already has the id "${newId}"` }]);
      const next = mapStep(id, (s) => ({ ...s, id: newId }));
      if (!next) return refuse(`No step "${id}".`);
      const rename = (x: string) => (x === id ? newId : x);
      const state = get();
      return commit(
        'change step id',
        { ...next, dependencies: next.dependencies.map((d) => ({ ...d, from: rename(d.from), to: rename(d.to) })) },
        {
          selectedStepId: state.selectedStepId && rename(state.selectedStepId),
          selectedStepIds: state.selectedStepIds.map(rename),
          selectedEdge: state.selectedEdge && { from: rename(state.selectedEdge.from), to: rename(state.selectedEdge.to) },
        },
      );
    },

    updateStep: (id, patch) => {
      const next = mapStep(id, (s) => applyPatch(s, patch));
      return next ? commit('edit step', next) : refuse(`No step "${id}".`);
    },

    moveSteps: (positions) => {
      const { scenario } = get();
      let moved = 0;
      const steps = scenario.steps.map((s) => {
        const p = positions[s.id];
        if (!p) return s;
        const rounded = { x: Math.round(p.x), y: Math.round(p.y) };
        if (samePosition(s.position, rounded)) return s;
        moved++;
        return { ...s, position: rounded };
      });
      if (moved > 0) commit(moved === 1 ? 'move step' : `move ${moved} steps`, { ...scenario, steps });
    },

    deleteSteps: (ids) => {
      const { scenario } = get();
      const gone = new Set(ids);
      const steps = scenario.steps.filter((s) => !gone.has(s.id));
      if (steps.length === scenario.steps.length) return;
      const n = scenario.steps.length - steps.length;
      commit(n === 1 ? 'delete step' : `delete ${n} steps`, {
        ...scenario,
        steps,
        dependencies: scenario.dependencies.filter((d) => !gone.has(d.from) && !gone.has(d.to)),
      });
    },

    deleteSelection: () => {
      const { scenario, selectedStepIds, selectedEdge } = get();
      const gone = new Set(selectedStepIds);
      const steps = scenario.steps.filter((s) => !gone.has(s.id));
      const dependencies = scenario.dependencies.filter(
        (d) => !gone.has(d.from) && !gone.has(d.to) && !(selectedEdge && d.from === selectedEdge.from && d.to === selectedEdge.to),
      );
      if (steps.length === scenario.steps.length && dependencies.length === scenario.dependencies.length) return;
      const n = scenario.steps.length - steps.length;
      commit(n === 0 ? 'delete dependency' : n === 1 ? 'delete step' : `delete ${n} steps`, { ...scenario, steps, dependencies }, {
        selectedStepId: null,
        selectedStepIds: [],
        selectedEdge: null,
      });
    },

    connect: (from, to, on = 'success') => {
      const { scenario } = get();
      const ids = new Set(scenario.steps.map((s) => s.id));
      const fail = (message: string) => {
        notify('error', message);
        return refuse(message);
      };
      if (!ids.has(from) || !ids.has(to)) return fail(`No step "${ids.has(from) ? to : from}".`);
      if (hasDependency(scenario.dependencies, from, to))
        return fail(`Not connected: "${labelOf(scenario, to)}" already depends on "${labelOf(scenario, from)}".`);
      const cycle = cycleIfConnected(scenario.dependencies, from, to);
      if (cycle)
        return fail(
          `Not connected: that would make a cycle ${cycle.map((id) => labelOf(scenario, id)).join(' → ')}. ` +
            'A step cannot wait for itself, even through others.',
        );
      const dep: Dependency = on === 'success' ? { from, to } : { from, to, on };
      return commit('connect', { ...scenario, dependencies: [...scenario.dependencies, dep] }, {
        selectedEdge: { from, to },
        selectedStepId: null,
        selectedStepIds: [],
      });
    },

    disconnect: (from, to) => {
      const { scenario } = get();
      const dependencies = scenario.dependencies.filter((d) => !(d.from === from && d.to === to));
      if (dependencies.length !== scenario.dependencies.length) commit('delete dependency', { ...scenario, dependencies });
    },

    setEdgeCondition: (from, to, on) => {
      const { scenario } = get();
      if (!hasDependency(scenario.dependencies, from, to)) return refuse(`No dependency ${from} → ${to}.`);
      return commit('change condition', {
        ...scenario,
        dependencies: scenario.dependencies.map((d) => (d.from === from && d.to === to ? (on === 'success' ? { from, to } : { from, to, on }) : d)),
      });
    },

    setPolicy: (patch) => {
      const { scenario } = get();
      return commit('change policy', { ...scenario, policy: { ...scenario.policy, ...patch } });
    },

    setTitle: (title) => {
      const { scenario } = get();
      return scenario.title === title ? OK : commit('rename scenario', { ...scenario, title });
    },

    setDescription: (description) => {
      const { scenario } = get();
      if ((scenario.description ?? '') === description) return OK;
      const next: Scenario = { ...scenario, description };
      if (description === '') delete next.description;
      return commit('edit description', next);
    },

    autoLayout: async () => {
      if (get().scenario.steps.length === 0) return;
      const { computeLayout } = await import('./auto-layout.ts');
      // Lay out the scenario as it is once dagre has loaded (an edit may have come in between).
      const { scenario } = get();
      const next = withPositions(scenario, computeLayout(scenario));
      if (next.steps.every((s, i) => samePosition(scenario.steps[i].position, s.position!))) return;
      commit('auto-layout', next, { viewSeq: get().viewSeq + 1 });
    },

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

    flushAutosave: () => {
      if (options.persist && !options.readOnly) save();
    },
  };
}
