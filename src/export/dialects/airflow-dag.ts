// Export a scenario as an Airflow DAG file (Python), beside the REST task list of airflow.ts:
// the same tasks, trigger rules and retries, written as the file an Airflow deployment loads.
// Each step is a task: an `EmptyOperator`, or a `BashOperator` that exits non-zero where the
// step fails in Ripple (only on its first `times` tries when it fails that many times, by
// Airflow's `ti.try_number`). Written for Airflow 2.4+ (`schedule=None`, EmptyOperator);
// docs: Airflow "DAGs" (Trigger Rules) and "BaseOperator" (retries, retry_delay,
// execution_timeout).
//
// Titles are user text, so they enter the file only as Python string literals (literals.ts);
// step ids are Airflow task ids as they are (1–64 of letters, digits, `.`, `_`, `-`: Airflow's
// own task id characters), and the Python names of the tasks are made from them.
import type { Scenario, Step } from '../../scenario/types.ts';
import { resolveStep } from '../../scenario/defaults.ts';
import { fileBase } from '../file-name.ts';
import { pythonString } from '../literals.ts';
import { retryGrowthWarning, triggerRuleOf } from './airflow.ts';
import { foreignFlagWarnings, rippleOnlyWarnings, AIRFLOW_TARGET, type DialectExport } from './common.ts';

// Python's keywords and the names the file itself imports: a task's name must be neither.
const TAKEN = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield DAG BashOperator EmptyOperator datetime dag'.split(' '),
);

/** A Python name for each step, in the scenario's order: `create-order` → `create_order`, unique. */
function pythonNames(steps: readonly Step[]): Map<string, string> {
  const taken = new Set(TAKEN);
  const names = new Map<string, string>();
  for (const step of steps) {
    let name = step.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^[0-9]/.test(name)) name = `task_${name}`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    names.set(step.id, name);
  }
  return names;
}

/** `datetime.timedelta(…)` of `ms` milliseconds, in the largest whole unit. */
function timedelta(ms: number): string {
  if (ms % 1000 !== 0) return `datetime.timedelta(milliseconds=${ms})`;
  const seconds = ms / 1000;
  return seconds % 60 === 0 ? `datetime.timedelta(minutes=${seconds / 60})` : `datetime.timedelta(seconds=${seconds})`;
}

/**
 * @example
 * exportAirflowDag(paymentFails) // → { ok: true, text: 'import datetime\n\nfrom airflow import DAG\n…', warnings: [] }
 * Refuses (ok: false, naming each step) where a step's condition has no trigger rule, as the task list does.
 */
export function exportAirflowDag(scenario: Scenario): DialectExport {
  const refusals: string[] = [];
  const warnings = [...rippleOnlyWarnings(scenario, AIRFLOW_TARGET), ...foreignFlagWarnings(scenario, [])];
  const names = pythonNames(scenario.steps);
  const tasks: string[] = [];
  let bash = false;
  for (const step of scenario.steps) {
    const rule = triggerRuleOf(scenario, step, refusals);
    const r = resolveStep(step);
    const args = [`task_id=${pythonString(step.id)}`];
    let operator = 'EmptyOperator';
    if (step.fail) {
      operator = 'BashOperator';
      bash = true;
      const times = step.fail.times;
      // Airflow counts tries from 1; the task succeeds once it has failed `times` times.
      args.push(`bash_command=${pythonString(times === undefined ? 'exit 1' : `test {{ ti.try_number }} -gt ${times}`)}`);
      if (step.fail.timeout) warnings.push(`${step.id} times out in Ripple: the task fails with exit 1 instead`);
    }
    if (rule !== 'all_success') args.push(`trigger_rule=${pythonString(rule)}`);
    if (r.retry.maxAttempts > 1) {
      args.push(`retries=${r.retry.maxAttempts - 1}`, `retry_delay=${timedelta(r.retry.delayMs)}`);
      const growth = retryGrowthWarning(step);
      if (growth) warnings.push(growth);
    }
    if (step.timeoutMs !== undefined) args.push(`execution_timeout=${timedelta(step.timeoutMs)}`);
    const oneLine = `    ${names.get(step.id)} = ${operator}(${args.join(', ')})`;
    tasks.push(oneLine.length <= 100 ? oneLine : `    ${names.get(step.id)} = ${operator}(\n${args.map((a) => `        ${a},`).join('\n')}\n    )`);
  }
  if (refusals.length > 0) return { ok: false, message: `This scenario has no exact Airflow DAG: ${refusals.join('; ')}.` };
  const edges = scenario.dependencies.map((d) => `    ${names.get(d.from)} >> ${names.get(d.to)}`);
  const text = [
    '# Exported from Ripple: each step is a task; a step that fails in Ripple runs a failing bash command.',
    'import datetime',
    '',
    'from airflow import DAG',
    ...(bash ? ['from airflow.operators.bash import BashOperator'] : []),
    'from airflow.operators.empty import EmptyOperator',
    '',
    'with DAG(',
    `    dag_id=${pythonString(fileBase(scenario.title))},`,
    `    description=${pythonString(scenario.title)},`,
    '    schedule=None,',
    '    start_date=datetime.datetime(2024, 1, 1),',
    '    catchup=False,',
    '):',
    ...(tasks.length > 0 ? tasks : ['    pass']),
    ...(edges.length > 0 ? ['', ...edges] : []),
    '',
  ].join('\n');
  return { ok: true, text, warnings };
}
