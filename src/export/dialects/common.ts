// Shared by the dialect exports (issue #11): each step's incoming conditions, read as one
// `when`-like condition per step, so every exporter writes the same meaning in its own syntax.
import type { Scenario, Step } from '../../scenario/types.ts';
import { parseWhen, type WhenNode } from '../../scenario/when.ts';

/** What an export gives: the file's text and where the meaning had to be approximated. */
export type DialectExport = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

/**
 * A step's run condition as a tree over its prerequisites: its `when`, or its edges read by R4
 * (success → `p.Succeeded`, failure → `p.Failed || p.Blocked`, always → true) joined by its
 * `join` (all → &&, any → ||). Null when the step has no prerequisites; `'always'` when every
 * edge is `always`; `'default'` when every edge is `success` and the join is `all`.
 */
export type Condition = { kind: 'none' } | { kind: 'default'; prerequisites: string[] } | { kind: 'always'; prerequisites: string[] } | { kind: 'tree'; tree: WhenNode; prerequisites: string[] };

export function conditionOf(scenario: Scenario, step: Step): Condition {
  const incoming = scenario.dependencies.filter((d) => d.to === step.id);
  const prerequisites = incoming.map((d) => d.from);
  if (incoming.length === 0) return { kind: 'none' };
  if (step.when !== undefined) {
    const parsed = parseWhen(step.when, step.id, prerequisites);
    if (parsed.ok) return { kind: 'tree', tree: parsed.ast, prerequisites };
  }
  const on = incoming.map((d) => d.on ?? 'success');
  const any = step.join === 'any';
  if (on.every((o) => o === 'always')) return { kind: 'always', prerequisites };
  if (on.every((o) => o === 'success') && !any) return { kind: 'default', prerequisites };
  const term = (step: string, result: 'Succeeded' | 'Failed' | 'Blocked'): WhenNode => ({ kind: 'term', step, result, column: 1 });
  const parts: WhenNode[] = incoming.map((d) => {
    switch (d.on ?? 'success') {
      case 'success':
        return term(d.from, 'Succeeded');
      case 'failure':
        return { kind: 'or', left: term(d.from, 'Failed'), right: term(d.from, 'Blocked') };
      case 'always':
        return { kind: 'or', left: { kind: 'or', left: term(d.from, 'Succeeded'), right: term(d.from, 'Failed') }, right: { kind: 'not', operand: term(d.from, 'Succeeded') } };
    }
  });
  const tree = parts.reduce((l, r) => ({ kind: any ? 'or' : 'and', left: l, right: r }));
  return { kind: 'tree', tree, prerequisites };
}

/**
 * How the notes of an export name the system and its file, and what that system does with a
 * step whose prerequisite failed: the notes are read by the file's author, in the system's words.
 */
export interface ExportTarget {
  /** What the notes call the file: 'the workflow', 'the DAG'. */
  file: string;
  /** What the system does with a step whose prerequisite failed, and so what the file does, as its docs say it. */
  afterFailure: string;
  /** Why a run that stops at the first failure cannot be written, when the system has no such setting; else the note only says it is left out. */
  noAbort?: string;
  /** When the system has a near setting: how the file writes a run that stops at the first failure, and how that differs (the note's words after 'On failure “abort” (…)'). */
  abortAs?: string;
}

export const GITHUB_TARGET: ExportTarget = {
  file: 'the workflow',
  afterFailure: 'GitHub Actions skips a job when a job it needs has failed, so the workflow skips those jobs instead',
  noAbort: 'GitHub Actions has no such setting for jobs (its fail-fast applies to the jobs of one matrix)',
};
export const ARGO_TARGET: ExportTarget = {
  file: 'the workflow',
  afterFailure: 'Argo does not run a task whose depends is not met, as when a task it depends on failed (the task is Omitted), so the workflow does not run those tasks',
  // Argo's field docs (DAGTemplate.failFast) and workflow/controller/dag.go assessDAGPhase.
  abortAs:
    "is written as Argo's failFast, which is on by default: Argo stops scheduling new tasks once a failure that no task handles has reached the end of its branch (its dependents Omitted), while Ripple cancels the steps not yet started as soon as any step fails",
};
export const AIRFLOW_TARGET: ExportTarget = {
  file: 'the DAG',
  afterFailure: 'Airflow does not run a task whose upstream task failed (under the default trigger rule all_success it ends upstream_failed), so the DAG does not run those tasks',
};

/**
 * The parts of a scenario no orchestrator file can carry, one note each, in plain words (Ripple's
 * own policies: R6 fail-fast guard off, R8 `onFailure: abort`, R11/R17 saga compensation, R18
 * groups, and `produces`/`consumes` data checks). An exported file runs as
 * `orchestratorCore(scenario)` does in Ripple, except an Argo file for `onFailure: abort`, which
 * keeps Argo's failFast on (`ExportTarget.abortAs`).
 *
 * @example
 * rippleOnlyWarnings({ …, policy: { compensation: 'saga' } }, GITHUB_TARGET)
 * // → ['Compensation "saga" (undo the steps that succeeded after a later one fails) is a Ripple setting: the workflow leaves it out and has no undo steps']
 */
export function rippleOnlyWarnings(scenario: Scenario, target: ExportTarget): string[] {
  const out: string[] = [];
  const policy = scenario.policy ?? {};
  if (policy.failFast === false) out.push(`The fail-fast guard is off (a step still runs when a step it depends on has failed), which is a Ripple setting: ${target.afterFailure}`);
  if (policy.onFailure === 'abort') {
    const how = target.abortAs ?? `is a Ripple setting: ${target.noAbort ? `${target.noAbort}, so ${target.file} leaves it out` : `${target.file} leaves it out`}`;
    out.push(`On failure “abort” (cancel every step not yet started once one fails) ${how}`);
  }
  if (policy.compensation === 'saga') out.push(`Compensation "saga" (undo the steps that succeeded after a later one fails) is a Ripple setting: ${target.file} leaves it out and has no undo steps`);
  if ((scenario.groups ?? []).length > 0) out.push(`Atomic groups (steps that succeed or fail all together) are a Ripple setting: ${target.file} leaves them out`);
  if (scenario.steps.some((s) => (s.produces ?? []).length > 0 || (s.consumes ?? []).length > 0)) out.push(`"Produces" and "Consumes" (the data a step hands to the steps after it) are Ripple settings: ${target.file} leaves them out`);
  return out;
}

/** The per-step flags that each say one orchestrator's rule (Step docs in src/scenario/types.ts), as that system writes them. */
const FLAG_WORDS = {
  continueOnError: 'continue-on-error (GitHub Actions)',
  continueOnFailed: 'continueOn.failed (Argo)',
  catch: 'Catch (Step Functions)',
  failState: 'a Fail state (Step Functions)',
} as const;
export type DialectFlag = keyof typeof FLAG_WORDS;

/**
 * One warning per flag of another orchestrator that the target file cannot carry (`kept` are
 * the flags it writes), naming the steps that have it.
 *
 * @example
 * foreignFlagWarnings(argoImport, ['continueOnError']) // → ['continueOn.failed (Argo) of B, E is not written: the file has no such setting']
 */
export function foreignFlagWarnings(scenario: Scenario, kept: readonly DialectFlag[]): string[] {
  const out: string[] = [];
  for (const flag of Object.keys(FLAG_WORDS) as DialectFlag[]) {
    if (kept.includes(flag)) continue;
    const steps = scenario.steps.filter((s) => s[flag] === true).map((s) => s.id);
    if (steps.length > 0) out.push(`${FLAG_WORDS[flag]} of ${steps.join(', ')} is not written: the file has no such setting`);
  }
  return out;
}

/** The scenario without the parts `rippleOnlyWarnings` names: what an exported file means. */
export function orchestratorCore(scenario: Scenario): Scenario {
  const { groups: _groups, ...rest } = scenario;
  const policy = { ...(scenario.policy ?? {}) };
  delete policy.failFast;
  delete policy.onFailure;
  delete policy.compensation;
  return {
    ...rest,
    policy,
    steps: scenario.steps.map((s) => {
      const { produces: _p, consumes: _c, ...step } = s;
      return step;
    }),
  };
}
