// fast-check arbitraries for random scenarios: small DAGs that exercise every feature the engine
// has (failures, timeouts, retries, conditions, joins, artifacts, compensation, policies).
// Edges only go from an earlier to a later step of a random topological order, so every graph
// is acyclic; the steps array is then shuffled so neither scenario order nor id order gives the
// topological order away.
import fc from 'fast-check';
import type { Dependency, DependencyCondition, Policy, Scenario, Step } from '../../src/scenario/types.ts';

export interface DagOptions {
  maxSteps?: number;
  /** Produce / consume artifacts (runs may race). */
  artifacts?: boolean;
  /** Which dependency conditions appear. */
  conditions?: readonly DependencyCondition[];
  /** Allow `onFailure: "abort"`. */
  abort?: boolean;
  /**
   * Failures that do not depend on timing: a flaky step recovers within its own retries or not at
   * all, so how many repair attempts a root step gets cannot change the outcome.
   */
  stableFailures?: boolean;
  /**
   * Lean towards graph-aware repairs: fail-fast on, flaky root steps, retries everywhere, so
   * repairs succeed and blocked steps become pending again (R9).
   */
  repairs?: boolean;
}

const POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'];
const ARTIFACTS = ['x', 'y', 'z'];

interface StepSpec {
  durationMs: number | undefined;
  fail: { status: number } | { timeout: true } | null;
  failTimes: number | null;
  timeoutMs: number | null;
  retry: { maxAttempts: number; delayMs: number; factor: number } | null;
  compensation: { durationMs: number; fails: boolean } | null;
  idempotent: boolean | null;
  joinAny: boolean;
  produces: string[];
  consumes: string[];
}

/** `arb` with probability `p`, else null. */
function maybe<T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) });
}

function stepSpec(o: DagOptions): fc.Arbitrary<StepSpec> {
  return fc.record({
    durationMs: fc.constantFrom(undefined, 0, 10, 20, 50, 100),
    fail: maybe(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ status: fc.constantFrom(400, 402, 409, 422, 423, 500, 503) }) },
        { weight: 1, arbitrary: fc.constant({ timeout: true as const }) },
      ),
      0.25,
    ),
    failTimes: maybe(fc.integer({ min: 1, max: 3 }), o.repairs ? 0.8 : 0.4),
    timeoutMs: maybe(fc.constantFrom(15, 30, 60, 200), 0.08),
    retry: maybe(
      fc.record({
        maxAttempts: fc.integer({ min: 1, max: 3 }),
        delayMs: fc.constantFrom(0, 10, 25),
        factor: fc.constantFrom(1, 2),
      }),
      o.repairs ? 0.7 : 0.35,
    ),
    compensation: maybe(fc.record({ durationMs: fc.constantFrom(0, 5, 20), fails: fc.constantFrom(false, false, true) }), 0.35),
    idempotent: maybe(fc.boolean(), 0.3),
    joinAny: fc.constantFrom(false, false, false, true),
    produces: o.artifacts ? fc.subarray(ARTIFACTS, { maxLength: 2 }) : fc.constant([]),
    consumes: o.artifacts ? maybe(fc.subarray(ARTIFACTS, { minLength: 1, maxLength: 1 }), 0.08).map((c) => c ?? []) : fc.constant([]),
  });
}

function buildStep(id: string, s: StepSpec, o: DagOptions): Step {
  const step: Step = { id };
  if (s.durationMs !== undefined) step.durationMs = s.durationMs;
  if (s.fail !== null) {
    step.fail = { ...s.fail };
    if (s.failTimes !== null) step.fail.times = s.failTimes;
  }
  if (s.fail !== null && 'timeout' in s.fail) step.timeoutMs = s.timeoutMs ?? 30;
  else if (s.timeoutMs !== null) step.timeoutMs = s.timeoutMs;
  if (s.retry !== null) step.retry = { ...s.retry };
  if (o.stableFailures && step.fail?.times !== undefined && step.fail.times >= (step.retry?.maxAttempts ?? 1)) {
    delete step.fail.times;
  }
  if (s.compensation !== null) {
    step.compensation = { durationMs: s.compensation.durationMs };
    if (s.compensation.fails) step.compensation.fail = { status: 500, message: 'rollback refused' };
  }
  if (s.idempotent !== null) step.idempotent = s.idempotent;
  if (s.joinAny) step.join = 'any';
  if (s.produces.length) step.produces = s.produces;
  if (s.consumes.length) step.consumes = s.consumes;
  return step;
}

/** A random valid scenario. */
export function scenarioArb(o: DagOptions = {}): fc.Arbitrary<Scenario> {
  const maxSteps = o.maxSteps ?? 10;
  const conditions = o.conditions ?? (['success', 'failure', 'always'] as const);
  return fc.integer({ min: Math.min(2, maxSteps), max: maxSteps }).chain((n) =>
    fc
      .record({
        ids: fc.shuffledSubarray(POOL, { minLength: n, maxLength: n }),
        order: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        steps: fc.array(stepSpec(o), { minLength: n, maxLength: n }),
        edges: fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom(...conditions)), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
        policy: fc.record({
          failFast: o.repairs ? fc.constant(true) : fc.constantFrom(true, true, true, false),
          onFailure: o.abort ? fc.constantFrom('continue' as const, 'abort' as const) : fc.constant('continue' as const),
          compensation: fc.constantFrom('none' as const, 'saga' as const),
          retryMode: o.repairs ? fc.constant('graph-aware' as const) : fc.constantFrom('graph-aware' as const, 'naive' as const),
          concurrency: fc.constantFrom(0, 0, 1, 2, 3),
        }),
      })
      .map(({ ids, order, steps, edges, policy }): Scenario => {
        const built = ids.map((id, i) => buildStep(id, steps[i], o));
        const dependencies: Dependency[] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const [roll, on] = edges[k++];
            // About one pair in three is connected; nearer pairs a little more often.
            if (roll < (j === i + 1 ? 45 : 30)) dependencies.push(on === 'success' ? { from: ids[i], to: ids[j] } : { from: ids[i], to: ids[j], on });
          }
        }
        const p: Partial<Policy> = policy;
        return { version: 2, title: 'random DAG', policy: p, steps: order.map((i) => built[i]), dependencies };
      }),
  );
}

/** The scenario with every failure removed: no fail, no timeouts, no failing rollbacks, no inputs to miss. */
export function fixEverything(s: Scenario): Scenario {
  return {
    ...s,
    steps: s.steps.map((step) => {
      const fixed: Step = { ...step };
      delete fixed.fail;
      delete fixed.timeoutMs;
      delete fixed.consumes;
      if (fixed.compensation) fixed.compensation = { ...fixed.compensation, fail: undefined };
      if (fixed.compensation && fixed.compensation.fail === undefined) delete fixed.compensation.fail;
      return fixed;
    }),
  };
}

/** Success-only ancestry and direct edges, for checking properties. */
export function edgesOf(s: Scenario): { from: string; to: string; on: DependencyCondition }[] {
  return s.dependencies.map((d) => ({ from: d.from, to: d.to, on: d.on ?? 'success' }));
}

export function ancestors(s: Scenario, id: string): Set<string> {
  const prereqs = new Map<string, string[]>();
  for (const d of s.dependencies) prereqs.set(d.to, [...(prereqs.get(d.to) ?? []), d.from]);
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    for (const p of prereqs.get(stack.pop()!) ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return seen;
}

const WHEN_TERMS = ['', '.Succeeded', '.Failed', '.Blocked', '.Skipped', '.Cancelled'];

/** A random `when` over `prerequisites`, from the numbers in `rolls` (read from `at`). */
function randomWhen(prerequisites: string[], rolls: number[], at: number): string {
  let k = at;
  const roll = () => rolls[k++ % rolls.length];
  const term = () => {
    const t = `${prerequisites[roll() % prerequisites.length]}${WHEN_TERMS[roll() % WHEN_TERMS.length]}`;
    return roll() % 5 === 0 ? `!${t}` : t;
  };
  let expr = term();
  const more = roll() % 3;
  for (let i = 0; i < more; i++) expr = roll() % 2 === 0 ? `${expr} && ${term()}` : `(${expr}) || ${term()}`;
  return expr;
}

/**
 * Whether the graph with each group contracted to one node has a cycle. Such groups could never
 * be decided: a path that leaves a group and comes back (`a → x → b`), or two groups each
 * waiting for the other (`a → c` and `d → b` with a, b in one group and c, d in another).
 */
function groupsDeadlock(s: Scenario, groups: { id: string; steps: string[] }[]): boolean {
  const node = new Map<string, string>(s.steps.map((st) => [st.id, st.id]));
  for (const g of groups) for (const id of g.steps) node.set(id, `group:${g.id}`);
  const out = new Map<string, Set<string>>();
  for (const d of s.dependencies) {
    const from = node.get(d.from)!;
    const to = node.get(d.to)!;
    if (from === to) continue;
    if (!out.has(from)) out.set(from, new Set());
    out.get(from)!.add(to);
  }
  const state = new Map<string, number>(); // 1: on the stack, 2: done
  const visit = (v: string): boolean => {
    state.set(v, 1);
    for (const w of out.get(v) ?? []) {
      const st = state.get(w);
      if (st === 1 || (st === undefined && visit(w))) return true;
    }
    state.set(v, 2);
    return false;
  };
  return [...new Set(node.values())].some((v) => state.get(v) === undefined && visit(v));
}

/**
 * A random version-2 scenario: `scenarioArb`'s, plus run conditions (a step with `when` keeps
 * only success dependencies and no join, as validation requires), atomic groups (kept only when
 * the graph with each group contracted to one node stays acyclic), success statuses and the saga options. Finally steps come
 * from `always` dependencies.
 */
export function v2ScenarioArb(o: DagOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      base: scenarioArb(o),
      rolls: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 40, maxLength: 40 }),
      compensationErrors: fc.constantFrom('continue' as const, 'stop' as const),
    })
    .map(({ base, rolls, compensationErrors }): Scenario => {
      const s: Scenario = structuredClone(base);
      s.policy = { ...s.policy, compensationErrors };
      s.steps.forEach((step, i) => {
        const prerequisites = s.dependencies.filter((d) => d.to === step.id).map((d) => d.from);
        const r = rolls[i % rolls.length];
        if (prerequisites.length > 0 && r % 3 === 0) {
          step.when = randomWhen(prerequisites, rolls, i * 7);
          delete step.join;
          for (const d of s.dependencies) if (d.to === step.id) delete d.on;
        }
        if (r % 7 === 1) step.successStatus = [201, 202, 204][r % 3];
        if (step.compensation !== undefined && r % 4 === 2) step.compensation.evenIfFailed = true;
      });
      // Up to two groups of 2–3 steps each, dropped when a path would leave and re-enter them.
      const free = s.steps.map((st) => st.id);
      const groups: { id: string; steps: string[] }[] = [];
      for (let g = 0; g < 2 && free.length >= 2; g++) {
        const size = 2 + (rolls[30 + g] % 2);
        const members: string[] = [];
        for (let k = 0; k < size && free.length > 0; k++) members.push(free.splice(rolls[32 + g * 3 + k] % free.length, 1)[0]);
        const candidate = { id: `group-${g}`, steps: members };
        if (rolls[38 + g] % 3 !== 0 && !groupsDeadlock(s, [...groups, candidate])) groups.push(candidate);
      }
      if (groups.length > 0) s.groups = groups;
      return s;
    });
}
