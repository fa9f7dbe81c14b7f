import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import { selectLiveStates } from '../store/selectors.ts';
import { orderedSteps } from '../store/graph.ts';
import { STATE_META, stateText } from '../canvas/state-meta.ts';
import { stepMarks } from '../canvas/step-marks.ts';
import { CONDITION_TEXT } from './Inspector.tsx';

// The steps as a table: an alternative to the canvas for screen readers and keyboards,
// showing the same state (icon and words) at the current moment of the run.
const selectTable = (s: RippleState) => ({ scenario: s.scenario, selectedStepId: s.selectedStepId });

export function StepTable() {
  const store = useRippleStore();
  const { scenario, selectedStepId } = useRipple(useShallow(selectTable));
  const live = useRipple(selectLiveStates);
  const labelOf = (id: string) => scenario.steps.find((s) => s.id === id)?.label ?? id;
  const steps = orderedSteps(scenario);
  return (
    <div className="step-table-wrap">
      <table className="step-table">
        <caption>
          {steps.length} steps in dependency order{live ? ', with each one’s state at the current moment of the run' : ''}. Choose a step to
          inspect it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Request</th>
            <th scope="col">Depends on</th>
            <th scope="col">Configured</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => {
            const view = live?.[step.id];
            const deps = scenario.dependencies.filter((d) => d.to === step.id);
            const marks = stepMarks(step);
            return (
              <tr key={step.id} aria-selected={selectedStepId === step.id} data-testid={`row-${step.id}`}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => store.getState().selectStep(step.id)}>
                    {step.label ?? step.id}
                  </button>
                  <br />
                  <code>{step.id}</code>
                </th>
                <td>{step.request ? <code>{step.request}</code> : '—'}</td>
                <td>{deps.length === 0 ? '—' : deps.map((d) => `${labelOf(d.from)}${d.on && d.on !== 'success' ? ` (${CONDITION_TEXT[d.on].label})` : ''}`).join(', ')}</td>
                <td>{marks.length === 0 ? 'succeeds' : marks.map((m) => m.title).join('; ')}</td>
                <td>
                  {view ? (
                    <span className={`state-badge state-${view.state}`}>
                      <span aria-hidden="true">{STATE_META[view.state].icon}</span>
                      {stateText(view)}
                    </span>
                  ) : (
                    'not run'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
