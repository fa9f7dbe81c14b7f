// Run conditions (R14 of issue #10): a step with `when` is decided by its expression alone, in
// Argo's `depends` syntax (https://argo-workflows.readthedocs.io/en/latest/enhanced-depends-logic/),
// once **all** its prerequisites are final — never earlier, so its 424, skip or cancel happens
// at the moment its last prerequisite becomes final. The expression was parsed once, when the
// graph was built (graph.ts, with src/scenario/when.ts).
import { seenAs } from './continue-on-error.ts';
import { evaluateWhen, type WhenOutcome } from '../scenario/when.ts';
import { decideByDialect, isDialectWhen } from './dialect-conditions.ts';
import { inAdjacency, indexOf, type WhenCondition } from './graph.ts';
import { SEEN_BLOCKED, SEEN_CANCELLED, SEEN_FAILED, SEEN_NOT_FINAL, SEEN_SKIPPED, SEEN_SUCCEEDED, type SeenAs } from './phases.ts';
import { block, enqueue, settle } from './readiness.ts';
import { compareIds, type RunState } from './run-state.ts';
import { REASON_CONDITION_FALSE, REASON_CONDITION_FALSE_CANCELLED } from './reasons.ts';

/** A final prerequisite as a term sees it. A rolled-back group member is seen as blocked (R18). */
function outcomeOf(seen: SeenAs): WhenOutcome {
  switch (seen) {
    case SEEN_SUCCEEDED:
      return 'Succeeded';
    case SEEN_FAILED:
      return 'Failed';
    case SEEN_BLOCKED:
      return 'Blocked';
    case SEEN_SKIPPED:
      return 'Skipped';
    case SEEN_CANCELLED:
      return 'Cancelled';
    case SEEN_NOT_FINAL:
      throw new Error('engine invariant: a run condition was evaluated before its prerequisites were final');
  }
}

/**
 * Decides step s, whose prerequisites are all final, by its condition (R14):
 * - true: s is ready (it runs);
 * - false, some prerequisite failed or answered 424: s is blocked (424) naming the one that
 *   became final first (ties: lower id); with `failFast: false` it runs instead and fails with
 *   500 `missing output of` that prerequisite (R6);
 * - false otherwise: cancelled if some prerequisite was cancelled, else skipped.
 *
 * @example
 * // deploy: when "build.Succeeded && (docs.Succeeded || docs.Skipped)"
 * // docs skipped → deploy runs; docs failed → deploy answers 424 with failedPrerequisiteStep "docs".
 */
export function decideWhen(run: RunState, s: number, condition: WhenCondition): void {
  const holds = isDialectWhen(condition)
    ? dialectHolds(run, s, condition.dialect)
    : evaluateWhen(condition.ast, (run.whenOutcome ??= (id) => outcomeOf(seenAs(run, indexOf(run.graph, id) as number))));
  if (holds) {
    enqueue(run, s, -1);
    return;
  }
  let broken = -1;
  let cancelled = -1;
  // The prerequisites in the graph's order (a step listed twice changes no minimum).
  const prerequisites = inAdjacency(run.graph);
  for (let e = prerequisites.start[s], end = prerequisites.start[s + 1]; e < end; e++) {
    const p = prerequisites.from[e];
    const seen = seenAs(run, p);
    if (seen === SEEN_FAILED || seen === SEEN_BLOCKED) {
      if (broken < 0 || run.finalAt[p] < run.finalAt[broken] || (run.finalAt[p] === run.finalAt[broken] && compareIds(run.ids[p], run.ids[broken]) < 0)) {
        broken = p;
      }
    } else if (seen === SEEN_CANCELLED && (cancelled < 0 || compareIds(run.ids[p], run.ids[cancelled]) < 0)) cancelled = p;
  }
  if (broken >= 0) {
    if (run.failFast) block(run, s, broken, `its condition \`${condition.expr}\` is false`);
    else enqueue(run, s, broken);
  } else if (cancelled >= 0) {
    settle(run, s, true);
    run.reasons.setText(s, REASON_CONDITION_FALSE_CANCELLED, condition.expr, cancelled);
  } else {
    settle(run, s, false);
    run.reasons.setText(s, REASON_CONDITION_FALSE, condition.expr);
  }
}

/**
 * An imported step's dialect condition over its ancestors (issue #11: GitHub's `failure()` sees
 * every ancestor job). An ancestor that is not final yet (a fail-fast 424 can end a step before
 * all its prerequisites) is seen as neither failed nor cancelled.
 */
function dialectHolds(run: RunState, s: number, conditions: Parameters<typeof decideByDialect>[0]): boolean {
  const prerequisites = inAdjacency(run.graph);
  const prerequisitesOf = (id: string): string[] => {
    const i = indexOf(run.graph, id) as number;
    const out: string[] = [];
    for (let e = prerequisites.start[i]; e < prerequisites.start[i + 1]; e++) out.push(run.ids[prerequisites.from[e]]);
    return out;
  };
  const seenOf = (id: string): WhenOutcome => {
    const seen = seenAs(run, indexOf(run.graph, id) as number);
    return seen === SEEN_NOT_FINAL ? 'Succeeded' : outcomeOf(seen);
  };
  return decideByDialect(conditions, run.ids[s], prerequisitesOf, seenOf) ?? true;
}
