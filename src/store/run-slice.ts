import type { LiveState, ReplayPlan, RunEvent, RunResult } from '../engine/types.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import { replay, simulate, validate } from '../engine/index.ts';
import type { RippleState, SliceCreator } from './store.ts';

// OWNER: playback engineer. Contract others rely on: `run`, `cursor`, `highlightPath`,
// `runScenario`, and `selectLiveStates` / `selectReplayMarks` in selectors.ts (what the canvas draws).
//
// The store holds *where* playback is (cursor, virtual time, playing, speed); the clock that
// moves it lives in a hook (src/panels/usePlayback.ts), so this slice runs in Node for tests.

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

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
  /** Steps and edges of the "Why 424?" chain (root cause … selected step), highlighted on the canvas. */
  highlightPath: string[];
  /** Why the last Run did not start (invalid or empty scenario); null when it did. */
  runProblems: Problem[] | null;
  /** The replay plan being prepared ("Replay from failed step"); null when closed. */
  replayDraft: ReplayDraft | null;
  /** Why the last replay could not run; null when it did. */
  replayProblems: Problem[] | null;

  runScenario: () => void;
  clearRun: () => void;
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
}

/** Event types the "previous / next failure" jumps stop at. */
export function isFailureEvent(event: RunEvent): boolean {
  return event.type === 'failed' || event.type === 'timed-out' || event.type === 'blocked' || event.type === 'compensation-failed';
}

/**
 * Lay segments' events end to end. The engine puts a replay on the shared timeline already
 * (`startedAt`, event times after the previous run's end); a segment without `startedAt` that
 * follows others is shifted to start where they end.
 */
export function buildTimeline(segments: readonly Omit<RunSegment, 'offset' | 'firstIndex'>[]): {
  segments: RunSegment[];
  timeline: TimelineEvent[];
  duration: number;
} {
  const placed: RunSegment[] = [];
  const timeline: TimelineEvent[] = [];
  let end = 0;
  segments.forEach((segment, s) => {
    const { result } = segment;
    const start = result.startedAt ?? end;
    const shift = result.startedAt === undefined ? end : 0;
    placed.push({ ...segment, offset: start, firstIndex: timeline.length });
    result.events.forEach((event, index) => timeline.push({ event, at: event.t + shift, segment: s, index }));
    const lastAt = result.events.length > 0 ? result.events[result.events.length - 1].t + shift : start;
    end = Math.max(end, start + result.durationMs, lastAt);
  });
  return { segments: placed, timeline, duration: end };
}

/** Index of the last timeline event at or before `time` (0 when none). */
export function indexAtTime(timeline: readonly TimelineEvent[], time: number): number {
  let lo = 0;
  let hi = timeline.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid].at <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const NO_RUN = {
  run: null,
  segments: [],
  timeline: [],
  duration: 0,
  cursor: 0,
  time: 0,
  playing: false,
  highlightPath: [],
  replayDraft: null,
  replayProblems: null,
} satisfies Partial<RunSlice>;

/** The dependency path to highlight for the selected step, in the segment under the cursor. */
function pathFor(state: RippleState): string[] {
  const id = state.selectedStepId;
  if (!id || state.timeline.length === 0) return [];
  const segment = state.segments[state.timeline[state.cursor]?.segment ?? 0];
  return segment?.result.steps[id]?.dependencyPath ?? [];
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get, api) => {
  // highlightPath follows the selection (owned by the editor slice) and the segment under the
  // cursor, so the canvas can read a plain field. Cheap enough to check on every change.
  api.subscribe((state, prev) => {
    if (
      state.selectedStepId === prev.selectedStepId &&
      state.segments === prev.segments &&
      state.timeline[state.cursor]?.segment === prev.timeline[prev.cursor]?.segment
    ) {
      return;
    }
    const path = pathFor(state);
    if (!samePath(path, state.highlightPath)) set({ highlightPath: path });
  });

  const moveTo = (cursor: number, extra: Partial<RunSlice> = {}) => {
    const { timeline } = get();
    if (timeline.length === 0) return;
    const index = Math.min(Math.max(0, Math.round(cursor)), timeline.length - 1);
    set({ cursor: index, time: timeline[index].at, ...extra });
  };

  const seek = (time: number, extra: Partial<RunSlice> = {}) => {
    const { timeline, duration } = get();
    if (timeline.length === 0) return;
    const clamped = Math.min(Math.max(0, time), duration);
    set({ cursor: indexAtTime(timeline, clamped), time: clamped, ...extra });
  };

  const findFailure = (direction: 1 | -1) => {
    const { timeline, cursor } = get();
    for (let i = cursor + direction; i >= 0 && i < timeline.length; i += direction) {
      if (isFailureEvent(timeline[i].event)) return i;
    }
    return -1;
  };

  return {
    ...NO_RUN,
    speed: 1,
    runProblems: null,

    runScenario: () => {
      const { scenario } = get();
      const checked = validate(scenario);
      if (!checked.ok) {
        set({ runProblems: checked.problems });
        return;
      }
      if (checked.scenario.steps.length === 0) {
        set({ runProblems: [{ code: 'missing-field', path: 'steps', message: 'Add a step before running: there is nothing to simulate yet.' }] });
        return;
      }
      const result = simulate(checked.scenario);
      const built = buildTimeline([{ kind: 'run', result, scenario }]);
      set({ ...NO_RUN, ...built, run: result, runProblems: null, playing: built.timeline.length > 1 });
    },

    clearRun: () => set({ ...NO_RUN, runProblems: null }),

    setCursor: (cursor) => moveTo(cursor),
    seekTime: (time) => seek(time),
    tick: (time, moveCursor = true) => {
      const { duration, timeline } = get();
      if (timeline.length === 0) return;
      if (time >= duration) seek(duration, { playing: false });
      else if (moveCursor) seek(time);
      else set({ time: Math.max(0, time) });
    },

    play: () => {
      const { timeline, time, duration, cursor } = get();
      if (timeline.length === 0) return;
      // Play at the end starts over, like a media player.
      if (time >= duration && cursor >= timeline.length - 1) set({ cursor: 0, time: 0, playing: true });
      else set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),

    stepForward: () => moveTo(get().cursor + 1, { playing: false }),
    stepBack: () => {
      const { timeline, cursor, time } = get();
      // Paused between two events: "back" first returns to the event the playhead has passed.
      const target = timeline.length > 0 && time > timeline[cursor].at ? cursor : cursor - 1;
      moveTo(target, { playing: false });
    },
    nextFailure: () => {
      const i = findFailure(1);
      if (i >= 0) moveTo(i, { playing: false });
    },
    prevFailure: () => {
      const i = findFailure(-1);
      if (i >= 0) moveTo(i, { playing: false });
    },
    restart: () => moveTo(0),

    openReplayPlan: (from) => {
      if (get().segments.length === 0) return;
      set({ replayDraft: { from: from && from.length > 0 ? [...from] : null }, replayProblems: null });
    },
    setReplayFrom: (from) => {
      if (!get().replayDraft) return;
      set({ replayDraft: { from: from && from.length > 0 ? [...from] : null }, replayProblems: null });
    },
    closeReplayPlan: () => set({ replayDraft: null, replayProblems: null }),

    runReplay: () => {
      const { segments, scenario, replayDraft } = get();
      const previous = segments[segments.length - 1];
      if (!previous) return;
      const from = replayDraft?.from ?? undefined;
      const outcome = replay(scenario, previous.result, from);
      if (!outcome.ok) {
        set({ replayProblems: outcome.error });
        return;
      }
      const { run: result, plan } = outcome.value;
      const built = buildTimeline([
        ...segments,
        { kind: 'replay', result, scenario, from: plan.from, plan },
      ]);
      const added = built.segments[built.segments.length - 1];
      set({
        ...built,
        cursor: added.firstIndex,
        time: built.timeline[added.firstIndex]?.at ?? added.offset,
        playing: true,
        replayDraft: null,
        replayProblems: null,
      });
    },
  };
};
