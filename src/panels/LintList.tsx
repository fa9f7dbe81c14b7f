import { useRippleStore } from '../store/context.tsx';
import { useLint } from '../canvas/use-lint.ts';
import { Icon } from '../canvas/icons.tsx';

/** The engine's lint warnings, each a link to the step it is about (its message names it first). */
export function LintList() {
  const store = useRippleStore();
  const warnings = useLint();
  return (
    <section aria-labelledby="lint-heading">
      <h2 className="panel-heading" id="lint-heading">
        Warnings {warnings.length > 0 && <span className="chip chip--lint">{warnings.length}</span>}
      </h2>
      {warnings.length === 0 ? (
        <p className="panel-hint">No ordering or artifact problems found.</p>
      ) : (
        <ul className="lint-list">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${w.path}-${i}`}>
              <span className="lint-list__icon" aria-hidden="true">
                <Icon name="warning" />
              </span>
              {/* The message starts with the step's name (engine/lint.ts): the whole of it selects the step. */}
              <button type="button" className="link-button" onClick={() => store.getState().selectStep(w.step)}>
                {w.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
