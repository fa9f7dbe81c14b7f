// Grading a lesson (issue #12): predictions against a run, a fix challenge's goal lines against
// the edited scenario's run, and the learner's choice of root cause. Pure: the CLI's `--grade`,
// the store's lesson slice and the course tests all call these.
import { resolvePolicy } from '../scenario/defaults.ts';
import type { Editable, GoalLine, LessonChallenge, PredictableState } from '../scenario/lesson.ts';
import { predictedSteps } from '../scenario/lesson.ts';
import type { CompensationSpec, FailSpec, Policy, RetrySpec, Scenario, Step } from '../scenario/types.ts';
import { explain, explainChain, type StepNamer } from './explain.ts';
import type { RunResult } from './types.ts';

const byId: StepNamer = (id) => id;

/** A rule a learner meets: its number in issue #2 (R1–R13) or the engine-rules issue (R14–R18), and the rule in one plain sentence. */
export interface Rule {
  id: `R${number}`;
  text: string;
}

/**
 * The rules a learner meets, in one sentence each. A miss's `why` starts with the sentence of the
 * rule that decided the step; its number is the item's `rule`, shown after the sentences, never
 * the first words a learner reads.
 */
export const RULES = Object.freeze({
  R3: { id: 'R3', text: 'A step whose last attempt failed is failed with that status — a root failure' },
  R3ok: { id: 'R3', text: 'A step runs once its prerequisites are satisfied, and an attempt without a failure answers 200' },
  R4skip: { id: 'R4', text: 'A skipped prerequisite skips its dependent, it does not block it' },
  R4void: { id: 'R4', text: 'A failure edge is void when its prerequisite did not fail, so the dependent is skipped, not blocked' },
  R4cancel: { id: 'R4', text: 'A cancelled prerequisite cancels its dependent' },
  R5: { id: 'R5', text: 'With the fail-fast guard on, a step whose prerequisite failed or answered 424 is not run; it answers 424 Failed Dependency' },
  R6: { id: 'R6', text: 'Without the fail-fast guard, a dependent of a failed step runs anyway and fails with 500 "missing output"' },
  R7: { id: 'R7', text: 'A step that starts before the artifact it consumes exists fails with 500 "missing input"' },
  R8: { id: 'R8', text: 'With On failure “abort”, every step not started at a root failure is cancelled' },
  R9naive: { id: 'R9', text: 'A naive retry re-sends the blocked step and gets 424 again each time; its prerequisite is never touched' },
  R9repair: { id: 'R9', text: 'A graph-aware retry repairs the root cause first, then the blocked step runs' },
  R10: { id: 'R10', text: 'A saga rolls back the succeeded steps that have a handler, in reverse order of completion' },
  R10fail: { id: 'R10', text: 'A compensation handler that fails leaves its step compensation-failed, in a partial state; the others still run' },
  R13: { id: 'R13', text: 'A replay reuses the result of a step that succeeded in the previous run' },
  R14: { id: 'R14', text: 'A step with a run condition is decided by its expression alone; false with no failed prerequisite means skipped, not 424' },
  R17: { id: 'R17', text: 'With compensationErrors "stop", no handler runs after the first that fails; the rest stay succeeded' },
  R18: { id: 'R18', text: 'An atomic group is all-or-nothing: when one member fails, the members that had succeeded are rolled back (424)' },
} satisfies Record<string, Rule>);

/** One graded prediction: `predicted` is null when the learner gave no answer (a miss). */
export interface GradedItem {
  step: string;
  predicted: PredictableState | null;
  actual: PredictableState;
  correct: boolean;
  /**
   * The rule that decided `actual` in plain words, then the one step of the causal chain that
   * shows it: the step's own link (`explainChain`), naming the prerequisite that decided it. The
   * rest of the chain is the Why panel's. No rule number: that is `rule`.
   */
  why: string;
  /** The number of the rule that decided `actual` (`R5`), shown after `why` (the lesson panel, the CLI table). */
  rule: Rule['id'];
}

export interface Grade {
  score: number;
  total: number;
  items: GradedItem[];
}

/**
 * Grades predictions of final states against a run of `scenario`: the steps of its lesson's
 * predict challenge if it has one, else every step in scenario order. Answers for other steps
 * are ignored; a step without an answer is a miss. The caller rejects unknown ids (the CLI
 * exits 2).
 *
 * @example
 * gradePredictions(paymentFails, simulate(paymentFails), new Map([['create-invoice', 'skipped']]))
 * // → { score: 0, total: 5, items: [ …, { step: 'create-invoice', predicted: 'skipped',
 * //      actual: 'blocked', correct: false, why: 'With the fail-fast guard on, … create-invoice
 * //      answered 424 Failed Dependency because authorize-payment failed.', rule: 'R5' }, … ] }
 */
export function gradePredictions(
  scenario: Scenario,
  result: RunResult,
  answers: ReadonlyMap<string, PredictableState>,
  name: StepNamer = byId,
): Grade {
  const predict = scenario.lesson?.challenges.find((c) => c.kind === 'predict');
  const ids = predictedSteps(predict, scenario.steps.map((s) => s.id)).filter((id) => Object.hasOwn(result.steps, id));
  const items = ids.map((step): GradedItem => {
    const actual = result.steps[step].state as PredictableState;
    const predicted = answers.get(step) ?? null;
    return { step, predicted, actual, correct: predicted === actual, why: whyState(scenario, result, step, name), rule: ruleFor(scenario, result, step).id };
  });
  return { score: items.filter((i) => i.correct).length, total: items.length, items };
}

/**
 * Why `step` ended as it did, in two sentences: the rule that decided it in plain words (its
 * number is `ruleFor`'s `id`), then the step's own link of the causal chain (`explainChain`),
 * which names the prerequisite the rule acted on. Not the whole chain down to the root cause:
 * a learner who missed one step read four sentences for it (tryout); the Why panel has the chain.
 *
 * @example
 * whyState(scenario, run, 'send-receipt')
 * // → 'With the fail-fast guard on, … . send-receipt answered 424 Failed Dependency because
 * //    create-invoice answered 424.'
 */
export function whyState(scenario: Scenario, result: RunResult, step: string, name: StepNamer = byId): string {
  return `${ruleFor(scenario, result, step).text}. ${explainChain(result, step, name)[0]?.sentence ?? ''}`.trim();
}

/** The rule that decided how step `id` ended in `result`. */
function ruleFor(scenario: Scenario, result: RunResult, id: string): Rule {
  const r = result.steps[id];
  const step = scenario.steps.find((s) => s.id === id);
  const policy = resolvePolicy(scenario);
  const inGroup = (scenario.groups ?? []).some((g) => g.steps.includes(id));
  const incoming = scenario.dependencies.filter((d) => d.to === id);
  const state = r.state as PredictableState;
  switch (state) {
    case 'rolled-back':
      return RULES.R18;
    case 'blocked':
      if (inGroup && r.failedPrerequisiteStep !== undefined && (scenario.groups ?? []).some((g) => g.steps.includes(id) && g.steps.includes(r.failedPrerequisiteStep!))) return RULES.R18;
      if (r.attempts > 1 && policy.retryMode === 'naive') return RULES.R9naive;
      return step?.when !== undefined ? RULES.R14 : RULES.R5;
    case 'failed':
      if (r.failure === 'missing-input') return RULES.R7;
      if (r.failure === 'missing-output') return RULES.R6;
      return RULES.R3;
    case 'skipped': {
      if (step?.when !== undefined) return RULES.R14;
      const voidFailureEdge = incoming.some((d) => d.on === 'failure' && result.steps[d.from]?.state !== 'skipped');
      return voidFailureEdge ? RULES.R4void : RULES.R4skip;
    }
    case 'cancelled': {
      const cancelledPrerequisite = incoming.some((d) => result.steps[d.from]?.state === 'cancelled');
      return cancelledPrerequisite ? RULES.R4cancel : RULES.R8;
    }
    case 'succeeded':
      if (r.reused) return RULES.R13;
      if (result.uncompensated.includes(id) && policy.compensationErrors === 'stop' && result.outcome === 'compensation-failed') return RULES.R17;
      if (result.events.some((e) => e.type === 'repair-requested' && (e.step === id || e.requestedBy === id))) return RULES.R9repair;
      return RULES.R3ok;
    case 'compensated':
      return RULES.R10;
    case 'compensation-failed':
      return RULES.R10fail;
  }
}

/** Whether a goal line holds on a run, with a sentence for the learner. */
export interface GoalCheck {
  line: GoalLine;
  holds: boolean;
  sentence: string;
}

/**
 * The goal line in words, as the lesson states it: `create-invoice ends succeeded`,
 * `No step answers 424 more than once`, `The run ends succeeded`.
 */
export function describeGoal(line: GoalLine, name: StepNamer = byId): string {
  switch (line.kind) {
    case 'step-state':
      return `${name(line.step)} ends ${stateWords(line.state)}`;
    case 'max-blocked':
      return line.count === 0 ? 'No step answers 424' : `At most ${line.count} ${line.count === 1 ? 'step answers' : 'steps answer'} 424`;
    case 'max-424-answers':
      return line.count === 0 ? 'No step answers 424' : `No step answers 424 more than ${times(line.count)}`;
    case 'outcome':
      return `The run ends ${line.outcome}`;
    case 'failures-unchanged':
      return "No step's failure is changed";
  }
}

/** `blocked` → `blocked (424)`: the state as the learner reads it. */
export function stateWords(state: PredictableState): string {
  return state === 'blocked' ? 'blocked (424)' : state;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/**
 * Checks one goal line on the run of the edited scenario `after`; `before` is the lesson's own
 * scenario (for `failures-unchanged`).
 *
 * @example
 * checkGoal({ kind: 'max-424-answers', count: 1 }, lesson, { scenario: edited, result })
 * // → { holds: false, sentence: 'ship answered 424 4 times; the goal allows at most once.', … }
 */
export function checkGoal(line: GoalLine, before: Scenario, after: { scenario: Scenario; result: RunResult }, name: StepNamer = byId): GoalCheck {
  const { result } = after;
  const check = (holds: boolean, sentence: string): GoalCheck => ({ line, holds, sentence });
  switch (line.kind) {
    case 'step-state': {
      const r = result.steps[line.step];
      if (r === undefined) return check(false, `${name(line.step)} is no longer in the scenario.`);
      const actual = r.state as PredictableState;
      return actual === line.state
        ? check(true, `${name(line.step)} ended ${stateWords(actual)}, as the goal asks.`)
        : check(false, `${name(line.step)} ended ${stateWords(actual)}; the goal asks for ${stateWords(line.state)}.`);
    }
    case 'max-blocked': {
      const blocked = Object.keys(result.steps).filter((id) => result.steps[id].state === 'blocked');
      const list = blocked.length > 0 ? ` (${blocked.map(name).join(', ')})` : '';
      const count = `${blocked.length} ${blocked.length === 1 ? 'step' : 'steps'} ended blocked (424)${list}`;
      return blocked.length <= line.count ? check(true, `${count}; the goal allows ${line.count}.`) : check(false, `${count}; the goal allows at most ${line.count}.`);
    }
    case 'max-424-answers': {
      const answers = new Map<string, number>();
      for (const e of result.events) {
        if (e.type === 'blocked' && e.step !== undefined) answers.set(e.step, (answers.get(e.step) ?? 0) + 1);
      }
      let worst: [string, number] | null = null;
      for (const entry of answers) if (worst === null || entry[1] > worst[1]) worst = entry;
      if (worst === null) return check(true, 'No step answered 424.');
      const said = `${name(worst[0])} answered 424 ${times(worst[1])}`;
      return worst[1] <= line.count ? check(true, `${said}; the goal allows ${times(line.count)}.`) : check(false, `${said}; the goal allows at most ${line.count === 0 ? 'none' : times(line.count)}.`);
    }
    case 'outcome':
      return result.outcome === line.outcome
        ? check(true, `The run ended ${result.outcome}.`)
        : check(false, `The run ended ${result.outcome}; the goal asks for ${line.outcome}.`);
    case 'failures-unchanged': {
      const changed = before.steps.filter((s) => !sameFail(s.fail, after.scenario.steps.find((t) => t.id === s.id)?.fail)).map((s) => s.id);
      const added = after.scenario.steps.filter((t) => t.fail !== undefined && !before.steps.some((s) => s.id === t.id)).map((t) => t.id);
      const all = [...changed, ...added];
      return all.length === 0
        ? check(true, 'Every failure is as the lesson wrote it.')
        : check(false, `The failure of ${all.map(name).join(', ')} was changed; the goal is to cope with it, not remove it.`);
    }
  }
}

/** What an edited scenario changed against the lesson's, counted as the learner's edits. */
export interface EditCount {
  /** One per policy field, per step's retry / failure / compensation, per dependency added, removed or re-conditioned. */
  edits: number;
  /** Changes to parts the challenge does not let the learner edit, as sentences. */
  refused: string[];
}

/**
 * Counts the edits from `before` (the lesson's scenario) to `after`, and lists those outside
 * the fix challenge's `editable` parts (`retry` of any step but `retryStep`, when it names one).
 * Labels and positions are layout, not edits.
 */
export function countEdits(before: Scenario, after: Scenario, challenge: { editable: Editable[]; retryStep?: string }): EditCount {
  let edits = 0;
  const refused: string[] = [];
  const allowed = new Set(challenge.editable);
  const edit = (part: Editable, what: string, ok = true) => {
    edits++;
    if (!allowed.has(part) || !ok) refused.push(`${what} may not be changed in this lesson`);
  };
  const p0 = resolvePolicy(before);
  const p1 = resolvePolicy(after);
  for (const key of Object.keys(p0) as (keyof Policy)[]) if (p0[key] !== p1[key]) edit('policy', `policy.${key}`);

  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  for (const s of before.steps) {
    const t = afterById.get(s.id);
    if (t === undefined) {
      edits++;
      refused.push(`step ${s.id} was removed; steps may not be removed in this lesson`);
      continue;
    }
    if (!sameSpec(s.retry, t.retry)) edit('retry', `the retry of ${s.id}`, challenge.retryStep === undefined || challenge.retryStep === s.id);
    if (!sameFail(s.fail, t.fail)) edit('failures', `the failure of ${s.id}`);
    if (!sameCompensation(s.compensation, t.compensation)) edit('compensation', `the compensation of ${s.id}`);
    for (const key of OTHER_STEP_FIELDS) {
      if (JSON.stringify(s[key] ?? null) !== JSON.stringify(t[key] ?? null)) {
        edits++;
        refused.push(`${s.id}.${key} may not be changed in this lesson`);
      }
    }
  }
  for (const t of after.steps) {
    if (!before.steps.some((s) => s.id === t.id)) {
      edits++;
      refused.push(`step ${t.id} was added; steps may not be added in this lesson`);
    }
  }

  const key = (d: { from: string; to: string }) => `${d.from}\u0000${d.to}`;
  const onBefore = new Map(before.dependencies.map((d) => [key(d), d.on ?? 'success']));
  const onAfter = new Map(after.dependencies.map((d) => [key(d), d.on ?? 'success']));
  for (const [k, on] of onBefore) {
    const [from, to] = k.split('\u0000');
    const now = onAfter.get(k);
    if (now === undefined) edit('edges', `the dependency ${from} → ${to}`);
    else if (now !== on) edit('edges', `the condition of ${from} → ${to}`);
  }
  for (const k of onAfter.keys()) {
    if (!onBefore.has(k)) {
      const [from, to] = k.split('\u0000');
      edit('edges', `the dependency ${from} → ${to}`);
    }
  }
  if (JSON.stringify(before.groups ?? []) !== JSON.stringify(after.groups ?? [])) {
    edits++;
    refused.push('the atomic groups may not be changed in this lesson');
  }
  return { edits, refused };
}

const OTHER_STEP_FIELDS = ['request', 'durationMs', 'timeoutMs', 'idempotent', 'join', 'produces', 'consumes', 'when', 'successStatus'] as const satisfies readonly (keyof Step)[];

function sameSpec(a: RetrySpec | undefined, b: RetrySpec | undefined): boolean {
  return (a?.maxAttempts ?? 1) === (b?.maxAttempts ?? 1) && (a?.delayMs ?? 0) === (b?.delayMs ?? 0) && (a?.factor ?? 1) === (b?.factor ?? 1);
}

function sameFail(a: FailSpec | undefined, b: FailSpec | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.status === b.status && a.message === b.message && a.times === b.times && (a.timeout ?? false) === (b.timeout ?? false);
}

function sameCompensation(a: CompensationSpec | undefined, b: CompensationSpec | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.label === b.label &&
    a.durationMs === b.durationMs &&
    (a.evenIfFailed ?? false) === (b.evenIfFailed ?? false) &&
    a.fail?.status === b.fail?.status &&
    a.fail?.message === b.fail?.message
  );
}

/** A fix challenge checked on the edited scenario's run. */
export interface FixCheck {
  lines: GoalCheck[];
  /** Every goal line holds and no refused edit was made. */
  solved: boolean;
  edits: number;
  par: number;
  refused: string[];
}

/** Checks every goal line of a fix challenge, and the edits made, on the edited scenario's run. */
export function checkFix(
  challenge: Extract<LessonChallenge, { kind: 'fix' }>,
  before: Scenario,
  after: { scenario: Scenario; result: RunResult },
  name: StepNamer = byId,
): FixCheck {
  const lines = challenge.goal.map((line) => checkGoal(line, before, after, name));
  const { edits, refused } = countEdits(before, after.scenario, challenge);
  return { lines, solved: refused.length === 0 && lines.every((l) => l.holds), edits, par: challenge.par, refused };
}

export interface CauseCheck {
  correct: boolean;
  /** The root cause the engine recorded for the step (R5), if it has one. */
  rootCause: string | null;
  why: string;
}

/**
 * Is `chosen` the root cause of `step`'s 424? The root cause is the failed step at the start of
 * its dependency path (R5), not its direct prerequisite.
 *
 * @example
 * findCause(run, 'send-receipt', 'create-invoice')
 * // → { correct: false, rootCause: 'authorize-payment', why: 'create-invoice is its direct
 * //      prerequisite; it answered 424 itself. Fix the root cause: … ' }
 */
export function findCause(result: RunResult, step: string, chosen: string, name: StepNamer = byId): CauseCheck {
  const r = result.steps[step];
  const rootCause = r?.rootCauseStep ?? null;
  const chain = explain(result, step, name).join(' ');
  if (rootCause === null) return { correct: false, rootCause, why: `${name(step)} has no root cause in this run. ${chain}`.trim() };
  if (chosen === rootCause) return { correct: true, rootCause, why: `Yes: ${chain}` };
  const hint =
    chosen === r.failedPrerequisiteStep
      ? `${name(chosen)} is its direct prerequisite, but it answered 424 itself: fixing it changes nothing.`
      : chosen === step
        ? `${name(step)} did nothing wrong: it never ran.`
        : r.dependencyPath?.includes(chosen)
          ? `${name(chosen)} is on the path, but it did not fail first.`
          : `${name(chosen)} is not on the path of this 424.`;
  return { correct: false, rootCause, why: `${hint} ${chain}` };
}

/**
 * Problems a lesson has that only its run shows: beats after the run's end, a find-cause step
 * without a root cause (it did not answer 424). An empty list when the lesson fits its run.
 */
export function lessonRunProblems(scenario: Scenario, result: RunResult): string[] {
  const problems: string[] = [];
  const lesson = scenario.lesson;
  if (lesson === undefined) return problems;
  (lesson.beats ?? []).forEach((b, i) => {
    if (b.at > result.durationMs) problems.push(`lesson.beats[${i}].at: ${b.at} ms is after the run's end at ${result.durationMs} ms`);
  });
  lesson.challenges.forEach((c, i) => {
    if (c.kind === 'find-cause' && result.steps[c.step]?.rootCauseStep === undefined) {
      problems.push(`lesson.challenges[${i}].step: ${c.step} ended ${result.steps[c.step]?.state ?? 'missing'} and has no root cause to find`);
    }
  });
  return problems;
}
