// Import a GitHub Actions workflow (YAML) as a scenario (issue #11).
//
//   jobs.<id>          → a step with the job's id (its `name` as the label)
//   jobs.<id>.needs    → dependencies
//   jobs.<id>.if       → the step's `if` as written (exact: the app, the worker and the CLI
//                        compile it, scenario-conditions.ts), and as the approximation over the
//                        needs a `when`, or `on: always` edges when it is true whatever they did
//                        (a finally step, R15); evaluated with GitHub's own @actions/expressions,
//                        see github-if.ts for the documented rules. A job without `if:` behind
//                        one that has one gets `if: success()` (its implicit one sees every ancestor)
//   context values     → the scenario's `context` (those that differ from GITHUB_CONTEXT_DEFAULTS)
//   timeout-minutes    → timeoutMs (GitHub's default, 360 minutes, is left out)
//   strategy.matrix    → one step; its legs are listed in the label and warned about
//   continue-on-error  → kept for the dialect view (the workflow does not fail for it), warned
//
// The file is read by GitHub's @actions/workflow-parser (parseWorkflow, then
// convertWorkflowTemplate, which adds the implicit `success() &&`), after the YAML reader of
// this folder has refused bombs. Contexts the simulation cannot know come from `context`
// (`--context github.ref=refs/tags/v1`) over GITHUB_CONTEXT_DEFAULTS; a workflow_dispatch
// input defaults to its declared `default`.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import type { Dependency, Problem, Scenario, Step } from '../types.ts';
import { SCENARIO_VERSION } from '../types.ts';
import { MAX_DURATION_MS } from '../limits.ts';
import { LIMITS } from '../validate.ts';
import { describe, joinPath, quote } from '../text.ts';
import type { DialectCondition } from '../../engine/dialect-conditions.ts';
import { assignIds, finishImport, problemAt, refuse, refuseCounts, refuseSize, truncate, type DialectImport } from './common.ts';
import { compileIf, GITHUB_CONTEXT_DEFAULTS, MAX_ENUMERATED_NEEDS, tableToWhen } from './github-if.ts';
import { readYaml } from './yaml-text.ts';
import { pythonExit, shellExit } from './script-exit.ts';
import { CONTEXT_LIMITS, contextKeyProblem, contextValueProblem } from './github-context.ts';

export interface GithubImportOptions {
  /** Context values (`github.ref` → `refs/tags/v1`, `inputs.dry_run` → `true`) over the defaults. */
  context?: ReadonlyMap<string, string> | Record<string, string>;
  /** Name of the file, for the title and GitHub's parser. */
  fileName?: string;
}

/** What only the GitHub dialect needs besides the scenario. */
export interface GithubExtras {
  /** The exact conditions (ancestor-aware) for an engine that calls `decideByDialect`. */
  conditions: Map<string, DialectCondition>;
  /** Each job's `if:` as written (with the implicit `success()` when it had none), by step id. */
  ifs: Map<string, string>;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Job keys that change how a run goes but are not simulated; each is warned at its path. */
const NOT_SIMULATED: Record<string, string> = {
  environment: 'environment protection rules (required reviewers, wait timers) are not simulated',
  concurrency: 'concurrency groups are not simulated',
  services: 'service containers are not simulated',
  // https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idwith
  with: 'the inputs given to the reusable workflow are not kept: an exported file calls it without them',
  // …#jobsjob_idsecrets
  secrets: 'the secrets passed to the reusable workflow are not kept: an exported file calls it without them',
};

/**
 * Reads a workflow file. Never throws; resolves to the import (with `extras` for the dialect
 * view and an exact engine) or every problem found.
 *
 * @example
 * await importGithubActions('on: push\njobs:\n  build: {runs-on: x, steps: [{run: make}]}\n  deploy: {needs: build, runs-on: x, steps: [{run: ship}]}')
 * // → { ok: true, scenario: { dialect: 'github-actions', steps: [{id:'build'},{id:'deploy'}],
 * //     dependencies: [{from:'build', to:'deploy'}] }, warnings: [], extras: {…} }
 */
export async function importGithubActions(text: string, options: GithubImportOptions = {}): Promise<DialectImport & { extras?: GithubExtras }> {
  try {
    return await importWorkflow(text, options);
  } catch (error) {
    return refuse('github-actions', `Internal error while importing the workflow: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function importWorkflow(text: string, options: GithubImportOptions): Promise<DialectImport & { extras?: GithubExtras }> {
  const F = 'github-actions';
  const tooBig = refuseSize(F, text, 'workflow file');
  if (tooBig) return tooBig;
  const yaml = readYaml(text, 'workflow file');
  if (!yaml.ok) return refuse(F, yaml.message, yaml.problems);
  const raw = yaml.value;
  if (!isObj(raw) || !isObj(raw.jobs)) {
    return refuse(F, `This is not a GitHub Actions workflow: expected a "jobs:" mapping, got ${describe(isObj(raw) ? raw.jobs : raw)}.`, [
      problemAt('missing-field', 'jobs', 'missing (expected a mapping of job ids to jobs)'),
    ]);
  }
  const rawJobs = raw.jobs;
  const jobIds = Object.keys(rawJobs);
  let needCount = 0;
  for (const id of jobIds) {
    const j = rawJobs[id];
    if (isObj(j)) needCount += Array.isArray(j.needs) ? j.needs.length : j.needs === undefined ? 0 : 1;
  }
  const counts = refuseCounts(F, jobIds.length, needCount, { steps: 'jobs', path: 'jobs' });
  if (counts) return counts;

  const name = options.fileName ?? 'workflow.yml';
  const parsed = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors();
  if (parseErrors.length > 0 || !parsed.value) {
    const problems = parseErrors.slice(0, 50).map((e) => problemAt('wrong-type', '', e.message));
    return refuse(F, `GitHub's workflow parser refuses this file: ${problems[0]?.message ?? 'no workflow found'}`, problems);
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const converted = template.errors ?? [];
  if (converted.length > 0) {
    const problems = converted.slice(0, 50).map((e) => problemAt(/cycle|circular/i.test(e.Message) ? 'cycle' : 'wrong-type', 'jobs', e.Message));
    return refuse(F, `GitHub's workflow parser refuses this file: ${problems[0].message}`, problems);
  }

  const warnings: Problem[] = [];
  const values = contextValues(raw, options.context);
  const ids = assignIds(jobIds, (i) => joinPath('jobs', jobIds[i]), warnings);
  const idOf = new Map(jobIds.map((j, i) => [j, ids[i]]));
  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  const depSource: string[] = [];
  const conditions = new Map<string, DialectCondition>();
  const ifs = new Map<string, string>();
  const reads = new Set<string>();
  // A job without `if:` behind one that has one may see a need succeed after an earlier failure:
  // its implicit success() then needs every ancestor, so it carries `if: success()` too.
  const anyIf = jobIds.some((id) => isObj(rawJobs[id]) && (rawJobs[id] as Raw).if !== undefined);

  for (const job of template.jobs) {
    const jobId = job.id.value;
    const path = joinPath('jobs', jobId);
    const r = isObj(rawJobs[jobId]) ? (rawJobs[jobId] as Raw) : {};
    const stepId = idOf.get(jobId) ?? jobId;
    const step: Step = { id: stepId };
    const label = labelOf(jobId, r, path, warnings);
    if (label !== stepId) step.label = label;
    step.request = truncate(typeof r.uses === 'string' ? `uses ${r.uses}` : `runs-on ${describeRunsOn(r['runs-on'])}`, LIMITS.request.max);
    readTimeout(r, path, step, warnings);
    readAlwaysFails(r, raw, path, step, warnings);
    if (r['continue-on-error'] === true) {
      step.continueOnError = true;
      warnings.push(
        problemAt('not-simulated', joinPath(path, 'continue-on-error'), 'the job can fail without failing the workflow: kept as the step\'s `continueOnError`, the dialect view concludes without it; dependents see its result as GitHub reports it'),
      );
    } else if (r['continue-on-error'] !== undefined && r['continue-on-error'] !== false) {
      warnings.push(problemAt('not-simulated', joinPath(path, 'continue-on-error'), `an expression (${describe(r['continue-on-error'])}) is not evaluated; treated as false`));
    }
    for (const key of Object.keys(NOT_SIMULATED)) if (r[key] !== undefined) warnings.push(problemAt('not-simulated', joinPath(path, key), NOT_SIMULATED[key]));

    const needs = (job.needs ?? []).map((n) => n.value);
    needs.forEach((n, k) => {
      dependencies.push({ from: idOf.get(n) ?? n, to: stepId });
      depSource.push(Array.isArray(r.needs) ? `${joinPath(path, 'needs')}[${k}]` : joinPath(path, 'needs'));
    });

    const expr = job.if?.expression ?? 'success()';
    const compiled = compileIf(expr, values);
    if (!compiled.ok) {
      warnings.push(problemAt('not-simulated', joinPath(path, 'if'), `GitHub's expression parser refuses ${quote(expr, 80)} (${compiled.message}); the job runs as if it had no if`));
      steps.push(step);
      continue;
    }
    const needIds = needs.map((n) => idOf.get(n) ?? n);
    const condition = compiled.condition(needIds, reads);
    conditions.set(stepId, condition);
    ifs.set(stepId, job.if === undefined ? 'success() (implicit)' : `if: ${expr}`);
    // The `if:` as written (the converter's text when it is not a string: `if: true`).
    const written = r.if === undefined ? undefined : typeof r.if === 'string' ? r.if : expr;
    if (written !== undefined && written.length > CONTEXT_LIMITS.if.max) {
      warnings.push(problemAt('not-simulated', joinPath(path, 'if'), `the if is ${written.length} characters, longer than a scenario keeps (${CONTEXT_LIMITS.if.max}); a run of the scenario uses its \`when\``));
    } else if (written !== undefined) step.if = written;
    else if (anyIf && needs.length > 0) step.if = 'success()';
    if (needs.length === 0) {
      // A job without needs whose if is false is skipped at the run's start (the engine decides it then).
      steps.push(step);
      continue;
    }
    const table = tableToWhen(needIds, condition);
    const first = dependencies.length - needs.length;
    switch (table.kind) {
      case 'default':
        break;
      case 'always':
        for (let k = first; k < dependencies.length; k++) dependencies[k].on = 'always';
        break;
      case 'never': {
        step.when = `${needIds[0]}.Succeeded && !${needIds[0]}.Succeeded`;
        warnings.push(problemAt('not-simulated', joinPath(path, 'if'), `${quote(expr, 80)} is false whatever the needs do, with ${contextSummary(values)}: the job never runs`));
        break;
      }
      case 'when':
        step.when = table.when;
        break;
      case 'too-many':
        warnings.push(
          problemAt(
            'not-simulated',
            joinPath(path, 'if'),
            `the job has ${needs.length} needs; only conditions over at most ${MAX_ENUMERATED_NEEDS} are translated to \`when\`: it runs when every need succeeded`,
          ),
        );
        break;
    }
    if (table.kind !== 'default' && table.kind !== 'too-many' && compiled.usesStatus && hasGrandparents(needs, template.jobs)) {
      warnings.push(
        problemAt(
          'not-simulated',
          joinPath(path, 'if'),
          "success() and failure() look at every job upstream, not only the needs. Ripple runs the `if` itself, so its run is GitHub's; the step's `when` is a simpler rule over the needs alone (a need that succeeded after an earlier failure counts as success), which only a tool reading `when` without the `if` would use",
        ),
      );
    }
    steps.push(step);
  }

  for (const key of [...reads].sort()) {
    if (key.startsWith('needs.')) warnings.push(problemAt('not-simulated', 'jobs', `${key} is not simulated (job outputs are empty); comparisons with it are false`));
    else warnings.push(problemAt('not-simulated', 'jobs', `${key} is not known to the simulation; it is empty. Give it with --context ${key}=…`));
  }

  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: truncate(typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : `GitHub Actions workflow (${jobIds.length} jobs)`, LIMITS.title.max),
    description: truncate(`Imported from a GitHub Actions workflow with ${contextSummary(values)}. Mark the jobs that fail to see which are skipped.`, LIMITS.description.max),
    steps,
    dependencies,
    dialect: 'github-actions',
  };
  const context = scenarioContext(values, warnings);
  if (context) scenario.context = context;
  const pathOfStep = new Map(jobIds.map((j, i) => [ids[i], joinPath('jobs', j)]));
  const result = finishImport(
    F,
    scenario,
    warnings,
    (k) => depSource[k] ?? 'jobs',
    (id) => pathOfStep.get(id) ?? 'jobs',
  );
  return result.ok ? { ...result, extras: { conditions, ifs } } : result;
}

/** Context values: defaults, then workflow_dispatch input defaults, then the caller's. */
function contextValues(raw: Raw, given: GithubImportOptions['context']): Map<string, string> {
  const values = new Map<string, string>(Object.entries(GITHUB_CONTEXT_DEFAULTS));
  const on = raw.on ?? raw.true; // YAML 1.1 readers turn `on` into true; `yaml` 1.2 keeps it
  const dispatch = isObj(on) && isObj(on.workflow_dispatch) ? on.workflow_dispatch : null;
  if (dispatch && isObj(dispatch.inputs)) {
    for (const [k, v] of Object.entries(dispatch.inputs)) {
      if (isObj(v) && v.default !== undefined && (typeof v.default === 'string' || typeof v.default === 'number' || typeof v.default === 'boolean')) {
        values.set(`inputs.${k}`, String(v.default));
      }
    }
  }
  const entries = given instanceof Map ? [...given] : Object.entries(given ?? {});
  for (const [k, v] of entries) values.set(k, v);
  return values;
}

/** The values that differ from GitHub's defaults, as the scenario's `context`; a name or value the format cannot hold is warned and left out. */
function scenarioContext(values: ReadonlyMap<string, string>, warnings: Problem[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (GITHUB_CONTEXT_DEFAULTS[key] === value) continue;
    const problem = contextKeyProblem(key) ?? contextValueProblem(value);
    if (problem) warnings.push(problemAt('ignored', `context[${JSON.stringify(key)}]`, `not kept in the scenario: ${problem}`));
    else out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function contextSummary(values: ReadonlyMap<string, string>): string {
  return `github.event_name=${values.get('github.event_name')}, github.ref=${values.get('github.ref')}`;
}

function labelOf(jobId: string, r: Raw, path: string, warnings: Problem[]): string {
  let label = typeof r.name === 'string' && !r.name.includes('${{') ? r.name : jobId;
  const strategy = isObj(r.strategy) ? r.strategy : null;
  if (strategy && strategy.matrix !== undefined) {
    const m = strategy.matrix;
    if (isObj(m)) {
      const axes = Object.keys(m).filter((k) => k !== 'include' && k !== 'exclude');
      let legs = 1;
      const shown = axes.map((k) => {
        const vals = Array.isArray(m[k]) ? (m[k] as unknown[]) : [m[k]];
        legs *= vals.length;
        return `${k}: ${vals.map((v) => (typeof v === 'object' ? '…' : String(v))).join(', ')}`;
      });
      label = `${label} [${shown.join('; ')}]`;
      const extra = Array.isArray(m.include) || Array.isArray(m.exclude) ? ' (before include/exclude)' : '';
      const failFast = strategy['fail-fast'] === false ? 'fails if any leg fails (fail-fast off: the others finish)' : 'fails if any leg fails (fail-fast cancels the others)';
      warnings.push(problemAt('not-simulated', joinPath(joinPath(path, 'strategy'), 'matrix'), `${legs} matrix leg${legs === 1 ? '' : 's'}${extra} simulated as one step, which ${failFast}`));
    } else {
      label = `${label} [matrix from an expression]`;
      warnings.push(problemAt('not-simulated', joinPath(joinPath(path, 'strategy'), 'matrix'), `the matrix ${describe(m)} is computed at run time; simulated as one step`));
    }
  }
  return truncate(label);
}

function describeRunsOn(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(', ');
  return 'a runner';
}

/**
 * A job with a step that always exits non-zero fails (script-exit.ts): a step runs unless an
 * earlier one failed, and then the job has failed already. Only steps without `if` and without
 * `continue-on-error` count, in the `bash`/`sh` or `python` shells (the step's `shell`, else
 * `defaults.run.shell` of the job or the workflow; bash by default on Linux runners). Docs:
 * "Workflow syntax for GitHub Actions", jobs.<job_id>.steps[*].run and .shell.
 */
function readAlwaysFails(r: Raw, workflow: Raw, path: string, step: Step, warnings: Problem[]): void {
  if (!Array.isArray(r.steps)) return;
  const defaultShell = (owner: Raw): unknown => (isObj(owner.defaults) && isObj(owner.defaults.run) ? owner.defaults.run.shell : undefined);
  const fallback = defaultShell(r) ?? defaultShell(workflow) ?? 'bash';
  for (const [k, s] of r.steps.entries()) {
    if (!isObj(s) || typeof s.run !== 'string' || s.if !== undefined || (s['continue-on-error'] !== undefined && s['continue-on-error'] !== false)) continue;
    const shell = s.shell ?? fallback;
    if (typeof shell !== 'string') continue;
    const python = /^python\b/.test(shell);
    const code = python ? pythonExit(s.run) : /^(?:bash|sh)\b/.test(shell) ? shellExit(s.run) : null;
    if (code === null) continue;
    const text = python ? `sys.exit(${code})` : `exit ${code}`;
    step.fail = { status: 500, message: truncate(`steps[${k}]: ${text}`, LIMITS.message.max) };
    warnings.push(problemAt('not-simulated', joinPath(`${joinPath(path, 'steps')}[${k}]`, 'run'), `the step runs ${quote(text)} whatever happens, so the job fails: imported as failing`));
    return;
  }
}

function readTimeout(r: Raw, path: string, step: Step, warnings: Problem[]): void {
  const t = r['timeout-minutes'];
  if (t === undefined) return;
  const at = joinPath(path, 'timeout-minutes');
  if (typeof t !== 'number' || !(t > 0)) {
    warnings.push(problemAt('not-simulated', at, `${describe(t)} is not a number of minutes Ripple can use; GitHub's default (360 minutes) applies`));
    return;
  }
  const ms = Math.round(t * 60_000);
  if (ms > MAX_DURATION_MS) {
    step.timeoutMs = MAX_DURATION_MS;
    warnings.push(problemAt('shortened', at, `${t} minutes is longer than Ripple's longest timeout (${MAX_DURATION_MS / 60_000} minutes); shortened to it`));
  } else step.timeoutMs = ms;
}

/** Whether any need has needs of its own (then ancestor-wide status functions may differ from `when`). */
function hasGrandparents(needs: readonly string[], jobs: ReadonlyArray<{ id: { value: string }; needs?: { value: string }[] }>): boolean {
  const byId = new Map(jobs.map((j) => [j.id.value, j]));
  return needs.some((n) => (byId.get(n)?.needs?.length ?? 0) > 0);
}
