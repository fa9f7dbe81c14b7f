import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/presets/index.ts';
import { runCli } from './memory-cli.ts';

// `ripple export --format github-actions|argo|airflow` (issue #11, "export back"): the file the
// orchestrator reads; read back with `--input`, it ends as the scenario does when told in that
// system's words (`--dialect`). GitHub and Argo files fail a job with a plain `exit 1`, which the
// importers read as failing; Airflow's task list holds no commands, so there the failures are
// given with `--fail`.

const FORMATS = [
  { format: 'github-actions', input: 'github-actions' },
  { format: 'argo', input: 'argo' },
  { format: 'airflow', input: 'airflow-tasks' },
] as const;

type Told = { steps: Record<string, { state: string }>; conclusion: string };

describe.each(FORMATS)('ripple export --format $format', ({ format, input }) => {
  it.each(['payment-fails', 'artifact-checksum', 'docs-skipped-is-fine'])('%s: exported, imported back, the same words and conclusion', async (preset) => {
    const exported = await runCli(['export', '--preset', preset, '--format', format, '--out', 'exported']);
    if (format === 'airflow' && preset === 'docs-skipped-is-fine') {
      // "docs.Succeeded || docs.Skipped" (with build.Succeeded) is no single trigger rule: refused, not guessed.
      expect(exported.code).toBe(1);
      expect(exported.err).toMatch(/^error: cannot export as airflow: .*deploy: its condition .* has no Airflow trigger rule/);
      return;
    }
    expect(exported.code).toBe(0);
    const text = exported.files.exported as string;
    const failing = findPreset(preset)!.scenario.steps.filter((s) => s.fail !== undefined && s.fail.times === undefined);
    const fail = failing.map((s) => `${s.id}=${s.fail!.status ?? 504}`).join(',');
    const told = format === 'airflow' && fail ? ['--fail', fail] : [];
    const back = await runCli(['--input', input, 'exported', ...told, '--json'], { exported: text });
    expect(back.code).toBe(0);
    const original = await runCli(['--preset', preset, '--dialect', format, '--json']);
    expect(original.code).toBe(0);
    const a = JSON.parse(original.out).dialect as Told;
    const b = JSON.parse(back.out).dialect as Told;
    expect(b.conclusion).toBe(a.conclusion);
    expect(b.steps).toEqual(a.steps);
  });
});

describe('ripple export --format airflow-dag', () => {
  it('writes the Python DAG file the app downloads, and refuses as the task list does', async () => {
    const exported = await runCli(['export', '--preset', 'payment-fails', '--format', 'airflow-dag']);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^# Exported from Ripple[^\n]*\nimport datetime\n\nfrom airflow import DAG\n/);
    expect(exported.out).toContain('with DAG(\n    dag_id=');
    const refused = await runCli(['export', '--preset', 'docs-skipped-is-fine', '--format', 'airflow-dag']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: cannot export as airflow-dag: This scenario has no exact Airflow DAG: deploy: its condition .* has no Airflow trigger rule/);
  });
});
