// Compensation (R10): with `compensation: "saga"`, once every forward step is final and any
// step failed or was blocked, the succeeded steps are rolled back in reverse completion order,
// one after another on the virtual clock. R17 (issue #10) adds the saga's two options:
// `policy.compensationErrors: "stop"` (Temporal's saga `continueWithError: false`): at the
// first handler that fails, no further handler runs; and `compensation.evenIfFailed`: a step
// that ended failed (not blocked) is compensated too, in its place by end time, because its
// last attempt may have taken effect (a timeout after the service acted).
import { resolveStep, type ResolvedStep } from '../scenario/defaults.ts';
import { BLOCKED, CANCELLED, COMPENSATED, COMPENSATING, COMPENSATION_FAILED, FAILED, ROLLED_BACK, SKIPPED, SUCCEEDED } from './phases.ts';
import { newEvent, setPhase, type RunState } from './run-state.ts';
import type { StepResult } from './types.ts';
import { REASON_SAGA_STOPPED } from './reasons.ts';

export interface CompensationSummary {
  /** Ids in the order they were compensated. */
  order: string[];
  /**
   * Succeeded steps left as they are: first those without a compensation handler, newest
   * first (the order the saga passed them); then, after a `stop` (R17), those whose handlers
   * did not run, in the order they would have run.
   */
  uncompensated: string[];
  /** Some handler failed. */
  anyFailed: boolean;
  /** Some forward step failed or was blocked (what triggers a saga, and R11's outcome). */
  forwardFailed: boolean;
}

/** Checks every step is final, then runs the saga when there is one to run. */
export function compensate(run: RunState): CompensationSummary {
  const { n, phase } = run;
  // A run stopped at its work budget did not do what it was asked: roll back as for a failure.
  let forwardFailed = run.stopped !== null;
  for (let i = 0; i < n; i++) {
    const ph = phase[i];
    if (ph === FAILED || ph === BLOCKED || ph === ROLLED_BACK) forwardFailed = true;
    else if (ph !== SUCCEEDED && ph !== SKIPPED && ph !== CANCELLED) {
      throw new Error(`engine invariant: step "${run.ids[i]}" is not final at the end of the run; is the graph acyclic?`);
    }
  }
  const order: string[] = [];
  const uncompensated: string[] = [];
  let anyFailed = false;
  if (!run.saga || !forwardFailed) return { order, uncompensated, anyFailed, forwardFailed };
  const completion = run.completion;
  const notRun: string[] = [];
  let firstFailed = -1;
  // A step can be listed twice (failed, then failed again on a repair): its last place counts.
  const stamp = ++run.visitStamp;
  for (let k = completion.length - 1; k >= 0; k--) {
    const i = completion[k];
    if (run.visited[i] === stamp) continue;
    run.visited[i] = stamp;
    const ph = phase[i];
    // Rolled-back group members (R18) were undone by the service, not by a handler.
    if (ph !== SUCCEEDED && ph !== FAILED) continue;
    const c = compensationSpec(run, i);
    if (c === undefined) {
      uncompensated.push(run.ids[i]);
      continue;
    }
    if (ph === FAILED && !c.evenIfFailed) continue;
    if (anyFailed && run.stopAtCompensationError) {
      notRun.push(run.ids[i]);
      run.reasons.set(i, REASON_SAGA_STOPPED, firstFailed);
      continue;
    }
    setPhase(run, i, COMPENSATING);
    const started = run.now;
    newEvent(run, 'compensation-started', i, 0);
    run.now += c.durationMs;
    run.compensationTimes.set(i, [started, run.now]);
    if (c.fail !== undefined) {
      if (!anyFailed) firstFailed = i;
      anyFailed = true;
      setPhase(run, i, COMPENSATION_FAILED);
      const k = newEvent(run, 'compensation-failed', i, 0);
      run.log.setStatus(k, c.fail.status);
      if (c.fail.message !== undefined) run.log.setMessage(k, c.fail.message);
    } else {
      setPhase(run, i, COMPENSATED);
      newEvent(run, 'compensation-succeeded', i, 0);
    }
    order.push(run.ids[i]);
  }
  for (const id of notRun) uncompensated.push(id);
  return { order, uncompensated, anyFailed, forwardFailed };
}

/** The step's compensation with defaults filled, resolved on first use (most steps never need it). */
function compensationSpec(run: CompensationRecord, i: number): NonNullable<ResolvedStep['compensation']> | undefined {
  if (!run.hasCompensation[i]) return undefined;
  let c = run.compensationSpecs.get(i);
  if (c === undefined) {
    c = resolveStep(run.scenario.steps[i]).compensation!;
    run.compensationSpecs.set(i, c);
  }
  return c;
}

/** What `compensationOf` reads: the run state, or the columns of it a finished result keeps. */
export type CompensationRecord = Pick<RunState, 'scenario' | 'phase' | 'hasCompensation' | 'compensationSpecs' | 'compensationTimes'>;

/** How step i's rollback went, for its result. */
export function compensationOf(run: CompensationRecord, i: number): NonNullable<StepResult['compensation']> {
  const c = compensationSpec(run, i)!;
  const [startedAt, endedAt] = run.compensationTimes.get(i)!;
  const failed = run.phase[i] === COMPENSATION_FAILED;
  const out: NonNullable<StepResult['compensation']> = {
    label: c.label,
    status: failed ? c.fail!.status : 200,
    startedAt,
    endedAt,
  };
  if (failed && c.fail!.message !== undefined) out.message = c.fail!.message;
  return out;
}
