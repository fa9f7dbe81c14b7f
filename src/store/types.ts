import type { StoreApi } from 'zustand/vanilla';
import type { RunDiff } from '../engine/compare.ts';
import type { LiveState, ReplayPlan, RunEvent, RunResult } from '../engine/types.ts';
import type { FailureChoice, StepPatch } from '../scenario/edits.ts';
import type { CompensationErrors, DependencyCondition, DialectName, FailSpec, Policy, Position, Problem, RetrySpec, Scenario } from '../scenario/types.ts';
import type { History } from './history.ts';
import type { SavedDraft } from './persistence.ts';
import type { LessonSlice } from '../lessons/lesson-types.ts';

// The store's shapes, in one module that imports no slice: every slice imports its types from
// here and reaches the others through a typed `get()`, so the slices never import each other.

// ---- the store ------------------------------------------------------------------------------

/** Everything one simulator holds: the scenario and its edits, the selection, the run, the autosave. */
export type RippleState = EditorSlice & SelectionSlice & RunSlice & AutosaveSlice & CompareSlice & LessonSlice;
export type RippleStore = StoreApi<RippleState>;

/** How every slice is written: it sees the whole state through `get()` and writes with `set`. */
export type SliceCreator<T> = (set: RippleStore['setState'], get: RippleStore['getState'], api: RippleStore) => T;

export interface RippleStoreOptions {
  scenario?: Scenario;
  /** Editor: restore the saved draft and autosave to localStorage. Embeds and tests: off. */
  persist?: boolean;
  readOnly?: boolean;
  /**
   * Simulates off the page's main thread (the editor passes src/worker/off-thread.ts): Run
   * then shows `running` until the result arrives. Without it a run is made synchronously.
   */
  simulateOffThread?: (scenario: Scenario) => Promise<RunResult>;
}

// ---- the editor slice: the scenario and every edit of it ------------------------------------

export interface EdgeRef {
  from: string;
  to: string;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Increases with every notice, so the same message said twice is announced twice. */
  seq: number;
  /** A file the notice offers to download (a draft that could not be read or saved). */
  download?: { label: string; filename: string; text: string; type: string };
  /** A note about the run not shown ("press Run to run this one"): the next run to start removes it. */
  untilRun?: true;
}

export type EditResult = { ok: true } | { ok: false; message: string; problems: Problem[] };

export type { FailureChoice, StepPatch };

export interface AddStepOptions {
  position?: Position;
  label?: string;
  /** Also make the new step depend on this one (one undo step for both). */
  after?: string;
}

/** Options of `loadScenario`. */
export interface LoadOptions {
  /** The undo step's name ("open link", "restore draft"); 'load scenario' when left out. */
  label?: string;
  /**
   * True only for a scenario the gate has just opened and checked (a link decoded by
   * src/scenario/link-codec.ts, on the page or in the text worker): it is not checked a second
   * time, which costs 100–250 ms of the first canvas of a 1,000-step link (issue #15). Anything
   * else (a preset, a file, a paste, a lesson) leaves it out and is checked here.
   */
  checked?: true;
}

export interface EditorSlice {
  scenario: Scenario;
  readOnly: boolean;
  /** The last refusal or note for the status line (a cycle, a duplicate, a restored draft). */
  notice: Notice | null;
  history: History;
  /** The scenario holds edits of the person's since it was loaded. */
  dirty: boolean;
  /** The draft a load replaced, kept so loading never silently destroys work. */
  previousDraft: SavedDraft | null;
  /**
   * "Speak as" for a scenario whose dialect its fields tie it to (an import with `if`s, flags):
   * the words change, the scenario does not. Null: the scenario's own `dialect` speaks. Reset on load.
   */
  speakAs: DialectName | null;
  /** Increases when the whole picture changes (load, restore, auto-layout): the canvas fits the view. */
  viewSeq: number;

  dismissNotice: () => void;
  /**
   * Say `text` on the status line (the notice bar), as the store's own messages are said. With
   * `untilRun`, the next run to start takes it away (it is about a run that is not shown).
   */
  sayNotice: (kind: Notice['kind'], text: string, options?: { untilRun?: true }) => void;
  /** Load a scenario (preset, file, link); an edited draft it replaces becomes `previousDraft`. */
  loadScenario: (scenario: Scenario, options?: LoadOptions) => EditResult;
  /** Same as `loadScenario` (the name other slices use). */
  setScenario: (scenario: Scenario) => void;
  restorePreviousDraft: () => void;
  addStep: (options?: AddStepOptions) => string;
  renameStep: (id: string, label: string) => EditResult;
  changeStepId: (id: string, newId: string) => EditResult;
  updateStep: (id: string, patch: StepPatch) => EditResult;
  /**
   * Make step `id` succeed, hang or fail with a status, keeping its failure's message and
   * count. A hang needs a timeout: a step without one gets `HANG_TIMEOUT_MS` (1000 ms).
   */
  setStepFailure: (id: string, choice: FailureChoice) => EditResult;
  /** Change fields of step `id`'s failure (`undefined` removes one); a failure left empty is removed. */
  updateFailure: (id: string, patch: { [K in keyof FailSpec]?: FailSpec[K] | undefined }) => EditResult;
  /** Change fields of step `id`'s retry (`undefined` removes one); a retry left empty is removed. */
  updateRetry: (id: string, patch: { [K in keyof RetrySpec]?: RetrySpec[K] | undefined }) => EditResult;
  moveSteps: (positions: Record<string, Position>) => void;
  deleteSteps: (ids: string[]) => void;
  deleteSelection: () => void;
  connect: (from: string, to: string, on?: DependencyCondition) => EditResult;
  /** Make `id` depend on `prerequisite` (on success) and keep `id` selected, as the inspector wants. */
  addPrerequisite: (id: string, prerequisite: string) => EditResult;
  disconnect: (from: string, to: string) => void;
  setEdgeCondition: (from: string, to: string, on: DependencyCondition) => EditResult;
  setPolicy: (patch: Partial<Policy>) => EditResult;
  setTitle: (title: string) => EditResult;
  setDescription: (description: string) => EditResult;
  /**
   * "Speak as" (issue #11): the scenario's `dialect`, one undo step; `http` removes the field (its
   * default). A scenario with fields of its source system (`sourceBoundField`) keeps its dialect:
   * then only `speakAs` changes (a view, not an edit).
   */
  setDialect: (dialect: DialectName) => EditResult;
  /** R14: set step `id`'s run condition (trimmed); blank removes it. */
  setWhen: (id: string, when: string) => EditResult;
  /** R14: incoming conditions back to `on success` and the join back to `all`, so a `when` can decide alone. */
  clearWhenConflicts: (id: string) => EditResult;
  /** R16: step `id`'s answer on success, 200–299; 200 or undefined removes the field. */
  setSuccessStatus: (id: string, status: number | undefined) => EditResult;
  /** R17: compensate step `id` even when it ended failed (its last attempt may have acted). */
  setEvenIfFailed: (id: string, on: boolean) => EditResult;
  /** R17: after a failed compensation, run the remaining handlers (`continue`) or none (`stop`). */
  setCompensationErrors: (value: CompensationErrors) => EditResult;
  /** R18: make an atomic group of steps `ids` (in scenario order) labelled `label`: its id (`group-1`…), or why not. */
  createGroup: (ids: readonly string[], label?: string) => ({ ok: true; id: string }) | Extract<EditResult, { ok: false }>;
  removeGroup: (id: string) => EditResult;
  renameGroup: (id: string, label: string) => EditResult;
  /** The whole scenario as edited in the Source tab (already read by the gate); one undo step. */
  editSource: (scenario: Scenario) => EditResult;
  /** "Tidy": lay every step out left to right with dagre (loaded on demand); one undo step. */
  autoLayout: () => Promise<void>;
  undo: () => void;
  redo: () => void;
}

/** The editor's autosave (src/store/autosave.ts), when the store was made with `persist`. */
export interface AutosaveSlice {
  /** Write a pending autosave now instead of after the debounce (page hide, tests); nothing when autosave is off. */
  flushAutosave: () => void;
  /** The teardown: write what is pending and stop saving (a store going away, tests). */
  stopAutosave: () => void;
}

// ---- the selection slice --------------------------------------------------------------------

export interface Selection {
  /** The one step the inspector, "Why 424?" and the response viewer show (the primary of the selection). */
  selectedStepId: string | null;
  /** Every selected step (multi-select); contains `selectedStepId` when that is set. */
  selectedStepIds: string[];
  selectedEdge: EdgeRef | null;
  /** The step whose label is being edited inline on the canvas. */
  renamingStepId: string | null;
}

/** The side panel's tabs: the inspector, the scenario's settings, the run panels. */
export type PanelTab = 'step' | 'scenario' | 'run' | 'source' | 'lesson';

export interface SelectionSlice extends Selection {
  /**
   * The side panel's open tab. It follows what the person does: selecting something with no run
   * opens `step`; a run, or a moment opened from a link, opens `run` (where "Why 424?" answers).
   */
  panelTab: PanelTab;
  setPanelTab: (tab: PanelTab) => void;
  /**
   * Increases when a step is selected from outside the canvas (`selectStep`: the Why links, the
   * step table, the Gantt labels, a lesson): the canvas brings that step into view if it is off
   * screen. A selection made on the canvas (`setSelection`) leaves it, so a click never moves the view.
   */
  revealSeq: number;
  selectStep: (id: string | null) => void;
  setSelection: (ids: string[], edge?: EdgeRef | null) => void;
  selectEdge: (edge: EdgeRef | null) => void;
  startRename: (id: string) => void;
  stopRename: () => void;
}

// ---- the run slice: the run, its replays and where playback is --------------------------------

export type Speed = 0.25 | 0.5 | 1 | 2 | 4;

/** One run on the combined timeline: the first run, then each replay after it. */
export interface RunSegment {
  kind: 'run' | 'replay';
  result: RunResult;
  /** The scenario as it was when this segment ran (stale detection compares against the last one). */
  scenario: Scenario;
  /** Where the segment starts on the combined timeline, in virtual ms. */
  offset: number;
  /** Index of its first event in `timeline`. */
  firstIndex: number;
  /** Replay only: the steps it replayed from and the plan it followed. */
  from?: string[];
  plan?: ReplayPlan;
}

/** An event placed on the combined timeline. */
export interface TimelineEvent {
  event: RunEvent;
  /** Virtual ms on the combined timeline (segment offset + the event's own `t`). */
  at: number;
  /** Index into `segments`. */
  segment: number;
  /** Index into that segment's `result.events` (what `stateAt` takes). */
  index: number;
}

export interface ReplayDraft {
  /** Steps to replay from; null = the engine's default (every failed step). */
  from: string[] | null;
}

/** A moment to open (a share link's extras): run and stand at `at` ms, select a step, play. */
export interface Moment {
  /** Virtual ms to open the run at (clamped to the run). */
  at?: number;
  /** Step id to select; ignored when the scenario has no such step. */
  select?: string;
  /** Keep playing after opening (otherwise a run opened at a moment is paused). */
  play?: boolean;
  /**
   * The index of the event on the run's timeline to stand at, when it is at time `at`: several
   * events may share a time (steps answering at once, a retry storm's astronomic times), and
   * `at` alone opens on the last of them. Ignored when out of range or at another time.
   */
  event?: number;
  /** The side panel's tab to show once opened (a reload keeps the person's tab); by default the run panels when there is a run. */
  tab?: PanelTab;
}

export interface RunSlice {
  /** The first run of the current playback (replays are in `segments`). */
  run: RunResult | null;
  /** The first run and every replay after it, in order. */
  segments: RunSegment[];
  /** Every segment's events, one after the other: what the scrubber, Gantt and log cover. */
  timeline: TimelineEvent[];
  /** Virtual ms covered by `timeline`. */
  duration: number;
  /** Index into `timeline`: the moment the canvas and panels show. */
  cursor: number;
  /** Virtual ms of the playhead; between `timeline[cursor].at` and the next event's. */
  time: number;
  playing: boolean;
  speed: Speed;
  /** A run is being made off the main thread; `run` and the timeline are the previous ones (or none) until it arrives. */
  running: boolean;
  /** Why the last Run did not start (invalid or empty scenario); null when it did. */
  runProblems: Problem[] | null;
  /** The replay plan being prepared ("Replay from failed step"); null when closed. */
  replayDraft: ReplayDraft | null;
  /** Why the last replay could not run; null when it did. */
  replayProblems: Problem[] | null;
  /**
   * A pref: the run panels (Why, responses, summary, Gantt) tell the whole run, ending
   * included; false (the default): only what has happened by the playhead.
   */
  wholeRun: boolean;
  setWholeRun: (on: boolean) => void;

  /** Validate and run the scenario; with `simulateOffThread`, the result arrives later (`running` until then). */
  runScenario: () => void;
  /** Forget the run (and drop one still being made). */
  clearRun: () => void;
  /**
   * Open the scenario at a moment, as a share link or an embed asks: with `at` or `play`, run
   * it, pause unless `play`, seek to `at`; then select `select` if the scenario has that step.
   */
  openMoment: (moment: Moment) => void;
  /** Move to event `cursor` of the timeline (clamped); playing continues from there. */
  setCursor: (cursor: number) => void;
  /** Move the playhead to virtual ms `time`; the cursor becomes the last event at or before it. */
  seekTime: (time: number) => void;
  /**
   * The playback clock's step: like `seekTime`, and stops playing at the end. With
   * `moveCursor: false` only the playhead moves (the clock holds back cursor changes so the
   * canvas redraws at most ~20 times a second however dense the events are).
   */
  tick: (time: number, moveCursor?: boolean) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: Speed) => void;
  stepForward: () => void;
  stepBack: () => void;
  nextFailure: () => void;
  prevFailure: () => void;
  restart: () => void;
  openReplayPlan: (from?: string[]) => void;
  setReplayFrom: (from: string[] | null) => void;
  closeReplayPlan: () => void;
  runReplay: () => void;
}

export interface LiveStepView {
  state: LiveState;
  attempt: number;
  status: number | null;
  /** Kept from the previous run by a replay (no time spent). */
  reused?: boolean;
  /** On a blocked step: the direct prerequisite whose failure it answers 424 for (the edge to mark). */
  failedPrerequisiteStep?: string;
  /**
   * On a failed or blocked step that will try again: when its next attempt (or naive re-send /
   * graph-aware retry) starts, in ms on the timeline. Absent on a final failure (issue #8 item 9).
   */
  retryAt?: number;
}

// ---- the compare slice (issue #13): A and B side by side, one playhead ----------------------

/** One side of a comparison. */
export interface CompareSide {
  /** A store of its own (never autosaved) holding this side's scenario and run. */
  store: RippleStore;
  /** What this side is: `A`, `Fail-fast guard off`, `Edited copy`. */
  label: string;
}

export interface CompareSession {
  a: CompareSide;
  b: CompareSide;
  /** B ran as a replay of A's run (R13): B's timeline is A's run, then the replay. */
  replay: boolean;
  /** B is a copy the person edits (its store is not read-only); "Run both again" re-runs it. */
  editable: boolean;
  diff: RunDiff;
  /** `diff` in one sentence (src/engine/compare.ts `summarizeDiff`). */
  summary: string;
  /** Virtual ms of the shared playhead. */
  time: number;
  /** Virtual ms the shared clock runs to: the longer side's timeline. */
  duration: number;
  playing: boolean;
  speed: Speed;
  /** The step selected on both sides. */
  selectedStepId: string | null;
}

export interface OpenCompareOptions {
  /** What B is, shown over its canvas. */
  label: string;
  /** Run B as a replay of A's run ("the root cause fixed"). */
  replay?: boolean;
  /** Let the person edit B ("edit a copy"). */
  editable?: boolean;
  /** Where to stand (ms) instead of playing from the start (a comparison link's `at`). */
  at?: number;
  /** A step to select on both sides. */
  select?: string;
}

export interface CompareSlice {
  /** The open comparison; null outside compare mode. */
  compare: CompareSession | null;
  /** Why the last comparison could not open (A or B invalid, a replay refused); null when it did. */
  compareProblems: Problem[] | null;
  /**
   * Compare the editor's scenario (A) with `b`: both are checked and run, and compare mode
   * opens playing from 0 (or paused at `at`). Returns false, with `compareProblems`, when
   * either is invalid or the replay is refused.
   */
  openCompare: (b: Scenario, options: OpenCompareOptions) => boolean;
  /** Run both again (after B was edited); the playhead goes back to 0 and plays. */
  rerunCompare: () => boolean;
  closeCompare: () => void;
  /** Move the shared playhead to `time` ms (clamped); both sides follow. */
  compareSeek: (time: number) => void;
  /**
   * The shared clock's step: like `compareSeek`, stopping at the end. With `moveSides: false`
   * only the shared playhead moves (the clock holds back redraws of the canvases).
   */
  compareTick: (time: number, moveSides?: boolean) => void;
  comparePlay: () => void;
  comparePause: () => void;
  compareTogglePlay: () => void;
  compareSetSpeed: (speed: Speed) => void;
  /** To the next (1) or previous (−1) moment at which anything happens on either side. */
  compareStep: (direction: 1 | -1) => void;
  /**
   * Select step `id` (or nothing) on both sides, and bring it into view (`revealSeq`) on each
   * side but `from`, the side whose own selection this follows (which reveals it, or not, as
   * its own selection does). Without `from` (the diff table) both sides reveal it.
   */
  compareSelect: (id: string | null, from?: RippleStore) => void;
}
