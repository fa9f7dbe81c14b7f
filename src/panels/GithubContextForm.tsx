// The GitHub contexts of an imported workflow (issue #11): the values its jobs' `if`s read that
// a simulation cannot know (`github.ref`, `github.event_name`, `inputs.*`), each shown with
// GitHub's documented default (GITHUB_CONTEXT_DEFAULTS) until it is set. A change is one undo
// step on the scenario's `context` and runs the workflow again, so a job whose `if` turns false
// is seen skipped at once. The names and the rules come from src/scenario/dialects/github-context.ts.
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { EditResult } from '../store/types.ts';
import { contextKeysRead, GITHUB_CONTEXT_DEFAULTS, hasIfConditions, setGithubContext } from '../scenario/dialects/github-context.ts';
import { isRefusal } from '../scenario/edits.ts';
import { TextField } from './fields.tsx';

export function GithubContextForm() {
  const store = useRippleStore();
  const dialect = useRipple((s) => s.scenario.dialect);
  const steps = useRipple((s) => s.scenario.steps);
  const context = useRipple((s) => s.scenario.context);
  const readOnly = useRipple((s) => s.readOnly);
  if (dialect !== 'github-actions' || !hasIfConditions({ steps })) return null;
  const keys = contextKeysRead({ steps, context });

  const set = (key: string, value: string | undefined): EditResult => {
    const next = setGithubContext(store.getState().scenario, key, value);
    if (isRefusal(next)) return { ok: false, message: next.map((p) => p.message).join('; '), problems: next };
    const result = store.getState().editSource(next);
    // The run on screen was made with the old values: make it again with the new ones.
    if (result.ok && store.getState().run) store.getState().runScenario();
    return result;
  };

  return (
    <fieldset className="github-context" data-testid="github-context-form">
      <legend>GitHub contexts</legend>
      {keys.length === 0 ? (
        <p className="pb-hint">The jobs’ if conditions read no context value; they depend on the needs’ results only.</p>
      ) : (
        <p className="pb-hint">Values the jobs’ if conditions read. Ripple cannot know them; GitHub’s documented defaults (a push to main) apply until you set one.</p>
      )}
      {keys.map((key) => {
        const own = context !== undefined && Object.hasOwn(context, key) ? context[key] : undefined;
        const fallback = Object.hasOwn(GITHUB_CONTEXT_DEFAULTS, key) ? GITHUB_CONTEXT_DEFAULTS[key] : undefined;
        return (
          <div key={key} className="github-context__row">
            <TextField
              label={key}
              value={own ?? fallback ?? ''}
              disabled={readOnly}
              onCommit={(value) => set(key, value)}
              help={
                own !== undefined ? (
                  <>
                    Set for this workflow{fallback !== undefined ? <> (default: <code>{fallback === '' ? '""' : fallback}</code>)</> : null}.{' '}
                    <button type="button" className="link-button" disabled={readOnly} onClick={() => set(key, undefined)}>
                      Use the default
                    </button>
                  </>
                ) : fallback !== undefined ? (
                  'GitHub’s default'
                ) : (
                  'Not set: empty, as for a value GitHub does not have'
                )
              }
            />
          </div>
        );
      })}
    </fieldset>
  );
}
