import { useShallow } from 'zustand/react/shallow';
import type { ReplayReason } from '../engine/types.ts';
import type { Problem } from '../scenario/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectLatestSegment, selectReplayPlan } from '../store/selectors.ts';
import { selectReplayableSteps, selectStepNames } from '../store/panel-selectors.ts';
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

type Name = (id: string) => string;

function StepList({ ids, name, onSelect }: { ids: string[]; name: Name; onSelect: (id: string) => void }) {
  if (ids.length === 0) return <span className="pb-none">none</span>;
  return (
    <ul className="pb-inline-list">
      {ids.map((id) => (
        <li key={id}>
          <button type="button" className="pb-step-link" onClick={() => onSelect(id)}>
            {name(id)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Why the plan runs a step again, in words (the engine's `ReplayReason`). */
function reasonText(reason: ReplayReason, name: Name): string {
  switch (reason.reason) {
    case 'from':
      return 'the replay starts here';
    case 'did-not-succeed':
      return 'it did not succeed in the previous run';
    case 'compensated':
      return 'it succeeded, but the saga rolled it back, so it must run again';
    case 'compensation-failed':
      return 'it succeeded, but its rollback failed: it runs again on partial state';
    case 'downstream':
      return `it depends on ${name(reason.after)}, which runs again`;
  }
}

function RerunList({ reasons, name, onSelect }: { reasons: ReplayReason[]; name: Name; onSelect: (id: string) => void }) {
  if (reasons.length === 0) return <span className="pb-none">none</span>;
  return (
    <ul className="pb-reasons" aria-label="Steps to run again, and why">
      {reasons.map((r) => (
        <li key={r.step}>
          <button type="button" className="pb-step-link" onClick={() => onSelect(r.step)}>
            {name(r.step)}
          </button>
          : {reasonText(r, name)}
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
  const names = useRipple(selectStepNames);
  const name: Name = (id) => names.get(id) ?? id;
  const scenarioSteps = useRipple((s) => s.scenario.steps);
  // The plan's warnings carry their step's index; worded here with the step's name.
  const warningText = (w: Problem): string => {
    const id = w.step === undefined ? undefined : scenarioSteps[w.step]?.id;
    if (id === undefined) return w.message;
    if (w.code === 'repeats-effect') return `${name(id)} succeeded in the previous run and is not idempotent: running it again repeats its effect.`;
    if (w.code === 'partial-state') return `${name(id)}'s rollback failed in the previous run: the replay acts on partial state.`;
    return w.message;
  };
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
          Fix the failure in the scenario (for example remove {failed[0] ? <strong>{name(failed[0])}</strong> : 'the step'}’s failure in the inspector), then replay: steps that succeeded
          and were not rolled back are kept, the rest run again.
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
            <label key={id} className="pb-check pb-check-prose">
              <input type="checkbox" checked={chosen.includes(id)} onChange={(event) => toggle(id, event.currentTarget.checked)} />
              {name(id)}
            </label>
          ))}
        </fieldset>
      )}
      {failed.length === 1 && (
        <p>
          Replay from <strong>{name(failed[0])}</strong>.
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
            <RerunList reasons={plan.value.reasons} name={name} onSelect={actions.selectStep} />
          </div>
          <div className="pb-plan-group pb-plan-keep">
            <h4>Keep, reuse the result ({plan.value.keep.length})</h4>
            <StepList ids={plan.value.keep} name={name} onSelect={actions.selectStep} />
          </div>
          {plan.value.warnings.length > 0 && (
            <ul className="pb-warnings" aria-label="Warnings">
              {plan.value.warnings.map((w, i) => (
                <li key={i}>
                  <Icon name="warning" /> {warningText(w)}
                </li>
              ))}
            </ul>
          )}
          <p className="pb-hint">The canvas marks the steps to run again and the ones to keep.</p>
        </div>
      )}
      {stillFailing.length > 0 && (
        <p className="pb-note">
          {stillFailing.map(name).join(', ')} {stillFailing.length === 1 ? 'is' : 'are'} still set to fail, so the replay will fail the same way. Change {stillFailing.length === 1 ? 'its' : 'their'} failure in the inspector first.
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
