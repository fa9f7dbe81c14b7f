import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run, type CliIo } from '../../src/cli/main.ts';

const FIXTURES = new URL('../fixtures/dialects/', import.meta.url);

function cli(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: (path) => files[path] ?? readFileSync(new URL(path, FIXTURES), 'utf8'),
    writeFile: () => {},
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('simulate --input FORMAT FILE', () => {
  it('a GitHub release on a tag whose build fails: smoke and publish are skipped, the workflow concludes failure (--json gains "dialect")', async () => {
    const c = cli();
    const code = await run(['--input', 'github-actions', 'github-release.yml', '--context', 'github.ref=refs/tags/v1.0.0', '--fail', 'build', '--json'], c.io);
    expect(code).toBe(0);
    const result = JSON.parse(c.out());
    expect(result.dialect).toEqual({ name: 'github-actions', steps: { build: { state: 'failure' }, smoke: { state: 'skipped' }, publish: { state: 'skipped' } }, conclusion: 'failure' });
    expect(result.steps.publish.status).toBe(424);
    expect(c.err()).toContain('warning: github-release.yml: jobs.publish.environment: environment protection rules');
  });

  it('a note about several tasks is one warning line naming them (as the app lists it), not one line per task', async () => {
    const wf = [
      'apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {name: w}', 'spec:', '  entrypoint: main', '  templates:',
      '  - name: main', '    dag:', '      tasks:', '      - {name: root, template: ok}',
      ...['a', 'b', 'c'].map((t) => `      - {name: ${t}, depends: root, template: bad}`),
      '  - name: ok', '    container: {image: busybox, command: [echo]}', '  - name: bad', '    container: {image: busybox, command: [sh, -c], args: ["exit 1"]}', '',
    ].join('\n');
    const c = cli({ 'wf.yaml': wf });
    expect(await run(['--input', 'argo', 'wf.yaml', '--json'], c.io)).toBe(0);
    const failing = c.err().split('\n').filter((l) => l.includes('whatever happens'));
    expect(failing).toEqual([expect.stringMatching(/^warning: wf\.yaml: .* \(3 tasks: "a" at [^,]+, "b" at [^,]+, "c" at [^,]+\)$/)]);
  });

  it('GitHub status functions see every ancestor through the CLI: a job behind an always() job is skipped after a failure, failure() runs', async () => {
    const wf = 'on: push\njobs:\n  a: {runs-on: x, steps: [{run: a}]}\n  b: {needs: a, if: always(), runs-on: x, steps: [{run: b}]}\n' +
      '  c: {needs: b, if: failure(), runs-on: x, steps: [{run: c}]}\n  d: {needs: b, runs-on: x, steps: [{run: d}]}\n';
    const c = cli({ 'wf.yml': wf });
    expect(await run(['--input', 'github-actions', 'wf.yml', '--fail', 'a', '--json'], c.io)).toBe(0);
    const result = JSON.parse(c.out());
    expect(result.dialect.steps).toEqual({ a: { state: 'failure' }, b: { state: 'success' }, c: { state: 'success' }, d: { state: 'skipped' } });
    expect(result.steps.d.state).toBe('skipped');
    expect(result.dialect.conclusion).toBe('failure');
  });

  it('an Airflow task list opens in Airflow’s words: a failed extract leaves transform upstream_failed; all_done cleanup runs', async () => {
    const c = cli();
    expect(await run(['--input', 'airflow-tasks', 'airflow-tasks.json', '--fail', 'extract=503'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^airflow-tasks\.json in airflow words\n/);
    expect(c.out()).toMatch(/\ntransform +upstream_failed\n/);
    expect(c.out()).toMatch(/\ncleanup +success\n/);
  });

  it('--fail accepts the source’s own name when the step had to be renamed (a state name with spaces)', async () => {
    const c = cli();
    expect(await run(['--input', 'step-functions', 'sfn-retry-backoff.asl.json', '--fail', 'Generate random response', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).dialect.steps['Generate-random-response']).toEqual({ state: 'Caught error' });
  });

  it('--dialect tells any scenario in another system’s words', async () => {
    const c = cli();
    expect(await run(['--preset', 'payment-fails', '--dialect', 'argo', '--json'], c.io)).toBe(0);
    const { dialect } = JSON.parse(c.out());
    expect([dialect.name, dialect.steps['create-invoice'].state, dialect.conclusion]).toEqual(['argo', 'Omitted', 'Failed']);
  });

  it('refuses an unknown format or dialect (exit 1), and bad files or --fail entries with every problem at its path (exit 2)', async () => {
    const a = cli();
    expect(await run(['--input', 'jenkins', 'x'], a.io)).toBe(1);
    expect(a.err()).toMatch(/^error: --input: unknown format "jenkins" \(formats: github-actions, argo, airflow-tasks, step-functions, odata-multipart, graph-batch\)/);
    const b = cli();
    expect(await run(['--preset', 'payment-fails', '--dialect', 'jenkins'], b.io)).toBe(1);
    const c = cli({ 'bad.json': '{"tasks":[{"task_id":"a","downstream_task_ids":["b"]},{"task_id":"b","trigger_rule":"all_sucess"}]}' });
    expect(await run(['--input', 'airflow-tasks', 'bad.json'], c.io)).toBe(2);
    expect(c.err()).toContain('tasks[1].trigger_rule: "all_sucess" is not a trigger rule Ripple knows (did you mean "all_success"?)');
    const d = cli();
    expect(await run(['--input', 'argo', 'argo-continue-on-fail.yaml', '--fail', 'Z=500,B=424'], d.io)).toBe(2);
    expect(d.err()).toContain('--fail Z=500: no step "Z"');
    expect(d.err()).toContain('--fail B=424: 424 is what dependents answer');
  });

  it('leaves the older --input graph-batch response mode as it was', async () => {
    const c = cli({ 'b.json': '{"requests":[{"id":"1","method":"GET","url":"/me"}]}' });
    expect(await run(['--input', 'graph-batch', 'b.json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toHaveProperty('responses');
  });
});
