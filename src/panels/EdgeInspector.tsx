import { useId } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { selectSelectedDependency } from '../store/panel-selectors.ts';
import type { DependencyCondition } from '../scenario/types.ts';
import { CONDITION_TEXT } from './Inspector.tsx';
import { FieldError, useImmediate } from './fields.tsx';

/** The selected dependency: its condition, or remove it. */
export function EdgeInspector() {
  const store = useRippleStore();
  const dep = useRipple(selectSelectedDependency);
  const scenario = useRipple((s) => s.scenario);
  const readOnly = useRipple((s) => s.readOnly);
  const name = useId();
  const { error, run } = useImmediate();
  if (!dep) return null;
  const labelOf = (id: string) => scenario.steps.find((s) => s.id === id)?.label ?? id;
  const on = dep.on ?? 'success';
  // R14: a run condition on the dependent decides alone; its dependencies stay "on success".
  const when = scenario.steps.find((s) => s.id === dep.to)?.when;
  return (
    <div className="inspector">
      <h2 className="panel-heading">Dependency</h2>
      <p className="panel-hint">
        <strong>{labelOf(dep.to)}</strong> depends on <strong>{labelOf(dep.from)}</strong>.
      </p>
      <fieldset className="group">
        <legend>Condition</legend>
        {(Object.keys(CONDITION_TEXT) as DependencyCondition[]).map((c) => (
          <label className="check" key={c}>
            <input
              type="radio"
              name={name}
              checked={on === c}
              disabled={readOnly || (when !== undefined && c !== 'success' && on !== c)}
              onChange={() => run(store.getState().setEdgeCondition(dep.from, dep.to, c))}
            />
            <span>
              <strong>{CONDITION_TEXT[c].label}</strong> — {CONDITION_TEXT[c].help}
            </span>
          </label>
        ))}
        {when !== undefined && (
          <p className="field__help" data-testid="edge-when-note">
            {labelOf(dep.to)} runs when <code>{when}</code>: its condition replaces the dependencies’ own, so this one stays on success.
          </p>
        )}
        <FieldError error={error} />
      </fieldset>
      {!readOnly && (
        <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().disconnect(dep.from, dep.to)}>
          Delete dependency
        </button>
      )}
    </div>
  );
}
