// A GitHub Actions export says where each job runs as the workflow it came from did (its
// runner labels, or the reusable workflow it calls), and puts a step's text into `run:` as one
// literal word: neither the shell nor GitHub's expression syntax may read code in it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportGithubActions } from '../../../src/export/dialects/github-actions.ts';
import { importGithubActions } from '../../../src/scenario/dialects/github-actions.ts';
import type { Scenario } from '../../../src/scenario/types.ts';

type Job = { 'runs-on'?: unknown; uses?: string; steps?: { run: string }[]; 'timeout-minutes'?: number };
const jobsOf = (text: string) => (parse(text) as { jobs: Record<string, Job> }).jobs;

const WORKFLOW = `on: push
jobs:
  build:
    runs-on: [self-hosted, linux, x64]
    steps:
      - run: make
  test:
    needs: build
    runs-on: ubuntu-24.04
    steps:
      - run: make test
  release:
    needs: test
    uses: octo-org/example-repo/.github/workflows/release.yml@main
`;

describe('a GitHub workflow exported back', () => {
  it("keeps each job's runner labels and the reusable workflow a job calls, and reads back the same", async () => {
    const first = await importGithubActions(WORKFLOW);
    if (!first.ok) throw new Error(first.message);
    const exported = exportGithubActions(first.scenario);
    if (!exported.ok) throw new Error(exported.message);
    const jobs = jobsOf(exported.text);
    expect(jobs.build['runs-on']).toEqual(['self-hosted', 'linux', 'x64']);
    expect(jobs.test['runs-on']).toBe('ubuntu-24.04');
    expect(jobs.release).toEqual({ needs: 'test', uses: 'octo-org/example-repo/.github/workflows/release.yml@main' });
    // The real parser (@actions/workflow-parser, through the importer) accepts the file.
    const back = await importGithubActions(exported.text);
    if (!back.ok) throw new Error(back.message);
    expect(back.scenario.steps.map((s) => [s.id, s.request])).toEqual(first.scenario.steps.map((s) => [s.id, s.request]));
  });

  it('names what a reusable-workflow job cannot carry', async () => {
    const first = await importGithubActions(WORKFLOW);
    if (!first.ok) throw new Error(first.message);
    const scenario: Scenario = { ...first.scenario, steps: first.scenario.steps.map((s) => (s.id === 'release' ? { ...s, fail: { status: 500 }, timeoutMs: 120_000 } : s)) };
    const exported = exportGithubActions(scenario);
    expect(exported.ok && exported.warnings).toEqual(
      expect.arrayContaining([
        'release calls a reusable workflow (octo-org/example-repo/.github/workflows/release.yml@main), which cannot say its failure in Ripple: left out',
        'release calls a reusable workflow (octo-org/example-repo/.github/workflows/release.yml@main), which cannot say timeout-minutes: left out',
        'release calls octo-org/example-repo/.github/workflows/release.yml@main without with: or secrets: add the inputs and secrets it needs',
        'the workflow runs on workflow_dispatch (started by hand); the original on: triggers are not kept',
      ]),
    );
  });
});

describe('the trigger', () => {
  it('an imported workflow is told its on: is written as workflow_dispatch; a drawn scenario is not', async () => {
    const first = await importGithubActions(WORKFLOW);
    if (!first.ok) throw new Error(first.message);
    const note = 'the workflow runs on workflow_dispatch (started by hand); the original on: triggers are not kept';
    const imported = exportGithubActions(first.scenario);
    expect(imported.ok && imported.warnings).toContain(note);
    expect(parse(imported.ok ? imported.text : '').on).toBe('workflow_dispatch');
    const drawn = exportGithubActions({ version: 2, title: 'Order', steps: [{ id: 'a' }, { id: 'b' }], dependencies: [{ from: 'a', to: 'b' }] });
    expect(drawn.ok && drawn.warnings).not.toContain(note);
  });
});

describe('an if: that reads the context', () => {
  it("names each job whose kept if: reads the event, the ref or an input, with the values Ripple read (a real release workflow)", async () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/dialects/github-release.yml'), 'utf8');
    const imported = await importGithubActions(text, { context: { 'github.ref': 'refs/tags/v1.2.0' } });
    if (!imported.ok) throw new Error(imported.message);
    const exported = exportGithubActions(imported.scenario);
    if (!exported.ok) throw new Error(exported.message);
    const notes = exported.warnings.filter((w) => w.includes("'s if: reads"));
    expect(notes).toEqual([
      expect.stringMatching(/^smoke's if: reads github\.event_name, .*\(Ripple read github\.event_name = push\)$/),
      expect.stringMatching(/^publish's if: reads github\.ref, inputs\.dry_run, .*\(Ripple read github\.ref = refs\/tags\/v1\.2\.0, inputs\.dry_run = false\)$/),
    ]);
    // The if:s themselves go out as written.
    expect(jobsOf(exported.text).smoke).toMatchObject({ if: "${{ github.event_name == 'workflow_dispatch' }}" });
  });

  it('says nothing for an if: over needs and status functions only', async () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
  notify:
    needs: build
    if: \${{ failure() && needs.build.result == 'failure' && contains('github.ref', 'x') }}
    runs-on: ubuntu-latest
    steps:
      - run: echo
`;
    const imported = await importGithubActions(workflow);
    if (!imported.ok) throw new Error(imported.message);
    const exported = exportGithubActions(imported.scenario);
    expect(exported.ok && exported.warnings.filter((w) => w.includes("'s if: reads"))).toEqual([]);
  });
});

describe("a step's request in run:", () => {
  const hostile = [`GET /$(echo INJECTED)`, "POST /o'rders `echo INJECTED`", 'GET /${{ secrets.TOKEN }}/x', "DELETE /a'${{ github.token }}'; echo INJECTED"];

  it.each(hostile)('%s is echoed as written, by bash, and holds no GitHub expression', async (request) => {
    const scenario: Scenario = { version: 2, title: 'Hostile', steps: [{ id: 'call', request }], dependencies: [] };
    const exported = exportGithubActions(scenario);
    if (!exported.ok) throw new Error(exported.message);
    const run = jobsOf(exported.text).call.steps![0].run;
    expect(run).not.toContain('${{');
    const shell = spawnSync('bash', ['-c', run], { encoding: 'utf8' });
    expect(shell.stdout).toBe(`${request}\n`);
    // GitHub's own parser reads the file without an expression in it.
    const back = await importGithubActions(exported.text);
    expect(back.ok).toBe(true);
  });
});

describe('names GitHub would evaluate', () => {
  it('writes a ${{ in the title or a job name as $ {{, says so, and the file reads back with GitHub\'s parser', async () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Deploy ${{ secrets.TOKEN }}',
      steps: [{ id: 'a', label: 'Build ${{ github.token }}' }, { id: 'b' }],
      dependencies: [{ from: 'a', to: 'b' }],
    };
    const exported = exportGithubActions(scenario);
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.text).not.toContain('${{ secrets');
    expect(exported.text).not.toContain('${{ github.token');
    expect((parse(exported.text) as { name: string }).name).toBe('Deploy $ {{ secrets.TOKEN }}');
    expect(jobsOf(exported.text).a).toMatchObject({ name: 'Build $ {{ github.token }}' });
    expect(exported.warnings).toEqual(
      expect.arrayContaining(["the title holds ${{, which GitHub would evaluate as an expression: written $ {{", "a's name holds ${{, which GitHub would evaluate as an expression: written $ {{"]),
    );
    // Unescaped, GitHub's parser refuses the title ("Unrecognized named-value: 'secrets'").
    const back = await importGithubActions(exported.text);
    expect(back.ok).toBe(true);
  });

  it('says when a job ran on a matrix runner the export cannot write', async () => {
    const first = await importGithubActions('on: push\njobs:\n  test:\n    strategy: {matrix: {os: [ubuntu-latest, windows-latest]}}\n    runs-on: ${{ matrix.os }}\n    steps: [{run: make test}]\n');
    if (!first.ok) throw new Error(first.message);
    const exported = exportGithubActions(first.scenario);
    expect(exported.ok && exported.warnings).toContain('test ran on ${{ matrix.os }}, which needs the matrix or inputs the export does not write: it runs on ubuntu-latest');
  });
});
