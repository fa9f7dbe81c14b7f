import { describe, expect, it } from 'vitest';
import { importGithubActions, type GithubExtras } from '../../../src/scenario/dialects/github-actions.ts';
import { fixture, outcomes } from './run.ts';
import type { SimulateOptions } from '../../../src/engine/index.ts';
import type { DialectConditions } from '../../../src/engine/dialect-conditions.ts';

const workflow = (jobs: string): string => `on: push\njobs:\n${jobs}`;

/** The import's exact conditions for the engine (every ancestor seen, as GitHub's status functions do). */
const exact = (r: { extras?: GithubExtras }): SimulateOptions => ({ dialectConditions: r.extras?.conditions as DialectConditions });

describe('GitHub Actions import', () => {
  it('keeps job ids, reads needs as dependencies and the job name as the label', async () => {
    const r = await importGithubActions(fixture('github-release.yml'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dialect).toBe('github-actions');
    expect(r.scenario.version).toBe(2);
    expect(r.scenario.steps.map((s) => [s.id, s.label])).toEqual([
      ['build', 'Build distribution'],
      ['smoke', 'End-to-end smoke'],
      ['publish', 'Publish to PyPI'],
    ]);
    expect(r.scenario.dependencies).toEqual([
      { from: 'build', to: 'smoke' },
      { from: 'build', to: 'publish' },
      { from: 'smoke', to: 'publish' },
    ]);
    expect(r.scenario.steps[1].timeoutMs).toBe(30 * 60_000);
  });

  it('on a tag push, smoke is skipped and publish still runs: always() with needs.smoke.result == skipped (the workflow documents it)', async () => {
    const r = await importGithubActions(fixture('github-release.yml'), { context: { 'github.ref': 'refs/tags/v1.2.0' } });
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, [], exact(r))).toEqual({ build: 'Succeeded', smoke: 'Skipped', publish: 'Succeeded' });
    // …and when build fails, publish does not run: its explicit result check is false.
    expect(outcomes(r.scenario, ['build'], exact(r))).toMatchObject({ build: 'Failed', publish: 'Blocked' });
  });

  it('on a branch push publish does not run, and the warning names the if and the contexts used', async () => {
    const r = await importGithubActions(fixture('github-release.yml'));
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, [], exact(r))).toMatchObject({ smoke: 'Skipped', publish: 'Skipped' });
    const paths = r.warnings.map((w) => w.path);
    expect(paths).toContain('jobs.publish.if');
    expect(paths).toContain('jobs.publish.environment');
    expect(r.warnings.find((w) => w.path === 'jobs.smoke.if')?.message).toMatch(/github\.event_name=push, github\.ref=refs\/heads\/main/);
  });

  it("a reusable workflow's with: inputs and secrets: are named as not kept", async () => {
    const text =
      'on: push\njobs:\n  build: {runs-on: x, steps: [{run: make}]}\n' +
      '  release:\n    needs: build\n    uses: octo-org/example-repo/.github/workflows/release.yml@main\n' +
      '    with: {environment: production}\n    secrets: inherit\n';
    const r = await importGithubActions(text);
    if (!r.ok) throw new Error(r.message);
    const byPath = new Map(r.warnings.map((w) => [w.path, w.message]));
    expect(byPath.get('jobs.release.with')).toMatch(/inputs given to the reusable workflow are not kept/);
    expect(byPath.get('jobs.release.secrets')).toMatch(/secrets passed to the reusable workflow are not kept/);
    expect(byPath.has('jobs.build.with')).toBe(false);
  });

  it('a workflow_dispatch input defaults to its declared default, and --context overrides it', async () => {
    const on = 'on:\n  workflow_dispatch:\n    inputs:\n      dry_run: {type: boolean, default: true}\njobs:\n';
    const jobs = '  a: {runs-on: x, steps: [{run: a}]}\n  b: {needs: a, if: "!inputs.dry_run", runs-on: x, steps: [{run: b}]}\n';
    const dry = await importGithubActions(on + jobs);
    const wet = await importGithubActions(on + jobs, { context: { 'inputs.dry_run': 'false' } });
    if (!dry.ok || !wet.ok) throw new Error('import failed');
    expect(outcomes(dry.scenario, [], exact(dry))).toMatchObject({ b: 'Skipped' });
    expect(outcomes(wet.scenario, [], exact(wet))).toMatchObject({ b: 'Succeeded' });
  });

  it('a job whose need failed or was skipped is skipped unless its if says otherwise (implicit success())', async () => {
    const r = await importGithubActions(
      workflow(
        '  a: {runs-on: x, steps: [{run: a}]}\n' +
          '  b: {needs: a, if: "github.ref == \'refs/heads/nope\'", runs-on: x, steps: [{run: b}]}\n' +
          '  c: {needs: b, runs-on: x, steps: [{run: c}]}\n' +
          '  d: {needs: a, runs-on: x, steps: [{run: d}]}\n',
      ),
    );
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, [], exact(r))).toEqual({ a: 'Succeeded', b: 'Skipped', c: 'Skipped', d: 'Succeeded' });
    expect(outcomes(r.scenario, ['a'], exact(r))).toEqual({ a: 'Failed', b: 'Blocked', c: 'Blocked', d: 'Blocked' });
  });

  it('a job with a step that runs `exit 1` whatever happens is imported as failing; a step behind an if, with continue-on-error or a branch is not read', async () => {
    const r = await importGithubActions(
      workflow(
        '  lint: {runs-on: x, steps: [{uses: actions/checkout@v4}, {run: "echo checking; exit 1"}]}\n' +
          '  test: {runs-on: x, defaults: {run: {shell: python}}, steps: [{run: "import sys\\nsys.exit(2)"}]}\n' +
          '  docs: {runs-on: x, steps: [{if: failure(), run: exit 1}, {run: exit 1, continue-on-error: true}, {run: "make || exit 1"}]}\n' +
          '  ship: {needs: [lint, docs], runs-on: x, steps: [{run: ship}]}\n',
      ),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.steps.map((s) => [s.id, s.fail?.message])).toEqual([
      ['lint', 'steps[1]: exit 1'],
      ['test', 'steps[0]: sys.exit(2)'],
      ['docs', undefined],
      ['ship', undefined],
    ]);
    expect(r.warnings.filter((w) => /whatever happens/.test(w.message)).map((w) => w.path)).toEqual(['jobs.lint.steps[1].run', 'jobs.test.steps[0].run']);
    expect(outcomes(r.scenario, [], exact(r))).toEqual({ lint: 'Failed', test: 'Failed', docs: 'Succeeded', ship: 'Blocked' });
  });

  it('failure() runs a reporter after any failure upstream; !cancelled() runs a cleanup after failures too', async () => {
    const r = await importGithubActions(fixture('github-monorepo.yml'));
    if (!r.ok) throw new Error(r.message);
    const report = r.scenario.steps.find((s) => s.id === 'report')!;
    expect(report.when).toBe('(test-frontend.Failed || test-frontend.Blocked) || (test-backend.Failed || test-backend.Blocked) || (deploy.Failed || deploy.Blocked)');
    expect(outcomes(r.scenario, [], exact(r))).toMatchObject({ report: 'Skipped', cleanup: 'Succeeded', deploy: 'Succeeded' });
    const failed = outcomes(r.scenario, ['test-shared'], exact(r));
    expect(failed).toMatchObject({ 'test-frontend': 'Blocked', 'test-backend': 'Succeeded', deploy: 'Blocked', report: 'Succeeded', cleanup: 'Succeeded' });
  });

  it('always() alone makes a finally step: every incoming edge is on: always (R15)', async () => {
    const r = await importGithubActions(workflow('  a: {runs-on: x, steps: [{run: a}]}\n  z: {needs: a, if: always(), runs-on: x, steps: [{run: z}]}\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dependencies).toEqual([{ from: 'a', to: 'z', on: 'always' }]);
    expect(r.scenario.steps[1].when).toBeUndefined();
  });

  it('a matrix job is one step with its legs in the label, warned at strategy.matrix; continue-on-error is warned and kept', async () => {
    const r = await importGithubActions(fixture('github-monorepo.yml'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.steps.find((s) => s.id === 'test-frontend')?.label).toBe('test-frontend [node: 18, 20; os: ubuntu-latest, windows-latest]');
    expect(r.warnings.find((w) => w.path === 'jobs["test-frontend"].strategy.matrix')?.message).toMatch(/^4 matrix legs simulated as one step/);
    expect(r.warnings.map((w) => w.path)).toContain('jobs["test-backend"]["continue-on-error"]');
    expect(r.scenario.steps.filter((s) => s.continueOnError === true).map((s) => s.id)).toEqual(['test-backend']);
  });

  it('the exact condition sees every ancestor: after a failure, a job behind an always() job is skipped, and failure() runs', async () => {
    // docs.github.com/actions/reference/workflows-and-actions/expressions#status-check-functions:
    // failure() "returns true when any previous step of a job fails… if a job has dependent
    // jobs, returns true if any ancestor job fails"; success() is false after any ancestor failure.
    const r = await importGithubActions(
      workflow(
        '  a: {runs-on: x, steps: [{run: a}]}\n  b: {needs: a, if: always(), runs-on: x, steps: [{run: b}]}\n' +
          '  c: {needs: b, if: failure(), runs-on: x, steps: [{run: c}]}\n  d: {needs: b, runs-on: x, steps: [{run: d}]}\n',
      ),
    );
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, ['a'], exact(r))).toEqual({ a: 'Failed', b: 'Succeeded', c: 'Succeeded', d: 'Skipped' });
    expect(outcomes(r.scenario, [], exact(r))).toEqual({ a: 'Succeeded', b: 'Succeeded', c: 'Skipped', d: 'Succeeded' });
    // The scenario alone (its `when` sees the needs only) differs exactly there, and says so.
    expect(outcomes(r.scenario, ['a'])).toMatchObject({ c: 'Skipped', d: 'Succeeded' });
    expect(r.warnings.map((w) => w.path)).toContain('jobs.c.if');
  });

  it('without dialect conditions the run is byte-identical to the scenario alone', async () => {
    const r = await importGithubActions(fixture('github-monorepo.yml'));
    if (!r.ok) throw new Error(r.message);
    const { simulate } = await import('../../../src/engine/index.ts');
    expect(JSON.stringify(simulate(r.scenario, {}))).toBe(JSON.stringify(simulate(r.scenario)));
    expect(JSON.stringify(simulate(r.scenario, { dialectConditions: new Map() }))).toBe(JSON.stringify(simulate(r.scenario)));
  });

  it('an expression reading a context the simulation does not know is warned with the --context to give', async () => {
    const r = await importGithubActions(workflow("  a: {runs-on: x, steps: [{run: a}]}\n  b: {needs: a, if: \"vars.DEPLOY == 'yes'\", runs-on: x, steps: [{run: b}]}\n"));
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings.some((w) => /vars\.DEPLOY is not known to the simulation.*--context vars\.DEPLOY=/.test(w.message))).toBe(true);
  });

  it('refuses a cycle in needs and a need naming no job, with GitHub parser messages', async () => {
    const cycle = await importGithubActions(
      workflow('  root: {runs-on: x, steps: [{run: r}]}\n  a: {needs: [root, b], runs-on: x, steps: [{run: a}]}\n  b: {needs: a, runs-on: x, steps: [{run: b}]}\n'),
    );
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.message).toMatch(/cycle|circular|depend/i);
    const missing = await importGithubActions(workflow('  a: {needs: nope, runs-on: x, steps: [{run: a}]}\n'));
    expect(missing.ok).toBe(false);
  });
});
