// Export a scenario as an Airflow task list in the REST API's shape (issue #11), the inverse of
// src/scenario/dialects/airflow.ts. A step's incoming conditions become its trigger rule:
//   success edges, join all  → all_success      failure edges, join all → all_failed
//   success edges, join any  → one_success      failure edges, join any → one_failed
//   always edges             → all_done
// Any other mix, or a `when`, has no trigger rule and refuses the export, naming the step.
import type { Scenario, Step } from '../../scenario/types.ts';
import { resolveStep } from '../../scenario/defaults.ts';
import { foreignFlagWarnings, rippleOnlyWarnings, AIRFLOW_TARGET, type DialectExport } from './common.ts';

/**
 * @example
 * exportAirflowTasks(paymentFails) // → { ok: true, text: '{ "tasks": [ { "task_id": "create-order", … } ] }', warnings: [] }
 */
export function exportAirflowTasks(scenario: Scenario): DialectExport {
  const refusals: string[] = [];
  const warnings = [...rippleOnlyWarnings(scenario, AIRFLOW_TARGET), ...foreignFlagWarnings(scenario, [])];
  const tasks = scenario.steps.map((step) => {
    const rule = triggerRuleOf(scenario, step, refusals);
    const r = resolveStep(step);
    const task: Record<string, unknown> = {
      task_id: step.id,
      class_ref: { class_name: step.fail ? 'BashOperator' : 'EmptyOperator', module_path: step.fail ? 'airflow.operators.bash' : 'airflow.operators.empty' },
      downstream_task_ids: scenario.dependencies.filter((d) => d.from === step.id).map((d) => d.to),
      retries: r.retry.maxAttempts - 1,
      trigger_rule: rule,
    };
    if (r.retry.maxAttempts > 1) {
      task.retry_delay = { __type: 'TimeDelta', days: 0, seconds: Math.floor(r.retry.delayMs / 1000), microseconds: (r.retry.delayMs % 1000) * 1000 };
      const growth = retryGrowthWarning(step);
      if (growth) warnings.push(growth);
    }
    return task;
  });
  if (refusals.length > 0) return { ok: false, message: `This scenario has no exact Airflow task list: ${refusals.join('; ')}.` };
  return { ok: true, text: `${JSON.stringify({ tasks, total_entries: tasks.length }, null, 2)}\n`, warnings };
}

/** Airflow's trigger rules that Ripple's edge conditions map onto (see the table at the top). */
export type TriggerRule = 'all_success' | 'all_failed' | 'one_success' | 'one_failed' | 'all_done';

/**
 * The trigger rule of `step`, by the table at the top of this file; when it has none (a `when`,
 * or mixed conditions) `all_success`, and the reason, naming the step, is pushed to `refusals`.
 * Docs: Airflow "DAGs", Trigger Rules.
 */
export function triggerRuleOf(scenario: Scenario, step: Step, refusals: string[]): TriggerRule {
  const on = new Set(scenario.dependencies.filter((d) => d.to === step.id).map((d) => d.on ?? 'success'));
  const any = step.join === 'any';
  if (step.when !== undefined) refusals.push(`${step.id}: its condition "${step.when}" has no Airflow trigger rule`);
  else if (on.size > 1) refusals.push(`${step.id}: its dependencies mix ${[...on].join(' and ')} conditions; a trigger rule applies to all upstream tasks alike`);
  else if (on.has('failure')) return any ? 'one_failed' : 'all_failed';
  else if (on.has('always')) return 'all_done';
  else if (any) return 'one_success';
  return 'all_success';
}

/** The note for a retry delay that grows in Ripple (`retry.factor` > 1), which both Airflow files write fixed; else null. */
export function retryGrowthWarning(step: Step): string | null {
  const factor = step.retry?.factor ?? 1;
  if (factor <= 1 || (step.retry?.maxAttempts ?? 1) <= 1) return null;
  return `${step.id}'s retry delay grows ×${factor} in Ripple; Airflow's retry_exponential_backoff has its own growth, so the delay is written fixed`;
}
