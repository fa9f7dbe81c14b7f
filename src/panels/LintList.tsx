import { useRipple, useRippleStore } from '../store/context.tsx';
import { useLint } from '../canvas/use-lint.ts';
import { Icon } from '../canvas/icons.tsx';

/** The engine's lint warnings, each linking to the step it is about. */
export function LintList() {
  const store = useRippleStore();
  const warnings = useLint();
  const scenario = useRipple((s) => s.scenario);
  const labelOf = (id: string) => scenario.steps.find((s) => s.id === id)?.label ?? id;
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
              <span>
                <button type="button" className="link-button" onClick={() => store.getState().selectStep(w.step)}>
                  {labelOf(w.step)}
                </button>
                : {w.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
