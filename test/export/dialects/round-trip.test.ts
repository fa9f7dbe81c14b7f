// Export back (issue #11): every preset exported as an Argo DAG and an Airflow task list, then
// imported again, ends the same way in every single-failure case, run by the real engine. What
// no orchestrator file carries (Ripple's policies, groups, produces/consumes) is named in the
// export's warnings, and the file runs as the preset without it (`orchestratorCore`).
import { describe, expect, it, test } from 'vitest';
import { PRESETS } from '../../../src/presets/index.ts';
import { exportArgo } from '../../../src/export/dialects/argo.ts';
import { exportAirflowTasks, retryGrowthWarning } from '../../../src/export/dialects/airflow.ts';
import { exportGithubActions } from '../../../src/export/dialects/github-actions.ts';
import { AIRFLOW_TARGET, ARGO_TARGET, GITHUB_TARGET, orchestratorCore, rippleOnlyWarnings } from '../../../src/export/dialects/common.ts';
import { importGithubActions, type GithubExtras } from '../../../src/scenario/dialects/github-actions.ts';
import { importArgo } from '../../../src/scenario/dialects/argo.ts';
import { importAirflowTasks } from '../../../src/scenario/dialects/airflow.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { fixture, outcomes } from '../../scenario/dialects/run.ts';
import type { SimulateOptions } from '../../../src/engine/index.ts';
import type { DialectConditions } from '../../../src/engine/dialect-conditions.ts';

/** Outcomes with no failure, and with each step failing alone (besides the preset's own). */
function cases(s: Scenario): Array<Record<string, string>> {
  const own = s.steps.filter((x) => x.fail).map((x) => x.id);
  return [outcomes(s, own), ...s.steps.map((x) => outcomes(s, [...own, x.id]))];
}

const withFails = (imported: Scenario, original: Scenario): Scenario => ({
  ...imported,
  steps: imported.steps.map((s) => {
    const fail = original.steps.find((o) => o.id === s.id)?.fail;
    return fail ? { ...s, fail } : s;
  }),
});

describe('export back and import again gives the same run', () => {
  for (const { name, scenario: original } of PRESETS) {
    const preset = { name, scenario: orchestratorCore(original) };
    it(`${preset.name} as an Argo DAG`, () => {
      const exported = exportArgo(original);
      if (!exported.ok) throw new Error(exported.message);
      expect(exported.warnings).toEqual(expect.arrayContaining(rippleOnlyWarnings(original, ARGO_TARGET)));
      // Ripple's default (continue) is written failFast: false; abort keeps Argo's failFast on,
      // which comes back as abort when no task may run after a failure.
      const abort = original.policy?.onFailure === 'abort';
      expect(exported.text.includes('failFast: false')).toBe(!abort);
      const back = importArgo(exported.text);
      if (!back.ok) throw new Error(back.message);
      const backAbort = back.scenario.policy?.onFailure === 'abort';
      if (!abort) expect([backAbort, back.warnings.filter((w) => w.path.endsWith('dag.failFast'))]).toEqual([false, []]);
      const expected = backAbort ? { ...preset.scenario, policy: { ...preset.scenario.policy, onFailure: 'abort' as const } } : preset.scenario;
      expect(cases(withFails(back.scenario, preset.scenario))).toEqual(cases(expected));
    });
    it(`${preset.name} as a GitHub Actions workflow`, async () => {
      const exported = exportGithubActions(original);
      if (!exported.ok) throw new Error(exported.message);
      expect(exported.warnings).toEqual(expect.arrayContaining(rippleOnlyWarnings(original, GITHUB_TARGET)));
      const back = await importGithubActions(exported.text);
      if (!back.ok) throw new Error(back.message);
      // Job ids that GitHub refuses (`1`) were renamed (`_1`): read the steps back in order.
      const idOf = new Map(back.scenario.steps.map((s, i) => [s.id, preset.scenario.steps[i].id]));
      const restored: Scenario = {
        ...back.scenario,
        steps: back.scenario.steps.map((s) => ({ ...s, id: idOf.get(s.id) as string })),
        dependencies: back.scenario.dependencies.map((d) => ({ ...d, from: idOf.get(d.from) as string, to: idOf.get(d.to) as string })),
      };
      restored.steps = restored.steps.map((s) => (s.when === undefined ? s : { ...s, when: s.when.replace(/[A-Za-z0-9_-]+(?=\.)|\b_[A-Za-z0-9_-]+\b/g, (m) => idOf.get(m) ?? m) }));
      expect(cases(withFails(restored, preset.scenario))).toEqual(cases(preset.scenario));
    });
    it(`${preset.name} as an Airflow task list`, () => {
      const exported = exportAirflowTasks(original);
      const conditioned = original.steps.filter((s) => s.when !== undefined).map((s) => s.id);
      if (conditioned.length > 0) {
        // A trigger rule applies to all upstream tasks alike: a `when` has no exact Airflow form.
        expect(exported.ok || exported.message).toMatch(new RegExp(`^This scenario has no exact Airflow task list: ${conditioned[0]}: its condition`));
        return;
      }
      if (!exported.ok) throw new Error(exported.message);
      // Besides Ripple's own settings, a retry delay that grows is written fixed, and said.
      expect(exported.warnings).toEqual([...rippleOnlyWarnings(original, AIRFLOW_TARGET), ...original.steps.flatMap((s) => retryGrowthWarning(s) ?? [])]);
      const back = importAirflowTasks(exported.text);
      if (!back.ok) throw new Error(back.message);
      expect(back.scenario.steps.map((s) => s.retry?.maxAttempts ?? 1)).toEqual(preset.scenario.steps.map((s) => s.retry?.maxAttempts ?? 1));
      expect(cases(withFails(back.scenario, preset.scenario))).toEqual(cases(preset.scenario));
    });
  }

  it('refuses an Airflow export the trigger rules cannot say, naming the step', () => {
    const s: Scenario = { version: 2, title: 't', steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], dependencies: [{ from: 'a', to: 'c' }, { from: 'b', to: 'c', on: 'failure' }] };
    expect(exportAirflowTasks(s)).toEqual({ ok: false, message: 'This scenario has no exact Airflow task list: c: its dependencies mix success and failure conditions; a trigger rule applies to all upstream tasks alike.' });
  });
});

describe('export back keeps what the source file said', () => {
  const exact = (r: { extras?: GithubExtras }): SimulateOptions => ({ dialectConditions: r.extras?.conditions as DialectConditions });

  it('a GitHub workflow (github-monorepo.yml) keeps each job\'s if: and continue-on-error, and runs as GitHub would in every single-failure case', async () => {
    const first = await importGithubActions(fixture('github-monorepo.yml'));
    if (!first.ok) throw new Error(first.message);
    const exported = exportGithubActions(first.scenario);
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.text).toContain("if: ${{ always() && needs.changes.result == 'success' }}");
    expect(exported.text).toMatch(/test-backend:\n(?: {4}.*\n)* {4}continue-on-error: true\n/);
    const back = await importGithubActions(exported.text);
    if (!back.ok) throw new Error(back.message);
    const flags = (s: Scenario) => s.steps.map((x) => [x.id, x.if, x.continueOnError]);
    expect(flags(back.scenario)).toEqual(flags(first.scenario));
    for (const failing of [[], ...first.scenario.steps.map((s) => [s.id])]) {
      expect([failing, outcomes(back.scenario, failing, exact(back))]).toEqual([failing, outcomes(first.scenario, failing, exact(first))]);
    }
  });

  it.each(['true', 'false'])('a release workflow (github-release.yml) run with inputs.dry_run = %s reads back with the same input and runs the same, given the ref the note says is left out', async (dryRun) => {
    const ref = { 'github.ref': 'refs/tags/v1.2.0' };
    const first = await importGithubActions(fixture('github-release.yml'), { context: { ...ref, 'inputs.dry_run': dryRun } });
    if (!first.ok) throw new Error(first.message);
    const exported = exportGithubActions(first.scenario);
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.warnings).toContain('the context (github.ref = refs/tags/v1.2.0) is what the triggering event sets, not the workflow file: left out of the file');
    // The input's default carries Ripple's value; github.ref is given again, as a run on GitHub would get it.
    const back = await importGithubActions(exported.text, { context: ref });
    if (!back.ok) throw new Error(back.message);
    expect(back.scenario.context).toEqual(first.scenario.context);
    for (const failing of [[], ...first.scenario.steps.map((s) => [s.id])]) {
      expect([failing, outcomes(back.scenario, failing, exact(back))]).toEqual([failing, outcomes(first.scenario, failing, exact(first))]);
    }
  });

  it('an Argo task keeps continueOn.failed; a flag the target cannot carry is named in the warnings', () => {
    const yaml = 'spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t, continueOn: {failed: true}}\n      - {name: b, dependencies: [a], template: t}\n';
    const first = importArgo(yaml);
    if (!first.ok) throw new Error(first.message);
    const exported = exportArgo(first.scenario);
    if (!exported.ok) throw new Error(exported.message);
    const back = importArgo(exported.text);
    if (!back.ok) throw new Error(back.message);
    expect(back.scenario.steps.map((s) => [s.id, s.continueOnFailed])).toEqual([
      ['a', true],
      ['b', undefined],
    ]);
    expect(outcomes(back.scenario, ['a'])).toEqual({ a: 'Failed', b: 'Succeeded' });
    const asGithub = exportGithubActions(first.scenario);
    expect(asGithub.ok && asGithub.warnings).toContain('continueOn.failed (Argo) of a is not written: the file has no such setting');
  });

  it('names what it leaves out in words a workflow author knows: the setting as the Policy panel shows it, and what the system does instead', () => {
    const s: Scenario = {
      version: 2,
      title: 'everything Ripple-only',
      steps: [{ id: 'a', produces: ['order'] }, { id: 'b', consumes: ['order'] }],
      dependencies: [{ from: 'a', to: 'b' }],
      groups: [{ id: 'g', steps: ['a', 'b'] }],
      policy: { failFast: false, onFailure: 'abort', compensation: 'saga' },
    };
    const github = exportGithubActions(s);
    expect(github.ok && github.warnings).toEqual([
      'The fail-fast guard is off (a step still runs when a step it depends on has failed), which is a Ripple setting: GitHub Actions skips a job when a job it needs has failed, so the workflow skips those jobs instead',
      'On failure “abort” (cancel every step not yet started once one fails) is a Ripple setting: GitHub Actions has no such setting for jobs (its fail-fast applies to the jobs of one matrix), so the workflow leaves it out',
      'Compensation "saga" (undo the steps that succeeded after a later one fails) is a Ripple setting: the workflow leaves it out and has no undo steps',
      'Atomic groups (steps that succeed or fail all together) are a Ripple setting: the workflow leaves them out',
      '"Produces" and "Consumes" (the data a step hands to the steps after it) are Ripple settings: the workflow leaves them out',
    ]);
    const airflow = exportAirflowTasks(s);
    expect(airflow.ok && airflow.warnings[0]).toBe(
      'The fail-fast guard is off (a step still runs when a step it depends on has failed), which is a Ripple setting: Airflow does not run a task whose upstream task failed (under the default trigger rule all_success it ends upstream_failed), so the DAG does not run those tasks',
    );
    const argo = exportArgo(s);
    expect(argo.ok && argo.warnings[1]).toBe(
      'On failure “abort” (cancel every step not yet started once one fails) is written as Argo\'s failFast, which is on by default: Argo stops scheduling new tasks once a failure that no task handles has reached the end of its branch (its dependents Omitted), while Ripple cancels the steps not yet started as soon as any step fails',
    );
    // No field paths, rule numbers or "Ripple's own" in what a person reads.
    for (const notes of [github, airflow, argo].map((e) => (e.ok ? e.warnings : []))) {
      for (const note of notes) expect(note).not.toMatch(/policy\.|R\d+\b|Ripple's own|produces\/consumes|the file blocks/);
    }
  });
});

describe('an Argo export writes the DAG\'s failFast for the scenario\'s On failure', () => {
  // A checkout: pay and reserve after create, ship after both; email after reserve (slow), on a branch of its own.
  const checkout = (policy?: Scenario['policy']): Scenario => ({
    version: 2,
    title: 'checkout',
    steps: [{ id: 'create' }, { id: 'pay' }, { id: 'reserve', durationMs: 3000 }, { id: 'ship' }, { id: 'email' }],
    dependencies: [
      { from: 'create', to: 'pay' },
      { from: 'create', to: 'reserve' },
      { from: 'pay', to: 'ship' },
      { from: 'reserve', to: 'ship' },
      { from: 'reserve', to: 'email' },
    ],
    ...(policy ? { policy } : {}),
  });
  const singleFailures = (s: Scenario) => [[], ...s.steps.map((x) => [x.id])].map((failing) => [failing, outcomes(s, failing)]);

  it('continue (Ripple\'s default) → failFast: false, so Argo runs every branch as Ripple showed; read back with no note, every single failure ending the same', () => {
    const s = checkout();
    const exported = exportArgo(s);
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.text).toMatch(/\n {6}dag:\n {8}failFast: false\n {8}tasks:\n/);
    expect(exported.warnings).toEqual([]);
    const back = importArgo(exported.text);
    if (!back.ok) throw new Error(back.message);
    expect([back.scenario.policy, back.warnings]).toEqual([undefined, []]);
    expect(singleFailures(back.scenario)).toEqual(singleFailures(s));
    // pay fails: email, on another branch, still runs.
    expect(outcomes(back.scenario, ['pay'])).toEqual({ create: 'Succeeded', pay: 'Failed', reserve: 'Succeeded', ship: 'Blocked', email: 'Succeeded' });
  });

  it('abort → no failFast (Argo\'s default, on), with a note on how it differs; read back as abort, every single failure ending the same', () => {
    const s = checkout({ onFailure: 'abort' });
    const exported = exportArgo(s);
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.text).not.toContain('failFast');
    expect(exported.warnings).toEqual([rippleOnlyWarnings(s, ARGO_TARGET)[0]]);
    expect(exported.warnings[0]).toMatch(/^On failure “abort” \(cancel every step not yet started once one fails\) is written as Argo's failFast, which is on by default: /);
    const back = importArgo(exported.text);
    if (!back.ok) throw new Error(back.message);
    expect(back.scenario.policy).toEqual({ onFailure: 'abort' });
    expect(back.warnings.map((w) => w.path)).toEqual(['spec.templates[0].dag.failFast']);
    expect(singleFailures(back.scenario)).toEqual(singleFailures(s));
    // pay fails while reserve runs: email, not started yet and not after pay, is cancelled (Argo never schedules it).
    expect(outcomes(back.scenario, ['pay'])).toEqual({ create: 'Succeeded', pay: 'Failed', reserve: 'Succeeded', ship: 'Blocked', email: 'Cancelled' });
  });

  it('GitHub and Airflow notes for abort are unchanged: they leave it out', () => {
    const s = checkout({ onFailure: 'abort' });
    expect(rippleOnlyWarnings(s, GITHUB_TARGET)).toEqual([
      'On failure “abort” (cancel every step not yet started once one fails) is a Ripple setting: GitHub Actions has no such setting for jobs (its fail-fast applies to the jobs of one matrix), so the workflow leaves it out',
    ]);
    expect(rippleOnlyWarnings(s, AIRFLOW_TARGET)).toEqual(['On failure “abort” (cancel every step not yet started once one fails) is a Ripple setting: the DAG leaves it out']);
  });
});

test('an Argo export waits for every prerequisite, also one its condition does not read (test-backend reads only changes, yet needs test-shared)', async () => {
  const first = await importGithubActions(fixture('github-monorepo.yml'));
  if (!first.ok) throw new Error(first.message);
  const exported = exportArgo(first.scenario);
  if (!exported.ok) throw new Error(exported.message);
  const back = importArgo(exported.text);
  if (!back.ok) throw new Error(back.message);
  const needs = (s: Scenario, id: string) => s.dependencies.filter((d) => d.to === id).map((d) => d.from).sort();
  for (const step of first.scenario.steps) expect([step.id, needs(back.scenario, step.id)]).toEqual([step.id, needs(first.scenario, step.id)]);
});
