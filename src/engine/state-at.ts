// Every step's state at a moment of a run, for the timeline scrubber. Folding the whole event
// list on every frame would be linear in the run's length, so snapshots are kept every K
// events (built lazily, once per run) and the answer folds forward from the nearest one.
import { LIVE_STATES } from './phases.ts';
import { idRecord, setOwn } from './records.ts';
import type { EventType, LiveState, RunEvent, RunResult } from './types.ts';

export interface LiveStep {
  state: LiveState;
  attempt: number;
  /** The latest answer: 200, a failure's status, 424, or null (none yet, skipped, cancelled). */
  status: number | null;
}

export interface RunMoment {
  /** Virtual time of the moment (the event's `t`). */
  t: number;
  steps: Record<string, LiveStep>;
}

/** Live states as small integers for the snapshots; 0 is `pending`, the state before any event. */
const LIVE_CODE = new Map<LiveState, number>(LIVE_STATES.map((s, i) => [s, i]));
const NO_STATUS = -1;

interface Snapshot {
  state: Uint8Array;
  attempt: Int32Array;
  status: Int32Array;
}

interface Cache {
  ids: string[];
  index: Map<string, number>;
  /** Snapshot k holds the state after the first k × interval events. */
  snapshots: Snapshot[];
  interval: number;
}

const caches = new WeakMap<RunResult, Cache>();

/** Events between snapshots: at least 64, and at least the step count so snapshots cost O(events) in total. */
function cacheOf(run: RunResult): Cache {
  let c = caches.get(run);
  if (c === undefined) {
    const ids = Object.keys(run.steps);
    const n = ids.length;
    const first: Snapshot = { state: new Uint8Array(n), attempt: new Int32Array(n), status: new Int32Array(n).fill(NO_STATUS) };
    c = { ids, index: new Map(ids.map((id, i) => [id, i])), snapshots: [first], interval: Math.max(64, n) };
    caches.set(run, c);
  }
  return c;
}

/**
 * The state of every step just after event `eventIndex` (clamped to the run; -1 = before the
 * first event). Cheap enough to call on every frame of a scrubber.
 *
 * @example
 * stateAt(run, 3) // → { t: 120, steps: { 'authorize-payment': { state: 'failed', attempt: 1, status: 402 }, … } }
 */
export function stateAt(run: RunResult, eventIndex: number): RunMoment {
  const events = run.events;
  const count = Math.max(0, Math.min(events.length, Math.floor(eventIndex) + 1));
  const c = cacheOf(run);
  const k = Math.floor(count / c.interval);
  while (c.snapshots.length <= k) {
    const last = c.snapshots.length - 1;
    const from = c.snapshots[last];
    const next: Snapshot = { state: from.state.slice(), attempt: from.attempt.slice(), status: from.status.slice() };
    fold(next, c.index, events, last * c.interval, (last + 1) * c.interval);
    c.snapshots.push(next);
  }
  const base = c.snapshots[k];
  const now: Snapshot = { state: base.state.slice(), attempt: base.attempt.slice(), status: base.status.slice() };
  fold(now, c.index, events, k * c.interval, count);
  const steps = idRecord<LiveStep>();
  for (let i = 0; i < c.ids.length; i++) {
    const s = now.status[i];
    setOwn(steps, c.ids[i], { state: LIVE_STATES[now.state[i]], attempt: now.attempt[i], status: s === NO_STATUS ? null : s });
  }
  const t = count > 0 ? events[count - 1].t : (run.startedAt ?? 0);
  return { t, steps };
}

/**
 * Every step's live state at a playhead that moves a little at a time (playback, the scrubber):
 * moving it costs the events passed since its last position, in either direction, not the run's
 * length or its step count. A reader keeps one per run (and per reader: two readers at different
 * moments would undo each other's moves). `state[i]` is a code into LIVE_STATES (0 = pending),
 * `attempt[i]`, and `status[i]` (-1 for none) of step `ids[i]`, as `stateAt` tells them.
 */
export interface LiveTrack {
  readonly run: RunResult;
  /** The run's step ids (`Object.keys(run.steps)`, in that order); step i is `ids[i]`. */
  readonly ids: readonly string[];
  readonly state: Uint8Array;
  readonly attempt: Int32Array;
  readonly status: Int32Array;
  /** Events folded in so far: the track stands just after event `count - 1` (0: before the first). */
  count: number;
  /** The step index of each event (-1: it names no known step), filled as the track first passes it. */
  readonly stepOf: Int32Array;
  /** Each event's step as it was before the event: what moving back restores. */
  readonly before: Snapshot;
}

/** A track of `run` standing before its first event (every step pending). */
export function liveTrack(run: RunResult): LiveTrack {
  const c = cacheOf(run);
  const n = c.ids.length;
  const m = run.events.length;
  return {
    run,
    ids: c.ids,
    state: new Uint8Array(n),
    attempt: new Int32Array(n),
    status: new Int32Array(n).fill(NO_STATUS),
    count: 0,
    stepOf: new Int32Array(m).fill(-1),
    before: { state: new Uint8Array(m), attempt: new Int32Array(m), status: new Int32Array(m) },
  };
}

/** The live state name of step `i` on `track`. */
export function trackState(track: LiveTrack, i: number): LiveState {
  return LIVE_STATES[track.state[i]];
}

/**
 * Moves `track` to just after event `eventIndex` (clamped to the run; -1 = before the first
 * event), as `stateAt(track.run, eventIndex)` would tell it. `touched`, when given, is called
 * with the index of the step of each event passed over (a step may come more than once; an event
 * that changes no state, a retry being scheduled, counts too: what follows from it may change).
 * Cost: the events between the old and the new position.
 */
export function moveTrack(track: LiveTrack, eventIndex: number, touched?: (step: number) => void): void {
  const events = track.run.events;
  const to = Math.max(0, Math.min(events.length, Math.floor(eventIndex) + 1));
  const { state, attempt, status, stepOf, before } = track;
  const index = cacheOf(track.run).index;
  while (track.count < to) {
    const k = track.count;
    const e = events[k];
    const i = e.step === undefined ? -1 : (index.get(e.step) ?? -1);
    stepOf[k] = i;
    if (i >= 0) {
      before.state[k] = state[i];
      before.attempt[k] = attempt[i];
      before.status[k] = status[i];
      const next = liveAfter(e.type);
      if (next !== 'keep') apply(track, i, e, next);
      touched?.(i);
    }
    track.count = k + 1;
  }
  while (track.count > to) {
    const k = track.count - 1;
    const i = stepOf[k];
    if (i >= 0) {
      state[i] = before.state[k];
      attempt[i] = before.attempt[k];
      status[i] = before.status[k];
      touched?.(i);
    }
    track.count = k;
  }
}

/** Event `e` on step `i` of `s`, whose live state becomes `next`. */
function apply(s: Snapshot, i: number, e: RunEvent, next: LiveState): void {
  s.state[i] = LIVE_CODE.get(next)!;
  if (e.attempt !== undefined) s.attempt[i] = e.attempt;
  switch (next) {
    case 'running':
    case 'pending':
    case 'skipped':
    case 'cancelled':
      s.status[i] = NO_STATUS;
      break;
    case 'succeeded':
    case 'failed':
    case 'blocked':
    case 'rolled-back':
      s.status[i] = e.status ?? NO_STATUS;
      break;
    case 'compensating':
    case 'compensated':
    case 'compensation-failed':
      // The forward answer stays: a compensated step still answered 200.
      break;
  }
}

function fold(s: Snapshot, index: Map<string, number>, events: RunEvent[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const e = events[k];
    if (e.step === undefined) continue;
    const i = index.get(e.step);
    if (i === undefined) continue;
    const next = liveAfter(e.type);
    if (next === 'keep') continue;
    apply(s, i, e, next);
  }
}

/** What an event does to its step's live state. */
function liveAfter(type: EventType): LiveState | 'keep' {
  switch (type) {
    case 'started':
      return 'running';
    case 'succeeded':
    case 'reused':
      return 'succeeded';
    case 'failed':
    case 'timed-out':
      return 'failed';
    case 'blocked':
      return 'blocked';
    case 'rolled-back':
      return 'rolled-back';
    case 'unblocked':
      return 'pending';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
    case 'compensation-started':
      return 'compensating';
    case 'compensation-succeeded':
      return 'compensated';
    case 'compensation-failed':
      return 'compensation-failed';
    case 'run-started':
    case 'replay-started':
    case 'retry-scheduled':
    case 'repair-requested':
    case 'run-finished':
      return 'keep';
  }
}
