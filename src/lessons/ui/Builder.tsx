import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CHALLENGE_KINDS, EDITABLE_PARTS, type ChallengeKind, type Editable, type GoalLine } from '../../scenario/lesson.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { selectLatestSegment } from '../../store/selectors.ts';
import { selectStepNames } from '../../store/panel-selectors.ts';
import type { RippleState } from '../../store/types.ts';
import { draftLesson, draftOf, goalOptions, sameGoal, type LessonDraft } from '../builder-draft.ts';
import { lessonLinkId } from '../lesson-link.ts';
import './lessons.css';

// "Make a lesson" (issue #12): the author writes the intro, adds beats at the playhead, chooses
// the challenge and its details (goal lines from the current run), previews as a learner, and
// puts the lesson into the scenario, from where the Share menu makes it a link.

const KIND_LABEL: Record<ChallengeKind, string> = { predict: 'Predict the final states', fix: 'Fix it to meet a goal', 'find-cause': 'Find the cause of a 424' };
const EDITABLE_LABEL: Record<Editable, string> = { policy: 'the run policy', retry: "steps' retries", edges: 'dependencies', failures: "steps' failures", compensation: 'compensation handlers' };

const selectBuilder = (s: RippleState) => ({ scenario: s.scenario, time: s.time, selected: s.selectedStepId, result: selectLatestSegment(s)?.result ?? null });

export default function Builder() {
  const store = useRippleStore();
  const { scenario, time, selected, result } = useRipple(useShallow(selectBuilder));
  const names = useRipple(selectStepNames);
  // The draft lives in the store (a run shows the Run tab and unmounts this); until the author
  // writes, it is the scenario's own lesson.
  const [initial] = useState<LessonDraft>(() => draftOf(scenario));
  const draft = useRipple((s) => s.lessonDraft) ?? initial;
  const [beatText, setBeatText] = useState('');
  const [saved, setSaved] = useState(false);
  const id = useId();
  const update = (patch: Partial<LessonDraft>) => {
    setSaved(false);
    store.getState().setLessonDraft({ ...(store.getState().lessonDraft ?? initial), ...patch });
  };
  const checked = useMemo(() => draftLesson(draft, scenario), [draft, scenario]);
  const options = useMemo(() => goalOptions(scenario, result, names), [scenario, result, names]);
  const blocked = scenario.steps.filter((s) => result?.steps[s.id]?.state === 'blocked');
  const withLesson = checked.lesson ? { ...scenario, lesson: checked.lesson } : null;

  const addBeat = () => {
    const text = beatText.trim();
    if (text === '') return;
    const at = Math.round(time);
    update({ beats: [...draft.beats, selected ? { at, text, step: selected } : { at, text }].sort((a, b) => a.at - b.at) });
    setBeatText('');
  };
  const toggleGoal = (line: GoalLine) => update({ goal: draft.goal.some((g) => sameGoal(g, line)) ? draft.goal.filter((g) => !sameGoal(g, line)) : [...draft.goal, line] });

  return (
    <section className="lesson lesson-builder" aria-labelledby={`${id}-heading`}>
      <div className="lesson__top">
        <button type="button" className="btn btn--small btn--quiet" onClick={() => store.getState().setLessonBuilding(false)}>
          ← All lessons
        </button>
      </div>
      <h2 id={`${id}-heading`} className="panel-heading">
        Make a lesson of “{scenario.title}”
      </h2>

      <label className="lesson-builder__field" htmlFor={`${id}-intro`}>
        Introduction <span className="panel-hint">(a few short paragraphs; a blank line between them)</span>
      </label>
      <textarea id={`${id}-intro`} className="lesson-builder__text" rows={4} value={draft.intro} onChange={(e) => update({ intro: e.target.value })} />

      <fieldset className="lesson-builder__group">
        <legend>Beats (captions during the run)</legend>
        <p className="panel-hint">
          A beat starts at the playhead ({Math.round(time)} ms){selected ? `, pointing at ${names.get(selected) ?? selected}` : ''}. Run the scenario and move the playhead to place one.
        </p>
        <div className="lesson-builder__row">
          <label className="visually-hidden" htmlFor={`${id}-beat`}>
            Beat text
          </label>
          <input id={`${id}-beat`} type="text" value={beatText} placeholder="What happens here" onChange={(e) => setBeatText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addBeat()} />
          <button type="button" className="btn btn--small" onClick={addBeat} disabled={beatText.trim() === ''}>
            Add a beat at {Math.round(time)} ms
          </button>
        </div>
        {draft.beats.length > 0 && (
          <ol className="lesson-builder__beats">
            {draft.beats.map((b, i) => (
              <li key={`${b.at}-${i}`}>
                <span>
                  {b.at} ms{b.step !== undefined ? ` · ${names.get(b.step) ?? b.step}` : ''}: {b.text}
                </span>
                <button type="button" className="btn btn--small btn--quiet" aria-label={`Remove the beat at ${b.at} ms`} onClick={() => update({ beats: draft.beats.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
      </fieldset>

      <fieldset className="lesson-builder__group">
        <legend>Challenge</legend>
        {CHALLENGE_KINDS.map((kind) => (
          <label key={kind} className="lesson-builder__choice">
            <input type="radio" name={`${id}-kind`} checked={draft.kind === kind} onChange={() => update({ kind })} /> {KIND_LABEL[kind]}
          </label>
        ))}
      </fieldset>

      {draft.kind === 'predict' && (
        <fieldset className="lesson-builder__group">
          <legend>Steps the learner predicts (none ticked: every step)</legend>
          {scenario.steps.map((s) => (
            <label key={s.id} className="lesson-builder__choice">
              <input
                type="checkbox"
                checked={draft.predictSteps.includes(s.id)}
                onChange={(e) => update({ predictSteps: e.target.checked ? [...draft.predictSteps, s.id] : draft.predictSteps.filter((x) => x !== s.id) })}
              />{' '}
              {names.get(s.id) ?? s.id}
            </label>
          ))}
        </fieldset>
      )}

      {draft.kind === 'fix' && (
        <>
          <fieldset className="lesson-builder__group">
            <legend>Goal lines{result ? ' (from the current run)' : ' (run the scenario to see how each step ends)'}</legend>
            {options.map((o) => (
              <label key={o.label} className="lesson-builder__choice">
                <input type="checkbox" checked={draft.goal.some((g) => sameGoal(g, o.line))} onChange={() => toggleGoal(o.line)} /> {o.label}
              </label>
            ))}
          </fieldset>
          <fieldset className="lesson-builder__group">
            <legend>The learner may change</legend>
            {EDITABLE_PARTS.map((part) => (
              <label key={part} className="lesson-builder__choice">
                <input type="checkbox" checked={draft.editable.includes(part)} onChange={(e) => update({ editable: e.target.checked ? [...draft.editable, part] : draft.editable.filter((x) => x !== part) })} />{' '}
                {EDITABLE_LABEL[part]}
              </label>
            ))}
            <label className="lesson-builder__row" htmlFor={`${id}-par`}>
              Par (fewest edits)
              <input id={`${id}-par`} type="number" min={0} max={100} value={draft.par} onChange={(e) => update({ par: Number(e.target.value) })} />
            </label>
          </fieldset>
        </>
      )}

      {draft.kind === 'find-cause' && (
        <div className="lesson-builder__group">
          <label htmlFor={`${id}-cause`}>The 424 to explain</label>{' '}
          <select id={`${id}-cause`} value={draft.causeStep} onChange={(e) => update({ causeStep: e.target.value })}>
            <option value="">Choose a step{result ? '' : ' (run first to see which are blocked)'}</option>
            {(blocked.length > 0 ? blocked : scenario.steps).map((s) => (
              <option key={s.id} value={s.id}>
                {names.get(s.id) ?? s.id}
              </option>
            ))}
          </select>
        </div>
      )}

      {checked.problems.length > 0 && (
        <ul className="lesson__refused" aria-label="What the lesson still needs">
          {checked.problems.map((p, i) => (
            <li key={i}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="lesson-builder__row">
        <button type="button" className="btn btn--primary" disabled={!withLesson} onClick={() => withLesson && store.getState().previewLesson(lessonLinkId(withLesson), withLesson)}>
          Preview as a learner
        </button>
        <button
          type="button"
          className="btn"
          disabled={!withLesson}
          onClick={() => {
            if (!withLesson) return;
            store.getState().loadScenario(withLesson, { label: 'make a lesson' });
            setSaved(true);
          }}
        >
          Put the lesson in the scenario
        </button>
      </div>
      <p className="panel-hint" role="status">
        {saved ? 'Done: the lesson is in the scenario. Share → Copy link makes it a lesson link.' : ''}
      </p>
    </section>
  );
}
