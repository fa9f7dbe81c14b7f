// The simulation: a discrete-event loop on a virtual clock (R2–R12 of issue #2).
//
// Shape of the loop: a heap of timed entries (attempt ends, retry timers) ordered by
// (t, completions first, id), and a heap of ready steps ordered by (ready time, id). At each
// moment every entry due is handled, then ready steps start while slots are free. A step's
// readiness is tracked with counters that its prerequisites decrement when they become final,
// so each dependency is looked at once in the common case; cascades (blocked, skipped,
// cancelled) run through a work list at the same virtual time. Per-step state lives in typed
// arrays indexed by the step's position in the scenario.
import { DEFAULT_DURATION_MS, resolvePolicy, resolveStep, type ResolvedStep } from '../scenario/defaults.ts';
import type { Scenario } from '../scenario/types.ts';
import { fingerprintScenario, hex, mixStr } from './fingerprint.ts';
import { ALWAYS, buildGraph, COND_NAMES, FAILURE, inAdjacency, markDescendants, SUCCESS, type Graph } from './graph.ts';
import { lintGraph } from './lint.ts';
import { setOwn } from './records.ts';
import { idKeys, TimedQueue } from './queue.ts';
import { buildResponse } from './responses.ts';
import { assertTransition } from './transitions.ts';
import {
  PHASE_TABLE,
  SEEN_AS,
  SEEN_BLOCKED,
  SEEN_CANCELLED,
  SEEN_FAILED,
  SEEN_NOT_FINAL,
  SEEN_SUCCEEDED,
  BACKOFF,
  BLOCKED,
  CANCELLED,
  COMPENSATED,
  COMPENSATING,
  COMPENSATION_FAILED,
  FAILED,
  PENDING,
  QUEUED,
  REPAIR_QUEUED,
  REPAIRING,
  RUNNING,
  SKIPPED,
  SUCCEEDED,
} from './phases.ts';
import type {
  EventType,
  FailureKind,
  RunEvent,
  RunGraph,
  RunOutcome,
  RunResponse,
  RunResult,
  StepResult,
} from './types.ts';

export interface SimulateOptions {
  /** Run `lint` and put its warnings in `RunResult.lint` (default true). */
  lint?: boolean;
}

/** How a replay seeds the simulation (src/engine/replay.ts). */
export interface ReplaySetup {
  /** Where the replay's clock starts: the end of the previous run. */
  t0: number;
  /** Steps kept from the previous run (by index), with their previous results. */
  kept: Map<number, StepResult>;
  /** Correlation id of the previous run. */
  replayOf: string;
  /** Mixed into the correlation id, so replays from different steps differ. */
  salt: string;
}

// Timed entry kinds.
const END = 0; // an attempt (or repair attempt) ends
const RETRY = 1; // a failed step's next attempt is due
const REPAIR = 2; // a blocked step's graph-aware retry asks its root cause to try again
const RESEND = 3; // a blocked step's naive retry is re-sent

// What a final prerequisite means to its dependent, by condition (R4).
const SAT = 1;
const BROKEN = 2;
const VOID = 3;
const VOID_CANCELLED = 4;

function effect(cond: number, o: number): number {
  if (cond === ALWAYS) return SAT;
  if (o === SEEN_CANCELLED) return VOID_CANCELLED;
  if (cond === SUCCESS) return o === SEEN_SUCCEEDED ? SAT : o === SEEN_FAILED || o === SEEN_BLOCKED ? BROKEN : VOID;
  // failure
  return o === SEEN_FAILED || o === SEEN_BLOCKED ? SAT : VOID;
}

const UNLIMITED = 0x7fffffff;

/**
 * Runs a scenario on the virtual clock and returns the whole story: per-step results, the
 * event trace, the batch response and lint warnings. Pure and deterministic: the same scenario
 * always gives a byte-identical result.
 *
 * @example
 * const run = simulate(scenario);
 * run.steps['create-invoice'] // → { state: 'blocked', status: 424, failedPrerequisiteStep: 'authorize-payment', … }
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  const g = buildGraph(scenario);
  return new Simulation(scenario, g, null).run(options.lint ?? true);
}

/** Used by `replay`: runs the edited scenario with the kept steps already succeeded. */
export function simulateReplay(scenario: Scenario, setup: ReplaySetup, g: Graph = buildGraph(scenario)): RunResult {
  return new Simulation(scenario, g, setup).run(true);
}

class Simulation {
  private readonly n: number;
  private readonly ids: string[];
  private readonly cid: string;
  private readonly replay: ReplaySetup | null;
  private readonly t0: number;

  // Policy.
  private readonly failFast: boolean;
  private readonly abort: boolean;
  private readonly saga: boolean;
  private readonly graphAware: boolean;
  private readonly limit: number;

  // Step behaviour. Rare properties live in maps, so a large scenario pays only for what it uses.
  private readonly dur: Float64Array;
  private readonly timeout: Float64Array; // -1: none
  private readonly maxAttempts: Int32Array;
  private readonly delay: Float64Array;
  private readonly factor: Float64Array;
  private readonly hasFail: Uint8Array;
  private readonly failStatus: Int32Array; // 0: a timeout failure
  private readonly failTimes: Int32Array; // 0: every attempt
  private readonly failMessage = new Map<number, string>();
  private readonly joinAny: Uint8Array;
  private readonly hasComp: Uint8Array;
  private readonly comp = new Map<number, NonNullable<ResolvedStep['compensation']>>();
  private readonly produces = new Map<number, number[]>();
  private readonly consumes = new Map<number, number[]>();
  private readonly artifactNames: string[] = [];
  private readonly produced: Int32Array;

  // Step state.
  private readonly phase: Uint8Array;
  private readonly attempts: Int32Array;
  /** Attempts actually sent (what `fail.times` counts). */
  private readonly runs: Int32Array;
  /** A graph-aware retry reserved the next attempt number while its repair runs. */
  private readonly inFlight: Uint8Array;
  /** Bumped to invalidate a step's pending timers and queue entries. */
  private readonly gen: Int32Array;
  private readonly unresolved: Int32Array;
  private readonly anySat: Uint8Array;
  private readonly brokenBy: Int32Array;
  private readonly voidBy: Int32Array;
  private readonly voidEffect: Uint8Array;
  private readonly voidCond: Uint8Array;
  /** R6: the broken prerequisite whose missing output makes every attempt fail. */
  private readonly doomBy: Int32Array;
  private readonly fp: Int32Array;
  private readonly root: Int32Array;
  private readonly status: Int32Array; // 0: none
  private readonly startedAt: Float64Array;
  private readonly endedAt: Float64Array;
  /** The current (or last) attempt's answer, decided when it starts. */
  private readonly endStatus: Int32Array;
  private readonly message: (string | undefined)[];
  /** Why the current attempt fails (K_* below). */
  private readonly endKind: Uint8Array;
  private readonly failure: Uint8Array;
  private readonly reason = new Map<number, string>();
  private readonly compTimes = new Map<number, [number, number]>();
  /** Blocked steps waiting on this step's repair attempt. */
  private readonly waiters = new Map<number, number[]>();
  private readonly mark: Int32Array;
  private epoch = 0;

  private readonly timers: TimedQueue;
  private readonly ready: TimedQueue;
  private running = 0;
  private now: number;
  private readonly events: RunEvent[] = [];
  private readonly completion: number[] = [];
  private readonly work: number[] = [];
  private workHead = 0;
  private workLen = 0;

  // Abort (R8).
  private aborted = false;
  private taintDirty = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly g: Graph,
    replay: ReplaySetup | null,
  ) {
    const n = g.n;
    this.n = n;
    this.ids = g.ids;
    this.replay = replay;
    this.t0 = replay ? replay.t0 : 0;
    const keys = idKeys(g.ids);
    this.timers = new TimedQueue(g.ids, keys);
    this.ready = new TimedQueue(g.ids, keys);
    this.now = this.t0;
    let h = fingerprintScenario(scenario, g);
    if (replay) h = mixStr(mixStr(h, replay.replayOf), replay.salt);
    this.cid = `run-${hex(h)}`;

    const policy = resolvePolicy(scenario);
    this.failFast = policy.failFast;
    this.abort = policy.onFailure === 'abort';
    this.saga = policy.compensation === 'saga';
    this.graphAware = policy.retryMode === 'graph-aware';
    this.limit = policy.concurrency > 0 ? policy.concurrency : UNLIMITED;

    // Every per-step number in one buffer: one allocation instead of thirty.
    const a = new Arena(n, 6, 15, 10);
    this.dur = a.f64();
    this.timeout = a.f64();
    this.delay = a.f64();
    this.factor = a.f64();
    this.startedAt = a.f64().fill(NaN);
    this.endedAt = a.f64().fill(NaN);
    this.maxAttempts = a.i32();
    this.failStatus = a.i32();
    this.failTimes = a.i32();
    this.attempts = a.i32();
    this.runs = a.i32();
    this.gen = a.i32();
    this.unresolved = a.i32();
    this.brokenBy = a.i32().fill(-1);
    this.voidBy = a.i32().fill(-1);
    this.doomBy = a.i32().fill(-1);
    this.fp = a.i32().fill(-1);
    this.root = a.i32().fill(-1);
    this.status = a.i32();
    this.endStatus = a.i32();
    this.mark = a.i32();
    this.hasFail = a.u8();
    this.joinAny = a.u8();
    this.phase = a.u8();
    this.inFlight = a.u8();
    this.anySat = a.u8();
    this.voidEffect = a.u8();
    this.voidCond = a.u8();
    this.endKind = a.u8();
    this.failure = a.u8();
    this.hasComp = a.u8();
    this.message = new Array(n);

    const artifactIds = new Map<string, number>();
    const artifact = (name: string): number => {
      let id = artifactIds.get(name);
      if (id === undefined) {
        id = this.artifactNames.length;
        artifactIds.set(name, id);
        this.artifactNames.push(name);
      }
      return id;
    };
    const steps = scenario.steps;
    for (let i = 0; i < n; i++) {
      const s = steps[i];
      this.dur[i] = s.durationMs ?? DEFAULT_DURATION_MS;
      this.timeout[i] = s.timeoutMs ?? -1;
      const r = s.retry;
      if (r === undefined) {
        this.maxAttempts[i] = 1;
        this.factor[i] = 1;
      } else {
        this.maxAttempts[i] = r.maxAttempts ?? 1;
        this.delay[i] = r.delayMs ?? 0;
        this.factor[i] = r.factor ?? 1;
      }
      const f = s.fail;
      if (f !== undefined) {
        this.hasFail[i] = 1;
        this.failStatus[i] = f.timeout ? 0 : (f.status ?? 500);
        this.failTimes[i] = f.times ?? 0;
        if (f.message !== undefined) this.failMessage.set(i, f.message);
      }
      if (s.join === 'any') this.joinAny[i] = 1;
      if (s.compensation !== undefined) this.hasComp[i] = 1;
      if (s.produces !== undefined && s.produces.length > 0) this.produces.set(i, s.produces.map(artifact));
      if (s.consumes !== undefined && s.consumes.length > 0) this.consumes.set(i, s.consumes.map(artifact));
    }
    this.produced = new Int32Array(this.artifactNames.length);
  }

  run(withLint: boolean): RunResult {
    const lint = withLint ? lintGraph(this.scenario, this.g) : [];
    this.begin();
    this.loop();
    const compensation = this.compensate();
    return this.finish(compensation, lint);
  }

  // ---- events -------------------------------------------------------------------------------

  private ev(type: EventType, step: number, attempt: number): RunEvent {
    const seq = this.events.length;
    if (step < 0) return { seq, t: this.now, type, correlationId: this.cid };
    if (attempt <= 0) return { seq, t: this.now, type, step: this.ids[step], correlationId: this.cid };
    return { seq, t: this.now, type, step: this.ids[step], attempt, correlationId: this.cid };
  }

  private emit(e: RunEvent): void {
    if (this.replay) e.replay = true;
    this.events.push(e);
  }

  private setPhase(i: number, to: number): void {
    assertTransition(this.ids[i], this.phase[i], to);
    this.phase[i] = to;
  }

  // ---- the loop -----------------------------------------------------------------------------

  private begin(): void {
    const { n, g } = this;
    this.emit(this.ev(this.replay ? 'replay-started' : 'run-started', -1, 0));
    const kept = this.replay?.kept;
    if (kept && kept.size > 0) {
      // Kept steps count as succeeded from the first moment, in the order they completed before.
      const order = [...kept.keys()].sort((a, b) => {
        const ea = kept.get(a)!.endedAt ?? 0;
        const eb = kept.get(b)!.endedAt ?? 0;
        return ea !== eb ? ea - eb : compareIds(this.ids[a], this.ids[b]);
      });
      const byId = order.slice().sort((a, b) => compareIds(this.ids[a], this.ids[b]));
      for (const i of byId) {
        const prev = kept.get(i)!;
        this.setPhase(i, SUCCEEDED);
        this.status[i] = 200;
        this.attempts[i] = prev.attempts;
        const e = this.ev('reused', i, prev.attempts);
        e.status = 200;
        this.emit(e);
        this.produce(i);
      }
      for (const i of order) this.completion.push(i);
    }
    for (let i = 0; i < n; i++) {
      if (this.phase[i] !== PENDING) continue;
      const deg = g.indeg[i];
      this.unresolved[i] = deg;
      if (deg === 0) this.enqueue(i, -1);
    }
    if (kept) for (const i of kept.keys()) this.settle(i);
    this.drain();
  }

  private loop(): void {
    const timers = this.timers;
    for (;;) {
      while (timers.size > 0 && timers.peekT() === this.now) {
        timers.pop();
        const i = timers.poppedStep;
        if (timers.poppedGen !== this.gen[i]) continue;
        switch (timers.poppedKind) {
          case END:
            this.onEnd(i);
            break;
          case RETRY:
            if (this.phase[i] === BACKOFF) this.enqueue(i, this.doomBy[i]);
            break;
          case REPAIR:
            if (this.phase[i] === BLOCKED) this.requestRepair(i);
            break;
          case RESEND:
            if (this.phase[i] === BLOCKED) this.resend(i);
            break;
        }
      }
      this.startReady();
      if (timers.size === 0) break;
      this.now = timers.peekT();
    }
  }

  private enqueue(i: number, doom: number): void {
    this.setPhase(i, QUEUED);
    this.doomBy[i] = doom;
    this.ready.push(this.now, 0, 0, i, this.gen[i]);
  }

  private startReady(): void {
    const ready = this.ready;
    while (ready.size > 0 && this.running < this.limit) {
      ready.pop();
      const i = ready.poppedStep;
      if (ready.poppedGen !== this.gen[i]) continue;
      const ph = this.phase[i];
      if (ph === QUEUED || ph === REPAIR_QUEUED) this.start(i);
    }
  }

  private start(i: number): void {
    let attempt: number;
    const repair = this.phase[i] === REPAIR_QUEUED;
    if (repair) {
      this.setPhase(i, REPAIRING);
      attempt = this.attempts[i] + 1;
    } else {
      this.setPhase(i, RUNNING);
      attempt = this.inFlight[i] ? this.attempts[i] : this.attempts[i] + 1;
      this.inFlight[i] = 0;
    }
    this.attempts[i] = attempt;
    const run = ++this.runs[i];
    this.running++;
    const now = this.now;
    if (Number.isNaN(this.startedAt[i])) this.startedAt[i] = now;

    // Decide the attempt's answer now; it is delivered when the attempt ends (R3, R6, R7).
    const failApplies = this.hasFail[i] === 1 && (this.failTimes[i] === 0 || run <= this.failTimes[i]);
    const timeout = this.timeout[i];
    const dur = this.dur[i];
    let end = now + dur;
    let status = 200;
    let message: string | undefined;
    let kind = K_NONE;
    if ((failApplies && this.failStatus[i] === 0) || (timeout >= 0 && dur > timeout)) {
      kind = K_TIMEOUT;
      const limit = timeout >= 0 ? timeout : dur;
      end = now + limit;
      status = 504;
      message = (failApplies && this.failStatus[i] === 0 ? this.failMessage.get(i) : undefined) ?? `timed out after ${limit} ms`;
    } else if (!repair && this.doomBy[i] >= 0) {
      kind = K_MISSING_OUTPUT;
      status = 500;
      message = `missing output of ${this.ids[this.doomBy[i]]}`;
    } else {
      const missing = this.missingInput(i);
      if (missing >= 0) {
        kind = K_MISSING_INPUT;
        status = 500;
        message = `missing input ${this.artifactNames[missing]}`;
      } else if (failApplies) {
        kind = K_INJECTED;
        status = this.failStatus[i];
        message = this.failMessage.get(i);
      }
    }
    this.endStatus[i] = status;
    this.message[i] = message;
    this.endKind[i] = kind;
    // Hot events are built in one literal each: adding fields later would give every event a
    // second allocation for its out-of-object properties.
    this.emit({ seq: this.events.length, t: now, type: 'started', step: this.ids[i], attempt, correlationId: this.cid });
    this.timers.push(end, 0, END, i, this.gen[i]);
  }

  private missingInput(i: number): number {
    const c = this.consumes.get(i);
    if (c === undefined) return -1;
    for (const a of c) if (this.produced[a] === 0) return a;
    return -1;
  }

  private produce(i: number): void {
    const p = this.produces.get(i);
    if (p !== undefined) for (const a of p) this.produced[a]++;
  }

  private onEnd(i: number): void {
    this.running--;
    const repair = this.phase[i] === REPAIRING;
    const status = this.endStatus[i];
    const message = this.message[i];
    this.endedAt[i] = this.now;
    this.status[i] = status;
    if (status === 200) {
      this.setPhase(i, SUCCEEDED);
      this.emit({
        seq: this.events.length,
        t: this.now,
        type: 'succeeded',
        step: this.ids[i],
        attempt: this.attempts[i],
        correlationId: this.cid,
        status: 200,
      });
      this.produce(i);
      this.completion.push(i);
      if (repair) this.repaired(i);
      else {
        this.settle(i);
        this.drain();
      }
      return;
    }
    const attempt = this.attempts[i];
    const willRetry = !repair && attempt < this.maxAttempts[i];
    const doom = repair ? -1 : this.doomBy[i];
    this.failure[i] = this.endKind[i];
    const type = this.endKind[i] === K_TIMEOUT ? 'timed-out' : 'failed';
    const seq = this.events.length;
    const step = this.ids[i];
    const cid = this.cid;
    const t = this.now;
    this.emit(
      doom >= 0
        ? {
            seq,
            t,
            type,
            step,
            attempt,
            correlationId: cid,
            status,
            message,
            willRetry,
            failedPrerequisiteStep: this.ids[doom],
            rootCauseStep: this.ids[this.rootOf(doom)],
          }
        : message !== undefined
          ? { seq, t, type, step, attempt, correlationId: cid, status, message, willRetry }
          : { seq, t, type, step, attempt, correlationId: cid, status, willRetry },
    );
    if (willRetry) {
      this.setPhase(i, BACKOFF);
      this.scheduleRetry(i, RETRY);
      return;
    }
    this.setPhase(i, FAILED);
    if (repair) {
      this.repairFailed(i);
      return;
    }
    if (doom >= 0) {
      this.fp[i] = doom;
      this.root[i] = this.rootOf(doom);
    }
    this.settle(i);
    this.drain();
    if (doom < 0 && this.abort) this.abortSweep(i);
  }

  /** The root cause a dependent of `p` inherits: p itself if it failed on its own. */
  private rootOf(p: number): number {
    const r = this.root[p];
    return r >= 0 ? r : p;
  }

  /** Schedules the retry after attempt `attempts[i]`: delayMs × factor^(k−1), k = that attempt (R3). */
  private scheduleRetry(i: number, kind: number): void {
    const k = this.attempts[i];
    let d = this.delay[i];
    // Repeated multiplication, not Math.pow: exactly the same result on every JS engine.
    for (let j = 1; j < k; j++) d *= this.factor[i];
    const next = this.now + d;
    this.emit({
      seq: this.events.length,
      t: this.now,
      type: 'retry-scheduled',
      step: this.ids[i],
      attempt: k + 1,
      correlationId: this.cid,
      nextAt: next,
    });
    this.timers.push(next, 1, kind, i, this.gen[i]);
  }

  // ---- readiness (R4) -----------------------------------------------------------------------

  private settle(i: number): void {
    this.work[this.workLen++] = i;
  }

  /** Tells the dependents of every newly final step, until nothing more changes at this moment. */
  private drain(): void {
    const { g, work, phase } = this;
    while (this.workHead < this.workLen) {
      const p = work[this.workHead++];
      const o = SEEN_AS[phase[p]];
      for (let e = g.outStart[p], end = g.outStart[p + 1]; e < end; e++) {
        const s = g.outTo[e];
        if (phase[s] !== PENDING) continue;
        const cond = g.outCond[e];
        this.unresolved[s]--;
        this.note(s, p, cond, effect(cond, o));
        this.decide(s);
      }
    }
    // Reset without truncating: the array keeps its capacity for the next cascade.
    this.workLen = 0;
    this.workHead = 0;
  }

  /** Records what prerequisite p's final state means to pending step s. */
  private note(s: number, p: number, cond: number, eff: number): void {
    switch (eff) {
      case SAT:
        this.anySat[s] = 1;
        break;
      case BROKEN: {
        const b = this.brokenBy[s];
        // Fail-fast: the last to break names the 424 (join "any"; join "all" blocks at the
        // first). Without it, R6 names the first broken prerequisite by id.
        if (this.failFast ? !(this.joinAny[s] === 0 && b >= 0) : b < 0 || compareIds(this.ids[p], this.ids[b]) < 0) {
          this.brokenBy[s] = p;
        }
        break;
      }
      case VOID:
      case VOID_CANCELLED:
        if (this.voidBy[s] < 0) {
          this.voidBy[s] = p;
          this.voidEffect[s] = eff;
          this.voidCond[s] = cond;
        }
        break;
    }
  }

  /** Acts on what is known about pending step s: block, skip, start or keep waiting. */
  private decide(s: number): void {
    const broken = this.brokenBy[s];
    const done = this.unresolved[s] === 0;
    if (this.joinAny[s] === 0) {
      if (broken >= 0) {
        if (this.failFast) this.block(s, broken);
        else if (done) this.enqueue(s, broken);
      } else if (this.voidBy[s] >= 0) this.skip(s);
      else if (done) this.enqueue(s, -1);
    } else if (this.anySat[s]) this.enqueue(s, -1);
    else if (done) {
      if (broken < 0) this.skip(s);
      else if (this.failFast) this.block(s, broken);
      else this.enqueue(s, broken);
    }
  }

  /** Recomputes pending step s's counters from its prerequisites' current states. */
  private recount(s: number): void {
    const phase = this.phase;
    const adj = inAdjacency(this.g);
    this.unresolved[s] = 0;
    this.anySat[s] = 0;
    this.brokenBy[s] = -1;
    this.voidBy[s] = -1;
    for (let e = adj.start[s], end = adj.start[s + 1]; e < end; e++) {
      const p = adj.from[e];
      const o = SEEN_AS[phase[p]];
      if (o === SEEN_NOT_FINAL) this.unresolved[s]++;
      else {
        const cond = adj.cond[e];
        this.note(s, p, cond, effect(cond, o));
      }
    }
  }

  // ---- blocked, skipped (R4, R5) ------------------------------------------------------------

  private block(s: number, p: number): void {
    this.setPhase(s, BLOCKED);
    const r = this.rootOf(p);
    this.fp[s] = p;
    this.root[s] = r;
    const attempt = this.inFlight[s] ? this.attempts[s] : this.attempts[s] + 1;
    this.inFlight[s] = 0;
    this.attempts[s] = attempt;
    this.status[s] = 424;
    this.message[s] = undefined;
    if (Number.isNaN(this.startedAt[s])) this.startedAt[s] = this.now;
    this.endedAt[s] = this.now;
    this.emitBlocked(s, undefined);
    this.settle(s);
  }

  private emitBlocked(s: number, message: string | undefined): void {
    const attempt = this.attempts[s];
    const max = this.maxAttempts[s];
    const willRetry = max > 1 && attempt < max;
    const seq = this.events.length;
    const t = this.now;
    const step = this.ids[s];
    const cid = this.cid;
    const fp = this.ids[this.fp[s]];
    const root = this.ids[this.root[s]];
    this.emit(
      message === undefined
        ? { seq, t, type: 'blocked', step, attempt, correlationId: cid, status: 424, willRetry, failedPrerequisiteStep: fp, rootCauseStep: root }
        : {
            seq,
            t,
            type: 'blocked',
            step,
            attempt,
            correlationId: cid,
            status: 424,
            message,
            willRetry,
            failedPrerequisiteStep: fp,
            rootCauseStep: root,
          },
    );
    if (willRetry) this.scheduleRetry(s, this.graphAware ? REPAIR : RESEND);
  }

  private skip(s: number): void {
    const p = this.voidBy[s];
    const cancelled = this.joinAny[s] === 0 && this.voidEffect[s] === VOID_CANCELLED;
    this.setPhase(s, cancelled ? CANCELLED : SKIPPED);
    this.gen[s]++;
    this.endedAt[s] = this.now;
    const pid = this.ids[p];
    let reason: string;
    if (this.joinAny[s]) reason = 'none of its prerequisites met its condition';
    else if (cancelled) reason = `its prerequisite ${pid} was cancelled`;
    else if (this.voidCond[s] === FAILURE) {
      reason = `it runs only if ${pid} fails, and ${pid} ${this.phase[p] === SKIPPED ? 'was skipped' : 'succeeded'}`;
    } else reason = `its prerequisite ${pid} was skipped`;
    this.reason.set(s, reason);
    this.emit({
      seq: this.events.length,
      t: this.now,
      type: cancelled ? 'cancelled' : 'skipped',
      step: this.ids[s],
      correlationId: this.cid,
      message: reason,
    });
    this.settle(s);
  }

  // ---- retrying blocked steps (R9) ----------------------------------------------------------

  /** Naive: the blocked step is sent again and answers 424 again. */
  private resend(s: number): void {
    this.setPhase(s, BLOCKED);
    this.attempts[s]++;
    this.endedAt[s] = this.now;
    this.emitBlocked(s, `sent again while ${this.ids[this.fp[s]]} is still not done: 424 again`);
  }

  /** Graph-aware: the blocked step's retry asks its root cause for one more attempt. */
  private requestRepair(s: number): void {
    const r = this.root[s];
    this.attempts[s]++;
    this.inFlight[s] = 1;
    let attempt: number;
    switch (this.phase[r]) {
      case FAILED:
        this.setPhase(r, REPAIR_QUEUED);
        this.waiters.set(r, [s]);
        this.ready.push(this.now, 0, 0, r, this.gen[r]);
        attempt = this.attempts[r] + 1;
        break;
      case REPAIR_QUEUED:
        this.waiters.get(r)!.push(s);
        attempt = this.attempts[r] + 1;
        break;
      case REPAIRING:
        this.waiters.get(r)!.push(s);
        attempt = this.attempts[r];
        break;
      default:
        throw new Error(`engine invariant: ${this.ids[s]} asked ${this.ids[r]} for a repair, but it has not failed`);
    }
    const e = this.ev('repair-requested', r, attempt);
    e.requestedBy = this.ids[s];
    this.emit(e);
  }

  private repairFailed(r: number): void {
    const ws = this.waiters.get(r) ?? [];
    this.waiters.delete(r);
    for (const w of ws) {
      if (this.phase[w] !== BLOCKED || this.root[w] !== r || !this.inFlight[w]) continue;
      this.inFlight[w] = 0;
      this.endedAt[w] = this.now;
      this.setPhase(w, BLOCKED);
      this.emitBlocked(w, `${this.ids[r]} failed again`);
    }
  }

  /** The root step succeeded on a repair: every step it blocked becomes pending again. */
  private repaired(r: number): void {
    const { g, phase } = this;
    this.waiters.delete(r);
    // The steps r blocked: every step blocked with root cause r is reached from r through
    // steps blocked with the same root cause (its failed-prerequisite chain), so a walk finds
    // them all without any bookkeeping while blocking. Breadth-first, like the cascade was.
    const stamp = ++this.epoch;
    const unblocked: number[] = [];
    this.mark[r] = stamp;
    for (let k = -1; k < unblocked.length; k++) {
      const p = k < 0 ? r : unblocked[k];
      for (let e = g.outStart[p], end = g.outStart[p + 1]; e < end; e++) {
        const s = g.outTo[e];
        if (phase[s] !== BLOCKED || this.root[s] !== r || this.mark[s] === stamp) continue;
        this.mark[s] = stamp;
        unblocked.push(s);
      }
    }
    for (const s of unblocked) {
      this.setPhase(s, PENDING);
      this.gen[s]++;
      this.fp[s] = -1;
      this.root[s] = -1;
      this.status[s] = 0;
      this.emit(this.ev('unblocked', s, this.attempts[s]));
    }
    if (this.aborted) this.taintDirty = true;
    // Everything whose view changed: the unblocked steps, and the not-yet-started dependents of
    // r (it went from failed to succeeded) and of the unblocked steps (they are no longer final).
    // Count them all from one consistent picture first, then act, so no step is told twice.
    const redo: number[] = [];
    const consider = (s: number): void => {
      if (this.mark[s] === stamp) return;
      const ph = phase[s];
      if (ph !== PENDING && ph !== QUEUED) return;
      this.mark[s] = stamp;
      if (ph === QUEUED) {
        this.setPhase(s, PENDING);
        this.gen[s]++;
      }
      redo.push(s);
    };
    for (let e = g.outStart[r], end = g.outStart[r + 1]; e < end; e++) consider(g.outTo[e]);
    for (const s of unblocked) {
      for (let e = g.outStart[s], end = g.outStart[s + 1]; e < end; e++) consider(g.outTo[e]);
    }
    const all = unblocked.concat(redo);
    for (const s of all) this.recount(s);
    for (const s of all) {
      if (phase[s] !== PENDING) continue;
      this.decide(s);
      this.drain();
    }
  }

  // ---- abort (R8) ---------------------------------------------------------------------------

  /**
   * At a root failure, cancels every step that has not started and does not depend on a failed
   * step. After the first sweep only dependents of failures are left waiting, so later failures
   * need no new sweep unless a repair made steps wait again.
   */
  private abortSweep(failed: number): void {
    if (this.aborted && !this.taintDirty) return;
    const { n, phase } = this;
    const failedSteps: number[] = [];
    for (let i = 0; i < n; i++) {
      const ph = phase[i];
      if (ph === FAILED || ph === REPAIR_QUEUED || ph === REPAIRING) failedSteps.push(i);
    }
    const taint = new Uint8Array(n);
    markDescendants(this.g, failedSteps, taint, false);
    const victims: number[] = [];
    for (let i = 0; i < n; i++) {
      const ph = phase[i];
      if ((ph === PENDING || ph === QUEUED) && this.runs[i] === 0 && !taint[i]) victims.push(i);
    }
    victims.sort((a, b) => compareIds(this.ids[a], this.ids[b]));
    const reason = `the run was aborted after ${this.ids[failed]} failed`;
    for (const v of victims) {
      this.setPhase(v, CANCELLED);
      this.gen[v]++;
      this.endedAt[v] = this.now;
      this.reason.set(v, reason);
      const e = this.ev('cancelled', v, 0);
      e.message = reason;
      this.emit(e);
    }
    for (const v of victims) this.settle(v);
    this.drain();
    this.aborted = true;
    this.taintDirty = false;
  }

  // ---- compensation (R10) -------------------------------------------------------------------

  private compensate(): { order: string[]; uncompensated: string[]; anyFailed: boolean; bad: boolean } {
    const { n, phase } = this;
    let bad = false;
    for (let i = 0; i < n; i++) {
      const ph = phase[i];
      if (ph === FAILED || ph === BLOCKED) bad = true;
      else if (ph !== SUCCEEDED && ph !== SKIPPED && ph !== CANCELLED) {
        throw new Error(`engine invariant: step "${this.ids[i]}" is not final at the end of the run; is the graph acyclic?`);
      }
    }
    const order: string[] = [];
    const uncompensated: string[] = [];
    let anyFailed = false;
    if (!this.saga || !bad) return { order, uncompensated, anyFailed, bad };
    const completion = this.completion;
    for (let k = completion.length - 1; k >= 0; k--) {
      const i = completion[k];
      const c = this.compensationSpec(i);
      if (c === undefined) {
        uncompensated.push(this.ids[i]);
        continue;
      }
      this.setPhase(i, COMPENSATING);
      const started = this.now;
      this.emit(this.ev('compensation-started', i, 0));
      this.now += c.durationMs;
      this.compTimes.set(i, [started, this.now]);
      if (c.fail !== undefined) {
        anyFailed = true;
        this.setPhase(i, COMPENSATION_FAILED);
        const e = this.ev('compensation-failed', i, 0);
        e.status = c.fail.status;
        if (c.fail.message !== undefined) e.message = c.fail.message;
        this.emit(e);
      } else {
        this.setPhase(i, COMPENSATED);
        this.emit(this.ev('compensation-succeeded', i, 0));
      }
      order.push(this.ids[i]);
    }
    return { order, uncompensated, anyFailed, bad };
  }

  // ---- result -------------------------------------------------------------------------------

  private finish(
    comp: { order: string[]; uncompensated: string[]; anyFailed: boolean; bad: boolean },
    lint: RunResult['lint'],
  ): RunResult {
    const outcome: RunOutcome = !comp.bad
      ? 'succeeded'
      : !this.saga
        ? 'failed'
        : comp.anyFailed
          ? 'compensation-failed'
          : 'compensated';
    const httpStatus = outcome === 'succeeded' ? 200 : 207;
    const end = this.ev('run-finished', -1, 0);
    end.status = httpStatus;
    end.message = outcome;
    this.emit(end);

    // The graph's id table becomes run.steps: same keys, same order, values overwritten.
    const steps = this.g.table as Record<string, StepResult>;
    this.g.consumed = true;
    const kept = this.replay?.kept;
    const paths = new PathBook(this.ids, this.fp);
    for (let i = 0; i < this.n; i++) {
      const prev = kept?.get(i);
      setOwn(steps, this.ids[i], prev !== undefined ? this.reusedResult(i, prev) : this.stepResult(i, paths));
    }
    const { scenario, g } = this;
    const cid = this.cid;
    // The batch response (a view of the step results, one problem body per failure) and the
    // graph (a copy of the dependencies, for replay) are built on first read and kept: a UI
    // reads one step's answer at a time, and a run of 100,000 steps should not pay for 100,000
    // bodies nobody asked for. Reading, spreading, JSON.stringify and structuredClone all see
    // ordinary properties.
    let response: RunResponse | undefined;
    let graph: RunGraph | undefined;
    const result: RunResult = {
      outcome,
      httpStatus,
      durationMs: this.now - this.t0,
      correlationId: cid,
      steps,
      compensationOrder: comp.order,
      uncompensated: comp.uncompensated,
      get response(): RunResponse {
        return (response ??= buildResponse(scenario, steps, httpStatus, cid));
      },
      set response(value: RunResponse) {
        response = value;
      },
      events: this.events,
      lint,
      get graph(): RunGraph {
        return (graph ??= graphOf(g));
      },
      set graph(value: RunGraph) {
        graph = value;
      },
    };
    if (this.replay) {
      result.startedAt = this.t0;
      result.replayOf = this.replay.replayOf;
    }
    return result;
  }

  private reusedResult(i: number, prev: StepResult): StepResult {
    const r: StepResult = { ...prev, reused: true };
    const ph = this.phase[i];
    if (ph === COMPENSATED || ph === COMPENSATION_FAILED) {
      r.state = ph === COMPENSATED ? 'compensated' : 'compensation-failed';
      r.compensation = this.compensationOf(i);
    }
    return r;
  }

  /** The step's compensation with defaults filled, resolved on first use (most steps never need it). */
  private compensationSpec(i: number): NonNullable<ResolvedStep['compensation']> | undefined {
    if (!this.hasComp[i]) return undefined;
    let c = this.comp.get(i);
    if (c === undefined) {
      c = resolveStep(this.scenario.steps[i]).compensation!;
      this.comp.set(i, c);
    }
    return c;
  }

  private compensationOf(i: number): NonNullable<StepResult['compensation']> {
    const c = this.compensationSpec(i)!;
    const [startedAt, endedAt] = this.compTimes.get(i)!;
    const failed = this.phase[i] === COMPENSATION_FAILED;
    const out: NonNullable<StepResult['compensation']> = {
      label: c.label,
      status: failed ? c.fail!.status : 200,
      startedAt,
      endedAt,
    };
    if (failed && c.fail!.message !== undefined) out.message = c.fail!.message;
    return out;
  }

  private stepResult(i: number, paths: PathBook): StepResult {
    const ph = this.phase[i];
    const startedAt = Number.isNaN(this.startedAt[i]) ? null : this.startedAt[i];
    const endedAt = Number.isNaN(this.endedAt[i]) ? null : this.endedAt[i];
    const attempts = this.attempts[i];
    const state = PHASE_TABLE[ph].final;
    if (state === null) throw new Error(`engine invariant: step "${this.ids[i]}" is not final at the end of the run`);
    switch (state) {
      case 'succeeded':
        return { state, status: 200, attempts, startedAt, endedAt, reused: false };
      case 'compensated':
      case 'compensation-failed':
        return { state, status: 200, attempts, startedAt, endedAt, reused: false, compensation: this.compensationOf(i) };
      case 'skipped':
      case 'cancelled':
        return { state, status: null, attempts, startedAt, endedAt, reused: false, reason: this.reason.get(i) };
      case 'blocked':
      case 'failed': {
        const fp = this.fp[i];
        const message = this.message[i];
        if (fp < 0) {
          const r: StepResult = { state, status: this.status[i], attempts, startedAt, endedAt, reused: false };
          if (message !== undefined) r.message = message;
          if (state === 'failed') r.failure = FAILURE_KINDS[this.failure[i]];
          return r;
        }
        const r: StepResult = {
          state,
          status: this.status[i],
          attempts,
          startedAt,
          endedAt,
          failedPrerequisiteStep: this.ids[fp],
          rootCauseStep: this.ids[this.root[i]],
          dependencyPath: paths.of(i),
          reused: false,
        };
        if (message !== undefined) r.message = message;
        if (state === 'failed') r.failure = FAILURE_KINDS[this.failure[i]];
        return r;
      }
    }
  }
}

// Failure kinds of an attempt, as stored in `endKind`.
const K_NONE = 0;
const K_INJECTED = 1;
const K_TIMEOUT = 2;
const K_MISSING_INPUT = 3;
const K_MISSING_OUTPUT = 4;
const FAILURE_KINDS: readonly FailureKind[] = ['injected', 'injected', 'timeout', 'missing-input', 'missing-output'];

function graphOf(g: Graph): RunGraph {
  const m = g.depFrom.length;
  const graph: RunGraph = { from: new Array(m), to: new Array(m), on: new Array(m) };
  for (let e = 0; e < m; e++) {
    graph.from[e] = g.ids[g.depFrom[e]];
    graph.to[e] = g.ids[g.depTo[e]];
    graph.on[e] = COND_NAMES[g.depCond[e]];
  }
  return graph;
}

/**
 * Dependency paths, root cause first: a step's path is its failed prerequisite's path plus
 * itself, so each is built once from its parent's (linear in the path's length).
 */
class PathBook {
  private readonly memo: (string[] | undefined)[];

  constructor(
    private readonly ids: string[],
    private readonly fp: Int32Array,
  ) {
    this.memo = new Array(ids.length);
  }

  private readonly chain: number[] = [];

  of(i: number): string[] {
    const hit = this.memo[i];
    if (hit !== undefined) return hit;
    // Walk up to the nearest step whose path is known (or the root), then build down.
    const chain = this.chain;
    chain.length = 0;
    let j = i;
    while (j >= 0 && this.memo[j] === undefined) {
      chain.push(j);
      j = this.fp[j];
      if (chain.length > this.ids.length) throw new Error('engine invariant: cycle in failed prerequisites');
    }
    let path: string[] = j >= 0 ? this.memo[j]! : [];
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k];
      const next = new Array<string>(path.length + 1);
      for (let x = 0; x < path.length; x++) next[x] = path[x];
      next[path.length] = this.ids[s];
      this.memo[s] = path = next;
    }
    return path;
  }
}

/** Typed views over one buffer: f64 first, then i32, then u8, so every view is aligned. */
class Arena {
  private readonly buf: ArrayBuffer;
  private offset = 0;

  constructor(
    private readonly n: number,
    f64s: number,
    i32s: number,
    u8s: number,
  ) {
    this.buf = new ArrayBuffer(n * (8 * f64s + 4 * i32s + u8s));
  }

  f64(): Float64Array {
    const v = new Float64Array(this.buf, this.offset, this.n);
    this.offset += 8 * this.n;
    return v;
  }

  i32(): Int32Array {
    const v = new Int32Array(this.buf, this.offset, this.n);
    this.offset += 4 * this.n;
    return v;
  }

  u8(): Uint8Array {
    const v = new Uint8Array(this.buf, this.offset, this.n);
    this.offset += this.n;
    return v;
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
