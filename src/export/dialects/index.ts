// Export back (issue #11): the orchestrator files Ripple writes, behind one function the app's
// Import / Export menu and `ripple export --format github-actions|argo|airflow|airflow-dag` both call.
import type { Scenario } from '../../scenario/types.ts';
import { fileBase } from '../file-name.ts';
import { exportAirflowTasks } from './airflow.ts';
import { exportAirflowDag } from './airflow-dag.ts';
import { exportArgo } from './argo.ts';
import { exportGithubActions } from './github-actions.ts';

export type DialectExportFormat = 'github-actions' | 'argo' | 'airflow' | 'airflow-dag';

/** Each format's exporter, its name as people say it, and the file it writes (extension and media type). */
export const DIALECT_EXPORTS = {
  'github-actions': { title: 'GitHub Actions workflow', write: exportGithubActions, suffix: '.yml', mime: 'application/yaml' },
  argo: { title: 'Argo Workflow', write: exportArgo, suffix: '.argo.yaml', mime: 'application/yaml' },
  airflow: { title: 'Airflow task list', write: exportAirflowTasks, suffix: '.airflow-tasks.json', mime: 'application/json' },
  'airflow-dag': { title: 'Airflow DAG file', write: exportAirflowDag, suffix: '_dag.py', mime: 'text/x-python' },
} as const satisfies Record<DialectExportFormat, unknown>;

/** The file for `format`, with the warnings of what it leaves out or approximates; or why there is none (a condition the system cannot say). */
export type DialectExportFile =
  | { ok: true; filename: string; mime: string; text: string; warnings: string[] }
  | { ok: false; message: string };

/**
 * @example
 * dialectExportFile('argo', paymentFails) // → { ok: true, filename: 'payment-fails.argo.yaml', mime: 'application/yaml', text: 'apiVersion: …', warnings: [] }
 */
export function dialectExportFile(format: DialectExportFormat, scenario: Scenario): DialectExportFile {
  const { write, suffix, mime } = DIALECT_EXPORTS[format];
  const exported = write(scenario);
  if (!exported.ok) return exported;
  return { ok: true, filename: `${fileBase(scenario.title)}${suffix}`, mime, text: exported.text, warnings: exported.warnings };
}
