import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDialect } from '../../src/scenario/dialects/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { runCli } from './memory-cli.ts';

// A GitHub Actions scenario saved to a file (or a link) keeps its jobs' ifs; every CLI command
// that runs it decides the jobs by them, as `--input github-actions` does right after import.
// github-nightly.yml: build → test → report (if: always()) → deploy (ref check), notify (failure()).

const yaml = readFileSync(new URL('../fixtures/dialects/github-nightly.yml', import.meta.url), 'utf8');

async function savedWithTestFailing(): Promise<string> {
  const imported = await importDialect(yaml, 'github-actions');
  if (!imported.ok) throw new Error(imported.message);
  const scenario: Scenario = { ...imported.scenario, steps: imported.scenario.steps.map((s) => (s.id === 'test' ? { ...s, fail: { status: 500 } } : s)) };
  return JSON.stringify(scenario);
}

const states = (out: string) => Object.fromEntries(Object.entries((JSON.parse(out) as { steps: Record<string, { state: string }> }).steps).map(([id, s]) => [id, s.state]));

describe('a saved GitHub Actions scenario runs by its ifs', () => {
  it('ripple run: failure() sees the test failure two levels up, so notify runs; deploy is skipped', async () => {
    const { code, out } = await runCli(['run', 'nightly.json', '--json'], { 'nightly.json': await savedWithTestFailing() });
    expect(code).toBe(0);
    expect(states(out)).toMatchObject({ test: 'failed', report: 'succeeded', notify: 'succeeded' });
    expect(states(out).deploy).not.toBe('succeeded');
  });

  it('gives the same step states as --input github-actions with --fail', async () => {
    const saved = await runCli(['run', 'nightly.json', '--json'], { 'nightly.json': await savedWithTestFailing() });
    const imported = await runCli(['--input', 'github-actions', 'n.yml', '--fail', 'test=500', '--json'], { 'n.yml': yaml });
    expect(imported.code).toBe(0);
    expect(states(saved.out)).toEqual(states(imported.out));
  });

  it('compare and grade run it the same way', async () => {
    const files = { 'nightly.json': await savedWithTestFailing() };
    const compared = await runCli(['compare', 'nightly.json', 'nightly.json', '--json'], files);
    expect(compared.code).toBe(0);
    expect((JSON.parse(compared.out) as { a: { steps: Record<string, { state: string }> } }).a.steps.notify.state).toBe('succeeded');
    const graded = await runCli(['grade', 'nightly.json', '--answers', 'notify=succeeded', '--json'], files);
    expect(graded.code).toBe(0);
    const item = (JSON.parse(graded.out) as { items: { step: string; correct: boolean }[] }).items.find((i) => i.step === 'notify');
    expect(item?.correct).toBe(true);
  });

  it('an if GitHub refuses is exit 2 naming steps[i].if', async () => {
    const scenario = JSON.parse(await savedWithTestFailing()) as Scenario;
    const i = scenario.steps.findIndex((s) => s.id === 'notify');
    scenario.steps[i] = { ...scenario.steps[i], if: 'failure( &&' };
    const { code, err } = await runCli(['run', 'bad.json'], { 'bad.json': JSON.stringify(scenario) });
    expect(code).toBe(2);
    expect(err).toContain(`steps[${i}].if`);
  });

  it('a job without needs whose if is false is skipped, its dependents too, with no warning', async () => {
    const workflow = [
      'on: [push, pull_request]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps: [{ run: make }]',
      '  publish-docs:',
      "    if: github.event_name == 'push'",
      '    runs-on: ubuntu-latest',
      '    steps: [{ run: make docs }]',
      '  announce:',
      '    needs: publish-docs',
      '    runs-on: ubuntu-latest',
      '    steps: [{ run: echo done }]',
      '',
    ].join('\n');
    const pr = await runCli(['--input', 'github-actions', 'ci.yml', '--context', 'github.event_name=pull_request', '--json'], { 'ci.yml': workflow });
    expect(pr.err).toBe('');
    expect(JSON.parse(pr.out).dialect).toMatchObject({ steps: { build: { state: 'success' }, 'publish-docs': { state: 'skipped' }, announce: { state: 'skipped' } }, conclusion: 'success' });
    const push = await runCli(['--input', 'github-actions', 'ci.yml', '--json'], { 'ci.yml': workflow });
    expect(JSON.parse(push.out).dialect.steps['publish-docs'].state).toBe('success');
  });

  it('continue-on-error: the jobs that need a failed job see success, so they run and failure() is false (with and without ifs)', async () => {
    const jobs = (withIf: boolean) =>
      [
        'on: push',
        'jobs:',
        '  lint:',
        '    runs-on: ubuntu-latest',
        '    continue-on-error: true',
        '    steps: [{ run: make lint }]',
        '  deploy:',
        '    needs: lint',
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: make deploy }]',
        ...(withIf ? ['  notify:', '    needs: lint', '    if: failure()', '    runs-on: ubuntu-latest', '    steps: [{ run: echo failed }]'] : []),
        '',
      ].join('\n');
    for (const withIf of [true, false]) {
      const r = await runCli(['--input', 'github-actions', 'ci.yml', '--fail', 'lint=500', '--json'], { 'ci.yml': jobs(withIf) });
      expect(r.code).toBe(0);
      const dialect = JSON.parse(r.out).dialect;
      expect(dialect.steps.lint.state).toBe('failure');
      expect(dialect.steps.deploy.state).toBe('success');
      if (withIf) expect(dialect.steps.notify.state).toBe('skipped');
      expect(dialect.conclusion).toBe('success');
    }
  });
});
