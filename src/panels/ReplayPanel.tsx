import { useShallow } from 'zustand/react/shallow';
import { useRipple } from '../store/context.tsx';
import { selectLatestSegment, selectReplayableSteps, selectReplayPlan } from '../store/selectors.ts';
import type { RippleState } from '../store/store.ts';
import { Icon } from '../canvas/icons.tsx';
import './playback.css';

// "Replay from failed step": shows the engine's plan (rerun vs keep, warnings) on the canvas and
// here, lets the person choose which failed steps to replay from, and runs the replay against
// the scenario as edited now. The replay's events continue on the timeline after the run's.

const selectActions = (s: RippleState) => ({
  openReplayPlan: s.openReplayPlan,
  setReplayFrom: s.setReplayFrom,
  closeReplayPlan: s.closeReplayPlan,
  runReplay: s.runReplay,
  selectStep: s.selectStep,
});

function StepList({ ids, onSelect }: { ids: string[]; onSelect: (id: string) => void }) {
  if (ids.length === 0) return <span className="pb-none">none</span>;
  return (
    <ul className="pb-inline-list">
      {ids.map((id) => (
        <li key={id}>
          <button type="button" className="pb-step-link" onClick={() => onSelect(id)}>
            {id}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ReplayPanel() {
  const actions = useRipple(useShallow(selectActions));
  const latest = useRipple(selectLatestSegment);
  const draft = useRipple((s) => s.replayDraft);
  const plan = useRipple(selectReplayPlan);
  const failed = useRipple(selectReplayableSteps);
  const problems = useRipple((s) => s.replayProblems);
  const replays = useRipple((s) => s.segments.length - 1);
  // Steps the replay starts from that still fail as configured: the replay will fail the same way.
  const stillFailing = useRipple(
    useShallow((s: RippleState) => {
      const from = s.replayDraft?.from ?? failed;
      return from.filter((id) => s.scenario.steps.find((step) => step.id === id)?.fail !== undefined);
    }),
  );

  if (!latest) return <p className="pb-hint">After a run with a failure you can fix it and replay from the failed step, keeping what already succeeded.</p>;

  if (!draft) {
    if (latest.result.outcome === 'succeeded') {
      return <p className="pb-hint">{replays > 0 ? 'The replay succeeded: nothing left to replay.' : 'Nothing failed in this run, so there is nothing to replay.'}</p>;
    }
    return (
      <div className="pb-replay">
        <p>
          Fix the failure in the scenario (for example remove {failed[0] ? <strong>{failed[0]}</strong> : 'the step'}’s failure in the inspector), then replay: steps that succeeded are kept,
          the rest run again.
        </p>
        <button type="button" className="pb-primary" onClick={() => actions.openReplayPlan()}>
          Replay from failed step…
        </button>
      </div>
    );
  }

  const chosen = draft.from ?? failed;
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    actions.setReplayFrom(next.length === failed.length && failed.every((f) => next.includes(f)) ? null : next);
  };

  return (
    <div className="pb-replay">
      {failed.length > 1 && (
        <fieldset className="pb-fieldset">
          <legend>Replay from</legend>
          {failed.map((id) => (
            <label key={id} className="pb-check">
              <input type="checkbox" checked={chosen.includes(id)} onChange={(event) => toggle(id, event.currentTarget.checked)} />
              {id}
            </label>
          ))}
        </fieldset>
      )}
      {failed.length === 1 && (
        <p>
          Replay from <strong>{failed[0]}</strong>.
        </p>
      )}
      {plan && !plan.ok && (
        <div className="pb-problems" role="alert">
          <p>This replay cannot run against the scenario as it is now:</p>
          <ul>
            {plan.error.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan && plan.ok && (
        <div className="pb-plan" aria-label="Replay plan">
          <div className="pb-plan-group pb-plan-rerun">
            <h4>Run again ({plan.value.rerun.length})</h4>
            <StepList ids={plan.value.rerun} onSelect={actions.selectStep} />
          </div>
          <div className="pb-plan-group pb-plan-keep">
            <h4>Keep, reuse the result ({plan.value.keep.length})</h4>
            <StepList ids={plan.value.keep} onSelect={actions.selectStep} />
          </div>
          {plan.value.warnings.length > 0 && (
            <ul className="pb-warnings" aria-label="Warnings">
              {plan.value.warnings.map((w, i) => (
                <li key={i}>
                  <Icon name="warning" /> {w.message}
                </li>
              ))}
            </ul>
          )}
          <p className="pb-hint">The canvas marks the steps to run again and the ones to keep.</p>
        </div>
      )}
      {stillFailing.length > 0 && (
        <p className="pb-note">
          {stillFailing.join(', ')} {stillFailing.length === 1 ? 'is' : 'are'} still set to fail, so the replay will fail the same way. Change {stillFailing.length === 1 ? 'its' : 'their'} failure in the inspector first.
        </p>
      )}
      {problems && (
        <div className="pb-problems" role="alert">
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="pb-actions">
        <button type="button" className="pb-primary" onClick={actions.runReplay} disabled={!plan || !plan.ok || chosen.length === 0}>
          Run replay
        </button>
        <button type="button" onClick={actions.closeReplayPlan}>
          Cancel
        </button>
      </div>
    </div>
  );
}
