// Opening a file the person picked or dropped: the DOM part (reading the Blob). Recognising
// what the bytes are and turning them into a scenario is the intake gate's
// (src/scenario/intake/opened-input.ts), re-exported here for the app.
import { openBytes, refuseFileSize, type OpenedInput } from '../../scenario/intake/opened-input.ts';
import { detectFormat } from '../../scenario/dialects/detect.ts';

export {
  formatBytes,
  MAX_IMAGE_BYTES,
  openBatchText,
  openBytes,
  openLinkText,
  openText,
  type OpenedInput,
} from '../../scenario/intake/opened-input.ts';

/** A file the person picked or dropped. Refuses oversized files before reading them. */
export async function openFile(file: Blob & { name?: string }): Promise<OpenedInput> {
  const refused = refuseFileSize(file);
  if (refused) return refused;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Issue #11: workflows, DAGs, task lists, state machines, multipart batches (lazy importers).
    const dialect = bytes[0] === 0x89 ? null : detectFormat(new TextDecoder().decode(bytes.subarray(0, 8_192))).format;
    if (dialect && dialect !== 'scenario' && dialect !== 'graph-batch') {
      return (await import('../../scenario/dialects/open-dialect.ts')).openDialectText(new TextDecoder().decode(bytes), dialect);
    }
    return openBytes(bytes, file.name);
  } catch (error) {
    return fail(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Text the person pasted (issue #11): a GitHub Actions workflow, Argo workflow, Airflow task
 * list, Step Functions state machine or OData multipart batch is recognised from the content
 * (`detectFormat`) and imported lazily; anything else goes to `fallback` (the JSON `$batch`
 * reader of the paste dialog). Never throws.
 */
export async function openPastedText(text: string, fallback: (text: string) => OpenedInput): Promise<OpenedInput> {
  try {
    const format = detectFormat(text.slice(0, 8_192)).format;
    if (format && format !== 'scenario' && format !== 'graph-batch') {
      return (await import('../../scenario/dialects/open-dialect.ts')).openDialectText(text, format);
    }
    return fallback(text);
  } catch (error) {
    return fail(`The paste could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(message: string): OpenedInput {
  return { ok: false, message, problems: [] };
}
