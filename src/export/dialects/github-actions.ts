// Export a scenario as a GitHub Actions workflow skeleton (issue #11): each step a job, its
// prerequisites `needs`, its condition an `if:` over `needs.<id>.result`. Steps that fail in the
// scenario run `exit 1`. GitHub reports a job skipped after a failed need (Ripple's blocked) and
// a job skipped by its own `if` (Ripple's skipped) both as `skipped`; the two are told apart
// with `failure()`, which is exact when no job runs after an earlier failure it did not see.
import { stringify } from 'yaml';
import { simulate } from '../../engine/index.ts';
import type { StepState } from '../../engine/types.ts';
import type { WhenNode } from '../../scenario/when.ts';
import type { Scenario, Step } from '../../scenario/types.ts';
import { contextKeysRead, githubContextValues } from '../../scenario/dialects/github-context.ts';
import { compileScenarioConditions } from '../../scenario/dialects/scenario-conditions.ts';
import { shellWord } from '../literals.ts';
import { conditionOf, foreignFlagWarnings, rippleOnlyWarnings, GITHUB_TARGET, type DialectExport } from './common.ts';

const JOB_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * @example
 * exportGithubActions(paymentFails) // → { ok: true, text: 'name: …\non: workflow_dispatch\njobs:\n  create-order: …', warnings: [] }
 */
export function exportGithubActions(scenario: Scenario): DialectExport {
  const warnings: string[] = [...rippleOnlyWarnings(scenario, GITHUB_TARGET), ...foreignFlagWarnings(scenario, ['continueOnError'])];
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
  const kept = renamedAny ? [] : scenario.steps.filter((s) => s.if !== undefined);
  const values = githubContextValues(scenario.context);
  const inputs = dispatchInputs(kept, values);
  if (scenario.context !== undefined) {
    // An input the file declares carries Ripple's value as its default; the rest of the context is the event's.
    const left = Object.entries(scenario.context).filter(([k]) => !inputs.has(inputKey(k) ?? ''));
    if (left.length > 0) warnings.push(`the context (${left.map(([k, v]) => `${k} = ${v}`).join(', ')}) is what the triggering event sets, not the workflow file: left out of the file`);
  }
  const declared = [...inputs];
  if (declared.length > 0) {
    warnings.push(
      `on: workflow_dispatch declares the inputs the if:s read, with the values Ripple read as defaults: ${declared.map(([name, i]) => `${name} (${i.type}${i.default === undefined ? ', no default' : `, default ${String(i.default)}`})`).join(', ')}`,
    );
  }
  if (renamedAny && scenario.steps.some((s) => s.if !== undefined)) warnings.push('some jobs were renamed, so no imported if: is kept (it may name an old job id): each job\'s if: is written from its conditions on the jobs it needs');
  const runs = kept.some((s) => contextKeysRead({ steps: [s] }).length > 0) ? compareRuns(scenario) : null;
  const jobs: Record<string, unknown> = {};
  for (const step of scenario.steps) {
    const job: Record<string, unknown> = {};
    if (step.label !== undefined && step.label !== step.id) job.name = plainText(step.label, `${step.id}'s name`, warnings);
    const c = conditionOf(scenario, step);
    if (c.kind !== 'none') job.needs = c.prerequisites.length === 1 ? c.prerequisites[0] : c.prerequisites;
    if (step.if !== undefined && !renamedAny) {
      job.if = step.if;
      const read = contextKeysRead({ steps: [step] });
      if (read.length > 0) warnings.push(runByHandWarning(step.id, read, values, runs, inputs));
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
  // Object.fromEntries defines each name as an own property, even `__proto__`.
  const on = declared.length > 0 ? { workflow_dispatch: { inputs: Object.fromEntries(declared) } } : 'workflow_dispatch';
  const doc = { name: plainText(scenario.title, 'the title', warnings), on, jobs };
  return { ok: true, text: `# Exported from Ripple\n${stringify(doc, { lineWidth: 0 })}`, warnings };
}

/**
 * A workflow_dispatch input as the file declares it: `type` and `default` (docs: "Workflow syntax
 * for GitHub Actions" › on.workflow_dispatch.inputs; types boolean, choice, number, environment,
 * string). The `inputs` context keeps a boolean input a boolean ("Contexts reference" › inputs),
 * as Ripple reads `true`/`false`; a string input without default is empty.
 */
export type DispatchInput = { type: 'boolean'; default: boolean } | { type: 'number'; default: number } | { type: 'string'; default?: string };

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * The input for the value Ripple read (`undefined`: none). `true`/`false` are booleans, as the
 * engine reads them (github-if.ts); a number written as JavaScript writes it back is a number;
 * anything else a string.
 *
 * @example
 * dispatchInput('false') // → { type: 'boolean', default: false }
 * dispatchInput('3')     // → { type: 'number', default: 3 }
 * dispatchInput('03')    // → { type: 'string', default: '03' }
 */
export function dispatchInput(value: string | undefined): DispatchInput {
  if (value === undefined) return { type: 'string' };
  if (value === 'true' || value === 'false') return { type: 'boolean', default: value === 'true' };
  if (NUMBER.test(value) && String(Number(value)) === value) return { type: 'number', default: Number(value) };
  return { type: 'string', default: value };
}

/** `dry_run` for `inputs.dry_run`; null for any other name (and for `inputs.a.b`, a property of an input). */
function inputKey(key: string): string | null {
  const parts = key.split('.');
  return parts.length === 2 && parts[0].toLowerCase() === 'inputs' ? parts[1] : null;
}

/** The inputs the kept `if:`s read, each with the value Ripple read as its default, by name in order. */
function dispatchInputs(kept: Step[], values: ReadonlyMap<string, string>): Map<string, DispatchInput> {
  const inputs = new Map<string, DispatchInput>();
  for (const key of contextKeysRead({ steps: kept })) {
    const name = inputKey(key);
    if (name !== null && !inputs.has(name)) inputs.set(name, dispatchInput(values.get(key)));
  }
  return inputs;
}

/** Ripple's run of the scenario, and the same run with the value GitHub gives the exported file's runs: github.event_name = workflow_dispatch. */
type Runs = { ripple: Readonly<Record<string, { state: StepState }>>; github: Readonly<Record<string, { state: StepState }>>; readBy: (id: string) => string[] };

/** Null when an `if:` does not compile (GitHub's parser refuses it): there is no run to name. */
function compareRuns(scenario: Scenario): Runs | null {
  const ripple = runOf(scenario);
  const github = runOf({ ...scenario, context: { ...scenario.context, 'github.event_name': 'workflow_dispatch' } });
  if (ripple === null || github === null) return null;
  const needs = new Map<string, string[]>();
  for (const d of scenario.dependencies) {
    const list = needs.get(d.to);
    if (list) list.push(d.from);
    else needs.set(d.to, [d.from]);
  }
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  // The context a job's outcome depends on: what its own if: reads and what its ancestors' do.
  const readBy = (id: string): string[] => {
    const seen = new Set<string>([id]);
    const todo = [id];
    for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
      for (const n of needs.get(next) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        todo.push(n);
      }
    }
    return contextKeysRead({ steps: [...seen].flatMap((s) => byId.get(s) ?? []) });
  };
  return { ripple, github, readBy };
}

function runOf(scenario: Scenario): Record<string, { state: StepState }> | null {
  const compiled = compileScenarioConditions(scenario);
  return compiled.ok ? simulate(scenario, { ...compiled.options, lint: false }).steps : null;
}

/** What a job did, as GitHub says it: a job that ran (and failed, or was rolled back after) ran. */
function outcome(state: StepState, tense: 'past' | 'present'): string {
  const past = tense === 'past';
  switch (state) {
    case 'succeeded':
    case 'failed':
    case 'compensated':
    case 'compensation-failed':
    case 'rolled-back':
      return past ? 'ran' : 'runs';
    case 'skipped':
      return past ? 'was skipped' : 'is skipped';
    case 'blocked':
      return past ? 'was skipped after a need failed' : 'is skipped after a need fails';
    case 'cancelled':
      return past ? 'was cancelled' : 'is cancelled';
  }
}

const REF_KEYS = new Set(['github.ref', 'github.ref_name', 'github.ref_type', 'github.sha']);
const BY_HAND = 'on GitHub this file starts by hand (workflow_dispatch)';

/**
 * The note for an `if:` kept as written that reads the run's context (`github.event_name`,
 * `github.ref`, `inputs.*`…; the names are `contextKeysRead`'s, Ripple's values
 * `githubContextValues`'). Says whether the job ran in Ripple's run (the engine's, with the
 * scenario's values) and what decides it on GitHub, where the exported file starts only on
 * workflow_dispatch: github.event_name is then `workflow_dispatch` and the inputs have the
 * declared defaults unless changed, so when the job and its ancestors read nothing else the
 * engine's run with those values says what GitHub does; the branch or tag (`github.ref`) and the
 * rest are chosen when the run starts.
 * Docs: "Contexts reference" › github context and inputs context; "Events that trigger
 * workflows" › workflow_dispatch.
 *
 * @example
 * // smoke: if: ${{ github.event_name == 'workflow_dispatch' }}, scenario with the default push
 * // → "smoke's if: reads github.event_name. In Ripple's run smoke was skipped (github.event_name = push); on GitHub this file starts by hand (workflow_dispatch), so github.event_name = workflow_dispatch; there smoke runs"
 */
function runByHandWarning(id: string, read: readonly string[], values: ReadonlyMap<string, string>, runs: Runs | null, inputs: ReadonlyMap<string, DispatchInput>): string {
  const used = read.map((path) => (values.has(path) ? `${path} = ${values.get(path)}` : `${path} empty`));
  const head = `${id}'s if: reads ${read.join(', ')}`;
  if (runs === null) return `${head}. Ripple read ${used.join(', ')}; ${BY_HAND}, and whether ${id} runs depends on the values that run starts with`;
  const ripple = `In Ripple's run ${id} ${outcome(runs.ripple[id].state, 'past')} (${used.join(', ')})`;
  const reads = runs.readBy(id);
  const inputsRead = reads.filter((k) => inputKey(k) !== null);
  const open = reads.filter((k) => k.toLowerCase() !== 'github.event_name' && !(inputKey(k) !== null && inputs.get(inputKey(k) as string)?.type !== 'number'));
  if (open.length === 0) {
    const event = reads.some((k) => k.toLowerCase() === 'github.event_name') ? ', so github.event_name = workflow_dispatch' : '';
    const where = inputsRead.length > 0 ? "started there with the inputs' defaults," : 'there';
    return `${head}. ${ripple}; ${BY_HAND}${event}; ${where} ${id} ${outcome(runs.github[id].state, 'present')}`;
  }
  const parts: string[] = [];
  const refs = open.filter((k) => REF_KEYS.has(k.toLowerCase()));
  if (refs.length > 0) parts.push(`the branch or tag it is started on (${refs.join(', ')})`);
  const others = open.filter((k) => !REF_KEYS.has(k.toLowerCase()) && inputKey(k) === null);
  if (others.length > 0) parts.push(`${others.join(', ')} as GitHub sets ${others.length === 1 ? 'it' : 'them'} for that run`);
  if (inputsRead.length > 0) {
    const given = inputsRead.map((k) => {
      const input = inputs.get(inputKey(k) as string);
      return input?.default === undefined ? `${k}, no default` : `${k}, default ${String(input.default)}`;
    });
    parts.push(`the inputs given (${given.join('; ')})`);
  }
  return `${head}. ${ripple}; ${BY_HAND}, and whether ${id} runs depends on ${parts.join(' and ')}`;
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
