import { useRipple, useRippleStore } from '../store/context.tsx';
import { TextField } from './fields.tsx';
import { PolicyPanel } from './PolicyPanel.tsx';
import { LintList } from './LintList.tsx';

/** The whole scenario: its title and description, the policy, and lint warnings. */
export function ScenarioPanel() {
  const store = useRippleStore();
  const title = useRipple((s) => s.scenario.title);
  const description = useRipple((s) => s.scenario.description);
  const readOnly = useRipple((s) => s.readOnly);
  return (
    <div className="scenario-panel">
      <TextField label="Title" value={title} disabled={readOnly} onCommit={(v) => store.getState().setTitle(v)} />
      <TextField
        label="Description"
        value={description ?? ''}
        multiline
        disabled={readOnly}
        placeholder="What goes wrong, in one sentence."
        onCommit={(v) => store.getState().setDescription(v)}
      />
      <PolicyPanel />
      <LintList />
    </div>
  );
}
