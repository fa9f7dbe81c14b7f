// Retrying a blocked step (R9). Naive: the step is re-sent and answers 424 again. Graph-aware:
// each retry asks the root cause for one more attempt (a repair); when the repair succeeds,
// every step the root cause blocked becomes pending again and runs normally.
import { BLOCKED, FAILED, PENDING, QUEUED, REPAIR_QUEUED, REPAIRING } from './phases.ts';
import { decideReadiness, emitBlocked, propagate, recount } from './readiness.ts';
import { inFailedGroup } from './groups.ts';
import { newEvent, setPhase, type RunState } from './run-state.ts';

/** Naive: the blocked step is sent again and answers 424 again. */
export function resend(run: RunState, s: number): void {
  setPhase(run, s, BLOCKED);
  run.attempts[s]++;
  run.endedAt[s] = run.now;
  emitBlocked(run, s, `sent again while ${run.ids[run.failedPrerequisite[s]]} is still not done: 424 again`);
}

/** Graph-aware: the blocked step's retry asks its root cause for one more attempt. */
export function requestRepair(run: RunState, s: number): void {
  const r = run.rootCause[s];
  run.attempts[s]++;
  // R18: a failed group is not reopened; the retry gets 424 again.
  if (inFailedGroup(run, r)) {
    setPhase(run, s, BLOCKED);
    run.endedAt[s] = run.now;
    emitBlocked(run, s, `${run.ids[r]} is in a group that failed; it is not retried`);
    return;
  }
  run.attemptReserved[s] = 1;
  // The root cause is failed, or already asked by another blocked step (R9).
  const ph = run.phase[r];
  let attempt: number;
  if (ph === FAILED) {
    setPhase(run, r, REPAIR_QUEUED);
    run.repairWaiters.set(r, [s]);
    run.ready.push(run.now, 0, 0, r, run.generation[r]);
    attempt = run.attempts[r] + 1;
  } else if (ph === REPAIR_QUEUED || ph === REPAIRING) {
    run.repairWaiters.get(r)!.push(s);
    attempt = ph === REPAIR_QUEUED ? run.attempts[r] + 1 : run.attempts[r];
  } else {
    throw new Error(`engine invariant: ${run.ids[s]} asked ${run.ids[r]} for a repair, but it has not failed`);
  }
  run.log.setRequestedBy(newEvent(run, 'repair-requested', r, attempt), s);
}

/** The repair of root cause r failed: the steps waiting on it answer 424 again. */
export function repairFailed(run: RunState, r: number): void {
  const waiting = run.repairWaiters.get(r) ?? [];
  run.repairWaiters.delete(r);
  for (const w of waiting) {
    if (run.phase[w] !== BLOCKED || run.rootCause[w] !== r || !run.attemptReserved[w]) continue;
    run.attemptReserved[w] = 0;
    run.endedAt[w] = run.now;
    setPhase(run, w, BLOCKED);
    emitBlocked(run, w, `${run.ids[r]} failed again`);
  }
}

/** The root step succeeded on a repair: every step it blocked becomes pending again. */
export function repaired(run: RunState, r: number): void {
  const { graph, phase, visited } = run;
  run.repairWaiters.delete(r);
  // The steps r blocked: every step blocked with root cause r is reached from r through
  // steps blocked with the same root cause (its failed-prerequisite chain), so a walk finds
  // them all without any bookkeeping while blocking. Breadth-first, like the cascade was.
  const stamp = ++run.visitStamp;
  const unblocked: number[] = [];
  visited[r] = stamp;
  for (let k = -1; k < unblocked.length; k++) {
    const p = k < 0 ? r : unblocked[k];
    for (let e = graph.outStart[p], end = graph.outStart[p + 1]; e < end; e++) {
      const s = graph.outTo[e];
      // R18: members of a failed group stay blocked, and so does what they blocked.
      if (phase[s] !== BLOCKED || run.rootCause[s] !== r || visited[s] === stamp || inFailedGroup(run, s)) continue;
      visited[s] = stamp;
      unblocked.push(s);
    }
  }
  for (const s of unblocked) {
    setPhase(run, s, PENDING);
    run.generation[s]++;
    run.failedPrerequisite[s] = -1;
    run.rootCause[s] = -1;
    run.status[s] = 0;
    newEvent(run, 'unblocked', s, run.attempts[s]);
  }
  if (run.aborted) run.abortSweepStale = true;
  // Everything whose view changed: the unblocked steps, and the not-yet-started dependents of
  // r (it went from failed to succeeded) and of the unblocked steps (they are no longer final).
  // Count them all from one consistent picture first, then act, so no step is told twice.
  const redo: number[] = [];
  const consider = (s: number): void => {
    if (visited[s] === stamp) return;
    const ph = phase[s];
    if (ph !== PENDING && ph !== QUEUED) return;
    visited[s] = stamp;
    if (ph === QUEUED) {
      setPhase(run, s, PENDING);
      run.generation[s]++;
    }
    redo.push(s);
  };
  for (let e = graph.outStart[r], end = graph.outStart[r + 1]; e < end; e++) consider(graph.outTo[e]);
  for (const s of unblocked) {
    for (let e = graph.outStart[s], end = graph.outStart[s + 1]; e < end; e++) consider(graph.outTo[e]);
  }
  const all = unblocked.concat(redo);
  for (const s of all) recount(run, s);
  for (const s of all) {
    if (phase[s] !== PENDING) continue;
    decideReadiness(run, s);
    propagate(run);
  }
}
