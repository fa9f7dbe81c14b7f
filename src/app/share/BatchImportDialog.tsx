// Paste a Microsoft Graph / OData JSON $batch request body; each request becomes a step and
// `dependsOn` becomes dependencies. The text area is uncontrolled and an oversized paste is
// refused before it reaches the page, so pasting 50 MB gives a message, not a frozen tab.
import { useRef, useState } from 'react';
import { MAX_JSON_BYTES } from '../../scenario/index.ts';
import { Dialog } from '../Dialog.tsx';
import { formatBytes, openBatchText, openPastedText, type OpenedInput } from './open-input.ts';
import { ProblemList } from './ProblemList.tsx';

const EXAMPLE = `{
  "requests": [
    { "id": "1", "method": "POST", "url": "/me/todo/lists", "body": { "displayName": "Launch" }, "headers": { "Content-Type": "application/json" } },
    { "id": "2", "method": "POST", "url": "/me/todo/lists/{id}/tasks", "dependsOn": ["1"], "body": { "title": "Book venue" }, "headers": { "Content-Type": "application/json" } },
    { "id": "3", "method": "POST", "url": "/me/events", "dependsOn": ["2"], "body": { "subject": "Launch" }, "headers": { "Content-Type": "application/json" } },
    { "id": "4", "method": "GET", "url": "/me/todo/lists" }
  ]
}`;

export function BatchImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (opened: Extract<OpenedInput, { ok: true }>) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<Extract<OpenedInput, { ok: false }> | null>(null);

  const onPaste = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text');
    if (text.length > MAX_JSON_BYTES) {
      event.preventDefault();
      setError({
        ok: false,
        message: `That paste is ${formatBytes(text.length)}; a batch body can be at most ${formatBytes(MAX_JSON_BYTES)}. Nothing was pasted.`,
        problems: [],
      });
    }
  };

  const onImport = async () => {
    const result = await openPastedText(area.current?.value ?? '', openBatchText);
    if (result.ok) onImported(result);
    else setError(result);
  };

  return (
    <Dialog title="Import a JSON $batch request body" onClose={onClose}>
      <div className="share-body">
      <p className="share-hint">
        Paste the body of a Microsoft Graph or OData JSON batch request (<code>{'{ "requests": [ … ] }'}</code>). Each request becomes a step with
        its request line; <code>dependsOn</code> becomes its dependencies. Then mark which requests fail and run it. Any other file Ripple opens can be
        pasted here too: a scenario, a GitHub Actions workflow, an Argo Workflow, an Airflow task list, a Step Functions state machine or an OData
        multipart batch.
      </p>
      <div className="share-section">
        <label className="share-hint" htmlFor="batch-body">
          Batch request body (JSON)
        </label>
        <textarea
          id="batch-body"
          ref={area}
          className="share-paste"
          rows={12}
          spellCheck={false}
          placeholder={'{ "requests": [ { "id": "1", "method": "POST", "url": "/orders" }, … ] }'}
          onPaste={onPaste}
          onInput={() => setError(null)}
        />
      </div>
      {error && (
        <div className="share-error" role="alert">
          {error.message}
          <ProblemList problems={error.problems} except={error.message} />
        </div>
      )}
      <div className="share-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (area.current) area.current.value = EXAMPLE;
            setError(null);
          }}
        >
          Paste an example
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" onClick={onImport}>
          Import
        </button>
      </div>
      </div>
    </Dialog>
  );
}
