// A GitHub Actions export says where each job runs as the workflow it came from did (its
// runner labels, or the reusable workflow it calls), and puts a step's text into `run:` as one
// literal word: neither the shell nor GitHub's expression syntax may read code in it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { exportGithubActions } from '../../../src/export/dialects/github-actions.ts';
import { importGithubActions } from '../../../src/scenario/dialects/github-actions.ts';
import type { Scenario } from '../../../src/scenario/types.ts';

type Job = { 'runs-on'?: unknown; uses?: string; steps?: { run: string }[]; 'timeout-minutes'?: number };
const jobsOf = (text: string) => (parse(text) as { jobs: Record<string, Job> }).jobs;

/** The workflow_dispatch inputs as GitHub's own parser and converter (@actions/workflow-parser) read them; throws on any error it reports. */
async function dispatchInputsOf(text: string): Promise<unknown> {
  const parsed = parseWorkflow({ name: 'exported.yml', content: text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors();
  if (errors.length > 0 || !parsed.value) throw new Error(`GitHub's parser refuses the file: ${errors.map((e) => e.message).join('; ')}`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if ((template.errors ?? []).length > 0) throw new Error(`GitHub's converter refuses the file: ${template.errors!.map((e) => e.Message).join('; ')}`);
  return template.events.workflow_dispatch?.inputs;
}

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
  const release = readFileSync(join(import.meta.dirname, '../../fixtures/dialects/github-release.yml'), 'utf8');
  const exportRelease = async (context: Record<string, string>) => {
    const imported = await importGithubActions(release, { context });
    if (!imported.ok) throw new Error(imported.message);
    const exported = exportGithubActions(imported.scenario);
    if (!exported.ok) throw new Error(exported.message);
    return { scenario: imported.scenario, exported };
  };
  const notesOf = (warnings: string[]) => warnings.filter((w) => w.includes("'s if: reads"));

  it("says per job whether it ran in Ripple's run, and what decides it on GitHub, where the file starts by hand (a real release workflow)", async () => {
    const { exported } = await exportRelease({ 'github.ref': 'refs/tags/v1.2.0' });
    expect(notesOf(exported.warnings)).toEqual([
      // Ripple's run was a push; the file starts only on workflow_dispatch, so GitHub runs smoke.
      "smoke's if: reads github.event_name. In Ripple's run smoke was skipped (github.event_name = push); on GitHub this file starts by hand (workflow_dispatch), so github.event_name = workflow_dispatch; there smoke runs",
      "publish's if: reads github.ref, inputs.dry_run. In Ripple's run publish ran (github.ref = refs/tags/v1.2.0, inputs.dry_run = false); on GitHub this file starts by hand (workflow_dispatch), and whether publish runs depends on the branch or tag it is started on (github.ref) and the inputs given (inputs.dry_run, default false)",
    ]);
    // On a branch, Ripple skips publish.
    const onMain = await exportRelease({});
    expect(notesOf(onMain.exported.warnings)[1]).toMatch(/^publish's if: reads github\.ref, inputs\.dry_run\. In Ripple's run publish was skipped \(github\.ref = refs\/heads\/main, inputs\.dry_run = false\); /);
    // The if:s themselves go out as written.
    expect(jobsOf(exported.text).smoke).toMatchObject({ if: "${{ github.event_name == 'workflow_dispatch' }}" });
  });

  it("names only the context the file cannot carry as left out of the file; an input the if:s read is declared with Ripple's value", async () => {
    const { exported } = await exportRelease({ 'github.ref': 'refs/tags/v1.2.0' });
    expect(exported.warnings).toContain('the context (github.ref = refs/tags/v1.2.0) is what the triggering event sets, not the workflow file: left out of the file');
    expect(exported.warnings).toContain('on: workflow_dispatch declares the inputs the if:s read, with the values Ripple read as defaults: dry_run (boolean, default false)');
  });

  it('declares each input a kept if: reads, a boolean as type: boolean with its default, and GitHub\'s parser reads them so', async () => {
    for (const dryRun of [false, true]) {
      const { exported } = await exportRelease({ 'inputs.dry_run': String(dryRun) });
      // As written: a YAML boolean, so `!inputs.dry_run` reads a boolean, not the string 'false' (which is truthy).
      expect((parse(exported.text) as { on: unknown }).on).toEqual({ workflow_dispatch: { inputs: { dry_run: { type: 'boolean', default: dryRun } } } });
      expect(await dispatchInputsOf(exported.text)).toEqual({ dry_run: { type: 'boolean', default: dryRun } });
    }
  });

  it('declares a number as type: number and text as type: string; an input without a value has no default', async () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: make}]
  deploy:
    needs: build
    if: \${{ inputs.shards > 2 && inputs.channel == 'beta' && inputs.note != '' }}
    runs-on: ubuntu-latest
    steps: [{run: echo}]
`;
    const imported = await importGithubActions(workflow, { context: { 'inputs.shards': '3', 'inputs.channel': 'beta' } });
    if (!imported.ok) throw new Error(imported.message);
    const exported = exportGithubActions(imported.scenario);
    if (!exported.ok) throw new Error(exported.message);
    const inputs = { channel: { type: 'string', default: 'beta' }, note: { type: 'string' }, shards: { type: 'number', default: 3 } };
    expect((parse(exported.text) as { on: unknown }).on).toEqual({ workflow_dispatch: { inputs } });
    // GitHub's parser accepts the file; version 0.3.61 does not model `type: number` (GitHub's docs
    // list it) and reads that input as an empty configuration.
    expect(await dispatchInputsOf(exported.text)).toEqual({ channel: inputs.channel, note: inputs.note, shards: {} });
    expect(notesOf(exported.warnings)).toEqual([
      "deploy's if: reads inputs.channel, inputs.note, inputs.shards. In Ripple's run deploy was skipped (inputs.channel = beta, inputs.note empty, inputs.shards = 3); on GitHub this file starts by hand (workflow_dispatch), and whether deploy runs depends on the inputs given (inputs.channel, default beta; inputs.note, no default; inputs.shards, default 3)",
    ]);
  });

  it("says what GitHub does when the job and its needs read only the event and boolean or text inputs: the engine's run with github.event_name = workflow_dispatch", async () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: make}]
  deploy:
    needs: build
    if: \${{ github.event_name == 'push' && !inputs.dry_run }}
    runs-on: ubuntu-latest
    steps: [{run: echo}]
`;
    const imported = await importGithubActions(workflow, { context: { 'inputs.dry_run': 'false' } });
    if (!imported.ok) throw new Error(imported.message);
    const exported = exportGithubActions(imported.scenario);
    expect(exported.ok && notesOf(exported.warnings)).toEqual([
      "deploy's if: reads github.event_name, inputs.dry_run. In Ripple's run deploy ran (github.event_name = push, inputs.dry_run = false); on GitHub this file starts by hand (workflow_dispatch), so github.event_name = workflow_dispatch; started there with the inputs' defaults, deploy is skipped",
    ]);
    // A failed need skips it either way.
    const failing = exportGithubActions({ ...imported.scenario, steps: imported.scenario.steps.map((s) => (s.id === 'build' ? { ...s, fail: { status: 500 } } : s)) });
    expect(failing.ok && notesOf(failing.warnings)).toEqual([
      "deploy's if: reads github.event_name, inputs.dry_run. In Ripple's run deploy was skipped after a need failed (github.event_name = push, inputs.dry_run = false); on GitHub this file starts by hand (workflow_dispatch), so github.event_name = workflow_dispatch; started there with the inputs' defaults, deploy is skipped after a need fails",
    ]);
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
