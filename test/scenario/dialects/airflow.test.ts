import { describe, expect, it } from 'vitest';
import { importAirflowTasks, TRIGGER_RULES, triggerRuleWhen } from '../../../src/scenario/dialects/airflow.ts';
import type { WhenOutcome } from '../../../src/scenario/when.ts';
import { fixture, outcomes } from './run.ts';

/** Whether task `t` (rule `rule`, upstream u1 and u2) runs when the upstream tasks end as given (each Succeeded or Failed). */
function fire(rule: string, u1: WhenOutcome, u2: WhenOutcome): string {
  const r = importAirflowTasks({
    tasks: [
      { task_id: 'u1', downstream_task_ids: ['t'] },
      { task_id: 'u2', downstream_task_ids: ['t'] },
      { task_id: 't', trigger_rule: rule, downstream_task_ids: [] },
    ],
  });
  if (!r.ok) throw new Error(r.message);
  const failing = [u1 === 'Failed' ? 'u1' : '', u2 === 'Failed' ? 'u2' : ''].filter(Boolean);
  return outcomes(r.scenario, failing).t;
}

describe('Airflow task list import', () => {
  it('reads the REST API shape: task_id, downstream_task_ids, retries and retry_delay, the operator as the request', () => {
    const r = importAirflowTasks(fixture('airflow-tasks.json'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dialect).toBe('airflow');
    expect(r.scenario.steps[0]).toEqual({ id: 'extract', request: 'BashOperator', retry: { maxAttempts: 3, delayMs: 300_000 } });
    expect(r.scenario.dependencies).toContainEqual({ from: 'load', to: 'cleanup', on: 'always' });
  });

  it('extract fails: transform and load are upstream_failed, notify_failure runs (one_failed), cleanup runs (all_done), as Airflow documents', () => {
    const r = importAirflowTasks(fixture('airflow-tasks.json'));
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, ['extract'])).toEqual({ extract: 'Failed', transform: 'Blocked', load: 'Blocked', notify_failure: 'Succeeded', cleanup: 'Succeeded' });
    expect(outcomes(r.scenario, [])).toEqual({ extract: 'Succeeded', transform: 'Succeeded', load: 'Succeeded', notify_failure: 'Skipped', cleanup: 'Succeeded' });
  });

  it('each trigger rule fires as its definition says (two upstream tasks, success/failed combinations)', () => {
    const table: Record<string, [WhenOutcome, WhenOutcome, boolean][]> = {
      all_success: [['Succeeded', 'Succeeded', true], ['Succeeded', 'Failed', false]],
      all_failed: [['Failed', 'Failed', true], ['Succeeded', 'Failed', false]],
      all_done: [['Failed', 'Succeeded', true], ['Failed', 'Failed', true]],
      one_success: [['Failed', 'Succeeded', true], ['Failed', 'Failed', false]],
      one_failed: [['Failed', 'Succeeded', true], ['Succeeded', 'Succeeded', false]],
      one_done: [['Failed', 'Succeeded', true], ['Succeeded', 'Succeeded', true]],
      none_failed: [['Succeeded', 'Succeeded', true], ['Failed', 'Succeeded', false]],
      none_failed_min_one_success: [['Succeeded', 'Succeeded', true], ['Failed', 'Succeeded', false]],
      none_skipped: [['Failed', 'Succeeded', true], ['Succeeded', 'Succeeded', true]],
      always: [['Failed', 'Failed', true]],
    };
    for (const [rule, rows] of Object.entries(table)) {
      for (const [a, b, runs] of rows) expect([rule, a, b, fire(rule, a, b) === 'Succeeded']).toEqual([rule, a, b, runs]);
    }
  });

  it('writes every rule as when or always edges; all_skipped and none_skipped test Skipped', () => {
    expect(TRIGGER_RULES).toHaveLength(11);
    expect(triggerRuleWhen('all_skipped', ['a', 'b'])).toEqual({ edges: 'success', when: 'a.Skipped && b.Skipped' });
    expect(triggerRuleWhen('none_skipped', ['a', 'b'])).toEqual({ edges: 'success', when: '!a.Skipped && !b.Skipped' });
    expect(triggerRuleWhen('none_failed_min_one_success', ['a', 'b'])).toEqual({ edges: 'success', when: 'a && b && (a.Succeeded || b.Succeeded)' });
    expect(triggerRuleWhen('always', ['a'])).toEqual({ edges: 'always' });
  });

  it('warns where when cannot say a rule exactly: one_* fire early in Airflow; all_failed skips after a failure', () => {
    const r = importAirflowTasks({ tasks: [{ task_id: 'a', downstream_task_ids: ['b', 'c'] }, { task_id: 'b', trigger_rule: 'one_success' }, { task_id: 'c', trigger_rule: 'all_failed' }] });
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings.map((w) => [w.path, w.message.slice(0, 40)])).toEqual([
      ['tasks[1].trigger_rule', 'one_success: Airflow fires as soon as on'],
      ['tasks[2].trigger_rule', 'all_failed: when the rule fails after an'],
    ]);
  });

  it('refuses an unknown trigger rule with a did-you-mean, a downstream id that names no task, and a cycle', () => {
    const unknown = importAirflowTasks({ tasks: [{ task_id: 'a', downstream_task_ids: ['b'] }, { task_id: 'b', trigger_rule: 'all_sucess' }] });
    expect(unknown.ok || unknown.problems).toEqual([
      { code: 'wrong-type', path: 'tasks[1].trigger_rule', message: expect.stringMatching(/^"all_sucess" is not a trigger rule Ripple knows \(did you mean "all_success"\?\); use one of all_success, /) },
    ]);
    const missing = importAirflowTasks({ tasks: [{ task_id: 'a', downstream_task_ids: ['lod'] }, { task_id: 'load' }] });
    expect(missing.ok || missing.problems[0]).toMatchObject({ code: 'missing-step', path: 'tasks[0].downstream_task_ids[0]' });
    const cycle = importAirflowTasks({ tasks: [{ task_id: 'a', downstream_task_ids: ['b'] }, { task_id: 'b', downstream_task_ids: ['a'] }] });
    expect(cycle.ok || cycle.problems[0]).toMatchObject({ code: 'cycle', message: 'the dependencies form a cycle: a → b → a' });
  });
});
