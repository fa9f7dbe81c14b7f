// Import an Argo Workflows DAG (YAML: a Workflow, WorkflowTemplate or CronWorkflow) as a
// scenario (issue #11). Rules from argo-workflows docs/enhanced-depends-logic.md:
//
//   dag.tasks[i]             → a step named as the task
//   dependencies: [A, B]     → same as depends "A && B"
//   depends: "A && B.Failed" → `when` (R14); a bare `A` means A.Succeeded || A.Skipped ||
//                              A.Daemoned. Argo's `Omitted` (a task whose depends was false) is
//                              Ripple's blocked or skipped step; Argo's `when` is not simulated,
//                              so nothing is Skipped in Argo's sense and `X.Skipped` never holds
//   continueOn: {failed: true} → a failed X satisfies dependents' bare `X`, and does not fail
//                              the workflow (kept for the dialect view)
//   spec.onExit              → a finally step (R15): `on: always` edges from every DAG leaf
//   dag.failFast             → the scenario's onFailure (R8), see `failFastPolicy` below
import type { Dependency, Problem, Scenario, Step } from '../types.ts';
import { SCENARIO_VERSION } from '../types.ts';
import { LIMITS } from '../validate.ts';
import { describe, didYouMean, joinPath, quote, Suggester } from '../text.ts';
import { assignIds, finishImport, problemAt, refuse, refuseCounts, refuseSize, truncate, type DialectImport } from './common.ts';
import { readYaml } from './yaml-text.ts';
import { argoTemplateExit } from './script-exit.ts';

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ArgoExtras {
  /** The step made from `spec.onExit`, if any. */
  exitHandler?: string;
}

const ARGO_RESULTS = ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed'] as const;
type ArgoResult = (typeof ARGO_RESULTS)[number];

/**
 * Reads an Argo workflow's entrypoint DAG. Never throws.
 *
 * @example
 * importArgo(diamondYaml) // → { ok: true, scenario: { dialect: 'argo', steps: [A, B, C, D], … } }
 */
export function importArgo(text: string): DialectImport & { extras?: ArgoExtras } {
  try {
    return importDag(text);
  } catch (error) {
    return refuse('argo', `Internal error while importing the Argo workflow: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function importDag(text: string): DialectImport & { extras?: ArgoExtras } {
  const F = 'argo';
  const tooBig = refuseSize(F, text, 'Argo workflow');
  if (tooBig) return tooBig;
  const yaml = readYaml(text, 'Argo workflow');
  if (!yaml.ok) return refuse(F, yaml.message, yaml.problems);
  const doc = yaml.value;
  if (!isObj(doc) || !isObj(doc.spec)) return refuse(F, `This is not an Argo workflow: expected "spec:" with "templates:", got ${describe(isObj(doc) ? doc.spec : doc)}.`);
  const specPath = doc.kind === 'CronWorkflow' ? 'spec.workflowSpec' : 'spec';
  const spec = doc.kind === 'CronWorkflow' && isObj(doc.spec.workflowSpec) ? doc.spec.workflowSpec : doc.spec;
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  const entry = typeof spec.entrypoint === 'string' ? spec.entrypoint : undefined;
  const index = templates.findIndex((t) => isObj(t) && (entry === undefined ? isObj(t.dag) : t.name === entry));
  if (index < 0) {
    return refuse(F, entry ? `The entrypoint template ${quote(entry)} is not among ${specPath}.templates.` : `No DAG template found in ${specPath}.templates.`, [
      problemAt('missing-step', joinPath(specPath, 'entrypoint'), entry ? `no template ${quote(entry)}` : 'missing'),
    ]);
  }
  const tpl = templates[index] as Raw;
  const tplPath = `${specPath}.templates[${index}]`;
  if (!isObj(tpl.dag)) {
    const kind = isObj(tpl) && Array.isArray(tpl.steps) ? 'a steps template' : 'not a DAG template';
    return refuse(F, `The entrypoint ${quote(String(tpl.name))} is ${kind}; Ripple imports Argo DAG templates (dag.tasks).`, [problemAt('not-simulated', tplPath, `${kind}; only dag.tasks are imported`)]);
  }
  const tasks = Array.isArray(tpl.dag.tasks) ? tpl.dag.tasks : [];
  const tasksPath = `${tplPath}.dag.tasks`;
  const warnings: Problem[] = [];
  // The exit handler (spec.onExit) becomes one more step, so it counts against the limit only when there is one.
  const counts = refuseCounts(F, tasks.length + (typeof spec.onExit === 'string' ? 1 : 0), tasks.length * 4, { steps: 'tasks', path: tasksPath });
  if (counts) return counts;
  // The failFast note, made once the tasks are read, goes first: it is about the whole DAG.
  const failFastAt = warnings.length;

  const names: string[] = [];
  const problems: Problem[] = [];
  tasks.forEach((t, i) => {
    if (!isObj(t) || typeof t.name !== 'string' || t.name === '') problems.push(problemAt('missing-field', `${tasksPath}[${i}].name`, 'a task needs a name'));
    names.push(isObj(t) && typeof t.name === 'string' ? t.name : `task-${i + 1}`);
  });
  if (problems.length > 0) return refuse(F, `The DAG has ${problems.length} unnamed task${problems.length === 1 ? '' : 's'}.`, problems);
  const ids = assignIds(names, (i) => `${tasksPath}[${i}].name`, warnings);
  const idOf = new Map(names.map((n, i) => [n, ids[i]]));
  const continueOn = new Set<string>();
  tasks.forEach((t, i) => {
    const c = (t as Raw).continueOn;
    if (isObj(c) && (c.failed === true || c.error === true)) continueOn.add(names[i]);
  });

  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  const depSource: string[] = [];
  // A task that may run after a failure (failFastPolicy): continueOn, or a depends that is not all success terms.
  let handled = continueOn.size > 0;
  const suggester = new Suggester(names);
  const alwaysFails = failingTemplates(templates);
  tasks.forEach((raw, i) => {
    const t = raw as Raw;
    const path = `${tasksPath}[${i}]`;
    const step: Step = { id: ids[i] };
    if (continueOn.has(names[i])) step.continueOnFailed = true;
    if (ids[i] !== names[i]) step.label = truncate(names[i]);
    if (typeof t.template === 'string') step.request = truncate(`template ${t.template}`, LIMITS.request.max);
    else if (isObj(t.templateRef)) step.request = truncate(`templateRef ${String(t.templateRef.name)}/${String(t.templateRef.template)}`, LIMITS.request.max);
    const exit = typeof t.template === 'string' ? alwaysFails.get(t.template) : undefined;
    if (exit) {
      step.fail = { status: 500, message: truncate(`template ${String(t.template)}: ${exit.text}`, LIMITS.message.max) };
      warnings.push(problemAt('not-simulated', `${path}.template`, `template ${quote(String(t.template))} runs ${quote(exit.text)} whatever happens, so Argo marks the task Failed: imported as failing`));
    }
    for (const key of ['when', 'withItems', 'withParam', 'withSequence', 'onExit', 'hooks'] as const) {
      if (t[key] !== undefined) warnings.push(problemAt('not-simulated', joinPath(path, key), NOT_SIMULATED[key]));
    }
    if (isObj(t.continueOn) && t.continueOn.error === true && t.continueOn.failed !== true) {
      warnings.push(problemAt('not-simulated', `${path}.continueOn.error`, 'Ripple does not tell an Error from a Failure: continueOn.error is read as continueOn.failed'));
    }
    let expr: string | undefined;
    if (typeof t.depends === 'string') {
      expr = t.depends;
      if (t.dependencies !== undefined) warnings.push(problemAt('conflicting-fields', `${path}.dependencies`, 'Argo refuses a task with both depends and dependencies; depends is used'));
    } else if (Array.isArray(t.dependencies) && t.dependencies.length > 0) {
      expr = t.dependencies.map(String).join(' && ');
    }
    if (expr !== undefined) {
      const at = typeof t.depends === 'string' ? `${path}.depends` : `${path}.dependencies`;
      const translated = translateDepends(expr, names, at, suggester, continueOn, warnings, problems);
      if (translated) {
        if (translated.mayRunAfterFailure) handled = true;
        for (const p of translated.prerequisites) {
          dependencies.push({ from: idOf.get(p) as string, to: ids[i] });
          depSource.push(at);
        }
        step.when = translated.when(idOf);
      }
    }
    steps.push(step);
  });
  if (problems.length > 0) return refuse(F, `The DAG has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
  const failFast = failFastPolicy(tpl.dag.failFast, handled, `${tplPath}.dag.failFast`, typeof tpl.name === 'string' && tpl.name !== '' ? tpl.name : undefined);
  if (failFast.warning) warnings.splice(failFastAt, 0, failFast.warning);

  // A `when` that says exactly what plain success edges say is dropped for readability.
  for (const s of steps) {
    const prereqs = dependencies.filter((d) => d.to === s.id).map((d) => d.from);
    if (s.when !== undefined && s.when === prereqs.map((p) => `${p}.Succeeded`).join(' && ')) delete s.when;
  }

  let exitHandler: string | undefined;
  if (typeof spec.onExit === 'string') {
    const taken = new Set(ids);
    let id = 'onExit';
    for (let k = 2; taken.has(id); k++) id = `onExit-${k}`;
    exitHandler = id;
    const hasDependents = new Set(dependencies.map((d) => d.from));
    const leaves = steps.filter((s) => !hasDependents.has(s.id));
    steps.push({ id, label: truncate(`exit handler ${spec.onExit}`), request: truncate(`template ${spec.onExit}`, LIMITS.request.max) });
    for (const leaf of leaves) {
      dependencies.push({ from: leaf.id, to: id, on: 'always' });
      depSource.push(`${specPath}.onExit`);
    }
  }

  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const title = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName.replace(/-$/, '') : `Argo DAG ${String(tpl.name)}`;
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: truncate(title, LIMITS.title.max),
    description: "Imported from an Argo Workflows DAG: each task is a step, its depends a run condition. Mark the tasks that fail to see which are Omitted.",
    steps,
    dependencies,
    ...(failFast.abort ? { policy: { onFailure: 'abort' as const } } : {}),
    dialect: 'argo',
  };
  const pathOf = new Map(ids.map((id, i) => [id, `${tasksPath}[${i}]`]));
  const result = finishImport(F, scenario, warnings, (k) => depSource[k] ?? tasksPath, (id) => pathOf.get(id) ?? tasksPath);
  return result.ok ? { ...result, extras: { exitHandler } } : result;
}

/**
 * What the DAG's `failFast` means here. Argo's field docs: "stop scheduling new steps, as soon as
 * it detects that one of the DAG nodes is failed … The FailFast flag default is true; if set to
 * false, it will allow a DAG to run all branches of the DAG to completion". In the controller
 * (workflow/controller/dag.go, assessDAGPhase) the DAG fails early when a target (leaf) task's
 * branch phase is Failed or Error and that task has no continueOn for it: a failure counts once
 * it reaches a leaf through Omitted dependents, not when a dependent that runs on it handles it.
 *
 *   failFast: false      → Ripple's default onFailure "continue": every branch runs, as simulated.
 *   absent (on) or true  → when no task may run after a failure (`handled` false: no continueOn,
 *                          and every depends a conjunction of success terms, that is bare names,
 *                          .Succeeded, .Skipped, .Daemoned, joined by &&), every failure reaches a
 *                          leaf, so Argo stops scheduling at every failure: imported as onFailure
 *                          "abort" (R8), with a note on when each stops. Otherwise (a `||`, a `!`, a
 *                          .Failed/.Errored/.Omitted/.AllFailed/.AnySucceeded term or a continueOn
 *                          may let a task run after a failure) whether a failure reaches a leaf
 *                          depends on the run: kept "continue", with a note that Ripple does not
 *                          simulate it.
 */
function failFastPolicy(value: unknown, handled: boolean, path: string, dagName: string | undefined): { abort: boolean; warning?: Problem } {
  if (value === false) return { abort: false };
  // The note is about the whole DAG: it names the template, as the file does ("DAG “diamond”: …"),
  // so its first words are not a field path (tryout).
  const about = (p: Problem): Problem => (dagName === undefined ? p : { ...p, subject: { noun: 'DAG', name: dagName } });
  const said = value === true ? 'failFast is true' : value === undefined ? 'failFast is on by default' : `failFast ${quote(String(value))} is not true or false, so Argo's default holds: it is on`;
  if (!handled) {
    return {
      abort: true,
      warning: about(problemAt(
        'not-simulated',
        path,
        `Argo's ${said}: once a task fails, Argo schedules no new tasks. Imported as On failure “abort”: Ripple cancels the steps not yet started as soon as a step fails, where Argo stops once the failure has reached the end of its branch (its dependents Omitted). Write failFast: false to run every branch.`,
      )),
    };
  }
  return {
    abort: false,
    warning: about(problemAt(
      'not-simulated',
      path,
      `Argo's ${said}: Argo stops scheduling new tasks after a failure that no dependent handles (one that reaches the end of its branch through Omitted tasks). Ripple does not simulate this: every task whose depends holds runs, as with failFast: false.`,
    )),
  };
}

/**
 * The templates whose container or script always exits non-zero (script-exit.ts), by name, with
 * the command that says so. Nothing is run: only a plain `exit N` is read.
 */
function failingTemplates(templates: unknown[]): Map<string, { text: string }> {
  const failing = new Map<string, { text: string }>();
  for (const t of templates) {
    if (!isObj(t) || typeof t.name !== 'string') continue;
    const exit = argoTemplateExit(t);
    if (exit) failing.set(t.name, { text: exit.text });
  }
  return failing;
}

const NOT_SIMULATED: Record<string, string> = {
  when: "Argo's own when (over parameters) is not evaluated: the task runs whenever its depends holds",
  withItems: 'the fan-out is simulated as one step, which fails if any item fails',
  withParam: 'the fan-out is simulated as one step, which fails if any item fails',
  withSequence: 'the fan-out is simulated as one step, which fails if any item fails',
  onExit: "a task's own exit handler is not simulated",
  hooks: 'lifecycle hooks are not simulated',
};

type Node = { kind: 'term'; task: string; result: ArgoResult | 'bare' } | { kind: 'not'; operand: Node } | { kind: 'and' | 'or'; left: Node; right: Node };

/**
 * Parses an Argo `depends` expression and returns its prerequisites and a function that writes
 * the equivalent `when`; reports unknown tasks and results at `path` (with a did-you-mean).
 */
function translateDepends(
  expr: string,
  names: readonly string[],
  path: string,
  suggester: Suggester,
  continueOn: ReadonlySet<string>,
  warnings: Problem[],
  problems: Problem[],
): { prerequisites: string[]; mayRunAfterFailure: boolean; when: (idOf: Map<string, string>) => string } | null {
  const tokens = expr.match(/&&|\|\||!|\(|\)|[A-Za-z0-9._-]+|\S/g) ?? [];
  const known = new Set(names);
  const mentioned: string[] = [];
  let pos = 0;
  let depth = 0;
  const fail = (message: string): never => {
    throw new SyntaxError(message);
  };
  const primary = (): Node => {
    const t = tokens[pos++];
    if (t === '(') {
      if (++depth > 64) fail('nested too deeply');
      const inner = or();
      depth--;
      if (tokens[pos++] !== ')') fail(`expected ")" in ${quote(expr, 80)}`);
      return inner;
    }
    if (t === '!') return { kind: 'not', operand: primary() };
    if (t === undefined || !/^[A-Za-z0-9._-]+$/.test(t)) fail(`expected a task name, found ${t === undefined ? 'the end' : quote(t)}`);
    let task = t;
    let result: ArgoResult | 'bare' = 'bare';
    if (!known.has(t)) {
      const dot = t.lastIndexOf('.');
      task = dot > 0 ? t.slice(0, dot) : t;
      const r = dot > 0 ? t.slice(dot + 1) : '';
      if (!known.has(task)) {
        problems.push(problemAt('missing-step', path, `no task ${quote(task)} in the DAG${didYouMean(suggester.suggest(task))}`));
        return { kind: 'term', task, result: 'bare' };
      }
      if (!(ARGO_RESULTS as readonly string[]).includes(r)) {
        problems.push(problemAt('wrong-type', path, `${quote(r)} is not an Argo task result; use ${ARGO_RESULTS.join(', ')}`));
        return { kind: 'term', task, result: 'bare' };
      }
      result = r as ArgoResult;
    }
    if (!mentioned.includes(task)) mentioned.push(task);
    return { kind: 'term', task, result };
  };
  const and = (): Node => {
    let left = primary();
    while (tokens[pos] === '&&') {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (tokens[pos] === '||') {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  let ast: Node;
  try {
    ast = or();
    if (pos < tokens.length) fail(`unexpected ${quote(tokens[pos])}`);
  } catch (error) {
    problems.push(problemAt('wrong-type', path, `${quote(expr, 80)} is not an Argo depends expression: ${(error as Error).message}`));
    return null;
  }
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string): void => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(problemAt('not-simulated', path, message));
  };
  const write = (n: Node, idOf: Map<string, string>, parent: number): string => {
    switch (n.kind) {
      case 'term': {
        const id = idOf.get(n.task) as string;
        switch (n.result) {
          case 'bare':
            // Succeeded || Skipped || Daemoned; Skipped (Argo's `when`) and Daemoned are not simulated.
            return continueOn.has(n.task) ? `(${id}.Succeeded || ${id}.Failed)` : `${id}.Succeeded`;
          case 'Succeeded':
            return `${id}.Succeeded`;
          case 'Failed':
            return `${id}.Failed`;
          case 'Errored':
            warnOnce('Errored', `${n.task}.Errored: Ripple does not tell an Error from a Failure; read as ${n.task}.Failed`);
            return `${id}.Failed`;
          case 'Omitted':
            return `(${id}.Blocked || ${id}.Skipped)`;
          case 'Skipped':
          case 'Daemoned':
            warnOnce(n.result, `${n.task}.${n.result} never holds here (Argo's when and daemons are not simulated)`);
            return `(${id}.Succeeded && !${id}.Succeeded)`;
          case 'AnySucceeded':
          case 'AllFailed':
            warnOnce(n.result, `${n.task}.${n.result} is for fan-outs, simulated as one step: read as ${n.task}.${n.result === 'AnySucceeded' ? 'Succeeded' : 'Failed'}`);
            return `${id}.${n.result === 'AnySucceeded' ? 'Succeeded' : 'Failed'}`;
        }
        break;
      }
      case 'not':
        return `!${write(n.operand, idOf, 2)}`;
      case 'and': {
        const s = `${write(n.left, idOf, 1)} && ${write(n.right, idOf, 1)}`;
        return parent > 1 ? `(${s})` : s;
      }
      case 'or': {
        const s = `${write(n.left, idOf, 0)} || ${write(n.right, idOf, 0)}`;
        return parent > 0 ? `(${s})` : s;
      }
    }
    return '';
  };
  // Only a conjunction of success terms is false whenever one of its tasks failed or was Omitted.
  const onlySuccess = (n: Node): boolean =>
    n.kind === 'term' ? (['bare', 'Succeeded', 'Skipped', 'Daemoned'] as const).some((r) => r === n.result) : n.kind === 'and' && onlySuccess(n.left) && onlySuccess(n.right);
  return { prerequisites: mentioned, mayRunAfterFailure: !onlySuccess(ast), when: (idOf) => write(ast, idOf, 0) };
}
