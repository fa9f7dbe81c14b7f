import type { EventType, RunResult } from '../engine/types.ts';
import type { Dependency } from '../scenario/types.ts';
import { stepNames } from '../scenario/step-names.ts';
import { memoOn } from './memo.ts';
import { selectCurrentEvent, selectCurrentResult, selectLatestSegment, selectLiveStates } from './selectors.ts';
import type { LiveStepView, RippleState } from './types.ts';

// Selectors only the side panels read (the Why panel, the response viewer, the replay panel…),
// apart from src/store/selectors.ts so they load with the panels' chunks, not before the first
// canvas (issue #15: main JS <= 165 kB).

/** An answer that is empty, the same object every time (a fresh `[]` would re-render its reader). */
const NONE: readonly string[] = Object.freeze([]);

/** Steps a replay can start from: those that did not succeed in the latest segment. */
const failedStepsOf = memoOn((result: RunResult): string[] =>
  Object.entries(result.steps).filter(([, step]) => step.state === 'failed').map(([id]) => id),
);

export const selectReplayableSteps = (state: RippleState): readonly string[] => {
  const latest = selectLatestSegment(state);
  return latest ? failedStepsOf(latest.result) : NONE;
};

const blockedByOf = memoOn((result: RunResult) => {
  const byRoot = new Map<string, string[]>();
  for (const [id, step] of Object.entries(result.steps)) {
    if (step.state !== 'blocked' || step.rootCauseStep === undefined) continue;
    const list = byRoot.get(step.rootCauseStep);
    if (list) list.push(id);
    else byRoot.set(step.rootCauseStep, [id]);
  }
  return byRoot;
});

/**
 * When the selected step failed in the result under the cursor: the steps whose 424 traces back
 * to it (it is their root cause), in the result's order; otherwise empty.
 */
export function selectBlockedBySelected(state: RippleState): readonly string[] {
  const id = state.selectedStepId;
  const result = selectCurrentResult(state);
  if (!id || !result || result.steps[id]?.state !== 'failed') return NONE;
  return blockedByOf(result).get(id) ?? NONE;
}

/** The selected dependency as the scenario holds it, or null (none selected, or it was deleted). */
export function selectSelectedDependency(state: RippleState): Dependency | null {
  const edge = state.selectedEdge;
  return (edge && state.scenario.dependencies.find((d) => d.from === edge.from && d.to === edge.to)) ?? null;
}

/**
 * The sentence of the latest run (or replay) that stopped at its work budget, naming the step
 * that retries too much (RunResult.stopped, src/engine/budget.ts); null when none did.
 */
export const selectRunStop = (state: RippleState): string | null => selectLatestSegment(state)?.result.stopped?.message ?? null;

// ---- names and the run as of the playhead (issue 8, items 3 and 7) ---------------------------

/** Step id → the name a person reads (its label, else its id), for the scenario as edited now. */
export const selectStepNames = (state: RippleState): ReadonlyMap<string, string> => stepNames(state.scenario);

/** Event types that give a step its forward answer (what a client receives for it). */
const ANSWERS: ReadonlySet<EventType> = new Set<EventType>(['succeeded', 'failed', 'timed-out', 'blocked', 'skipped', 'cancelled', 'reused']);

interface StepMilestones {
  /** Index (in the result's events) of the step's last answer: its response exists from there. */
  answered: Map<string, number>;
  /** Index of the last event that changes the step's state: its story is told from there. */
  settled: Map<string, number>;
  /** Index of `run-finished` (the batch's answer); the last event when there is none. */
  finished: number;
}

const milestonesOf = memoOn((result: RunResult): StepMilestones => {
  const answered = new Map<string, number>();
  const settled = new Map<string, number>();
  let finished = result.events.length - 1;
  result.events.forEach((event, index) => {
    if (event.type === 'run-finished') finished = index;
    if (event.step === undefined) return;
    if (ANSWERS.has(event.type)) answered.set(event.step, index);
    // retry-scheduled and repair-requested say what comes next; they change no state.
    if (event.type !== 'retry-scheduled' && event.type !== 'repair-requested') settled.set(event.step, index);
  });
  return { answered, settled, finished };
});

/** Where the side panels stand: the segment's event index and virtual ms, or the end with `wholeRun`. */
export interface AsOf {
  /** True when the panels tell the whole run (the `wholeRun` pref, or the playhead at its end). */
  end: boolean;
  /** Index into the current result's events of the moment shown. */
  index: number;
  /** Virtual ms of the playhead on the combined timeline. */
  time: number;
}

/**
 * The moment the run panels show: the playhead's, unless the person asked for the whole run.
 * A new object on every call: components select one of its fields, never the whole answer.
 */
export function selectAsOf(state: RippleState): AsOf | null {
  const at = selectCurrentEvent(state);
  const result = selectCurrentResult(state);
  if (!at || !result) return null;
  const end = state.wholeRun || at.index >= milestonesOf(result).finished;
  return { end, index: end ? result.events.length - 1 : at.index, time: state.time };
}

/**
 * When the playhead stands on an event of the run's last moment, but before its end (the run
 * finishes at this same virtual ms, a few events on: a 402 at 200 ms, then the 424s it causes
 * and `run-finished`, all at 200 ms): how many events are left until the end, counting
 * `run-finished`. Null otherwise (no run, at the end, or later moments still to come), so the
 * panels can say "the run ends at this moment" instead of a bare "still running" while the
 * slider already shows the run's last ms.
 */
export function selectEventsLeftThisMoment(state: RippleState): number | null {
  const asOf = selectAsOf(state);
  const result = selectCurrentResult(state);
  if (!asOf || !result || asOf.end) return null;
  const { finished } = milestonesOf(result);
  const here = result.events[asOf.index];
  const last = result.events[finished];
  return here !== undefined && last !== undefined && here.t === last.t ? finished - asOf.index : null;
}

/**
 * How far the selected step's story has got at the playhead: `told` when its state will not
 * change again in this run (the Why panel can tell it, ending included), `answered` when it
 * has its final answer (the response viewer shows it) but something still follows (a rollback),
 * `unanswered` otherwise; null with no run or no selection. With `wholeRun`: always `told`.
 */
export type StepProgress = 'told' | 'answered' | 'unanswered';

export function selectSelectedProgress(state: RippleState): StepProgress | null {
  const id = state.selectedStepId;
  const result = selectCurrentResult(state);
  const asOf = selectAsOf(state);
  if (!id || !result || !asOf || !Object.hasOwn(result.steps, id)) return null;
  if (asOf.end) return 'told';
  const { answered, settled } = milestonesOf(result);
  if ((settled.get(id) ?? -1) <= asOf.index) return 'told';
  return (answered.get(id) ?? Infinity) <= asOf.index ? 'answered' : 'unanswered';
}

/** The selected step's live view at the playhead (state, attempt, latest status), or null. */
export function selectSelectedLive(state: RippleState): LiveStepView | null {
  const id = state.selectedStepId;
  return (id && selectLiveStates(state)?.[id]) || null;
}
