import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { Step } from '../scenario/types.ts';
import { parseWhen, WHEN_RESULTS } from '../scenario/when.ts';
import { whenConflicts } from '../scenario/edits.ts';
import { FieldError, messageOf, useImmediate } from './fields.tsx';
import './when-field.css';

// R14 in the inspector: the step's run condition in Argo's `depends` syntax, checked as the
// person types (the scenario gate's own parser, src/scenario/when.ts, so the message and its
// column are the ones a file would get), with the prerequisites' terms a click away. The
// expression is applied with Enter or the Apply button, one undo step; Escape goes back.

/** The terms a condition can test for prerequisite `id`, the bare id first (it means succeeded or skipped). */
export function termsOf(id: string): string[] {
  return [id, ...WHEN_RESULTS.map((r) => `${id}.${r}`)];
}

/**
 * `text` with `insert` put over the selection `start`–`end`, a space between it and the
 * words around it (none inside parentheses or after `!`); and the caret just after it.
 */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const last = before.at(-1);
  const first = after[0];
  const lead = last !== undefined && !/[\s(!]/.test(last) && insert !== ')' ? ' ' : '';
  const trail = first !== undefined && !/[\s)]/.test(first) && insert !== '(' && insert !== '!' ? ' ' : '';
  return { text: before + lead + insert + trail + after, caret: before.length + lead.length + insert.length };
}

export function WhenField({ step, prerequisites, disabled }: { step: Step; prerequisites: string[]; disabled: boolean }) {
  const store = useRippleStore();
  const scenario = useRipple((s) => s.scenario);
  const id = useId();
  const stored = step.when ?? '';
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  const [refusal, setRefusal] = useState<string | null>(null);
  const clear = useImmediate();
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  // The stored value changed (undo, another panel): show it.
  if (seen !== stored) {
    setSeen(stored);
    setDraft(stored);
    setRefusal(null);
  }

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const parsed = draft.trim() === '' ? null : parseWhen(draft, step.id, prerequisites);
  const problems = parsed && !parsed.ok ? parsed.problems : [];
  const changed = draft.trim() !== stored;
  const canApply = changed && problems.length === 0 && !disabled;
  const conflicts = whenConflicts(scenario, step.id);
  const hasConflicts = conflicts.conditions.length > 0 || conflicts.join;
  const labelOf = (x: string) => scenario.steps.find((s) => s.id === x)?.label ?? x;

  const apply = () => {
    if (!canApply) return;
    setRefusal(messageOf(store.getState().setWhen(step.id, draft)));
  };
  const insert = (term: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? draft.length;
    const end = el?.selectionEnd ?? draft.length;
    const next = insertAt(draft, start, end, term);
    setDraft(next.text);
    setRefusal(null);
    caret.current = next.caret;
  };

  const messageId = `${id}-message`;
  const helpId = `${id}-help`;
  const invalid = problems.length > 0 || refusal !== null;
  return (
    <div className="when-field">
      <div className={invalid ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>Runs when (condition)</label>
        <div className="inline-form">
          <input
            id={id}
            ref={input}
            type="text"
            className="when-field__input"
            value={draft}
            disabled={disabled}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            placeholder={prerequisites.length > 0 ? `${prerequisites[0]}.Succeeded` : ''}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${messageId} ${helpId}`}
            onChange={(e) => {
              setDraft(e.target.value);
              setRefusal(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                apply();
              }
              if (e.key === 'Escape') {
                setDraft(stored);
                setRefusal(null);
              }
            }}
          />
          {!disabled && (
            <button type="button" className="btn btn--small" disabled={!canApply} onClick={apply}>
              {draft.trim() === '' && stored !== '' ? 'Remove' : 'Apply'}
            </button>
          )}
        </div>
        <span className={invalid ? 'field__error' : 'field__help when-field__status'} id={messageId} aria-live="polite" data-testid="when-message">
          {refusal ??
            (problems.length > 0
              ? problems.map((p) => p.message).join('; ')
              : draft.trim() === ''
                ? stored === ''
                  ? 'No condition: each dependency’s own condition decides.'
                  : 'Empty: Remove takes the condition away.'
                : changed
                  ? 'Valid. Press Enter or Apply to use it.'
                  : 'Valid, and in use.')}
        </span>
        <span className="field__help" id={helpId}>
          Argo’s <code>depends</code> syntax: terms joined with <code>&amp;&amp;</code>, <code>||</code>, <code>!</code> and parentheses. A bare id
          means it succeeded or was skipped. The step is decided once all its prerequisites are finished.
        </span>
      </div>

      {!disabled && prerequisites.length > 0 && (
        <details className="when-field__terms">
          <summary>Insert a term</summary>
          {prerequisites.map((p) => (
            <div key={p} className="when-field__term-row" role="group" aria-label={`Terms for ${labelOf(p)}`}>
              {termsOf(p).map((term) => (
                <button
                  key={term}
                  type="button"
                  className="btn btn--small btn--quiet when-field__term"
                  // Keep the caret where it is in the expression while the pointer presses.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(term)}
                >
                  {term}
                </button>
              ))}
            </div>
          ))}
          <div className="when-field__term-row" role="group" aria-label="Operators">
            {['&&', '||', '!', '(', ')'].map((op) => (
              <button key={op} type="button" className="btn btn--small btn--quiet when-field__term" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(op)} aria-label={OPERATOR_NAMES[op]}>
                {op}
              </button>
            ))}
          </div>
        </details>
      )}

      {(stored !== '' || draft.trim() !== '') && hasConflicts && (
        <div className="status-info when-field__conflicts" role="note">
          A condition replaces the dependencies’ own conditions and “any one”, so these are not allowed beside it:
          <ul>
            {conflicts.conditions.map((d) => (
              <li key={d.from}>
                the dependency on {labelOf(d.from)} is “{d.on === 'failure' ? 'on failure' : 'always'}”
              </li>
            ))}
            {conflicts.join && <li>“Runs when any one prerequisite is satisfied”</li>}
          </ul>
          {!disabled && (
            <button type="button" className="btn btn--small" onClick={() => clear.run(store.getState().clearWhenConflicts(step.id))}>
              Clear them (on success, all)
            </button>
          )}
          <FieldError error={clear.error} />
        </div>
      )}
    </div>
  );
}

const OPERATOR_NAMES: Record<string, string> = {
  '&&': 'and (&&)',
  '||': 'or (||)',
  '!': 'not (!)',
  '(': 'open parenthesis',
  ')': 'close parenthesis',
};
