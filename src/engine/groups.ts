// Atomic groups (R18 of issue #10): all-or-nothing, like an OData atomicity group (a `$batch`
// change set, OData JSON Format 4.01 §19.1) or a database transaction. A group **commits**
// when every member has succeeded; it **fails** the moment any member ends in any other state.
// On failure the service undoes the members that had succeeded — they become `rolled-back`
// (424; no compensation handler runs) — members not started yet answer 424, and a running
// member finishes and is then rolled back if it succeeded.
//
// Seen from outside its group, a member is final only once the group is decided: a dependency
// from a member to an outside step is told nothing before then (readiness.ts asks `holds`).
import { BACKOFF, BLOCKED, PENDING, QUEUED, ROLLED_BACK, SUCCEEDED } from './phases.ts';
import { markFinal, rootCauseOf } from './readiness.ts';
import { setPhase, type RunState } from './run-state.ts';

export const GROUP_OPEN = 0;
export const GROUP_COMMITTED = 1;
export const GROUP_FAILED = 2;

/** Member p of an open group became final: the group commits, fails, or stays open. */
export function memberFinal(run: RunState, g: number, p: number): void {
  const members = run.graph.groups[g].members;
  if (run.phase[p] === SUCCEEDED) {
    if (++run.groupSucceeded[g] < members.length) return;
    run.groupState[g] = GROUP_COMMITTED;
    // The other members were final already; now their outside dependents may see them.
    for (const m of members) if (m !== p) markFinal(run, m);
    return;
  }
  failGroup(run, g, p);
}

/**
 * The group failed because member p ended `failed`, `blocked`, `skipped` or `cancelled`.
 * Succeeded members are rolled back; members waiting to start, for a slot or for a retry are
 * blocked (they stop retrying); running members are rolled back when they succeed
 * (`afterAttempt`). Every member names p as its failed prerequisite, and p's root cause (p
 * itself when it has none).
 */
function failGroup(run: RunState, g: number, p: number): void {
  run.groupState[g] = GROUP_FAILED;
  run.groupFailedBy[g] = p;
  for (const m of run.graph.groups[g].members) {
    const ph = run.phase[m];
    if (ph === SUCCEEDED) rollBack(run, m, g, p);
    else if (ph === PENDING || ph === QUEUED || ph === BACKOFF) blockMember(run, m, g, p);
    // Running members are handled when their attempt ends (`rolledBackOnArrival`). Members
    // final in another way became so at this same moment and are still to be announced.
  }
}

/** Whether step m is waiting in the queue of newly final steps (not announced yet). */
function awaitsAnnouncement(run: RunState, m: number): boolean {
  for (let k = run.finalHead; k < run.finalLength; k++) if (run.finalQueue[k] === m) return true;
  return false;
}

function why(run: RunState, g: number, p: number): string {
  return `its group ${run.graph.groups[g].id} failed when ${run.ids[p]} did not succeed`;
}

/** A member that had succeeded is undone by the service: 424, no handler runs. */
function rollBack(run: RunState, m: number, g: number, p: number): void {
  // A member announced as succeeded is announced again as rolled back (its outside
  // dependents were held until now); one still in the queue is announced once, as rolled back.
  const announce = !awaitsAnnouncement(run, m);
  setPhase(run, m, ROLLED_BACK);
  answer424(run, m, g, p, 'rolled-back', announce);
}

function blockMember(run: RunState, m: number, g: number, p: number): void {
  if (run.phase[m] !== PENDING) run.generation[m]++;
  setPhase(run, m, BLOCKED);
  run.attempts[m] = run.attemptReserved[m] ? run.attempts[m] : run.attempts[m] + 1;
  run.attemptReserved[m] = 0;
  answer424(run, m, g, p, 'blocked', true);
}

function answer424(run: RunState, m: number, g: number, p: number, type: 'blocked' | 'rolled-back', announce: boolean): void {
  run.failedPrerequisite[m] = p;
  run.rootCause[m] = rootCauseOf(run, p);
  run.status[m] = 424;
  const message = why(run, g, p);
  run.message[m] = message;
  if (Number.isNaN(run.startedAt[m])) run.startedAt[m] = run.now;
  run.endedAt[m] = run.now;
  const k = run.log.add(type, run.now, m, run.attempts[m]);
  run.log.setStatus(k, 424);
  run.log.setMessage(k, message);
  run.log.setWillRetry(k, false);
  run.log.setCause(k, p, run.rootCause[m]);
  if (announce) markFinal(run, m);
  else run.finalAt[m] = run.now;
}

/** A member's attempt ended after its group failed: if it succeeded, it is rolled back now. */
export function rolledBackOnArrival(run: RunState, m: number): boolean {
  const groupOf = run.graph.groupOf;
  if (groupOf === null) return false;
  const g = groupOf[m];
  if (g < 0 || run.groupState[g] !== GROUP_FAILED) return false;
  const p = run.groupFailedBy[g];
  rollBack(run, m, g, p);
  return true;
}

/** Step m is a member of a group that failed (R9 repair does not reopen it). */
export function inFailedGroup(run: RunState, m: number): boolean {
  const groupOf = run.graph.groupOf;
  return groupOf !== null && groupOf[m] >= 0 && run.groupState[groupOf[m]] === GROUP_FAILED;
}

/** Whether step p's dependency to step s waits: p is a member of an open group and s is outside it. */
export function holds(run: RunState, p: number, s: number): boolean {
  const groupOf = run.graph.groupOf;
  if (groupOf === null) return false;
  const g = groupOf[p];
  return g >= 0 && groupOf[s] !== g && run.groupState[g] === GROUP_OPEN;
}
