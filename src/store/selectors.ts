import type { ReplayPlan, Result, RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { liveTrack, moveTrack, trackState, type LiveTrack } from '../engine/state-at.ts';
import { idRecord, setOwn } from '../engine/records.ts';
import { memoOn } from './memo.ts';
import { loadedEngine } from './engine-loader.ts';
import type { LiveStepView, ReplayDraft, RippleState, RunSegment, TimelineEvent } from './types.ts';

// OWNER: playback engineer. Module-level selectors; memoised on the references they read, so
// a component re-renders only when what it shows changes (the playhead moves every frame).
// Every memo is keyed by an object of one store's state (its timeline, its run, its plan), never
// held in a module-level "last answer": two simulators on one page each keep their own answers.

/** An answer that is empty, the same object every time (a fresh `[]` would re-render its reader). */
const NONE: readonly string[] = Object.freeze([]);

/** Whether `view` reads exactly these fields: a step whose view did not change keeps its object, and none is made. */
function same(
  view: LiveStepView,
  state: LiveStepView['state'],
  attempt: number,
  status: number | null,
  reused: boolean | undefined,
  failedPrerequisiteStep: string | undefined,
  retryAt: number | undefined,
): boolean {
  return (
    view.state === state &&
    view.attempt === attempt &&
    view.status === status &&
    view.reused === reused &&
    view.failedPrerequisiteStep === failedPrerequisiteStep &&
    view.retryAt === retryAt
  );
}

// Each step's own events (by index), per run: a failed or blocked step will try again when its
// latest own event says so (issue #8 item 9). `repair-requested` is told on the root cause's
// behalf by the blocked step that asks, so it is not the root's own.
const ownEvents = new WeakMap<RunResult, Map<string, number[]>>();

function ownEventsOf(result: RunResult): Map<string, number[]> {
  let byStep = ownEvents.get(result);
  if (byStep === undefined) {
    byStep = new Map();
    result.events.forEach((event, k) => {
      if (event.step === undefined || event.type === 'repair-requested') return;
      const list = byStep!.get(event.step);
      if (list === undefined) byStep!.set(event.step, [k]);
      else list.push(k);
    });
    ownEvents.set(result, byStep);
  }
  return byStep;
}

/**
 * When step `id` starts again, if it failed (or answered 424) at or before event `index` and a
 * retry is scheduled: the `nextAt` of its latest own event, in the run's own time; else undefined.
 * At the run's last event (`run-finished`) no retry is pending: a run stopped at its work budget
 * (issue #9 item 3) ends with retries it never made, and those steps read as their last answer.
 */
export function retryAtOf(result: RunResult, id: string, index: number): number | undefined {
  if (result.events[index]?.type === 'run-finished') return undefined;
  const list = ownEventsOf(result).get(id);
  if (list === undefined) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= index) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (last < 0) return undefined;
  const event = result.events[list[last]];
  if (event.type === 'retry-scheduled') return event.nextAt;
  // The failure itself, a moment before its retry is scheduled (the same virtual time).
  if ((event.type === 'failed' || event.type === 'timed-out' || event.type === 'blocked') && event.willRetry === true) {
    const next = list[last + 1] === undefined ? undefined : result.events[list[last + 1]];
    return next?.type === 'retry-scheduled' ? next.nextAt : undefined;
  }
  return undefined;
}

// The last answer per timeline (so per store: two simulators on one page never share it), so a
// step whose view did not change keeps the same object from one cursor position to the next:
// a canvas node (or table row) memoised on it does not re-render, and when no step changed the
// whole record is the same object. The track beside it stands at the cursor's event, so the next
// cursor move reads only the events passed since (issue #15: every step at every move cost
// 2,000 steps' work a frame on a big graph).
interface LiveAnswer {
  segments: RunSegment[];
  cursor: number;
  live: Record<string, LiveStepView> | null;
  /** The segment `live` was read from, and a track standing at its event. */
  segment: number;
  track: LiveTrack | null;
}

const liveCache = new WeakMap<TimelineEvent[], LiveAnswer>();

function liveStatesAt(timeline: TimelineEvent[], segments: RunSegment[], cursor: number): Record<string, LiveStepView> | null {
  const cached = liveCache.get(timeline);
  if (cached && cached.segments === segments && cached.cursor === cursor) return cached.live;
  const answer = computeLive(timeline, segments, cursor, cached ?? null);
  liveCache.set(timeline, answer);
  return answer.live;
}

/** Step `i`'s view on `track` (standing at event `index` of `segment`), or `before` when that is the same view. */
function viewOf(track: LiveTrack, i: number, segment: RunSegment, index: number, shift: number, before: LiveStepView | undefined): LiveStepView {
  const result = segment.result;
  const id = track.ids[i];
  const state = trackState(track, i);
  const attempt = track.attempt[i];
  const status = track.status[i] < 0 ? null : track.status[i];
  const step = result.steps[id];
  const reused = step?.reused ? true : undefined;
  const failedPrerequisiteStep = state === 'blocked' ? step?.failedPrerequisiteStep : undefined;
  let retryAt: number | undefined;
  if (state === 'failed' || state === 'blocked') {
    const next = retryAtOf(result, id, index);
    if (next !== undefined) retryAt = next + shift;
  }
  if (before && same(before, state, attempt, status, reused, failedPrerequisiteStep, retryAt)) return before;
  const entry: LiveStepView = { state, attempt, status };
  if (reused) entry.reused = true;
  if (failedPrerequisiteStep !== undefined) entry.failedPrerequisiteStep = failedPrerequisiteStep;
  if (retryAt !== undefined) entry.retryAt = retryAt;
  return entry;
}

function computeLive(timeline: TimelineEvent[], segments: RunSegment[], cursor: number, previous: LiveAnswer | null): LiveAnswer {
  const at = timeline[cursor];
  const previousLive = previous?.live ?? null;
  if (!at) return { segments, cursor, live: null, segment: -1, track: null };
  const segment = segments[at.segment];
  // On the shared timeline: the segment's events are shifted by the same amount.
  const shift = at.at - segment.result.events[at.index].t;
  const reuse = previous !== null && previousLive !== null && previous.segments === segments && previous.segment === at.segment && previous.track?.run === segment.result;
  if (reuse) {
    // Only the steps whose events the move passed over can have a new view; every other keeps its
    // object, and the record is copied only when one changed.
    const track = previous.track!;
    const touched = new Set<number>();
    const from = timeline[previous.cursor];
    moveTrack(track, at.index, (i) => touched.add(i));
    // At the run's last event no retry is pending (retryAtOf): a move onto it or off it may
    // change every waiting step's view, though no step's own event was passed.
    const events = segment.result.events;
    if (events[at.index]?.type === 'run-finished' || (from !== undefined && events[from.index]?.type === 'run-finished')) {
      for (let i = 0; i < track.ids.length; i++) touched.add(i);
    }
    let live: Record<string, LiveStepView> | null = null;
    for (const i of touched) {
      const id = track.ids[i];
      const before = previousLive[id];
      const view = viewOf(track, i, segment, at.index, shift, before);
      if (view === before) continue;
      if (live === null) {
        live = idRecord<LiveStepView>();
        for (const key in previousLive) setOwn(live, key, previousLive[key]);
      }
      setOwn(live, id, view);
    }
    return { segments, cursor, live: live ?? previousLive, segment: at.segment, track };
  }
  const track = liveTrack(segment.result);
  moveTrack(track, at.index);
  const live = idRecord<LiveStepView>();
  let changed = false;
  // Every step once, on a new run or segment: no object is made for a step whose view is the
  // one it had at the previous cursor.
  for (let i = 0; i < track.ids.length; i++) {
    const id = track.ids[i];
    const before = previousLive?.[id];
    const view = viewOf(track, i, segment, at.index, shift, before);
    setOwn(live, id, view);
    if (view !== before) changed = true;
  }
  const unchanged = !changed && previousLive !== null && Object.keys(previousLive).length === track.ids.length;
  return { segments, cursor, live: unchanged ? previousLive : live, segment: at.segment, track };
}

/** Each step's state at the cursor, or null when there is no run (the canvas shows the design). */
export function selectLiveStates(state: RippleState): Record<string, LiveStepView> | null {
  return liveStatesAt(state.timeline, state.segments, state.cursor);
}

/**
 * One step's live view at the cursor (null with no run, or a step the run does not know: added
 * since). Read by each canvas node for itself, so a playhead move re-renders only the nodes whose
 * view changed and the node list React Flow holds stays the same array. The record behind it is
 * computed once per cursor and shared by every reader (`selectLiveStates`).
 */
export function selectStepLive(state: RippleState, id: string): LiveStepView | null {
  const live = selectLiveStates(state);
  return (live !== null && Object.hasOwn(live, id) && live[id]) || null;
}

/**
 * Whether the failure travelled along the dependency `from` → `to` at this moment (the canvas
 * draws that edge thick, marked "424"): `to` is blocked (424 Failed Dependency, RFC 4918
 * §11.4) and `from` is the prerequisite it names, or, when it names none, a prerequisite that
 * failed or was itself blocked. `live` is each step's view (selectLiveStates); null: no run.
 */
export function edgeCarried(live: Readonly<Record<string, LiveStepView>> | null | undefined, from: string, to: string): boolean {
  const target = live && Object.hasOwn(live, to) ? live[to] : undefined;
  if (!target || target.state !== 'blocked') return false;
  if (target.failedPrerequisiteStep) return target.failedPrerequisiteStep === from;
  const source = Object.hasOwn(live!, from) ? live![from].state : undefined;
  return source === 'failed' || source === 'blocked';
}

/**
 * `edgeCarried` at the cursor. Read by each canvas edge for itself (as nodes read
 * selectStepLive), so the edge list React Flow holds stays the same array while a run plays.
 */
export function selectEdgeCarried(state: RippleState, from: string, to: string): boolean {
  return edgeCarried(selectLiveStates(state), from, to);
}

export const selectHasRun = (state: RippleState): boolean => state.timeline.length > 0;

/** The event under the cursor (with its place on the combined timeline), or null. */
export const selectCurrentEvent = (state: RippleState): TimelineEvent | null => state.timeline[state.cursor] ?? null;

/** The segment (first run or a replay) under the cursor. */
export const selectCurrentSegment = (state: RippleState): RunSegment | null =>
  state.segments[state.timeline[state.cursor]?.segment ?? -1] ?? null;

/** The result the side panels explain: the run or replay under the cursor. */
export const selectCurrentResult = (state: RippleState): RunResult | null => selectCurrentSegment(state)?.result ?? null;

/** The most recent segment: what a replay continues from. */
export const selectLatestSegment = (state: RippleState): RunSegment | null => state.segments[state.segments.length - 1] ?? null;

// Stale: the scenario changed after the run. Positions, title and description do not change
// what the engine does, so dragging a node does not make a run stale.
const semanticKeys = new WeakMap<Scenario, string>();
function semanticKey(scenario: Scenario): string {
  let key = semanticKeys.get(scenario);
  if (key === undefined) {
    key = JSON.stringify({
      policy: scenario.policy ?? {},
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      steps: scenario.steps.map(({ position, ...rest }) => rest),
      dependencies: scenario.dependencies,
    });
    semanticKeys.set(scenario, key);
  }
  return key;
}

/** True when the scenario has changed since the latest run or replay: the playback shows the old one. */
export function selectIsStale(state: RippleState): boolean {
  const latest = selectLatestSegment(state);
  if (!latest) return false;
  return latest.scenario !== state.scenario && semanticKey(latest.scenario) !== semanticKey(state.scenario);
}

// One plan per (draft, run, scenario): the draft object is the store's own and changes with
// every "replay from" choice, so the scenario and the run are the only other inputs.
const planOf = memoOn((draft: ReplayDraft) =>
  memoOn((previous: RunResult) =>
    memoOn((scenario: Scenario): Result<ReplayPlan> | null => loadedEngine()?.planReplay(scenario, previous, draft.from ?? undefined) ?? null),
  ),
);

/**
 * The plan of the open "Replay from failed step" draft, against the scenario as edited now.
 * The planner comes with the engine (engine-loader.ts), which `openReplayPlan` loads before it
 * opens a draft; null with no draft open.
 */
export function selectReplayPlan(state: RippleState): Result<ReplayPlan> | null {
  const latest = selectLatestSegment(state);
  if (!state.replayDraft || !latest) return null;
  return planOf(state.replayDraft)(latest.result)(state.scenario);
}

export type ReplayMark = 'from' | 'rerun' | 'keep';

const marksOf = memoOn((plan: Result<ReplayPlan>): Record<string, ReplayMark> | null => {
  if (!plan.ok) return null;
  const marks = idRecord<ReplayMark>();
  for (const id of plan.value.keep) marks[id] = 'keep';
  for (const id of plan.value.rerun) marks[id] = 'rerun';
  for (const id of plan.value.from) marks[id] = 'from';
  return marks;
});

/** While a replay plan is open: each step's part in it, for the canvas; null otherwise. */
export function selectReplayMarks(state: RippleState): Record<string, ReplayMark> | null {
  const plan = selectReplayPlan(state);
  return plan && marksOf(plan);
}

// Keyed by the plan, which was planned on exactly one scenario (see `planOf`).
const warningsOf = memoOn((plan: Result<ReplayPlan>) => memoOn((scenario: Scenario): Record<string, string[]> | null => {
  if (!plan.ok || plan.value.warnings.length === 0) return null;
  const byStep = idRecord<string[]>();
  for (const warning of plan.value.warnings) {
    // The plan's warnings carry the index of their step in the scenario it was planned on.
    const id = warning.step === undefined ? undefined : scenario.steps[warning.step]?.id;
    if (id !== undefined) (byStep[id] ??= []).push(warning.message);
  }
  return byStep;
}));

/** While a replay plan is open: its warnings (a non-idempotent step that would run twice…) by step; null otherwise. */
export function selectReplayWarnings(state: RippleState): Record<string, string[]> | null {
  const plan = selectReplayPlan(state);
  return plan && warningsOf(plan)(state.scenario);
}

// ---- the selected step in the run under the cursor ------------------------------------------

/**
 * The "Why 424?" chain of the selected step, root cause … selected step, to highlight on the
 * canvas: its dependency path in the segment under the cursor; empty with no run or selection.
 * The engine's own array, so it stays the same object while the selection and segment do.
 */
export function selectHighlightPath(state: RippleState): readonly string[] {
  const id = state.selectedStepId;
  if (!id) return NONE;
  return selectCurrentResult(state)?.steps[id]?.dependencyPath ?? NONE;
}
