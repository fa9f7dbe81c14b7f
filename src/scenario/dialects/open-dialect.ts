// The app's door to the dialect importers (issue #11): a picked, dropped or pasted file that
// `detectFormat` recognises as a workflow, DAG, task list, state machine or multipart batch is
// imported here, in the shape the rest of the intake gives (`OpenedInput`). The app reaches this
// module with `import()` only after `detectFormat` (small) has recognised such a file, so the
// importers and GitHub's parser stay out of the main chunk. No extras are needed: a GitHub
// workflow's exact conditions travel in the scenario (each step's `if`, its `context`), and so
// does what the dialect view concludes from (each step's `continueOnError`, `continueOnFailed`,
// `catch`, `failState`; `dialectViewOptions` in src/engine/dialect.ts reads them).
import type { OpenedInput } from '../intake/opened-input.ts';
import { importDialect } from './index.ts';
import type { InputFormat } from './common.ts';

const SOURCE: Readonly<Record<InputFormat, string>> = {
  'github-actions': 'GitHub Actions workflow',
  argo: 'Argo workflow',
  'airflow-tasks': 'Airflow task list',
  'step-functions': 'Step Functions state machine',
  'odata-multipart': 'OData multipart $batch',
  'graph-batch': 'JSON $batch body',
};

/**
 * Imports `text` as `format`. Never throws.
 *
 * @example
 * await openDialectText(yaml, 'argo') // → { ok: true, scenario: { dialect: 'argo', … }, extras: {}, warnings: [], source: 'Argo workflow (7 steps)' }
 */
export async function openDialectText(text: string, format: InputFormat): Promise<OpenedInput> {
  const r = await importDialect(text, format);
  if (!r.ok) return { ok: false, message: r.message, problems: r.problems };
  const n = r.scenario.steps.length;
  return { ok: true, scenario: r.scenario, extras: {}, warnings: r.warnings, source: `${SOURCE[format]} (${n} step${n === 1 ? '' : 's'})` };
}
