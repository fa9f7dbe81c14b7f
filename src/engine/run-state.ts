// The state of one simulation run: the scenario's steps and the policy read into typed arrays
// indexed by the step's position in the scenario, the per-step state the rules change, the two
// queues and the event log. The rule modules (readiness, attempts, repair, abort,
// compensation, result) are free functions over this state.
import { DEFAULT_DURATION_MS, resolvePolicy, type ResolvedStep } from '../scenario/defaults.ts';
import { runEventBudget } from '../scenario/limits.ts';
import type { Scenario, Step } from '../scenario/types.ts';
import type { WhenOutcome } from '../scenario/when.ts';
import type { Graph } from './graph.ts';
import type { PhaseCode } from './phases.ts';
import { idKey, TimedQueue } from './queue.ts';
import { assertTransition } from './transitions.ts';
import type { EventType, RunStop, StepResult } from './types.ts';
import { EventLog, NO_ATTEMPT } from './event-log.ts';
import { idRecord } from './records.ts';
import { Reasons } from './reasons.ts';

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

// What a timer entry does when it comes due.
/** An attempt (or repair attempt) ends (R3). */
export const TIMER_ATTEMPT_END = 0;
/** A failed step's next attempt is due (R3). */
export const TIMER_RETRY = 1;
/** A blocked step's graph-aware retry asks its root cause to try again (R9). */
export const TIMER_REPAIR = 2;
/** A blocked step's naive retry is re-sent (R9). */
export const TIMER_RESEND = 3;
export type TimerKind = typeof TIMER_ATTEMPT_END | typeof TIMER_RETRY | typeof TIMER_REPAIR | typeof TIMER_RESEND;

// Timers due at the same moment: attempt ends first, then what leads to a new attempt (R2).
export const TIER_COMPLETION = 0;
export const TIER_START = 1;

/** `concurrency: 0` means no limit. */
const UNLIMITED = 0x7fffffff;

export class RunState {
  readonly n: number;
  readonly ids: string[];
  readonly startTime: number;

  // Policy.
  readonly failFast: boolean;
  readonly abortOnFailure: boolean;
  readonly saga: boolean;
  /** R17: `compensationErrors: "stop"` — no handler runs after one fails. */
  readonly stopAtCompensationError: boolean;
  readonly graphAwareRetry: boolean;
  readonly concurrencyLimit: number;

  // Step behaviour. Rare properties live in maps, so a large scenario pays only for what it uses.
  readonly durationMs: Float64Array;
  readonly timeoutMs: Float64Array; // -1: none
  readonly maxAttempts: Int32Array;
  readonly retryDelayMs: Float64Array;
  readonly retryFactor: Float64Array;
  readonly hasFail: Uint8Array;
  readonly failStatus: Int32Array; // 0: a timeout failure
  readonly failTimes: Int32Array; // 0: every attempt
  readonly failMessage = new Map<number, string>();
  readonly joinAny: Uint8Array;
  /** R16: the answer of a success other than 200 (`successStatus`), by step; most steps have none. */
  readonly successStatus = new Map<number, number>();
  readonly hasCompensation: Uint8Array;
  readonly compensationSpecs = new Map<number, NonNullable<ResolvedStep['compensation']>>();
  readonly produces = new Map<number, number[]>();
  readonly consumes = new Map<number, number[]>();
  readonly artifactNames: string[] = [];
  /** Per artifact: how many succeeded steps produced it (R7). */
  readonly produced: Int32Array;

  // Step state.
  readonly phase: Uint8Array;
  readonly attempts: Int32Array;
  /** Attempts actually sent (what `fail.times` counts). */
  readonly sent: Int32Array;
  /** A graph-aware retry reserved the next attempt number while its repair runs (R9). */
  readonly attemptReserved: Uint8Array;
  /** Bumped to invalidate a step's pending timers and queue entries. */
  readonly generation: Int32Array;
  /** Prerequisites not final yet (R4). */
  readonly unresolved: Int32Array;
  /** Some prerequisite's dependency is satisfied (R4, join "any"). */
  readonly anySatisfied: Uint8Array;
  /** The broken prerequisite that names the 424 (R4, R5), or -1. */
  readonly brokenPrerequisite: Int32Array;
  /** The first prerequisite whose dependency is void (R4), or -1; with its verdict and condition. */
  readonly voidPrerequisite: Int32Array;
  readonly voidVerdict: Uint8Array;
  readonly voidCondition: Uint8Array;
  /** R6: the broken prerequisite whose missing output makes every attempt fail, or -1. */
  readonly missingOutputOf: Int32Array;
  readonly failedPrerequisite: Int32Array;
  readonly rootCause: Int32Array;
  readonly status: Int32Array; // 0: none
  readonly startedAt: Float64Array;
  readonly endedAt: Float64Array;
  /** When the step last became final (R14 names the failed prerequisite that was final first). */
  readonly finalAt: Float64Array;
  /** The current (or last) attempt's answer, decided when it starts. */
  readonly attemptStatus: Int32Array;
  readonly message: (string | undefined)[];
  /** Why the current attempt fails (a FailureCode of attempts.ts). */
  readonly attemptFailure: Uint8Array;
  /** Why the last failed attempt failed. */
  readonly failure: Uint8Array;
  /** Why a step was skipped or cancelled, or left uncompensated (reasons.ts). */
  readonly reasons: Reasons;
  readonly compensationTimes = new Map<number, [number, number]>();
  /** Blocked steps waiting on this step's repair attempt (R9). */
  readonly repairWaiters = new Map<number, number[]>();
  /**
   * R14: a prerequisite's outcome by id, as a run condition's terms see it (conditions.ts):
   * one function per run, made at the first condition decided, instead of one per decision.
   */
  whenOutcome: ((id: string) => WhenOutcome) | null = null;
  /** Visit marks for walks: a step is visited when its mark equals the walk's stamp. */
  readonly visited: Int32Array;
  visitStamp = 0;

  // The clock, the queues and the trace.
  readonly timers: TimedQueue;
  readonly ready: TimedQueue;
  running = 0;
  now: number;
  /** The trace, in columns (event-log.ts); `RunResult.events` builds the objects on first read. */
  readonly log: EventLog;
  /**
   * Steps in the order they succeeded — and failed steps compensated `evenIfFailed` (R17), in
   * the order they failed: compensation runs it backwards (R10).
   */
  readonly completion: number[] = [];
  /**
   * Steps that became final and whose dependents have not been told yet:
   * `finalQueue[finalHead .. finalLength)`. Sized for every step once (a cascade of 424s can
   * make most of the graph final at one moment); `markFinal` grows it when steps become final
   * again (a repair) before the queue is emptied.
   */
  finalQueue: Int32Array;
  finalHead = 0;
  finalLength = 0;

  // The work budget (src/engine/budget.ts): the most events this run may make, and, once it
  // stopped there, why.
  readonly eventBudget: number;
  stopped: RunStop | null = null;

  // Atomic groups (R18), by group index: open / committed / failed (groups.ts), members
  // succeeded so far, and the member whose failure failed the group.
  readonly groupState: Uint8Array;
  readonly groupSucceeded: Int32Array;
  readonly groupFailedBy: Int32Array;

  // Abort (R8).
  aborted = false;
  /** R15: finally steps, which abort spares (built at the first abort sweep). */
  finallySteps: Uint8Array | null = null;
  /** A repair made steps wait again since the last abort sweep. */
  abortSweepStale = false;

  constructor(
    readonly scenario: Scenario,
    readonly graph: Graph,
    readonly replay: ReplaySetup | null,
    /** The record to fill with the step results, when the caller already made it (`replay`'s plan). */
    readonly stepsRecord: Record<string, unknown> = idRecord(),
  ) {
    const n = graph.n;
    this.n = n;
    this.eventBudget = runEventBudget(n);
    // Runs make about 1.6 events per step; the log grows past this when needed and is trimmed at the end.
    this.log = new EventLog(2 * n + 8);
    this.ids = graph.ids;
    this.startTime = replay ? replay.t0 : 0;
    this.now = this.startTime;

    const policy = resolvePolicy(scenario);
    this.failFast = policy.failFast;
    this.abortOnFailure = policy.onFailure === 'abort';
    this.saga = policy.compensation === 'saga';
    this.stopAtCompensationError = policy.compensationErrors === 'stop';
    this.graphAwareRetry = policy.retryMode === 'graph-aware';
    this.concurrencyLimit = policy.concurrency > 0 ? policy.concurrency : UNLIMITED;

    // Every per-step number in two buffers, one allocation each instead of thirty: the
    // columns the step results are made from, which the result keeps until they are read
    // (src/engine/result.ts, `finishedSteps`), and the ones only the run needs.
    const kept = new Arena(n, 2, 5, 4);
    this.startedAt = kept.f64().fill(NaN);
    this.endedAt = kept.f64().fill(NaN);
    this.attempts = kept.i32();
    this.failedPrerequisite = kept.i32().fill(-1);
    this.rootCause = kept.i32().fill(-1);
    this.status = kept.i32();
    const reasonArg = kept.i32();
    this.phase = kept.u8();
    this.failure = kept.u8();
    this.hasCompensation = kept.u8();
    this.reasons = new Reasons(graph.ids, kept.u8(), reasonArg);
    const a = new Arena(n, 5, 12, 7);
    this.durationMs = a.f64();
    this.timeoutMs = a.f64();
    this.retryDelayMs = a.f64();
    this.retryFactor = a.f64();
    this.finalAt = a.f64();
    this.maxAttempts = a.i32();
    this.failStatus = a.i32();
    this.failTimes = a.i32();
    this.sent = a.i32();
    this.generation = a.i32();
    this.unresolved = a.i32();
    this.brokenPrerequisite = a.i32().fill(-1);
    this.voidPrerequisite = a.i32().fill(-1);
    this.missingOutputOf = a.i32().fill(-1);
    this.attemptStatus = a.i32();
    this.visited = a.i32();
    this.finalQueue = a.i32();
    this.hasFail = a.u8();
    this.joinAny = a.u8();
    this.attemptReserved = a.u8();
    this.anySatisfied = a.u8();
    this.voidVerdict = a.u8();
    this.voidCondition = a.u8();
    this.attemptFailure = a.u8();
    this.message = new Array(n);
    const groupCount = graph.groups.length;
    this.groupState = new Uint8Array(groupCount);
    this.groupSucceeded = new Int32Array(groupCount);
    this.groupFailedBy = new Int32Array(groupCount).fill(-1);

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
    // One walk over the step objects reads their behaviour and makes the queues' id sort keys:
    // at 100,000 steps the objects and their ids are far more than the CPU's caches hold, so
    // each walk over them is memory traffic (issue #15). The correlation id, a hash of every
    // field, is made on the result's first read of it (result.ts, `correlationIdOf`).
    const keys = new Int32Array(n);
    let asciiKeys = true;
    for (let i = 0; i < n; i++) {
      const s = steps[i];
      const key = idKey(s.id);
      if (key < 0) asciiKeys = false;
      keys[i] = key;
      // Only the fields the step has are read (see fingerprintScenario: steps of many shapes
      // make a read by name slow, and most fields are absent).
      let durationMs: number | undefined;
      let timeoutMs: number | undefined;
      let r: Step['retry'];
      let f: Step['fail'];
      let produces: string[] | undefined;
      let consumes: string[] | undefined;
      for (const key in s) {
        switch (key) {
          case 'durationMs':
            durationMs = s.durationMs;
            break;
          case 'timeoutMs':
            timeoutMs = s.timeoutMs;
            break;
          case 'retry':
            r = s.retry;
            break;
          case 'fail':
            f = s.fail;
            break;
          case 'join':
            if (s.join === 'any') this.joinAny[i] = 1;
            break;
          case 'successStatus':
            if (s.successStatus !== undefined && s.successStatus !== 200) this.successStatus.set(i, s.successStatus);
            break;
          case 'compensation':
            if (s.compensation !== undefined) this.hasCompensation[i] = 1;
            break;
          case 'produces':
            produces = s.produces;
            break;
          case 'consumes':
            consumes = s.consumes;
            break;
          default:
            break;
        }
      }
      this.durationMs[i] = durationMs ?? DEFAULT_DURATION_MS;
      this.timeoutMs[i] = timeoutMs ?? -1;
      if (r === undefined) {
        this.maxAttempts[i] = 1;
        this.retryFactor[i] = 1;
      } else {
        this.maxAttempts[i] = r.maxAttempts ?? 1;
        this.retryDelayMs[i] = r.delayMs ?? 0;
        this.retryFactor[i] = r.factor ?? 1;
      }
      if (f !== undefined) {
        this.hasFail[i] = 1;
        this.failStatus[i] = f.timeout ? 0 : (f.status ?? 500);
        this.failTimes[i] = f.times ?? 0;
        if (f.message !== undefined) this.failMessage.set(i, f.message);
      }
      // Artifacts are numbered in the order steps name them, producers first.
      if (produces !== undefined && produces.length > 0) this.produces.set(i, produces.map(artifact));
      if (consumes !== undefined && consumes.length > 0) this.consumes.set(i, consumes.map(artifact));
    }
    this.produced = new Int32Array(this.artifactNames.length);
    // As idKeys: a key that is not all ASCII makes every comparison fall through to the strings.
    if (!asciiKeys) keys.fill(0);
    this.timers = new TimedQueue(graph.ids, keys);
    this.ready = new TimedQueue(graph.ids, keys);
  }
}

/**
 * Records an event at the current time and returns its index, for `run.log`'s setters of its
 * other fields. `step` -1 for run events; `attempt` 0 or less for an event without one (use
 * `run.log.add` for an event that names attempt 0).
 */
export function newEvent(run: RunState, type: EventType, step: number, attempt: number): number {
  return run.log.add(type, run.now, step, attempt > 0 ? attempt : NO_ATTEMPT);
}

/** Moves step i to phase `to`, checked against the transition table. */
export function setPhase(run: RunState, i: number, to: PhaseCode): void {
  assertTransition(run.ids[i], run.phase[i], to);
  run.phase[i] = to;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
