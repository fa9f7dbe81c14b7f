// Which kind of file a text is, recognised from its content alone (issue #11: open, drop and
// paste need no format picker). Cheap: looks at the first few kilobytes and a few keys, never
// parses the whole file. The importer then reads it properly.
import type { InputFormat } from './common.ts';

/** What `detectFormat` recognises: an import format, Ripple's own scenario, or nothing. */
export type Detected = { format: InputFormat } | { format: 'scenario' } | { format: null; message: string };

const HEAD = 8_192;

/**
 * Recognises a file from its first characters and top-level keys.
 *
 * @example
 * detectFormat('{"StartAt":"A","States":{}}') // → { format: 'step-functions' }
 * detectFormat('hello') // → { format: null, message: 'Ripple does not recognise this file: …' }
 */
export function detectFormat(text: string): Detected {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (/^--\S+\s*$/m.test(trimmed.split('\n')[0] ?? '') || (/^(POST|GET)\s+\S*\$batch/i.test(trimmed) && /multipart\/mixed/i.test(head))) {
    return { format: 'odata-multipart' };
  }
  if (trimmed.startsWith('{')) {
    if (/"StartAt"\s*:/.test(head) && /"States"\s*:/.test(head)) return { format: 'step-functions' };
    if (/"tasks"\s*:\s*\[/.test(head) && /"task_id"\s*:/.test(head)) return { format: 'airflow-tasks' };
    if (/"version"\s*:/.test(head) && /"steps"\s*:/.test(head)) return { format: 'scenario' };
    if (/"requests"\s*:\s*\[/.test(head)) return { format: 'graph-batch' };
  }
  if (/^apiVersion:\s*argoproj\.io\//m.test(head) || (/^kind:\s*(Workflow|WorkflowTemplate|CronWorkflow|ClusterWorkflowTemplate)\s*$/m.test(head) && /templates:/.test(head))) {
    return { format: 'argo' };
  }
  if (/^jobs:\s*$/m.test(head) && (/^["']?on["']?:/m.test(head) || /runs-on:|uses:/.test(head))) return { format: 'github-actions' };
  return {
    format: null,
    message:
      'Ripple does not recognise this file: expected a Ripple scenario, a GitHub Actions workflow (jobs:), an Argo workflow (apiVersion: argoproj.io/…), an Airflow task list ({"tasks": [{"task_id": …}]}), a Step Functions state machine ({"StartAt", "States"}), an OData multipart $batch (--batch_…) or a JSON $batch ({"requests": […]}).',
  };
}
