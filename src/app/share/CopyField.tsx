// A read-only text with a Copy button: the text stays on screen, so copying by hand works
// even where the clipboard is refused.
import { useId, useState } from 'react';
import { copyText } from '../../panels/copy-text.ts';

export function CopyField({ label, value, buttonLabel, rows = 3 }: { label: string; value: string; buttonLabel: string; rows?: number }) {
  const id = useId();
  // The outcome belongs to the text that was copied: a changed text shows no stale "Copied".
  const [copied, setCopied] = useState<{ value: string; ok: boolean } | null>(null);
  const status = copied?.value === value ? (copied.ok ? 'copied' : 'failed') : null;
  return (
    <div className="share-copy">
      <label className="share-hint" htmlFor={id}>
        {label}
      </label>
      <div className="share-field">
        <textarea id={id} readOnly value={value} rows={rows} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="btn"
          onClick={() => {
            void copyText(value).then((ok) => setCopied({ value, ok }));
          }}
        >
          {buttonLabel}
        </button>
      </div>
      <p className={status === 'failed' ? 'share-status share-status--bad' : 'share-status'} role="status">
        {status === 'copied' && 'Copied.'}
        {status === 'failed' && 'Could not copy: select the text and press Ctrl+C.'}
      </p>
    </div>
  );
}
