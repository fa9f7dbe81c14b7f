// Dialect conditions: a run condition written in an orchestrator's own language, decided over
// the outcomes of the step's ancestors, not only its direct prerequisites (issue #11).
//
// Why: GitHub Actions' `failure()` "returns true if any ancestor job fails" and its job-level
// `success()` is false after any failure in the chain
// (docs.github.com/actions/reference/workflows-and-actions/expressions#status-check-functions),
// while a scenario's `when` (R14) sees only direct prerequisites. The importer writes the `when`
// that is exact whenever no direct prerequisite succeeded or was skipped after an ancestor's
// failure, and hands the exact condition here; an engine that calls `decideByDialect` when the
// step is decided (all prerequisites final, the moment R14 decides) runs it faithfully.
//
// Pure: no clock, no DOM, no parsing (the expression was compiled in src/scenario/dialects).
import { mentionedSteps, type WhenOutcome, type WhenNode } from '../scenario/when.ts';
import { indexOf, inAdjacency, type Graph, type WhenCondition } from './graph.ts';

/** What a dialect condition may look at when its step is decided. */
export interface AncestorOutcomes {
  /** Each direct prerequisite's outcome, as a `when` term sees it. */
  direct: ReadonlyMap<string, WhenOutcome>;
  /** Whether any ancestor (direct or further up) ended `Failed` or `Blocked`. */
  anyAncestorFailed: boolean;
  /** Whether any ancestor ended `Cancelled`. */
  anyAncestorCancelled: boolean;
}

/** A compiled condition: true → the step runs; false → R14's false branch (blocked/cancelled/skipped). */
export type DialectCondition = (outcomes: AncestorOutcomes) => boolean;

/** Step id → its dialect condition. Steps absent here are decided by `when` or their edges alone. */
export type DialectConditions = ReadonlyMap<string, DialectCondition>;

/**
 * The outcomes a dialect condition of `step` sees, given each step's direct prerequisites and
 * the final outcome of every ancestor. Walks the ancestors once (iteratively).
 *
 * @example
 * // a fails, b (if: always()) succeeds, c needs b:
 * ancestorOutcomes('c', prereqs, outcome) // → { direct: {b: 'Succeeded'}, anyAncestorFailed: true, … }
 */
export function ancestorOutcomes(
  step: string,
  prerequisitesOf: (id: string) => readonly string[],
  outcomeOf: (id: string) => WhenOutcome,
): AncestorOutcomes {
  const direct = new Map<string, WhenOutcome>();
  for (const p of prerequisitesOf(step)) direct.set(p, outcomeOf(p));
  let anyAncestorFailed = false;
  let anyAncestorCancelled = false;
  const seen = new Set<string>();
  const stack = [...prerequisitesOf(step)];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const o = outcomeOf(id);
    if (o === 'Failed' || o === 'Blocked') anyAncestorFailed = true;
    if (o === 'Cancelled') anyAncestorCancelled = true;
    for (const p of prerequisitesOf(id)) if (!seen.has(p)) stack.push(p);
  }
  return { direct, anyAncestorFailed, anyAncestorCancelled };
}

/**
 * What the engine calls when a step that has a dialect condition is decided (every prerequisite
 * final): true → start it; false → apply R14's false branch exactly as for a false `when`.
 * Returns null when the step has no dialect condition (decide by `when` / edges as usual).
 */
export function decideByDialect(
  conditions: DialectConditions | undefined,
  step: string,
  prerequisitesOf: (id: string) => readonly string[],
  outcomeOf: (id: string) => WhenOutcome,
): boolean | null {
  const condition = conditions?.get(step);
  if (!condition) return null;
  return condition(ancestorOutcomes(step, prerequisitesOf, outcomeOf));
}

/** The outcomes a condition would see if only direct prerequisites counted (what `when` can express). */
export function directOnly(direct: ReadonlyMap<string, WhenOutcome>): AncestorOutcomes {
  let anyAncestorFailed = false;
  let anyAncestorCancelled = false;
  for (const o of direct.values()) {
    if (o === 'Failed' || o === 'Blocked') anyAncestorFailed = true;
    if (o === 'Cancelled') anyAncestorCancelled = true;
  }
  return { direct, anyAncestorFailed, anyAncestorCancelled };
}

/** A run condition (R14) that a dialect condition decides instead of its expression. */
export interface DialectWhenCondition extends WhenCondition {
  /** The import's conditions; this step's entry decides whether it runs. */
  dialect: DialectConditions;
}

/**
 * The graph a run with dialect conditions uses: every step that has a dialect condition is
 * decided like a `when` step (R14: once all its prerequisites are final, by the condition
 * alone), with `decideByDialect`. A step without prerequisites is decided at the run's start,
 * so a job without needs whose `if:` is false is skipped, as GitHub skips it ("jobs.<job_id>.if":
 * "you can use the jobs.<job_id>.if conditional to prevent a job from running unless a condition
 * is met"). The step's own `when`, when it has one, stays the text reasons quote; otherwise
 * `source(id)` (the `if:` as written) or the words "the imported condition". The graph given is
 * not changed: a shallow copy with a new `when` list is returned (the same graph when no step
 * has a condition).
 */
export function withDialectConditions(graph: Graph, conditions: DialectConditions, source?: (id: string) => string | undefined): Graph {
  const prerequisites = inAdjacency(graph);
  let when: (WhenCondition | undefined)[] | null = null;
  for (const [id, _condition] of conditions) {
    const s = indexOf(graph, id);
    if (s === undefined) continue;
    when ??= graph.when ? [...graph.when] : new Array<WhenCondition | undefined>(graph.n);
    const own = when[s];
    const first = prerequisites.start[s] < prerequisites.start[s + 1] ? graph.ids[prerequisites.from[prerequisites.start[s]]] : id;
    // The expression is never evaluated (the dialect condition decides); a valid tree keeps lint and explain whole.
    const ast: WhenNode = own?.ast ?? { kind: 'term', step: first, result: 'Succeeded', column: 1 };
    const expr = own?.expr ?? source?.(id) ?? 'the imported condition';
    const decided: DialectWhenCondition = { expr, ast, steps: own?.steps ?? mentionedSteps(ast), dialect: conditions };
    when[s] = decided;
  }
  return when === null ? graph : { ...graph, when };
}

/** Whether a run condition is decided by a dialect condition (see `withDialectConditions`). */
export function isDialectWhen(condition: WhenCondition): condition is DialectWhenCondition {
  return (condition as Partial<DialectWhenCondition>).dialect !== undefined;
}
