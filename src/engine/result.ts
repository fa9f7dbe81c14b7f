// Result assembly (R11–R12): the run's outcome, every step's result with its dependency path,
// and the batch response, built from the finished run state.
import { COND_NAMES, type Graph } from './graph.ts';
import {
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
  ROLLED_BACK,
  RUNNING,
  SKIPPED,
  SUCCEEDED,
  type PhaseCode,
} from './phases.ts';
import { FAILURE_KINDS } from './attempts.ts';
import { compensationOf, type CompensationRecord, type CompensationSummary } from './compensation.ts';
import { setOwn } from './records.ts';
import { correlationIdOf } from './fingerprint.ts';
import { buildResponse } from './responses.ts';
import { newEvent, type RunState } from './run-state.ts';
import type { EventLog } from './event-log.ts';
import type { RunEvent, RunGraph, RunOutcome, RunResponse, RunResult, StepResult } from './types.ts';

/** Emits `run-finished` and builds the result (R11: outcome and HTTP status; R12: responses). */
export function assembleResult(run: RunState, compensation: CompensationSummary, lint: RunResult['lint']): RunResult {
  const outcome: RunOutcome = !compensation.forwardFailed
    ? 'succeeded'
    : !run.saga
      ? 'failed'
      : compensation.anyFailed
        ? 'compensation-failed'
        : 'compensated';
  const httpStatus = outcome === 'succeeded' ? 200 : 207;
  const end = newEvent(run, 'run-finished', -1, 0);
  run.log.setStatus(end, httpStatus);
  run.log.setMessage(end, outcome);
  run.log.trim();

  const { scenario, ids, reasons } = run;
  // Only what the graph copy and the correlation id are made from: the rest of the graph (adjacency, id table) goes.
  const g: Dependencies = { ids, depFrom: run.graph.depFrom, depTo: run.graph.depTo, depCond: run.graph.depCond };
  const replaySalt = run.replay === null ? null : { replayOf: run.replay.replayOf, salt: run.replay.salt };
  // The correlation id hashes every field of every step (fingerprint.ts): made on first read, like the rest.
  let correlationId: string | undefined;
  const correlationIdRead = (): string => (correlationId ??= correlationIdOf(scenario, g, replaySalt));
  let log: EventLog | null = run.log;
  const replayed = run.replay !== null;
  // The step results, the batch response (a view of the step results, one problem body per
  // failure), the events and the graph (a copy of the dependencies, for replay) are built on
  // first read and kept: until then the finished run state is their compact form (typed
  // arrays, the event log's columns), and a run of 100,000 steps pays for 100,000 objects
  // only when someone reads them. Reading, spreading, JSON.stringify and structuredClone all
  // see ordinary properties.
  let finished: FinishedSteps | null = finishedSteps(run);
  let steps = run.stepsRecord as Record<string, StepResult>;
  const stepsRead = (): Record<string, StepResult> => {
    if (finished !== null) {
      fillSteps(finished, steps);
      finished = null;
    }
    return steps;
  };
  let response: RunResponse | undefined;
  let graph: RunGraph | undefined;
  let events: RunEvent[] | undefined;
  const result: RunResult = {
    outcome,
    httpStatus,
    durationMs: run.now - run.startTime,
    get correlationId(): string {
      return correlationIdRead();
    },
    set correlationId(value: string) {
      correlationId = value;
    },
    get steps(): Record<string, StepResult> {
      return stepsRead();
    },
    set steps(value: Record<string, StepResult>) {
      steps = value;
      finished = null;
    },
    compensationOrder: compensation.order,
    uncompensated: compensation.uncompensated,
    get response(): RunResponse {
      return (response ??= buildResponse(scenario, stepsRead(), httpStatus, correlationIdRead()));
    },
    set response(value: RunResponse) {
      response = value;
    },
    get events(): RunEvent[] {
      if (events === undefined) {
        events = log!.materialize(ids, correlationIdRead(), replayed, (i) => reasons.of(i));
        log = null;
      }
      return events;
    },
    set events(value: RunEvent[]) {
      events = value;
      log = null;
    },
    lint,
    get graph(): RunGraph {
      return (graph ??= graphOf(g));
    },
    set graph(value: RunGraph) {
      graph = value;
    },
  };
  if (run.stopped) result.stopped = run.stopped;
  if (run.replay) {
    result.startedAt = run.startTime;
    result.replayOf = run.replay.replayOf;
  }
  return result;
}

/** What the step results are built from (see `finishedSteps`). */
type FinishedSteps = CompensationRecord &
  Pick<RunState, 'n' | 'ids' | 'replay' | 'status' | 'attempts' | 'startedAt' | 'endedAt' | 'message' | 'failure' | 'failedPrerequisite' | 'rootCause' | 'reasons'>;

/**
 * The columns of the finished run the step results are built from. They share one buffer of
 * their own in the run state (run-state.ts's `kept` Arena), so a result not read yet keeps ≈35
 * bytes per step instead of the whole run state (≈126 bytes per step, and the queues), and
 * nothing is copied: the run makes no more changes to them.
 */
function finishedSteps(run: RunState): FinishedSteps {
  return {
    n: run.n,
    ids: run.ids,
    replay: run.replay,
    scenario: run.scenario,
    phase: run.phase,
    status: run.status,
    attempts: run.attempts,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    message: run.message,
    failure: run.failure,
    failedPrerequisite: run.failedPrerequisite,
    rootCause: run.rootCause,
    reasons: run.reasons,
    hasCompensation: run.hasCompensation,
    compensationSpecs: run.compensationSpecs,
    compensationTimes: run.compensationTimes,
  };
}

/** Puts every step's result into `steps`, the run's own (empty) record, in scenario order. */
function fillSteps(run: FinishedSteps, steps: Record<string, StepResult>): void {
  const kept = run.replay?.kept;
  const paths = new DependencyPaths(run.ids, run.failedPrerequisite);
  for (let i = 0; i < run.n; i++) {
    const previous = kept?.get(i);
    setOwn(steps, run.ids[i], previous !== undefined ? reusedResult(run, i, previous) : stepResult(run, i, paths));
  }
}

/** A step kept by a replay: its previous result, plus its rollback if this run's saga undid it. */
function reusedResult(run: FinishedSteps, i: number, previous: StepResult): StepResult {
  const r: StepResult = { ...previous, reused: true };
  const ph = run.phase[i];
  if (ph === COMPENSATED || ph === COMPENSATION_FAILED) {
    r.state = ph === COMPENSATED ? 'compensated' : 'compensation-failed';
    r.compensation = compensationOf(run, i);
  }
  return r;
}

function stepResult(run: FinishedSteps, i: number, paths: DependencyPaths): StepResult {
  const ph = run.phase[i] as PhaseCode;
  const startedAt = Number.isNaN(run.startedAt[i]) ? null : run.startedAt[i];
  const endedAt = Number.isNaN(run.endedAt[i]) ? null : run.endedAt[i];
  const attempts = run.attempts[i];
  switch (ph) {
    case SUCCEEDED: {
      // R16: the step's success status (200 unless `successStatus` says otherwise).
      const r: StepResult = { state: 'succeeded', status: run.status[i], attempts, startedAt, endedAt, reused: false };
      // R17: left uncompensated because the saga stopped.
      const reason = run.reasons.of(i);
      if (reason !== undefined) r.reason = reason;
      return r;
    }
    case COMPENSATED:
    case COMPENSATION_FAILED: {
      const state = ph === COMPENSATED ? 'compensated' : 'compensation-failed';
      // The forward answer stays: its success status, or (R17 evenIfFailed) its failure status.
      const r: StepResult = { state, status: run.status[i], attempts, startedAt, endedAt, reused: false, compensation: compensationOf(run, i) };
      if (run.status[i] >= 300) {
        const message = run.message[i];
        if (message !== undefined) r.message = message;
        r.failure = FAILURE_KINDS[run.failure[i]];
      }
      return r;
    }
    case SKIPPED:
    case CANCELLED: {
      const state = ph === SKIPPED ? 'skipped' : 'cancelled';
      return { state, status: null, attempts, startedAt, endedAt, reused: false, reason: run.reasons.of(i) };
    }
    case BLOCKED:
    case ROLLED_BACK:
    case FAILED: {
      const state = ph === BLOCKED ? 'blocked' : ph === ROLLED_BACK ? 'rolled-back' : 'failed';
      const failedPrerequisite = run.failedPrerequisite[i];
      const message = run.message[i];
      if (failedPrerequisite < 0) {
        const r: StepResult = { state, status: run.status[i], attempts, startedAt, endedAt, reused: false };
        if (message !== undefined) r.message = message;
        if (state === 'failed') r.failure = FAILURE_KINDS[run.failure[i]];
        return r;
      }
      const r: StepResult = {
        state,
        status: run.status[i],
        attempts,
        startedAt,
        endedAt,
        failedPrerequisiteStep: run.ids[failedPrerequisite],
        rootCauseStep: run.ids[run.rootCause[i]],
        dependencyPath: paths.of(i),
        reused: false,
      };
      if (message !== undefined) r.message = message;
      if (state === 'failed') r.failure = FAILURE_KINDS[run.failure[i]];
      return r;
    }
    case PENDING:
    case QUEUED:
    case RUNNING:
    case BACKOFF:
    case REPAIR_QUEUED:
    case REPAIRING:
    case COMPENSATING:
      throw new Error(`engine invariant: step "${run.ids[i]}" is not final at the end of the run`);
  }
}

/** The run's dependencies as step indices, which `graphOf` copies out by id. */
type Dependencies = Pick<Graph, 'ids' | 'depFrom' | 'depTo' | 'depCond'>;

function graphOf(g: Dependencies): RunGraph {
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
class DependencyPaths {
  private readonly memo: (string[] | undefined)[];
  private readonly chain: number[] = [];

  constructor(
    private readonly ids: string[],
    private readonly failedPrerequisite: Int32Array,
  ) {
    this.memo = new Array(ids.length);
  }

  of(i: number): string[] {
    const hit = this.memo[i];
    if (hit !== undefined) return hit;
    // Walk up to the nearest step whose path is known (or the root), then build down.
    const chain = this.chain;
    chain.length = 0;
    let j = i;
    while (j >= 0 && this.memo[j] === undefined) {
      chain.push(j);
      j = this.failedPrerequisite[j];
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
