// Attempts and retries (R3), with the answers an attempt can get: an injected failure, a
// timeout, a missing input artifact (R7) or a broken prerequisite's missing output (R6).
// An attempt's answer is decided when it starts and delivered when it ends.
import { abortSweep } from './abort.ts';
import { BACKOFF, FAILED, QUEUED, REPAIR_QUEUED, REPAIRING, RUNNING, SUCCEEDED } from './phases.ts';
import { markFinal, propagate, rootCauseOf } from './readiness.ts';
import { inFailedGroup, rolledBackOnArrival } from './groups.ts';
import { repaired, repairFailed } from './repair.ts';
import { setPhase, TIER_COMPLETION, TIER_START, TIMER_ATTEMPT_END, TIMER_RETRY, type RunState, type TimerKind } from './run-state.ts';
import type { FailureKind } from './types.ts';

// Why an attempt fails, as stored in `attemptFailure` and `failure`.
export const FAILURE_NONE = 0;
export const FAILURE_INJECTED = 1;
export const FAILURE_TIMEOUT = 2;
export const FAILURE_MISSING_INPUT = 3;
export const FAILURE_MISSING_OUTPUT = 4;
export type FailureCode =
  | typeof FAILURE_NONE
  | typeof FAILURE_INJECTED
  | typeof FAILURE_TIMEOUT
  | typeof FAILURE_MISSING_INPUT
  | typeof FAILURE_MISSING_OUTPUT;

/** The public failure kind of each code (a failed step never has FAILURE_NONE). */
export const FAILURE_KINDS: readonly FailureKind[] = ['injected', 'injected', 'timeout', 'missing-input', 'missing-output'];

/** Starts ready steps (and queued repairs) in (ready time, id) order while slots are free. */
export function startReady(run: RunState): void {
  const ready = run.ready;
  while (ready.size > 0 && run.running < run.concurrencyLimit) {
    ready.pop();
    const i = ready.poppedStep;
    if (ready.poppedGeneration !== run.generation[i]) continue;
    const ph = run.phase[i];
    if (ph === QUEUED || ph === REPAIR_QUEUED) startAttempt(run, i);
  }
}

function startAttempt(run: RunState, i: number): void {
  let attempt: number;
  const repair = run.phase[i] === REPAIR_QUEUED;
  if (repair) {
    setPhase(run, i, REPAIRING);
    attempt = run.attempts[i] + 1;
  } else {
    setPhase(run, i, RUNNING);
    attempt = run.attemptReserved[i] ? run.attempts[i] : run.attempts[i] + 1;
    run.attemptReserved[i] = 0;
  }
  run.attempts[i] = attempt;
  const sent = ++run.sent[i];
  run.running++;
  const now = run.now;
  if (Number.isNaN(run.startedAt[i])) run.startedAt[i] = now;

  // Decide the attempt's answer now; it is delivered when the attempt ends (R3, R6, R7).
  const failApplies = run.hasFail[i] === 1 && (run.failTimes[i] === 0 || sent <= run.failTimes[i]);
  const timeout = run.timeoutMs[i];
  const duration = run.durationMs[i];
  let end = now + duration;
  // R16: a success answers the step's `successStatus` (201, 204, …), 200 by default.
  let status = run.successStatus.size === 0 ? 200 : (run.successStatus.get(i) ?? 200);
  let message: string | undefined;
  let failure: FailureCode = FAILURE_NONE;
  if ((failApplies && run.failStatus[i] === 0) || (timeout >= 0 && duration > timeout)) {
    failure = FAILURE_TIMEOUT;
    const limit = timeout >= 0 ? timeout : duration;
    end = now + limit;
    status = 504;
    message = (failApplies && run.failStatus[i] === 0 ? run.failMessage.get(i) : undefined) ?? `timed out after ${limit} ms`;
  } else if (!repair && run.missingOutputOf[i] >= 0) {
    failure = FAILURE_MISSING_OUTPUT;
    status = 500;
    message = `missing output of ${run.ids[run.missingOutputOf[i]]}`;
  } else {
    const missing = missingInput(run, i);
    if (missing >= 0) {
      failure = FAILURE_MISSING_INPUT;
      status = 500;
      message = `missing input ${run.artifactNames[missing]}`;
    } else if (failApplies) {
      failure = FAILURE_INJECTED;
      status = run.failStatus[i];
      message = run.failMessage.get(i);
    }
  }
  run.attemptStatus[i] = status;
  run.message[i] = message;
  run.attemptFailure[i] = failure;
  run.log.add('started', now, i, attempt);
  run.timers.push(end, TIER_COMPLETION, TIMER_ATTEMPT_END, i, run.generation[i]);
}

/** R7: the first artifact step i consumes that no succeeded step has produced, or -1. */
function missingInput(run: RunState, i: number): number {
  const c = run.consumes.get(i);
  if (c === undefined) return -1;
  for (const a of c) if (run.produced[a] === 0) return a;
  return -1;
}

/** Step i succeeded: its artifacts exist from now on (R7). */
export function produce(run: RunState, i: number): void {
  const p = run.produces.get(i);
  if (p !== undefined) for (const a of p) run.produced[a]++;
}

/** Delivers the answer of step i's attempt (or repair attempt): success, a retry, or failure. */
export function attemptEnded(run: RunState, i: number): void {
  run.running--;
  const repair = run.phase[i] === REPAIRING;
  const status = run.attemptStatus[i];
  const message = run.message[i];
  run.endedAt[i] = run.now;
  run.status[i] = status;
  if (run.attemptFailure[i] === FAILURE_NONE) {
    setPhase(run, i, SUCCEEDED);
    run.log.setStatus(run.log.add('succeeded', run.now, i, run.attempts[i]), status);
    produce(run, i);
    run.completion.push(i);
    if (repair) repaired(run, i);
    // R18: a member that was running when its group failed is undone as soon as it succeeds.
    else if (rolledBackOnArrival(run, i)) propagate(run);
    else {
      markFinal(run, i);
      propagate(run);
    }
    return;
  }
  const attempt = run.attempts[i];
  // R18: a member whose group failed while it ran stops retrying.
  const willRetry = !repair && attempt < run.maxAttempts[i] && !inFailedGroup(run, i);
  const missingOutputOf = repair ? -1 : run.missingOutputOf[i];
  run.failure[i] = run.attemptFailure[i];
  const type = run.attemptFailure[i] === FAILURE_TIMEOUT ? 'timed-out' : 'failed';
  const k = run.log.add(type, run.now, i, attempt);
  run.log.setStatus(k, status);
  if (message !== undefined) run.log.setMessage(k, message);
  run.log.setWillRetry(k, willRetry);
  if (missingOutputOf >= 0) run.log.setCause(k, missingOutputOf, rootCauseOf(run, missingOutputOf));
  if (willRetry) {
    setPhase(run, i, BACKOFF);
    scheduleRetry(run, i, TIMER_RETRY);
    return;
  }
  setPhase(run, i, FAILED);
  // R17: its last attempt may have taken effect; it takes its place in the saga by its end time.
  if (run.hasCompensation[i] && run.scenario.steps[i].compensation?.evenIfFailed === true) run.completion.push(i);
  if (repair) {
    repairFailed(run, i);
    return;
  }
  if (missingOutputOf >= 0) {
    run.failedPrerequisite[i] = missingOutputOf;
    run.rootCause[i] = rootCauseOf(run, missingOutputOf);
  }
  markFinal(run, i);
  propagate(run);
  if (missingOutputOf < 0 && run.abortOnFailure) abortSweep(run, i);
}

/** Schedules the retry after attempt `attempts[i]`: delayMs × factor^(k−1), k = that attempt (R3). */
export function scheduleRetry(run: RunState, i: number, kind: TimerKind): void {
  const k = run.attempts[i];
  let delay = run.retryDelayMs[i];
  // Repeated multiplication, not Math.pow: exactly the same result on every JS engine.
  for (let j = 1; j < k; j++) delay *= run.retryFactor[i];
  const next = run.now + delay;
  run.log.setNextAt(run.log.add('retry-scheduled', run.now, i, k + 1), next);
  run.timers.push(next, TIER_START, kind, i, run.generation[i]);
}
