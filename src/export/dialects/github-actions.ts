// Export a scenario as a GitHub Actions workflow skeleton (issue #11): each step a job, its
// prerequisites `needs`, its condition an `if:` over `needs.<id>.result`. Steps that fail in the
// scenario run `exit 1`. GitHub reports a job skipped after a failed need (Ripple's blocked) and
// a job skipped by its own `if` (Ripple's skipped) both as `skipped`; the two are told apart
// with `failure()`, which is exact when no job runs after an earlier failure it did not see.
import { stringify } from 'yaml';
import type { WhenNode } from '../../scenario/when.ts';
import type { Scenario, Step } from '../../scenario/types.ts';
import { contextKeysRead, githubContextValues } from '../../scenario/dialects/github-context.ts';
import { shellWord } from '../literals.ts';
import { conditionOf, foreignFlagWarnings, rippleOnlyWarnings, type DialectExport } from './common.ts';

const JOB_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * @example
 * exportGithubActions(paymentFails) // → { ok: true, text: 'name: …\non: workflow_dispatch\njobs:\n  create-order: …', warnings: [] }
 */
export function exportGithubActions(scenario: Scenario): DialectExport {
  const warnings: string[] = [...rippleOnlyWarnings(scenario), ...foreignFlagWarnings(scenario, ['continueOnError'])];
  // GitHub job ids start with a letter or _ and hold letters, digits, - and _ only.
  const jobId = new Map<string, string>();
  const taken = new Set(scenario.steps.map((s) => s.id).filter((id) => JOB_ID.test(id)));
  for (const s of scenario.steps) {
    if (JOB_ID.test(s.id)) {
      jobId.set(s.id, s.id);
      continue;
    }
    let id = `_${s.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    while (taken.has(id)) id = `${id}_`;
    taken.add(id);
    jobId.set(s.id, id);
    warnings.push(`${s.id} is not a GitHub job id; the job is called ${id}`);
  }
  const renamed: Scenario = {
    ...scenario,
    steps: scenario.steps.map((s) => ({ ...s, id: jobId.get(s.id) as string, ...(jobId.get(s.id) !== s.id && s.label === undefined ? { label: s.id } : {}) })),
    dependencies: scenario.dependencies.map((d) => ({ ...d, from: jobId.get(d.from) as string, to: jobId.get(d.to) as string })),
  };
  return write2(renamed, warnings, [...jobId].some(([from, to]) => from !== to));
}

/**
 * The jobs. A step that came from a GitHub job keeps its own `if:` as written (it decides over
 * every ancestor, as GitHub's status functions do) and its `continue-on-error`, unless a job was
 * renamed, as the `if` may name the old id; the other steps get an `if:` written from their `when`.
 */
function write2(scenario: Scenario, warnings: string[], renamedAny: boolean): DialectExport {
  if (scenario.context !== undefined) {
    warnings.push(`the context (${Object.entries(scenario.context).map(([k, v]) => `${k} = ${v}`).join(', ')}) is what the triggering event sets, not the workflow file: left out`);
  }
  if (renamedAny && scenario.steps.some((s) => s.if !== undefined)) warnings.push('jobs were renamed, so the if: of each job is written from its when (the approximation over its needs)');
  const jobs: Record<string, unknown> = {};
  for (const step of scenario.steps) {
    const job: Record<string, unknown> = {};
    if (step.label !== undefined && step.label !== step.id) job.name = plainText(step.label, `${step.id}'s name`, warnings);
    const c = conditionOf(scenario, step);
    if (c.kind !== 'none') job.needs = c.prerequisites.length === 1 ? c.prerequisites[0] : c.prerequisites;
    if (step.if !== undefined && !renamedAny) {
      job.if = step.if;
      const read = contextKeysRead({ steps: [step] });
      if (read.length > 0) warnings.push(runByHandWarning(step.id, read, githubContextValues(scenario.context)));
    } else switch (c.kind) {
      case 'none':
      case 'default':
        break;
      case 'always':
        job.if = '${{ always() }}';
        break;
      case 'tree':
        job.if = `\${{ always() && (${write(c.tree, 0)}) }}`;
        break;
    }
    const source = jobSource(step);
    if (source.kind === 'uses') {
      // A job that calls a reusable workflow has no steps, runner, timeout or continue-on-error.
      job.uses = source.uses;
      // Docs: jobs.<job_id>.with and jobs.<job_id>.secrets. The import keeps neither, so the call
      // is written bare; a workflow with required inputs or secrets refuses it until they are added.
      warnings.push(`${step.id} calls ${source.uses} without with: or secrets: add the inputs and secrets it needs`);
      for (const [set, name] of [[step.fail !== undefined, 'its failure in Ripple'], [step.timeoutMs !== undefined, 'timeout-minutes'], [step.continueOnError === true, 'continue-on-error']] as const) {
        if (set) warnings.push(`${step.id} calls a reusable workflow (${source.uses}), which cannot say ${name}: left out`);
      }
      jobs[step.id] = job;
      continue;
    }
    if (source.lost) warnings.push(source.lost);
    job['runs-on'] = source.runsOn;
    if (step.timeoutMs !== undefined) job['timeout-minutes'] = Math.max(1, Math.ceil(step.timeoutMs / 60_000));
    if (step.continueOnError) job['continue-on-error'] = true;
    job.steps = [{ run: step.fail ? `exit 1 # fails in Ripple with ${step.fail.status ?? 504}` : `echo ${runText(source.says)}` }];
    jobs[step.id] = job;
  }
  if (scenario.steps.some((s) => (s.retry?.maxAttempts ?? 1) > 1)) warnings.push('GitHub has no job retries: retry settings are left out');
  // A scenario does not keep an imported workflow's triggers: the file is run by hand (Actions tab, "Run workflow").
  const imported = scenario.steps.some((s) => REUSABLE.test(s.request ?? '') || RUNNER.test(s.request ?? ''));
  if (imported) warnings.push('the workflow runs on workflow_dispatch (started by hand); the original on: triggers are not kept');
  const doc = { name: plainText(scenario.title, 'the title', warnings), on: 'workflow_dispatch', jobs };
  return { ok: true, text: `# Exported from Ripple\n${stringify(doc, { lineWidth: 0 })}`, warnings };
}

/**
 * An `if:` kept as written that reads the run's context (`github.event_name`, `github.ref`,
 * `inputs.*`…): GitHub sets those from the event that starts the run, and the exported file
 * starts on workflow_dispatch, so the job may run where Ripple's run skipped it, or the other
 * way round. Names the values Ripple read (the scenario's `context` over GitHub's defaults:
 * `githubContextValues`); the names read are `contextKeysRead`'s.
 * Docs: "Contexts reference" › github context; "Events that trigger workflows" › workflow_dispatch.
 */
function runByHandWarning(id: string, read: readonly string[], values: ReadonlyMap<string, string>): string {
  const used = read.map((path) => (values.has(path) ? `${path} = ${values.get(path)}` : `${path} empty`));
  return `${id}'s if: reads ${read.join(', ')}, which GitHub sets from the event that starts the run; this file is started by hand (workflow_dispatch), so the job may run where Ripple's run skipped it, or the other way round (Ripple read ${used.join(', ')})`;
}

/** Where a job runs; `lost` says why it no longer runs where the imported job did. */
type JobSource = { kind: 'runs-on'; runsOn: string | string[]; says: string; lost?: string } | { kind: 'uses'; uses: string };

const REUSABLE = /^uses (\S+)$/;
const RUNNER = /^runs-on (.+)$/;

/**
 * Where the job runs. A job imported from a workflow keeps what its `request` says of it (the
 * importer writes `runs-on <labels>` or `uses <workflow>`): its runner labels, or the reusable
 * workflow it calls. Anything else runs on `ubuntu-latest` and echoes the step's request.
 * Docs: "Workflow syntax for GitHub Actions", jobs.<job_id>.runs-on and jobs.<job_id>.uses.
 */
function jobSource(step: Step): JobSource {
  const request = step.request ?? '';
  const uses = REUSABLE.exec(request);
  if (uses) return { kind: 'uses', uses: uses[1] };
  const runner = RUNNER.exec(request);
  // "a runner" is what the importer says of a runs-on it could not read; an expression needs
  // the matrix or inputs it names, which the export does not write.
  if (runner && runner[1] !== 'a runner' && !runner[1].includes('${{')) {
    const labels = runner[1].split(', ');
    return { kind: 'runs-on', runsOn: labels.length === 1 ? labels[0] : labels, says: step.label ?? step.id };
  }
  const fallback: JobSource = { kind: 'runs-on', runsOn: 'ubuntu-latest', says: step.request ?? step.id };
  if (runner) fallback.lost = `${step.id} ran on ${runner[1]}, which needs the matrix or inputs the export does not write: it runs on ubuntu-latest`;
  return fallback;
}

/**
 * A name GitHub shows as written: the workflow's and a job's `name:` are evaluated, so a `${{`
 * in them would run an expression (or make the file invalid, naming an unknown context). It is
 * written `$ {{`, and said in the warnings. Docs: "Workflow syntax for GitHub Actions", name and
 * jobs.<job_id>.name ("can use expressions").
 */
function plainText(text: string, what: string, warnings: string[]): string {
  if (!text.includes('${{')) return text;
  warnings.push(`${what} holds \${{, which GitHub would evaluate as an expression: written $ {{`);
  return text.replaceAll('${{', () => '$ {{');
}

/**
 * `text` as one literal word of a `run:` script: shell-quoted, and with no `${{` left, since
 * GitHub replaces expressions in `run:` before the shell sees it (the "script injection" of
 * "Security hardening for GitHub Actions"). `'$''{{'` reads as `${{` in the shell.
 */
function runText(text: string): string {
  return shellWord(text).replaceAll('${{', () => "$''{{");
}

function write(n: WhenNode, parent: number): string {
  switch (n.kind) {
    case 'term': {
      const r = `needs.${n.step}.result`;
      switch (n.result) {
        case 'Succeeded':
          return `${r} == 'success'`;
        case 'Failed':
          return `${r} == 'failure'`;
        case 'Cancelled':
          return `${r} == 'cancelled'`;
        case 'Blocked':
          return `(${r} == 'skipped' && failure())`;
        case 'Skipped':
          return `(${r} == 'skipped' && !failure())`;
        case 'bare':
          return `(${r} == 'success' || (${r} == 'skipped' && !failure()))`;
      }
      break;
    }
    case 'not':
      return `!(${write(n.operand, 2)})`;
    case 'and': {
      const s = `${write(n.left, 1)} && ${write(n.right, 1)}`;
      return parent > 1 ? `(${s})` : s;
    }
    case 'or': {
      const s = `${write(n.left, 0)} || ${write(n.right, 0)}`;
      return parent > 0 ? `(${s})` : s;
    }
  }
  return '';
}
