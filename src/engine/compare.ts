// Compare (issue #13): the same graph under two choices. `diffRuns` says which steps ended
// differently and by how much the totals moved; `variants` lists the one-click what-ifs, each a
// pure transformation of the scenario (A) into the scenario B to run beside it.
import { resolvePolicy } from '../scenario/defaults.ts';
import type { Policy, Scenario } from '../scenario/types.ts';
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
  };
}

/** `diff` in the CLI's `--json` shape: per step only `a` and `b`, and the summary. */
export function diffJson(diff: RunDiff): RunDiffJson {
  const steps: RunDiffJson['steps'] = {};
  for (const [id, d] of Object.entries(diff.steps)) steps[id] = { a: d.a, b: d.b };
  return { steps, summary: diff.summary };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `a, b and c` (`a and b`, `a`). */
function joinAnd(parts: readonly string[], last = ' and '): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

/**
 * The diff in one sentence, told from B's side.
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
  if (durationMs[1] < durationMs[0]) verbs.push(`finished ${durationMs[0] - durationMs[1]} ms sooner`);
  if (durationMs[1] > durationMs[0]) verbs.push(`took ${durationMs[1] - durationMs[0]} ms longer`);

  const clauses: string[] = [];
  const differing = Object.keys(diff.steps).length;
  if (verbs.length > 0) clauses.push(`B ${joinAnd(verbs, ', and ')}`);
  else if (differing === 0) clauses.push('A and B ran the same: no step differs');
  else clauses.push(`The totals match, but ${plural(differing, 'step differs', 'steps differ')}`);
  const only = (ids: string[], who: string) => `${plural(ids.length, 'step was', 'steps were')} compensated in ${who} only`;
  if (diff.compensatedOnly.a.length > 0) clauses.push(only(diff.compensatedOnly.a, 'A'));
  if (diff.compensatedOnly.b.length > 0) clauses.push(only(diff.compensatedOnly.b, 'B'));
  return `${clauses.join('; ')}.`;
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
