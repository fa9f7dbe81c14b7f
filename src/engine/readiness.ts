// Readiness and conditions (R4–R6): what a final prerequisite means to each dependent, and
// whether the dependent starts, is blocked (424), skipped or cancelled, or keeps waiting.
// A step's readiness is tracked with counters its prerequisites decrement when they become
// final, so each dependency is looked at once in the common case; cascades run through a
// queue of newly final steps at the same virtual time.
import { seenAs } from './continue-on-error.ts';
import { ALWAYS, FAILURE, inAdjacency, SUCCESS } from './graph.ts';
import {
  BLOCKED,
  CANCELLED,
  PENDING,
  QUEUED,
  SEEN_BLOCKED,
  SEEN_CANCELLED,
  SEEN_FAILED,
  SEEN_NOT_FINAL,
  SEEN_SUCCEEDED,
  SKIPPED,
  type SeenAs,
} from './phases.ts';
import { scheduleRetry } from './attempts.ts';
import { decideWhen } from './conditions.ts';
import { GROUP_OPEN, holds, memberFinal } from './groups.ts';
import { NO_ATTEMPT } from './event-log.ts';
import {
  REASON_NONE_MET,
  REASON_ONLY_IF_FAILS_SKIPPED,
  REASON_ONLY_IF_FAILS_SUCCEEDED,
  REASON_PREREQUISITE_CANCELLED,
  REASON_PREREQUISITE_SKIPPED,
} from './reasons.ts';
import { compareIds, setPhase, TIMER_REPAIR, TIMER_RESEND, type RunState } from './run-state.ts';

// What a final prerequisite's dependency is to its dependent, by condition (R4).
const SATISFIED = 1;
const BROKEN = 2;
const VOID = 3;
/** Void because the prerequisite was cancelled: the dependent is cancelled, not skipped. */
const VOID_BY_CANCELLED = 4;
type Verdict = typeof SATISFIED | typeof BROKEN | typeof VOID | typeof VOID_BY_CANCELLED;

/** R4: `success` is broken by a failed or blocked prerequisite; `failure` is satisfied by one. */
function verdict(condition: number, seen: SeenAs): Verdict {
  if (condition === ALWAYS) return SATISFIED;
  if (seen === SEEN_CANCELLED) return VOID_BY_CANCELLED;
  const failedOrBlocked = seen === SEEN_FAILED || seen === SEEN_BLOCKED;
  if (condition === SUCCESS) return seen === SEEN_SUCCEEDED ? SATISFIED : failedOrBlocked ? BROKEN : VOID;
  // failure
  return failedOrBlocked ? SATISFIED : VOID;
}

/** The root cause a dependent of `p` inherits: p itself if it failed on its own (R5). */
export function rootCauseOf(run: RunState, p: number): number {
  const r = run.rootCause[p];
  return r >= 0 ? r : p;
}

/** Step i is ready: it waits for a concurrency slot. `missingOutputOf`: R6's broken prerequisite, or -1. */
export function enqueue(run: RunState, i: number, missingOutputOf: number): void {
  setPhase(run, i, QUEUED);
  run.missingOutputOf[i] = missingOutputOf;
  run.ready.push(run.now, 0, 0, i, run.generation[i]);
}

/** Step i became final: its dependents are told at the next `propagate`. */
export function markFinal(run: RunState, i: number): void {
  run.finalAt[i] = run.now;
  if (run.finalLength === run.finalQueue.length) {
    const grown = new Int32Array(Math.max(16, 2 * run.finalQueue.length));
    grown.set(run.finalQueue);
    run.finalQueue = grown;
  }
  run.finalQueue[run.finalLength++] = i;
}

/** Tells the dependents of every newly final step, until nothing more changes at this moment. */
export function propagate(run: RunState): void {
  const { graph, phase } = run;
  const { when, groupOf } = graph;
  while (run.finalHead < run.finalLength) {
    // Read through `run`: a step made final below may grow the queue into a new array.
    const p = run.finalQueue[run.finalHead++];
    // R18: a member's end may decide its group; until the group is decided, the member's
    // dependents outside the group are told nothing.
    let held = -1;
    if (groupOf !== null && groupOf[p] >= 0 && run.groupState[groupOf[p]] === GROUP_OPEN) {
      memberFinal(run, groupOf[p], p);
      if (run.groupState[groupOf[p]] === GROUP_OPEN) held = groupOf[p];
    }
    const seen = seenAs(run, p);
    for (let e = graph.outStart[p], end = graph.outStart[p + 1]; e < end; e++) {
      const s = graph.outTo[e];
      if (phase[s] !== PENDING) continue;
      if (held >= 0 && groupOf![s] !== held) continue;
      const condition = graph.outCond[e];
      run.unresolved[s]--;
      // R14: a step with a run condition is decided by it alone, once every prerequisite is final.
      if (when !== null && when[s] !== undefined) {
        if (run.unresolved[s] === 0) decideWhen(run, s, when[s]);
        continue;
      }
      recordVerdict(run, s, p, condition, verdict(condition, seen));
      decideReadiness(run, s);
    }
  }
  run.finalLength = 0;
  run.finalHead = 0;
}

/** Records what prerequisite p's final state means to pending step s. */
function recordVerdict(run: RunState, s: number, p: number, condition: number, v: Verdict): void {
  switch (v) {
    case SATISFIED:
      run.anySatisfied[s] = 1;
      break;
    case BROKEN: {
      const b = run.brokenPrerequisite[s];
      // Fail-fast: the last to break names the 424 (join "any"; join "all" blocks at the
      // first). Without it, R6 names the first broken prerequisite by id.
      if (run.failFast ? !(run.joinAny[s] === 0 && b >= 0) : b < 0 || compareIds(run.ids[p], run.ids[b]) < 0) {
        run.brokenPrerequisite[s] = p;
      }
      break;
    }
    case VOID:
    case VOID_BY_CANCELLED:
      if (run.voidPrerequisite[s] < 0) {
        run.voidPrerequisite[s] = p;
        run.voidVerdict[s] = v;
        run.voidCondition[s] = condition;
      }
      break;
  }
}

/** Acts on what is known about pending step s: block, skip, start or keep waiting (R4–R6). */
export function decideReadiness(run: RunState, s: number): void {
  const when = run.graph.when?.[s];
  if (when !== undefined) {
    if (run.unresolved[s] === 0) decideWhen(run, s, when);
    return;
  }
  const broken = run.brokenPrerequisite[s];
  const done = run.unresolved[s] === 0;
  if (run.joinAny[s] === 0) {
    if (broken >= 0) {
      if (run.failFast) block(run, s, broken);
      else if (done) enqueue(run, s, broken);
    } else if (run.voidPrerequisite[s] >= 0) skip(run, s);
    else if (done) enqueue(run, s, -1);
  } else if (run.anySatisfied[s]) enqueue(run, s, -1);
  else if (done) {
    if (broken < 0) skip(run, s);
    else if (run.failFast) block(run, s, broken);
    else enqueue(run, s, broken);
  }
}

/** Recomputes pending step s's counters from its prerequisites' current states. */
export function recount(run: RunState, s: number): void {
  const withWhen = run.graph.when?.[s] !== undefined;
  const prerequisites = inAdjacency(run.graph);
  run.unresolved[s] = 0;
  run.anySatisfied[s] = 0;
  run.brokenPrerequisite[s] = -1;
  run.voidPrerequisite[s] = -1;
  for (let e = prerequisites.start[s], end = prerequisites.start[s + 1]; e < end; e++) {
    const p = prerequisites.from[e];
    const seen = seenAs(run, p);
    if (seen === SEEN_NOT_FINAL || holds(run, p, s)) run.unresolved[s]++;
    else if (!withWhen) {
      const condition = prerequisites.cond[e];
      recordVerdict(run, s, p, condition, verdict(condition, seen));
    }
  }
}

/** R5: step s answers 424 because prerequisite p broke its dependency (R14: `message` says which condition). */
export function block(run: RunState, s: number, p: number, message?: string): void {
  setPhase(run, s, BLOCKED);
  run.failedPrerequisite[s] = p;
  run.rootCause[s] = rootCauseOf(run, p);
  const attempt = run.attemptReserved[s] ? run.attempts[s] : run.attempts[s] + 1;
  run.attemptReserved[s] = 0;
  run.attempts[s] = attempt;
  run.status[s] = 424;
  run.message[s] = message;
  if (Number.isNaN(run.startedAt[s])) run.startedAt[s] = run.now;
  run.endedAt[s] = run.now;
  emitBlocked(run, s, message);
  markFinal(run, s);
}

/** The `blocked` event of step s's latest 424, and its retry (R9) when it has one left. */
export function emitBlocked(run: RunState, s: number, message: string | undefined): void {
  const attempt = run.attempts[s];
  const max = run.maxAttempts[s];
  const willRetry = max > 1 && attempt < max;
  const k = run.log.add('blocked', run.now, s, attempt);
  run.log.setStatus(k, 424);
  if (message !== undefined) run.log.setMessage(k, message);
  run.log.setWillRetry(k, willRetry);
  run.log.setCause(k, run.failedPrerequisite[s], run.rootCause[s]);
  if (willRetry) scheduleRetry(run, s, run.graphAwareRetry ? TIMER_REPAIR : TIMER_RESEND);
}

/** R4: step s is skipped, or cancelled when the void prerequisite was cancelled (join "all"). */
function skip(run: RunState, s: number): void {
  const p = run.voidPrerequisite[s];
  const cancelled = run.joinAny[s] === 0 && run.voidVerdict[s] === VOID_BY_CANCELLED;
  settle(run, s, cancelled);
  if (run.joinAny[s]) run.reasons.set(s, REASON_NONE_MET, -1);
  else if (cancelled) run.reasons.set(s, REASON_PREREQUISITE_CANCELLED, p);
  else if (run.voidCondition[s] === FAILURE) {
    run.reasons.set(s, run.phase[p] === SKIPPED ? REASON_ONLY_IF_FAILS_SKIPPED : REASON_ONLY_IF_FAILS_SUCCEEDED, p);
  } else run.reasons.set(s, REASON_PREREQUISITE_SKIPPED, p);
}

/**
 * Step s ends without a response: skipped, or cancelled (R4, R14). The caller gives it its
 * reason (`run.reasons`), which is also the message of the event recorded here.
 */
export function settle(run: RunState, s: number, cancelled: boolean): void {
  setPhase(run, s, cancelled ? CANCELLED : SKIPPED);
  run.generation[s]++;
  run.endedAt[s] = run.now;
  run.log.setReason(run.log.add(cancelled ? 'cancelled' : 'skipped', run.now, s, NO_ATTEMPT));
  markFinal(run, s);
}
