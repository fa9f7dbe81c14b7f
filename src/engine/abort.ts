// Abort (R8): with `onFailure: "abort"`, a root failure cancels every step that has not
// started and does not depend on a failed step. Running steps finish; dependents of the
// failure are blocked as usual. Finally steps (R15: every incoming dependency `always`) are
// never cancelled: they run once their prerequisites are final, cancelled ones included.
import { finallySteps, markDescendants } from './graph.ts';
import { CANCELLED, FAILED, PENDING, QUEUED, REPAIR_QUEUED, REPAIRING } from './phases.ts';
import { markFinal, propagate } from './readiness.ts';
import { compareIds, newEvent, setPhase, type RunState } from './run-state.ts';
import { REASON_ABORTED } from './reasons.ts';

/**
 * At a root failure, cancels every step that has not started and does not depend on a failed
 * step. After the first sweep only dependents of failures are left waiting, so later failures
 * need no new sweep unless a repair made steps wait again.
 */
export function abortSweep(run: RunState, failed: number): void {
  if (run.aborted && !run.abortSweepStale) return;
  const { n, phase } = run;
  const failedSteps: number[] = [];
  for (let i = 0; i < n; i++) {
    const ph = phase[i];
    if (ph === FAILED || ph === REPAIR_QUEUED || ph === REPAIRING) failedSteps.push(i);
  }
  const dependsOnFailure = new Uint8Array(n);
  markDescendants(run.graph, failedSteps, dependsOnFailure, false);
  run.finallySteps ??= finallySteps(run.graph);
  const spared = run.finallySteps;
  const victims: number[] = [];
  for (let i = 0; i < n; i++) {
    const ph = phase[i];
    if ((ph === PENDING || ph === QUEUED) && run.sent[i] === 0 && !dependsOnFailure[i] && !spared[i]) victims.push(i);
  }
  victims.sort((a, b) => compareIds(run.ids[a], run.ids[b]));
  for (const v of victims) {
    setPhase(run, v, CANCELLED);
    run.generation[v]++;
    run.endedAt[v] = run.now;
    run.reasons.set(v, REASON_ABORTED, failed);
    run.log.setReason(newEvent(run, 'cancelled', v, 0));
  }
  for (const v of victims) markFinal(run, v);
  propagate(run);
  run.aborted = true;
  run.abortSweepStale = false;
}
