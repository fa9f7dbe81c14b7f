// Import an Airflow DAG's task list as its REST API returns it (GET /api/v1/dags/{dag_id}/tasks:
// `{"tasks": [{"task_id", "trigger_rule", "downstream_task_ids", "retries", "retry_delay"…}]}`)
// as a scenario (issue #11).
//
// Trigger rules (Airflow docs, "DAGs" › "Trigger Rules"; airflow/ti_deps/deps/trigger_rule_dep.py)
// become `when` over the task's upstream tasks. Ripple decides a `when` step once every upstream
// is final, so the rules Airflow fires early (one_success, one_failed, one_done) run at the same
// point of the graph but later in time; and where Airflow marks a task `skipped` because its rule
// can never hold after an upstream failure (all_failed, all_skipped, none_skipped, one_failed),
// Ripple says blocked, which the Airflow view calls `upstream_failed`. Each is warned.
import type { Dependency, Problem, Scenario, Step } from '../types.ts';
import { SCENARIO_VERSION } from '../types.ts';
import { readJsonText } from '../intake/json-text.ts';
import { MAX_ATTEMPTS, MAX_DURATION_MS } from '../limits.ts';
import { LIMITS } from '../validate.ts';
import { describe, didYouMean, quote, Suggester } from '../text.ts';
import { assignIds, finishImport, problemAt, refuse, refuseCounts, refuseSize, truncate, type DialectImport } from './common.ts';

export const TRIGGER_RULES = [
  'all_success',
  'all_failed',
  'all_done',
  'all_skipped',
  'one_success',
  'one_failed',
  'one_done',
  'none_failed',
  'none_failed_min_one_success',
  'none_skipped',
  'always',
] as const;
export type TriggerRule = (typeof TRIGGER_RULES)[number];

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What each rule means, for the warnings and the glossary (Airflow's own definitions, shortened). */
export const TRIGGER_RULE_MEANING: Readonly<Record<TriggerRule, string>> = {
  all_success: 'all upstream tasks succeeded (the default)',
  all_failed: 'all upstream tasks are failed or upstream_failed',
  all_done: 'all upstream tasks are done, whatever their state',
  all_skipped: 'all upstream tasks are skipped',
  one_success: 'at least one upstream task succeeded (Airflow fires as soon as one does)',
  one_failed: 'at least one upstream task failed (Airflow fires as soon as one does)',
  one_done: 'at least one upstream task succeeded or failed (Airflow fires as soon as one does)',
  none_failed: 'no upstream task failed or is upstream_failed (succeeded or skipped)',
  none_failed_min_one_success: 'no upstream task failed or is upstream_failed, and at least one succeeded',
  none_skipped: 'no upstream task is skipped',
  always: 'no condition: the task runs whatever the upstream tasks did',
};

/**
 * The `when` of a trigger rule over upstream ids, or `edges: 'always'` for rules that hold
 * whatever happens (R15 finally), or `edges: 'success'` for the default (plain edges).
 */
export function triggerRuleWhen(rule: TriggerRule, upstream: readonly string[]): { edges: 'success' | 'always'; when?: string } {
  const all = (f: (u: string) => string): string => upstream.map(f).join(' && ');
  const any = (f: (u: string) => string): string => upstream.map(f).join(' || ');
  const wrap = (s: string): string => (upstream.length > 1 ? `(${s})` : s);
  switch (rule) {
    case 'all_success':
      return { edges: 'success' };
    case 'all_done':
    case 'always':
      return { edges: 'always' };
    case 'all_failed':
      return { edges: 'success', when: all((u) => `(${u}.Failed || ${u}.Blocked)`) };
    case 'all_skipped':
      return { edges: 'success', when: all((u) => `${u}.Skipped`) };
    case 'one_success':
      return { edges: 'success', when: any((u) => `${u}.Succeeded`) };
    case 'one_failed':
      return { edges: 'success', when: any((u) => `${u}.Failed || ${u}.Blocked`) };
    case 'one_done':
      return { edges: 'success', when: any((u) => `${u}.Succeeded || ${u}.Failed`) };
    case 'none_failed':
      return { edges: 'success', when: all((u) => u) };
    case 'none_failed_min_one_success':
      return { edges: 'success', when: `${all((u) => u)} && ${wrap(any((u) => `${u}.Succeeded`))}` };
    case 'none_skipped':
      return { edges: 'success', when: all((u) => `!${u}.Skipped`) };
  }
}

const EARLY: ReadonlySet<TriggerRule> = new Set(['one_success', 'one_failed', 'one_done']);
const SKIPS_AFTER_FAILURE: ReadonlySet<TriggerRule> = new Set(['all_failed', 'all_skipped', 'none_skipped', 'one_failed']);

/**
 * Reads an Airflow REST task list (text or parsed). Never throws.
 *
 * @example
 * importAirflowTasks('{"tasks":[{"task_id":"extract","downstream_task_ids":["load"]},{"task_id":"load","trigger_rule":"all_done","downstream_task_ids":[]}]}')
 * // → { ok: true, scenario: { dialect: 'airflow', dependencies: [{ from: 'extract', to: 'load', on: 'always' }] } }
 */
export function importAirflowTasks(input: string | unknown): DialectImport {
  try {
    return importTasks(input);
  } catch (error) {
    return refuse('airflow-tasks', `Internal error while importing the Airflow task list: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function importTasks(input: unknown): DialectImport {
  const F = 'airflow-tasks';
  let value = input;
  if (typeof input === 'string') {
    const tooBig = refuseSize(F, input, 'Airflow task list');
    if (tooBig) return tooBig;
    const read = readJsonText(input, { what: 'Airflow task list' });
    if (!read.ok) return refuse(F, read.error.message, [problemAt(read.error.kind, '', read.error.message)]);
    value = read.value;
  }
  if (!isObj(value) || !Array.isArray(value.tasks)) {
    return refuse(F, `This is not an Airflow task list: expected { "tasks": [ … ] } as GET /api/v1/dags/{dag_id}/tasks returns it, got ${describe(isObj(value) ? value.tasks : value)}.`);
  }
  const tasks = value.tasks as unknown[];
  let edges = 0;
  for (const t of tasks) if (isObj(t) && Array.isArray(t.downstream_task_ids)) edges += t.downstream_task_ids.length;
  const counts = refuseCounts(F, tasks.length, edges, { steps: 'tasks', path: 'tasks' });
  if (counts) return counts;

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const names: string[] = [];
  tasks.forEach((t, i) => {
    if (!isObj(t) || typeof t.task_id !== 'string' || t.task_id === '') {
      problems.push(problemAt('missing-field', `tasks[${i}].task_id`, `expected the task_id as a string, got ${describe(isObj(t) ? t.task_id : t)}`));
      names.push(`task-${i + 1}`);
    } else names.push(t.task_id);
  });
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const earlier = seen.get(n);
    if (earlier !== undefined) problems.push(problemAt('duplicate-id', `tasks[${i}].task_id`, `duplicate task_id ${quote(n)} (also tasks[${earlier}])`));
    else seen.set(n, i);
  });
  if (problems.length > 0) return refuse(F, `The task list has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
  const ids = assignIds(names, (i) => `tasks[${i}].task_id`, warnings);
  const suggester = new Suggester(names);

  const upstream = new Map<number, Array<{ from: number; path: string }>>();
  tasks.forEach((raw, i) => {
    const t = raw as Raw;
    const downs = t.downstream_task_ids;
    if (downs === undefined) return;
    if (!Array.isArray(downs)) {
      problems.push(problemAt('wrong-type', `tasks[${i}].downstream_task_ids`, `expected a list of task ids, got ${describe(downs)}`));
      return;
    }
    downs.forEach((d, j) => {
      const path = `tasks[${i}].downstream_task_ids[${j}]`;
      const target = typeof d === 'string' ? seen.get(d) : undefined;
      if (target === undefined) {
        problems.push(problemAt('missing-step', path, `no task ${describe(d)} in the list${typeof d === 'string' ? didYouMean(suggester.suggest(d)) : ''}`));
        return;
      }
      if (target === i) {
        problems.push(problemAt('self-dependency', path, `a task cannot be downstream of itself (${quote(d as string)})`));
        return;
      }
      const list = upstream.get(target) ?? [];
      if (list.some((u) => u.from === i)) return;
      list.push({ from: i, path });
      upstream.set(target, list);
    });
  });

  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  const depSource: string[] = [];
  tasks.forEach((raw, i) => {
    const t = raw as Raw;
    const path = `tasks[${i}]`;
    const step: Step = { id: ids[i] };
    if (ids[i] !== names[i]) step.label = truncate(names[i]);
    const cls = isObj(t.class_ref) && typeof t.class_ref.class_name === 'string' ? t.class_ref.class_name : typeof t.operator === 'string' ? t.operator : undefined;
    if (cls) step.request = truncate(cls, LIMITS.request.max);
    readRetries(t, path, step, warnings);
    const rule = t.trigger_rule ?? 'all_success';
    const ups = upstream.get(i) ?? [];
    let mapped: { edges: 'success' | 'always'; when?: string } = { edges: 'success' };
    if (typeof rule !== 'string' || !(TRIGGER_RULES as readonly string[]).includes(rule)) {
      problems.push(
        problemAt(
          'wrong-type',
          `${path}.trigger_rule`,
          `${describe(rule)} is not a trigger rule Ripple knows${typeof rule === 'string' ? didYouMean(new Suggester(TRIGGER_RULES).suggest(rule)) : ''}; use one of ${TRIGGER_RULES.join(', ')}`,
        ),
      );
    } else if (ups.length > 0) {
      const r = rule as TriggerRule;
      mapped = triggerRuleWhen(
        r,
        ups.map((u) => ids[u.from]),
      );
      if (EARLY.has(r)) warnings.push(problemAt('not-simulated', `${path}.trigger_rule`, `${r}: Airflow fires as soon as one upstream task qualifies; Ripple decides once every upstream task is done`));
      if (SKIPS_AFTER_FAILURE.has(r)) {
        warnings.push(problemAt('not-simulated', `${path}.trigger_rule`, `${r}: when the rule fails after an upstream failure Airflow marks the task skipped; Ripple blocks it (shown as upstream_failed)`));
      }
    }
    if (mapped.when !== undefined) step.when = mapped.when;
    for (const u of ups) {
      const d: Dependency = { from: ids[u.from], to: ids[i] };
      if (mapped.edges === 'always') d.on = 'always';
      dependencies.push(d);
      depSource.push(u.path);
    }
    if (t.depends_on_past === true) warnings.push(problemAt('not-simulated', `${path}.depends_on_past`, 'earlier DAG runs are not simulated'));
    steps.push(step);
  });
  if (problems.length > 0) return refuse(F, `The task list has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);

  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: `Airflow DAG (${tasks.length} task${tasks.length === 1 ? '' : 's'})`,
    description: 'Imported from an Airflow task list (REST API): each task is a step, its trigger rule a run condition. Mark the tasks that fail to see which are upstream_failed.',
    steps,
    dependencies,
    dialect: 'airflow',
  };
  const pathOf = new Map(ids.map((id, i) => [id, `tasks[${i}]`]));
  return finishImport(F, scenario, warnings, (k) => depSource[k] ?? 'tasks', (id) => pathOf.get(id) ?? 'tasks');
}

/** `retries` and `retry_delay` ({"__type":"TimeDelta","days","seconds","microseconds"}) → retry. */
function readRetries(t: Raw, path: string, step: Step, warnings: Problem[]): void {
  const retries = t.retries;
  if (typeof retries !== 'number' || !(retries > 0)) return;
  const attempts = Math.min(MAX_ATTEMPTS, Math.floor(retries) + 1);
  if (attempts < retries + 1) warnings.push(problemAt('shortened', `${path}.retries`, `${retries} retries is more than Ripple simulates; ${attempts - 1} kept`));
  step.retry = { maxAttempts: attempts };
  const d = t.retry_delay;
  if (isObj(d)) {
    const ms = ((Number(d.days) || 0) * 86_400 + (Number(d.seconds) || 0)) * 1000 + Math.round((Number(d.microseconds) || 0) / 1000);
    step.retry.delayMs = Math.min(ms, MAX_DURATION_MS);
    if (ms > MAX_DURATION_MS) warnings.push(problemAt('shortened', `${path}.retry_delay`, `longer than Ripple's longest delay (${MAX_DURATION_MS / 60_000} minutes); shortened to it`));
  }
  if (t.retry_exponential_backoff === true) {
    step.retry.factor = 2;
    warnings.push(problemAt('not-simulated', `${path}.retry_exponential_backoff`, "Airflow's backoff (2^try with jitter, capped by max_retry_delay) is simulated as a factor of 2 without jitter"));
  }
}
