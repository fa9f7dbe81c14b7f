import { useId, useState, type ReactNode } from 'react';
import type { EditResult } from '../store/types.ts';

// Form fields that commit on Enter or when they lose focus. A value the scenario's rules
// refuse is not committed: the field keeps what was typed and shows the engine's message.

export type Commit<T> = (value: T) => EditResult;

/** The message to show at a field for a refused edit. */
export function messageOf(result: EditResult): string | null {
  if (result.ok) return null;
  return result.problems.map((p) => p.message).join('; ') || result.message;
}

function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // The stored value changed (undo, another panel): show it and drop a stale error.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
    setError(null);
  }
  return { draft, setDraft, error, setError };
}

interface BaseProps {
  label: string;
  help?: ReactNode;
  disabled?: boolean;
  placeholder?: string;
}

function Field({ id, label, help, error, children }: { id: string; label: string; help?: ReactNode; error: string | null; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field__error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
      {help && (
        <span className="field__help" id={`${id}-help`}>
          {help}
        </span>
      )}
    </div>
  );
}

/**
 * A line (or, `multiline`, a box) of text; `name`: the input's name, for code that finds the field
 * (StepTable.tsx focuses the step's Name). `onDone` (a line only): after Enter committed the text
 * (or found nothing to commit; not when refused) or Escape put the stored value back, with the input.
 */
export function TextField({ label, value, onCommit, onDone, help, disabled, placeholder, name, multiline = false }: BaseProps & {
  value: string;
  name?: string;
  onCommit: Commit<string>;
  onDone?: (how: 'commit' | 'revert', input: HTMLInputElement) => void;
  multiline?: boolean;
}) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value);
  /** Commits the draft; false when the scenario's rules refused it. */
  const commit = (): boolean => {
    if (draft === value) {
      setError(null);
      return true;
    }
    const message = messageOf(onCommit(draft));
    setError(message);
    return message === null;
  };
  const props = {
    id,
    name,
    value: draft,
    disabled,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error && `${id}-error`, help && `${id}-help`].filter(Boolean).join(' ') || undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    // Nothing typed since the last commit: Ctrl+Z is the editor's undo (src/app/use-shortcuts.ts),
    // not the browser's, whose one undo list would put another field's old text back here.
    'data-unedited': draft === value ? '' : undefined,
  };
  return (
    <Field id={id} label={label} help={help} error={error}>
      {multiline ? (
        <textarea {...props} onKeyDown={(e) => e.key === 'Escape' && setDraft(value)} />
      ) : (
        <input
          type="text"
          {...props}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && commit()) onDone?.('commit', e.currentTarget);
            if (e.key === 'Escape') {
              setDraft(value);
              setError(null);
              onDone?.('revert', e.currentTarget);
            }
          }}
        />
      )}
    </Field>
  );
}

/** A number; empty means "not set" when `optional`. */
export function NumberField({ label, value, onCommit, help, disabled, placeholder, optional = false, min, step }: BaseProps & {
  value: number | undefined;
  onCommit: Commit<number | undefined>;
  optional?: boolean;
  min?: number;
  step?: number;
}) {
  const id = useId();
  const text = value === undefined ? '' : String(value);
  const { draft, setDraft, error, setError } = useDraft(text);
  const commit = () => {
    if (draft.trim() === text) return setError(null);
    const trimmed = draft.trim();
    if (trimmed === '') {
      if (optional) setError(messageOf(onCommit(undefined)));
      else setError('enter a number');
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n)) return setError('enter a number');
    setError(messageOf(onCommit(n)));
  };
  return (
    <Field id={id} label={label} help={help} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={draft}
        min={min}
        step={step}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error && `${id}-error`, help && `${id}-help`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        data-unedited={draft.trim() === text ? '' : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(text);
            setError(null);
          }
        }}
      />
    </Field>
  );
}

/** Commits at once on change (selects, checkboxes); shows a refusal under it. */
export function useImmediate() {
  const [error, setError] = useState<string | null>(null);
  return { error, run: (result: EditResult) => setError(messageOf(result)) };
}

export function FieldError({ error, id }: { error: string | null; id?: string }) {
  return error ? (
    <span className="field__error" id={id} role="alert">
      {error}
    </span>
  ) : null;
}
