// Compensation (R10): with `compensation: "saga"`, once every forward step is final and any
// step failed or was blocked, the succeeded steps are rolled back in reverse completion order,
// one after another on the virtual clock.
import { resolveStep, type ResolvedStep } from '../scenario/defaults.ts';
import { BLOCKED, CANCELLED, COMPENSATED, COMPENSATING, COMPENSATION_FAILED, FAILED, SKIPPED, SUCCEEDED } from './phases.ts';
import { emit, newEvent, setPhase, type RunState } from './run-state.ts';
import type { StepResult } from './types.ts';

export interface CompensationSummary {
  /** Ids in the order they were compensated. */
  order: string[];
  /** Succeeded steps without a compensation handler, newest first. */
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
    if (ph === FAILED || ph === BLOCKED) forwardFailed = true;
    else if (ph !== SUCCEEDED && ph !== SKIPPED && ph !== CANCELLED) {
      throw new Error(`engine invariant: step "${run.ids[i]}" is not final at the end of the run; is the graph acyclic?`);
    }
  }
  const order: string[] = [];
  const uncompensated: string[] = [];
  let anyFailed = false;
  if (!run.saga || !forwardFailed) return { order, uncompensated, anyFailed, forwardFailed };
  const completion = run.completion;
  for (let k = completion.length - 1; k >= 0; k--) {
    const i = completion[k];
    const c = compensationSpec(run, i);
    if (c === undefined) {
      uncompensated.push(run.ids[i]);
      continue;
    }
    setPhase(run, i, COMPENSATING);
    const started = run.now;
    emit(run, newEvent(run, 'compensation-started', i, 0));
    run.now += c.durationMs;
    run.compensationTimes.set(i, [started, run.now]);
    if (c.fail !== undefined) {
      anyFailed = true;
      setPhase(run, i, COMPENSATION_FAILED);
      const e = newEvent(run, 'compensation-failed', i, 0);
      e.status = c.fail.status;
      if (c.fail.message !== undefined) e.message = c.fail.message;
      emit(run, e);
    } else {
      setPhase(run, i, COMPENSATED);
      emit(run, newEvent(run, 'compensation-succeeded', i, 0));
    }
    order.push(run.ids[i]);
  }
  return { order, uncompensated, anyFailed, forwardFailed };
}

/** The step's compensation with defaults filled, resolved on first use (most steps never need it). */
function compensationSpec(run: RunState, i: number): NonNullable<ResolvedStep['compensation']> | undefined {
  if (!run.hasCompensation[i]) return undefined;
  let c = run.compensationSpecs.get(i);
  if (c === undefined) {
    c = resolveStep(run.scenario.steps[i]).compensation!;
    run.compensationSpecs.set(i, c);
  }
  return c;
}

/** How step i's rollback went, for its result. */
export function compensationOf(run: RunState, i: number): NonNullable<StepResult['compensation']> {
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
