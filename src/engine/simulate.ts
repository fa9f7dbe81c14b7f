// The simulation: a discrete-event loop on a virtual clock (R2–R12 of issue #2).
//
// Shape of the loop: a heap of timed entries (attempt ends, retry timers) ordered by
// (t, completions first, id), and a heap of ready steps ordered by (ready time, id). At each
// moment every entry due is handled, then ready steps start while slots are free. The rules
// live in one module each, as free functions over the run state (run-state.ts):
//   readiness.ts     R4–R6  conditions, blocked (424), skipped, cancelled
//   attempts.ts      R3, R6, R7  attempts, their answers, retries
//   repair.ts        R9     retrying blocked steps: naive re-send, graph-aware repair
//   abort.ts         R8     cancelling what has not started
//   compensation.ts  R10    the saga
//   result.ts        R11–R12  outcome, step results, responses
//   budget.ts        the work budget: a run stops at runEventBudget(steps) events (issue #9)
import type { Scenario } from '../scenario/types.ts';
import { attemptEnded, produce, startReady } from './attempts.ts';
import { budgetReached, stopAtBudget } from './budget.ts';
import { compensate } from './compensation.ts';
import { decideWhen } from './conditions.ts';
import { buildGraph, type Graph } from './graph.ts';
import { lintGraph } from './lint.ts';
import { withDialectConditions, type DialectConditions } from './dialect-conditions.ts';
import { BACKOFF, BLOCKED, PENDING, SUCCEEDED } from './phases.ts';
import { enqueue, markFinal, propagate } from './readiness.ts';
import { requestRepair, resend } from './repair.ts';
import { assembleResult } from './result.ts';
import {
  compareIds,
  newEvent,
  RunState,
  setPhase,
  TIMER_ATTEMPT_END,
  TIMER_REPAIR,
  TIMER_RESEND,
  TIMER_RETRY,
  type ReplaySetup,
  type TimerKind,
} from './run-state.ts';
import type { LintWarning, RunResult } from './types.ts';
import { idRecord } from './records.ts';

export type { ReplaySetup };

export interface SimulateOptions {
  /** Run `lint` and put its warnings in `RunResult.lint` (default true). */
  lint?: boolean;
  /**
   * Issue #11: an import's exact conditions (`extras.conditions` of a GitHub Actions import),
   * by step id. Each such step with prerequisites is decided by its condition over all its
   * ancestors, when R14 would decide it (src/engine/dialect-conditions.ts). Absent: the result
   * is exactly what the scenario alone gives.
   */
  dialectConditions?: DialectConditions;
  /** The condition's text as written (a job's `if:`), quoted in reasons; by step id. */
  dialectConditionText?: (id: string) => string | undefined;
}

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
  const graph = buildGraph(scenario);
  if (options.dialectConditions === undefined) return runSimulation(new RunState(scenario, graph, null), options.lint ?? true);
  // Lint reads the scenario's own conditions, before the dialect's take their place.
  const lint = (options.lint ?? true) ? lintGraph(scenario, graph) : [];
  const run = new RunState(scenario, withDialectConditions(graph, options.dialectConditions, options.dialectConditionText), null);
  return runSimulation(run, lint);
}

/**
 * Used by `replay`: runs the edited scenario with the kept steps already succeeded. `steps`,
 * when given, is the (empty) record that becomes the result's `steps`; otherwise a fresh one.
 */
export function simulateReplay(scenario: Scenario, setup: ReplaySetup, graph?: Graph, steps: Record<string, unknown> = idRecord()): RunResult {
  return runSimulation(new RunState(scenario, graph ?? buildGraph(scenario), setup, steps), true);
}

function runSimulation(run: RunState, withLint: boolean | LintWarning[]): RunResult {
  const lint = Array.isArray(withLint) ? withLint : withLint ? lintGraph(run.scenario, run.graph) : [];
  begin(run);
  loop(run);
  const compensation = compensate(run);
  return assembleResult(run, compensation, lint);
}

/** The first moment: replayed steps are reused, steps without prerequisites are ready (R2, R13). */
function begin(run: RunState): void {
  const { n, graph, ids } = run;
  newEvent(run, run.replay ? 'replay-started' : 'run-started', -1, 0);
  const kept = run.replay?.kept;
  if (kept && kept.size > 0) {
    // Kept steps count as succeeded from the first moment, in the order they completed before.
    const order = [...kept.keys()].sort((a, b) => {
      const ea = kept.get(a)!.endedAt ?? 0;
      const eb = kept.get(b)!.endedAt ?? 0;
      return ea !== eb ? ea - eb : compareIds(ids[a], ids[b]);
    });
    const byId = order.slice().sort((a, b) => compareIds(ids[a], ids[b]));
    for (const i of byId) {
      const previous = kept.get(i)!;
      setPhase(run, i, SUCCEEDED);
      // R16: a kept step answered its success status (201, 204, …) in the previous run.
      const status = previous.status ?? 200;
      run.status[i] = status;
      run.attempts[i] = previous.attempts;
      run.log.setStatus(newEvent(run, 'reused', i, previous.attempts), status);
      produce(run, i);
    }
    for (const i of order) run.completion.push(i);
  }
  for (let i = 0; i < n; i++) {
    if (run.phase[i] !== PENDING) continue;
    const prerequisites = graph.indeg[i];
    run.unresolved[i] = prerequisites;
    if (prerequisites !== 0) continue;
    // A step without prerequisites starts, unless a run condition decides it (an imported
    // job's `if:`, see withDialectConditions): decided now, as R14 decides once prerequisites are final.
    const condition = graph.when?.[i];
    if (condition !== undefined) decideWhen(run, i, condition);
    else enqueue(run, i, -1);
  }
  if (kept) for (const i of kept.keys()) markFinal(run, i);
  propagate(run);
}

/** Handles every timer due now, starts ready steps, and moves the clock to the next timer. */
function loop(run: RunState): void {
  const timers = run.timers;
  for (;;) {
    while (timers.size > 0 && timers.peekT() === run.now) {
      timers.pop();
      const i = timers.poppedStep;
      if (timers.poppedGeneration !== run.generation[i]) continue;
      const kind = timers.poppedKind as TimerKind;
      if (budgetReached(run)) {
        stopAtBudget(run);
        return;
      }
      switch (kind) {
        case TIMER_ATTEMPT_END:
          attemptEnded(run, i);
          break;
        case TIMER_RETRY:
          if (run.phase[i] === BACKOFF) enqueue(run, i, run.missingOutputOf[i]);
          break;
        case TIMER_REPAIR:
          if (run.phase[i] === BLOCKED) requestRepair(run, i);
          break;
        case TIMER_RESEND:
          if (run.phase[i] === BLOCKED) resend(run, i);
          break;
      }
    }
    startReady(run);
    if (budgetReached(run)) {
      stopAtBudget(run);
      return;
    }
    if (timers.size === 0) break;
    run.now = timers.peekT();
  }
}
