// Compare (issue #13): the same graph under two choices. `diffRuns` says which steps ended
// differently and by how much the totals moved; `variants` lists the one-click what-ifs, each a
// pure transformation of the scenario (A) into the scenario B to run beside it.
import { resolvePolicy } from '../scenario/defaults.ts';
import type { Policy, Scenario } from '../scenario/types.ts';
import { formatMs } from './format-ms.ts';
import { buildGraph, finallySteps, indexOf, markDescendants } from './graph.ts';
import { replay } from './replay.ts';
import { simulate } from './simulate.ts';
import type { RunResult, StepResult, StepState } from './types.ts';

/** What the CLI's `--json` prints of a step on one side (issue #13): null when the side has no such step. */
export interface CompareStepSide {
  state: StepState;
  status: number | null;
  attempts: number;
}

/** The ways a step can differ between A and B; `timing`: it started or ended at another ms. */
export type StepDifference = 'state' | 'status' | 'attempts' | 'timing';

export interface StepDiff {
  a: CompareStepSide | null;
  b: CompareStepSide | null;
  /** What differs, in this order; never empty. A step on one side only differs in `state`. */
  differs: StepDifference[];
  /** Start and end on each side, in ms from its own run's start (a replay's re-run steps are shifted back by `startedAt`). */
  timing: { a: [number | null, number | null] | null; b: [number | null, number | null] | null };
}

/** A pair of figures, A's first. */
export type Pair = [a: number, b: number];

export interface RunDiffSummary {
  /** Steps that answered 424 (ended `blocked`). */
  blocked: Pair;
  /** Attempts made by every step together. */
  attemptsTotal: Pair;
  /** The run's own length in ms (a replay's, not counting the run it replays). */
  durationMs: Pair;
  /** Steps a saga rolled back (ended `compensated`). */
  compensated: Pair;
}

export interface RunDiff {
  /** Only the steps that differ, keyed by id, in A's step order then B's extra steps. */
  steps: Record<string, StepDiff>;
  summary: RunDiffSummary;
  /** Steps that ended `failed` (not in the CLI's summary; the sentence tells it). */
  failed: Pair;
  /** Steps compensated on one side only, in step order. */
  compensatedOnly: { a: string[]; b: string[] };
  /**
   * Steps whose compensation failed on one side only (`compensation-failed`, the saga tried to
   * undo them), in step order: with `compensatedOnly`, every step a saga touched on one side.
   */
  compensationFailedOnly: { a: string[]; b: string[] };
}

/** The diff as `npm run simulate -- A --compare B --json` prints it (issue #13's shape, exactly). */
export interface RunDiffJson {
  steps: Record<string, { a: CompareStepSide | null; b: CompareStepSide | null }>;
  summary: RunDiffSummary;
}

function side(step: StepResult | undefined): CompareStepSide | null {
  return step ? { state: step.state, status: step.status, attempts: step.attempts } : null;
}

/**
 * A step's start and end in ms from its own run's start. A replay's kept steps carry the first
 * run's times already; the steps it re-ran are on the shared timeline after `startedAt`.
 */
function ownTiming(run: RunResult, step: StepResult | undefined): [number | null, number | null] | null {
  if (!step) return null;
  const shift = step.reused ? 0 : (run.startedAt ?? 0);
  return [step.startedAt === null ? null : step.startedAt - shift, step.endedAt === null ? null : step.endedAt - shift];
}

function countState(run: RunResult, state: StepState): number {
  let n = 0;
  for (const id in run.steps) if (run.steps[id].state === state) n++;
  return n;
}

function attemptsTotal(run: RunResult): number {
  let n = 0;
  for (const id in run.steps) n += run.steps[id].attempts;
  return n;
}

/**
 * The difference between run A and run B of the same graph: the steps whose final state,
 * status, attempt count or timing (start or end ms, R2) differ, and the totals side by side.
 * Steps on one side only are listed with `null` on the other.
 *
 * @example
 * const diff = diffRuns(simulate(naive), simulate(graphAware));
 * diff.steps['create-shipping-label'] // → { a: { state: 'blocked', status: 424, attempts: 4 }, b: { state: 'succeeded', status: 200, attempts: 2 }, differs: ['state', 'status', 'attempts', 'timing'], … }
 * diff.summary.attemptsTotal          // → [9, 7]
 */
export function diffRuns(a: RunResult, b: RunResult): RunDiff {
  const steps: Record<string, StepDiff> = Object.create(null) as Record<string, StepDiff>;
  const ids = [...Object.keys(a.steps), ...Object.keys(b.steps).filter((id) => !Object.hasOwn(a.steps, id))];
  const compensatedOnly = { a: [] as string[], b: [] as string[] };
  const compensationFailedOnly = { a: [] as string[], b: [] as string[] };
  for (const id of ids) {
    const stepA = Object.hasOwn(a.steps, id) ? a.steps[id] : undefined;
    const stepB = Object.hasOwn(b.steps, id) ? b.steps[id] : undefined;
    const timing = { a: ownTiming(a, stepA), b: ownTiming(b, stepB) };
    const differs: StepDifference[] = [];
    if (!stepA || !stepB) differs.push('state');
    else {
      if (stepA.state !== stepB.state) differs.push('state');
      if (stepA.status !== stepB.status) differs.push('status');
      if (stepA.attempts !== stepB.attempts) differs.push('attempts');
      if (timing.a![0] !== timing.b![0] || timing.a![1] !== timing.b![1]) differs.push('timing');
    }
    if (stepA?.state === 'compensated' && stepB?.state !== 'compensated') compensatedOnly.a.push(id);
    if (stepB?.state === 'compensated' && stepA?.state !== 'compensated') compensatedOnly.b.push(id);
    if (stepA?.state === 'compensation-failed' && stepB?.state !== 'compensation-failed') compensationFailedOnly.a.push(id);
    if (stepB?.state === 'compensation-failed' && stepA?.state !== 'compensation-failed') compensationFailedOnly.b.push(id);
    if (differs.length > 0) steps[id] = { a: side(stepA), b: side(stepB), differs, timing };
  }
  return {
    steps,
    summary: {
      blocked: [countState(a, 'blocked'), countState(b, 'blocked')],
      attemptsTotal: [attemptsTotal(a), attemptsTotal(b)],
      durationMs: [a.durationMs, b.durationMs],
      compensated: [countState(a, 'compensated'), countState(b, 'compensated')],
    },
    failed: [countState(a, 'failed'), countState(b, 'failed')],
    compensatedOnly,
    compensationFailedOnly,
  };
}

/** `diff` in the CLI's `--json` shape: per step only `a` and `b`, and the summary. */
export function diffJson(diff: RunDiff): RunDiffJson {
  const steps: RunDiffJson['steps'] = {};
  for (const [id, d] of Object.entries(diff.steps)) steps[id] = { a: d.a, b: d.b };
  return { steps, summary: diff.summary };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Verb phrases of one subject: `a and b`; three or more with a comma before the last `and`
 * (`a, b, and c`). Two get that comma only when one already holds an `and` of its own
 * (`avoided 3 answers of 424 and 4 wasted attempts, and finished 180 ms sooner`), so the
 * reader sees where the second phrase starts.
 */
function joinVerbs(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  const last = parts.length > 2 || parts.some((p) => p.includes(' and ')) ? ', and ' : ' and ';
  return `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

/**
 * The diff in one sentence, told from B's side; times as the app's clock writes them
 * (`formatMs`: `2800 ms`, `12.5 s`).
 *
 * @example
 * summarizeDiff(diff) // → 'B avoided 3 answers of 424 and 4 wasted attempts, and finished 180 ms sooner; 1 step was compensated in A only.'
 */
export function summarizeDiff(diff: RunDiff): string {
  const { blocked, attemptsTotal: attempts, durationMs } = diff.summary;
  const avoided: string[] = [];
  if (blocked[1] < blocked[0]) avoided.push(plural(blocked[0] - blocked[1], 'answer of 424', 'answers of 424'));
  if (attempts[1] < attempts[0]) avoided.push(plural(attempts[0] - attempts[1], 'wasted attempt', 'wasted attempts'));
  const verbs: string[] = [];
  if (avoided.length > 0) verbs.push(`avoided ${avoided.join(' and ')}`);
  if (blocked[1] > blocked[0]) verbs.push(`answered 424 ${plural(blocked[1] - blocked[0], 'more time', 'more times')}`);
  if (attempts[1] > attempts[0]) verbs.push(`made ${plural(attempts[1] - attempts[0], 'more attempt', 'more attempts')}`);
  // Without the fail-fast guard fewer steps answer 424 because they run and fail instead (R6).
  const { failed } = diff;
  if (failed[1] > failed[0]) verbs.push(`had ${plural(failed[1] - failed[0], 'more step fail', 'more steps fail')}`);
  if (failed[1] < failed[0]) verbs.push(`had ${plural(failed[0] - failed[1], 'fewer step fail', 'fewer steps fail')}`);
  if (durationMs[1] < durationMs[0]) verbs.push(`finished ${formatMs(durationMs[0] - durationMs[1])} sooner`);
  if (durationMs[1] > durationMs[0]) verbs.push(`took ${formatMs(durationMs[1] - durationMs[0])} longer`);

  const clauses: string[] = [];
  const differing = Object.keys(diff.steps).length;
  if (verbs.length > 0) clauses.push(`B ${joinVerbs(verbs)}`);
  else if (differing === 0) clauses.push('A and B ran the same: no step differs');
  else clauses.push(`The totals match, but ${plural(differing, 'step differs', 'steps differ')}`);
  // Every step the saga touched on one side only, as the table lists them: a step whose undo
  // failed is counted too, in its own words (tryout: "3 steps were compensated in A only" over a
  // table of 4, the fourth "compensation-failed").
  const only = (compensated: string[], failedUndo: string[], who: string) => {
    const parts: string[] = [];
    if (compensated.length > 0) parts.push(`${plural(compensated.length, 'step was', 'steps were')} compensated`);
    if (failedUndo.length > 0) parts.push(`${plural(failedUndo.length, "step's compensation", "steps' compensations")} failed`);
    return parts.length === 0 ? null : `${parts.join(' and ')} in ${who} only`;
  };
  for (const who of ['a', 'b'] as const) {
    const clause = only(diff.compensatedOnly[who], diff.compensationFailedOnly[who], who.toUpperCase());
    if (clause !== null) clauses.push(clause);
  }
  return `${clauses.join('; ')}.`;
}

/** A side's outcome in a comparison's words: `forward` the step's own call, `after` what a saga did next (null: nothing). */
export interface SideOutcome {
  forward: StepState;
  after: 'compensated' | 'its compensation failed' | null;
}

/**
 * How one side of a differing step reads (the app's diff table formats it): a compensated step
 * keeps its forward answer (`status`, R10), so its state next to that answer read as one fact
 * ("compensation-failed · 200": a 200 beside "failed"). Told apart, the forward call comes
 * first, as what it was: `failed` when its answer is 300 or more (R17 `evenIfFailed`: a failed
 * call that may have acted is undone too), else `succeeded`; then what the saga did. Every
 * other state is its own forward outcome, with nothing after.
 *
 * @example
 * sideOutcome({ state: 'compensation-failed', status: 200, attempts: 1 }) // → { forward: 'succeeded', after: 'its compensation failed' }
 * sideOutcome({ state: 'compensated', status: 504, attempts: 1 })         // → { forward: 'failed', after: 'compensated' }
 */
export function sideOutcome(side: CompareStepSide): SideOutcome {
  switch (side.state) {
    case 'compensated':
    case 'compensation-failed':
      return {
        forward: side.status !== null && side.status >= 300 ? 'failed' : 'succeeded',
        after: side.state === 'compensated' ? 'compensated' : 'its compensation failed',
      };
    case 'succeeded':
    case 'failed':
    case 'blocked':
    case 'rolled-back':
    case 'skipped':
    case 'cancelled':
      return { forward: side.state, after: null };
  }
}

// ---- what-ifs -------------------------------------------------------------------------------

export type VariantId = 'fail-fast' | 'retry-mode' | 'saga' | 'on-failure' | 'concurrency-1' | 'root-cause-fixed';

/** One what-if: scenario B, and how B runs (`replay`: as a replay of A's run, R13). */
export interface Variant {
  id: VariantId;
  /** What B is, for a menu: `Fail-fast guard off`. */
  label: string;
  scenario: Scenario;
  replay: boolean;
}

function withPolicy(scenario: Scenario, patch: Partial<Policy>): Scenario {
  return { ...scenario, policy: { ...scenario.policy, ...patch } };
}

/**
 * The one-click what-ifs for `scenario` (issue #13), each B a new scenario (A is untouched):
 * the fail-fast guard flipped, naive ↔ graph-aware retries (R9), saga on/off (R10),
 * abort ↔ continue (R8), concurrency 1 (when it is not already), and "the root cause fixed":
 * every step that failed in `run` (A's run; simulated when not given) with its `fail` removed,
 * run as a replay of A's run (R13). That last one is offered only when some step failed for
 * its own `fail`.
 *
 * @example
 * variants(timeoutNoGuard).map((v) => v.label) // → ['Fail-fast guard on', 'Naive retries', 'Saga on', 'Abort on failure', 'Concurrency 1', 'Root cause fixed (replay)']
 */
export function variants(scenario: Scenario, run?: RunResult): Variant[] {
  const policy = resolvePolicy(scenario);
  const list: Variant[] = [
    {
      id: 'fail-fast',
      label: policy.failFast ? 'Fail-fast guard off' : 'Fail-fast guard on',
      scenario: withPolicy(scenario, { failFast: !policy.failFast }),
      replay: false,
    },
    {
      id: 'retry-mode',
      label: policy.retryMode === 'naive' ? 'Graph-aware retries' : 'Naive retries',
      scenario: withPolicy(scenario, { retryMode: policy.retryMode === 'naive' ? 'graph-aware' : 'naive' }),
      replay: false,
    },
    {
      id: 'saga',
      label: policy.compensation === 'saga' ? 'Saga off' : 'Saga on',
      scenario: withPolicy(scenario, { compensation: policy.compensation === 'saga' ? 'none' : 'saga' }),
      replay: false,
    },
    {
      id: 'on-failure',
      label: policy.onFailure === 'abort' ? 'Continue on failure' : 'Abort on failure',
      scenario: withPolicy(scenario, { onFailure: policy.onFailure === 'abort' ? 'continue' : 'abort' }),
      replay: false,
    },
  ];
  if (policy.concurrency !== 1) {
    list.push({ id: 'concurrency-1', label: 'Concurrency 1', scenario: withPolicy(scenario, { concurrency: 1 }), replay: false });
  }
  const result = run ?? simulate(scenario);
  const roots = new Set(scenario.steps.filter((s) => s.fail !== undefined && result.steps[s.id]?.state === 'failed').map((s) => s.id));
  if (roots.size > 0) {
    list.push({
      id: 'root-cause-fixed',
      label: 'Root cause fixed (replay)',
      scenario: {
        ...scenario,
        steps: scenario.steps.map((s) => {
          if (!roots.has(s.id)) return s;
          const { fail: _fixed, ...rest } = s;
          return rest;
        }),
      },
      replay: true,
    });
  }
  return list;
}

/** Both runs of a comparison and their diff. */
export interface Comparison {
  a: RunResult;
  b: RunResult;
  diff: RunDiff;
}

/**
 * Runs A, then B (`replay`: as a replay of A's run from its failed steps, R13), and diffs them.
 * A replay needs the same steps and dependencies: when B's differ, `{ ok: false }` carries the
 * engine's problems.
 *
 * @example
 * const c = compareScenarios(a, b); if (c.ok) summarizeDiff(c.value.diff)
 */
export function compareScenarios(a: Scenario, b: Scenario, options: { replay?: boolean } = {}) {
  const runA = simulate(a);
  if (!options.replay) {
    const runB = simulate(b);
    return { ok: true as const, value: { a: runA, b: runB, diff: diffRuns(runA, runB) } satisfies Comparison };
  }
  const replayed = replay(b, runA);
  if (!replayed.ok) return replayed;
  const runB = replayed.value.run;
  return { ok: true as const, value: { a: runA, b: runB, diff: diffRuns(runA, runB) } satisfies Comparison };
}

// ---- which what-ifs change nothing -----------------------------------------------------------

/**
 * Why B runs exactly like A, when a plain reason exists (read from A's scenario and run):
 * - `no-failure`: no step has a `fail` and none ended `failed`, so no failure policy applies (for
 *   abort ↔ continue: no attempt failed in A's run);
 * - `no-compensation`: no step has a `compensation` (undo) handler, so a saga has nothing to undo;
 * - `no-retries`: no step has `retry.maxAttempts` above 1, so the retry mode never applies;
 * - `all-started`: every step had started when the first one failed, so abort cancels nothing;
 * - `all-dependent`: every step still waiting when the first one failed depends on it, and abort
 *   cancels only steps that do not;
 * - `no-final-failure`: every failed attempt is followed by a retry (a flaky step that then
 *   succeeds), and abort starts only at a failure no retry follows;
 * - `no-overlap`: no two steps ran at once, so a limit of 1 holds nothing back.
 */
export type SameReason = 'no-failure' | 'no-compensation' | 'no-retries' | 'all-started' | 'all-dependent' | 'no-final-failure' | 'no-overlap';

/** A what-if with what running it would show: `sameAsA` true when no step differs from A's run. */
export interface CheckedVariant extends Variant {
  /** True: B runs exactly like A (no step differs, same length); false: it differs; null: not checked (scenario too big, or B could not run). */
  sameAsA: boolean | null;
  /** When `sameAsA`, the plain reason if one applies, else null ("runs the same as A here"). */
  sameReason: SameReason | null;
}

/** Scenarios with more steps than this are offered without the check (each variant is a whole run). */
export const CHECK_VARIANTS_MAX_STEPS = 300;

function noFailure(scenario: Scenario, run: RunResult): boolean {
  return scenario.steps.every((s) => s.fail === undefined) && countState(run, 'failed') === 0;
}

/**
 * Why abort ↔ continue changes nothing, read from A's events as the engine's
 * abort rule works (R8, abort.ts `abortSweep`): at a root failure — an attempt that failed or
 * timed out with no retry to follow, not a repair's (R9) and not a missing output (R6) — abort
 * cancels each step that has not been sent yet and neither depends on a failed step nor is a
 * finally step (R15). At A's first root failure: `all-started` when no step is still waiting,
 * `all-dependent` when every waiting one depends on a failed step; `no-final-failure` when no
 * attempt fails for good (abort never starts), `no-failure` when none fails at all. Null
 * otherwise (a finally step still waiting, a run stopped at its work budget).
 *
 * From the events, not the final states: a failure later repaired by a graph-aware retry (R9)
 * still set abort off (tryout: shipping-retry-graph-aware had no reason, its failed step ended
 * `succeeded`).
 */
function nothingToCancel(scenario: Scenario, run: RunResult): SameReason | null {
  const events = run.events;
  const repairing = new Set<string>();
  let first = -1;
  for (let k = 0; k < events.length && first < 0; k++) {
    const e = events[k];
    if (e.type === 'repair-requested' && e.step !== undefined) repairing.add(e.step);
    else if ((e.type === 'failed' || e.type === 'timed-out') && e.willRetry !== true && e.failedPrerequisiteStep === undefined && !repairing.has(e.step!)) first = k;
  }
  if (first < 0) {
    // A run stopped at its work budget (budget.ts) cut its retries short; one with no failed
    // attempt at all (a failing step that never ran) has no failure for abort to start at.
    if (run.stopped) return null;
    return events.some((e) => e.type === 'failed' || e.type === 'timed-out') ? 'no-final-failure' : 'no-failure';
  }
  const g = buildGraph(scenario);
  const failed: number[] = [];
  const seen = new Uint8Array(g.n);
  for (let k = 0; k <= first; k++) {
    const e = events[k];
    const i = e.step === undefined ? undefined : indexOf(g, e.step);
    if (i === undefined) continue;
    seen[i] = 1;
    if ((e.type === 'failed' || e.type === 'timed-out') && e.willRetry !== true) failed.push(i);
  }
  const dependsOnFailure = new Uint8Array(g.n);
  markDescendants(g, failed, dependsOnFailure, false);
  const spared = finallySteps(g);
  let waiting = 0;
  for (let i = 0; i < g.n; i++) {
    if (seen[i] || spared[i]) continue;
    if (!dependsOnFailure[i]) return null;
    waiting++;
  }
  return waiting === 0 ? 'all-started' : 'all-dependent';
}

function noOverlap(run: RunResult): boolean {
  const spans = Object.values(run.steps)
    .filter((s) => s.startedAt !== null && s.endedAt !== null && s.endedAt > s.startedAt)
    .map((s) => [s.startedAt!, s.endedAt!] as const)
    .sort((x, y) => x[0] - y[0]);
  let end = -Infinity;
  for (const [start, stop] of spans) {
    if (start < end) return false;
    end = Math.max(end, stop);
  }
  return true;
}

function sameReason(variant: Variant, scenario: Scenario, run: RunResult): SameReason | null {
  const failureFree = noFailure(scenario, run);
  switch (variant.id) {
    case 'saga':
      if (scenario.steps.every((s) => s.compensation === undefined)) return 'no-compensation';
      return failureFree ? 'no-failure' : null;
    case 'retry-mode':
      if (scenario.steps.every((s) => (s.retry?.maxAttempts ?? 1) <= 1)) return 'no-retries';
      return failureFree ? 'no-failure' : null;
    case 'fail-fast':
      return failureFree ? 'no-failure' : null;
    case 'on-failure':
      return failureFree ? 'no-failure' : nothingToCancel(scenario, run);
    case 'concurrency-1':
      return noOverlap(run) ? 'no-overlap' : null;
    case 'root-cause-fixed':
      return null;
  }
}

/**
 * `variants(scenario)`, each checked by running it: A is simulated once, each B simulated (or
 * replayed, R13) and diffed with `diffRuns`, so "same as A" is the engine's own answer, not a
 * guess from the policy. For scenarios over `maxSteps` steps (default
 * `CHECK_VARIANTS_MAX_STEPS`) nothing is run beyond A and every `sameAsA` is null. Takes a
 * valid scenario (the gate's output); a B that cannot run is left unchecked, never thrown.
 *
 * @example
 * checkVariants(paymentFails).find((v) => v.id === 'saga') // → { label: 'Saga on', sameAsA: true, sameReason: 'no-compensation', … }
 */
export function checkVariants(scenario: Scenario, options: { maxSteps?: number } = {}): CheckedVariant[] {
  const runA = simulate(scenario);
  const list = variants(scenario, runA);
  if (scenario.steps.length > (options.maxSteps ?? CHECK_VARIANTS_MAX_STEPS)) return list.map((v) => ({ ...v, sameAsA: null, sameReason: null }));
  return list.map((v) => {
    let runB: RunResult;
    try {
      if (v.replay) {
        const replayed = replay(v.scenario, runA);
        if (!replayed.ok) return { ...v, sameAsA: null, sameReason: null };
        runB = replayed.value.run;
      } else runB = simulate(v.scenario);
    } catch {
      return { ...v, sameAsA: null, sameReason: null };
    }
    const diff = diffRuns(runA, runB);
    const same = Object.keys(diff.steps).length === 0 && diff.summary.durationMs[0] === diff.summary.durationMs[1];
    return { ...v, sameAsA: same, sameReason: same ? sameReason(v, scenario, runA) : null };
  });
}

/** Each reason in words, a clause for "Runs the same as A here: …" (the menu) and the comparison's summary. */
export const SAME_REASON_TEXT: Record<SameReason, string> = {
  'no-failure': 'no step fails, so no failure rule comes into play',
  'no-compensation': 'no step has an undo (compensation) handler, so there is nothing to undo',
  'no-retries': 'no step retries',
  'all-started': 'every step has started by the time the first one fails, so abort has nothing to cancel',
  'all-dependent': 'every step still waiting at the first failure depends on it, and abort cancels only independent steps',
  'no-final-failure': 'every failing step succeeds on a retry, and abort starts only at a failure no retry follows',
  'no-overlap': 'its steps already run one at a time',
};

/**
 * Why B ran exactly like A, when B is one of `variants(a)` with a plain reason (see
 * `SameReason`): the comparison says it after "no step differs", as the menu did before the
 * press. Null when B is no such variant (an edited copy, the root cause fixed) or no plain
 * reason applies. `runA` is A's run. Compares B's policy and graph with each variant's, so it
 * costs a serialisation of both scenarios: call it only when the runs came out the same.
 *
 * @example
 * whySame(paymentFails, simulate(paymentFails), { ...paymentFails, policy: { compensation: 'saga' } }) // → 'no-compensation'
 */
export function whySame(a: Scenario, runA: RunResult, b: Scenario): SameReason | null {
  const graphOf = (s: Scenario) => JSON.stringify([s.steps, s.dependencies, s.groups ?? null]);
  if (graphOf(a) !== graphOf(b)) return null;
  const policy = JSON.stringify(resolvePolicy(b));
  const variant = variants(a, runA).find((v) => !v.replay && JSON.stringify(resolvePolicy(v.scenario)) === policy);
  return variant === undefined ? null : sameReason(variant, a, runA);
}

/**
 * `summary` (`summarizeDiff`'s sentence), followed, when no step differs and B is a variant of
 * A with a plain reason (`whySame`), by that reason: "… no step differs. It makes no difference
 * here: no step retries." Compare mode and the CLI's `--compare` both say it.
 */
export function summaryWithWhySame(summary: string, diff: RunDiff, a: Scenario, runA: RunResult, b: Scenario): string {
  const reason = Object.keys(diff.steps).length === 0 ? whySame(a, runA, b) : null;
  return reason === null ? summary : `${summary} It makes no difference here: ${SAME_REASON_TEXT[reason]}.`;
}
