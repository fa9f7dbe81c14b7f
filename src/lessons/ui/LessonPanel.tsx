import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeGoal } from '../../engine/grade.ts';
import { introParagraphs, PREDICTABLE_STATES, predictedSteps, type LessonChallenge, type PredictableState } from '../../scenario/lesson.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { currentChallenge } from '../../store/lesson-slice.ts';
import { fixGoalChecked, gradeShownInFull, linkProgress, selectFixCheck, selectLessonCaption } from '../../store/lesson-workings.ts';
import { selectStepNames } from '../../store/panel-selectors.ts';
import type { RippleState } from '../../store/types.ts';
import { COURSE, nextLesson } from '../course/index.ts';
import { focusedStep, GUESS_KEYS, keyOf, stateLabel } from './keys.ts';
import Builder from './Builder.tsx';
import './lessons.css';

// The learner's side of a lesson (issue #12): the index with progress, then one challenge at a
// time — predict, fix, find the cause — with the beats as captions while the run plays. The
// store's lesson slice holds the state and calls the engine's grading; this only shows it.

/** Whether keyboard focus was lost: on <body> (its element was removed) or on a control just disabled. */
function focusDropped(): boolean {
  const el = document.activeElement;
  return el === null || el === document.body || (el instanceof HTMLButtonElement && el.disabled);
}

/** Bring `el` into view and, when focus was lost with what the learner pressed, give it focus (it has tabIndex -1). */
function takeFocus(el: HTMLElement | null): void {
  if (!el) return;
  el.scrollIntoView?.({ block: 'nearest' });
  if (focusDropped()) el.focus({ preventScroll: true });
}

/** A ref whose element takes focus (takeFocus) each time `key` becomes a new non-null value. */
function useFocusOn<T extends HTMLElement>(key: string | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null) takeFocus(ref.current);
  }, [key]);
  return ref;
}

const selectIndex = (s: RippleState) => s.lessonProgress;

/**
 * `embedAppUrl`: the lesson is inside an embed (embed.html?lesson=1), read-only and without the
 * course; the app's address for this scenario, where a fix challenge can be solved.
 */
export default function LessonPanel({ embedAppUrl }: { embedAppUrl?: string } = {}) {
  const active = useRipple((s) => s.lessonActive);
  const building = useRipple((s) => s.lessonBuilding);
  // Presenter mode mounts at the app's root (PresenterHost in App.tsx), so a run's switch to the Run tab cannot unmount it.
  return active ? <ActiveLessonView embedAppUrl={embedAppUrl} /> : building ? <Builder /> : <LessonIndex />;
}

function LessonIndex() {
  const store = useRippleStore();
  const progress = useRipple(selectIndex);
  const next = COURSE.find((l) => !progress[l.id]?.done);
  const fromLinks = linkProgress(progress);
  return (
    <section className="lesson" aria-labelledby="lesson-index-heading">
      <h2 id="lesson-index-heading" className="panel-heading">
        Lessons
      </h2>
      <p className="panel-hint">
        Predict which steps answer 424, run, and learn from every miss. {COURSE.filter((l) => progress[l.id]?.done).length} of {COURSE.length} done.
      </p>
      <div className="lesson-builder__row">
        <button type="button" className="btn btn--small" onClick={() => store.getState().setLessonBuilding(true)}>
          Make a lesson of this scenario
        </button>
        <button type="button" className="btn btn--small" onClick={() => store.getState().setPresenting(true)}>
          Present this scenario
        </button>
      </div>
      {next && (
        <button type="button" className="btn btn--primary" onClick={() => store.getState().startLesson(next.id, next)}>
          {progress[COURSE[0].id]?.done ? 'Next lesson' : 'Start'}: {next.title}
        </button>
      )}
      <ol className="lesson-index">
        {COURSE.map((l) => {
          const p = progress[l.id];
          return (
            <li key={l.id} className="lesson-index__item">
              <button type="button" className="lesson-index__open" onClick={() => store.getState().startLesson(l.id, l)}>
                <span className="lesson-index__title">{l.title}</span>
                <span className="lesson-index__meta">
                  {l.minutes} min · {p?.done ? `done, ${p.score} of ${p.total} points` : 'not done yet'}
                  {l.rules.length > 0 ? ` · ${l.rules.join(', ')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {fromLinks.length > 0 && (
        <>
          <h3 id="lesson-links-heading" className="lesson__subheading">
            From links
          </h3>
          <p className="panel-hint">Lessons you opened from a link, as kept in this browser. Open the link again to play one.</p>
          <ul className="lesson-index lesson-index--links" aria-labelledby="lesson-links-heading">
            {fromLinks.map((p) => (
              <li key={p.id} className="lesson-index__item lesson-index__link">
                <span className="lesson-index__title">{p.title}</span>
                <span className="lesson-index__meta">{p.done ? `done, ${p.score} of ${p.total} points` : 'not done yet'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const selectActive = (s: RippleState) => ({
  active: s.lessonActive!,
  challenge: currentChallenge(s),
  done: s.challengeDone,
});

function ActiveLessonView({ embedAppUrl }: { embedAppUrl?: string }) {
  const store = useRippleStore();
  const { active, challenge, done } = useRipple(useShallow(selectActive));
  // A preview from the builder goes back to it, not to the course.
  const previewing = useRipple((s) => s.lessonPreviewFrom !== null);
  const count = active.lesson.challenges.length;
  const finished = challenge === null;
  // A new lesson: focus its title; the next challenge: that challenge's heading. In an embed the
  // page's focus is left alone when the lesson first shows.
  const section = useRef<HTMLElement>(null);
  const shown = useRef<string | null>(embedAppUrl === undefined ? null : active.id);
  useEffect(() => {
    const lessonChanged = shown.current !== active.id;
    shown.current = active.id;
    const target = lessonChanged ? section.current?.querySelector<HTMLElement>('#lesson-heading') : section.current?.querySelector<HTMLElement>('.lesson__challenge h3');
    takeFocus(target ?? null);
  }, [active.id, active.challenge]);
  return (
    <section className="lesson" aria-labelledby="lesson-heading" ref={section}>
      <div className="lesson__top">
        {/* An embed has no course to go back to and no room to present in. */}
        {embedAppUrl === undefined && (
          <>
            <button type="button" className="btn btn--small btn--quiet" onClick={() => store.getState().quitLesson()}>
              {previewing ? '← Back to the builder' : '← All lessons'}
            </button>
            <button type="button" className="btn btn--small btn--quiet" onClick={() => store.getState().setPresenting(true)}>
              Present
            </button>
          </>
        )}
        {!finished && (
          <span className="lesson__count">
            Challenge {active.challenge + 1} of {count}
          </span>
        )}
      </div>
      <h2 id="lesson-heading" className="panel-heading" tabIndex={-1}>
        {active.title}
      </h2>
      {finished ? (
        <Finished />
      ) : (
        <>
          {active.challenge === 0 && (
            <div className="lesson__intro">
              {introParagraphs(active.lesson.intro).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          )}
          <Caption />
          <ChallengeView challenge={challenge} embedAppUrl={embedAppUrl} />
          {done && (
            <button type="button" className="btn btn--primary lesson__next" onClick={() => store.getState().nextChallenge()}>
              {active.challenge + 1 < count ? 'Next challenge' : 'Finish the lesson'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Finished() {
  const store = useRippleStore();
  const active = useRipple((s) => s.lessonActive!);
  const next = nextLesson(active.id);
  return (
    <div className="lesson__finished" role="status">
      <p>
        Lesson done: {active.score} of {active.total} points.
      </p>
      {next ? (
        <button type="button" className="btn btn--primary" autoFocus onClick={() => store.getState().startLesson(next.id, next)}>
          Next lesson: {next.title}
        </button>
      ) : (
        <p>That was the last lesson of the course.</p>
      )}
    </div>
  );
}

/** The beat at the playhead, as a caption read out when it changes. */
function Caption() {
  const beat = useRipple(selectLessonCaption);
  const names = useRipple(selectStepNames);
  return (
    <p className="lesson__caption" aria-live="polite">
      {beat ? (
        <>
          {beat.step !== undefined && <strong>{names.get(beat.step) ?? beat.step}: </strong>}
          {beat.text}
        </>
      ) : null}
    </p>
  );
}

function ChallengeView({ challenge, embedAppUrl }: { challenge: LessonChallenge | null; embedAppUrl?: string }) {
  if (challenge === null) return null;
  switch (challenge.kind) {
    case 'predict':
      return <PredictView steps={challenge.steps} />;
    case 'fix':
      return embedAppUrl === undefined ? <FixView /> : <FixElsewhere appUrl={embedAppUrl} />;
    case 'find-cause':
      return <CauseView step={challenge.step} />;
  }
}

const selectPredict = (s: RippleState) => ({
  ids: s.scenario.steps.map((st) => st.id).join('\u0000'),
  guesses: s.guesses,
  grade: s.lessonGrade,
  full: gradeShownInFull(s),
  selected: s.selectedStepId,
});

function PredictView({ steps }: { steps?: string[] }) {
  const store = useRippleStore();
  const { ids, guesses, grade, full, selected } = useRipple(useShallow(selectPredict));
  const names = useRipple(selectStepNames);
  const asked = useMemo(() => predictedSteps(steps ? { steps } : undefined, ids.split('\u0000')), [steps, ids]);
  // "Run and check" disappears as the run starts: focus the heading that replaces it, then the score's.
  const resultHeading = useFocusOn<HTMLHeadingElement>(grade ? (full ? 'score' : 'watch') : null);

  // A key per state sets the guess of the focused step (a canvas node reached by Tab, or a step
  // button below); with focus on no step, of the selected one (the canvas's or the table's).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      // Behind presenter mode the keys are the presenter's.
      if (store.getState().presenting) return;
      const state = GUESS_KEYS.get(event.key.toLowerCase());
      const step = focusedStep(event.target) ?? store.getState().selectedStepId;
      if (!state || !step || !asked.includes(step)) return;
      event.preventDefault();
      store.getState().setGuess(step, state);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, asked]);

  if (grade && !full) {
    return (
      <div className="lesson__challenge">
        <h3 className="lesson__subheading" tabIndex={-1} ref={resultHeading}>
          Watch the run
        </h3>
        <p className="panel-hint">Each step shows ✓ or ✗ on the graph as it ends; your score comes at the end of the run.</p>
        <button type="button" className="btn btn--small" onClick={() => store.getState().seekTime(store.getState().duration)}>
          Skip to the end
        </button>
      </div>
    );
  }

  if (grade) {
    return (
      <div className="lesson__challenge">
        <h3 className="lesson__subheading" tabIndex={-1} ref={resultHeading}>
          Your prediction: {grade.score} of {grade.total} right
        </h3>
        <ul className="lesson-grade">
          {grade.items.map((item) => (
            <li key={item.step} className={item.correct ? 'lesson-grade__item is-correct' : 'lesson-grade__item is-miss'}>
              <span className="lesson-grade__mark" aria-hidden="true">
                {item.correct ? '✓' : '✗'}
              </span>
              <span>
                <strong>{names.get(item.step) ?? item.step}</strong>: {item.correct ? 'right, ' : `you said ${item.predicted === null ? 'nothing' : stateLabel(item.predicted)}; it `}
                {item.correct ? stateLabel(item.actual) : `ended ${stateLabel(item.actual)}.`}
                {/* The rule itself first; its number after it, as text (a tooltip was out of reach by touch). */}
                {!item.correct && (
                  <span className="lesson-grade__why">
                    {item.why} <span className="lesson-grade__rule">(Ripple rule {item.rule})</span>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="lesson__challenge">
      <h3 className="lesson__subheading" tabIndex={-1}>Predict how each step ends</h3>
      {/* The keys for those who have them; on a touch screen, what a tap on the graph does there (.keys-hint, .touch-hint: src/app/styles.css). */}
      <p className="panel-hint">
        Choose below
        <span className="keys-hint">
          , or move to a step with Tab (or click it on the graph) and press a key: {PREDICTABLE_STATES.map((s) => `${keyOf(s)} ${stateLabel(s)}`).join(', ')}.
        </span>
        <span className="touch-hint">; a step you tap on the graph is marked in the list.</span>
      </p>
      <table className="lesson-predict">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Your guess</th>
          </tr>
        </thead>
        <tbody>
          {asked.map((id) => (
            <tr key={id} className={selected === id ? 'is-selected' : undefined}>
              <th scope="row">
                <button type="button" className="pb-step-link" data-step={id} onClick={() => store.getState().selectStep(id)}>
                  {names.get(id) ?? id}
                </button>
              </th>
              <td>
                <select
                  aria-label={`Your guess for ${names.get(id) ?? id}`}
                  value={guesses.get(id) ?? ''}
                  onChange={(e) => store.getState().setGuess(id, e.target.value === '' ? null : (e.target.value as PredictableState))}
                >
                  <option value="">—</option>
                  {PREDICTABLE_STATES.map((s) => (
                    <option key={s} value={s}>
                      {stateLabel(s)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--primary" onClick={() => store.getState().checkPredictions()}>
        Run and check ({guesses.size} of {asked.length} guessed)
      </button>
      <p className="panel-hint">The toolbar's Run<span className="keys-hint"> (Ctrl+Enter)</span> checks your prediction too: guess first, a step left at — counts as a miss.</p>
    </div>
  );
}

/** A fix in an embed: the embed cannot edit the scenario, so the challenge is solved in the app. */
function FixElsewhere({ appUrl }: { appUrl: string }) {
  const store = useRippleStore();
  return (
    <div className="lesson__challenge">
      <h3 className="lesson__subheading" tabIndex={-1}>Fix it</h3>
      <p className="panel-hint">This challenge asks you to edit the scenario, which this embedded view cannot do.</p>
      <a className="btn btn--primary" href={appUrl} target="_blank" rel="noopener noreferrer">
        Open in Ripple to solve ↗
      </a>
      <button type="button" className="btn btn--small" onClick={() => store.getState().skipChallenge()}>
        Skip this challenge (no point)
      </button>
    </div>
  );
}

const EDITABLE_WORDS = { policy: 'the run policy (Scenario tab)', retry: 'retries', edges: 'dependencies', failures: 'failures', compensation: 'compensations' } as const;

function FixView() {
  const store = useRippleStore();
  const challenge = useRipple((s) => currentChallenge(s));
  const check = useRipple(selectFixCheck);
  const done = useRipple((s) => s.challengeDone);
  const checked = useRipple(fixGoalChecked);
  const result = useFocusOn<HTMLParagraphElement>(done ? 'solved' : null);
  const names = useRipple(selectStepNames);
  if (challenge?.kind !== 'fix' || !check) return null;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className="lesson__challenge">
      <h3 className="lesson__subheading" tabIndex={-1}>Fix it</h3>
      <p className="panel-hint">
        You may change {challenge.editable.map((e) => (e === 'retry' && challenge.retryStep ? `the retry of ${name(challenge.retryStep)}` : EDITABLE_WORDS[e])).join(', ')}. Par: {challenge.par}{' '}
        {challenge.par === 1 ? 'edit' : 'edits'}.
      </p>
      <ul className="lesson-goal" aria-label="Goal">
        {check.lines.map((line, i) => (
          <li key={i} className={!checked ? 'is-unchecked' : line.holds ? 'is-correct' : 'is-miss'}>
            <span className="lesson-grade__mark" aria-hidden="true">
              {!checked ? '○' : line.holds ? '✓' : '✗'}
            </span>
            <span>
              <strong>{describeGoal(line.line, name)}</strong>
              <span className="visually-hidden">{!checked ? ': not checked yet.' : line.holds ? ': holds.' : ': does not hold yet.'}</span>
              {checked && <span className="lesson-grade__why">{line.sentence}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className={check.edits > check.par ? 'lesson__edits is-over' : 'lesson__edits'}>
        Edits: {check.edits} (par {check.par})
      </p>
      {check.refused.length > 0 && (
        <ul className="lesson__refused" aria-label="Edits this lesson does not allow">
          {check.refused.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {done ? (
        <p role="status" className="lesson__result" tabIndex={-1} ref={result}>
          Solved in {check.edits} {check.edits === 1 ? 'edit' : 'edits'}
          {check.edits <= check.par ? ', within par.' : `; par is ${check.par}.`}
        </p>
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => store.getState().checkFixNow()}>
          Run and check the goal
        </button>
      )}
    </div>
  );
}

function CauseView({ step }: { step: string }) {
  const store = useRippleStore();
  const ids = useRipple(useShallow((s: RippleState) => s.scenario.steps.map((st) => st.id)));
  const names = useRipple(selectStepNames);
  const choice = useRipple((s) => s.causeChoice);
  const done = useRipple((s) => s.challengeDone);
  const name = (id: string) => names.get(id) ?? id;
  // Each pick's verdict scrolls into view; the right one disables the buttons, so it takes focus.
  const feedback = useFocusOn<HTMLDivElement>(choice ? `${choice.step}|${choice.tries}` : null);
  return (
    <div className="lesson__challenge">
      <h3 className="lesson__subheading" tabIndex={-1}>Which step should you fix?</h3>
      <p className="panel-hint">{name(step)} answers 424 Failed Dependency. Choose the root cause.</p>
      <div className="lesson-cause" role="group" aria-label="Steps">
        {ids.map((id) => (
          <button
            key={id}
            type="button"
            className="btn btn--small"
            aria-pressed={choice?.step === id}
            disabled={done}
            onClick={() => {
              store.getState().chooseCause(id);
              store.getState().selectStep(id);
            }}
          >
            {name(id)}
          </button>
        ))}
      </div>
      {/* Always rendered, so a screen reader hears each verdict as it changes. */}
      <div role="status" aria-live="polite" className="lesson__feedback" tabIndex={-1} ref={feedback}>
        {choice && (
          <p className={choice.check.correct ? 'lesson__result is-correct' : 'lesson__result is-miss'}>
            <strong>{choice.check.correct ? '✓ Right.' : '✗ Not this one.'}</strong> {choice.check.why}
          </p>
        )}
      </div>
    </div>
  );
}
