import type { FixCheck } from '../engine/grade.ts';
import { namerOf } from '../scenario/step-names.ts';
import type { ActiveLesson, LessonProgress, LessonSlice } from '../lessons/lesson-types.ts';
import type { LessonBeat } from '../scenario/lesson.ts';
import type { Scenario } from '../scenario/types.ts';
import { selectIsStale } from './selectors.ts';
import type { RippleState, RippleStore } from './types.ts';
import { loadedEngine, loadEngine, type RunEngine } from './engine-loader.ts';
import { currentChallenge, FRESH, isLinkLessonId, MAX_TITLE, writeProgress } from './lesson-progress.ts';

// The workings of a lesson (issue #12) — opening one, grading, presenter mode — and the selectors
// only the lesson panels read. Nothing of it is needed for the first canvas, so it is a chunk of
// its own (issue #15): lesson-slice.ts keeps the state and loads this on a lesson's first action
// (the page also starts loading it at start-up). Until then a lesson action waits for it.

/**
 * The progress of lessons opened from links, `[{ id, title, done, score, total }]`, in the order
 * they were first finished; a record kept without a title gets "A lesson from a link".
 */
export function linkProgress(progress: Readonly<Record<string, LessonProgress>>): (LessonProgress & { id: string; title: string })[] {
  return Object.entries(progress)
    .filter(([id]) => isLinkLessonId(id))
    .map(([id, p]) => ({ ...p, id, title: p.title ?? 'A lesson from a link' }));
}

/** The scenario without its lesson block: what the editor holds while the lesson is open. */
function withoutLesson(scenario: Scenario): Scenario {
  const copy: Scenario = { ...scenario };
  delete copy.lesson;
  return copy;
}

const NO_BEATS: readonly LessonBeat[] = [];

/**
 * The beats presenter mode steps through: the open lesson's, else the lesson block of the
 * scenario in the editor (a lesson link opened as a scenario, or the builder's); `[]` with none.
 */
export function presenterBeats(state: Pick<RippleState, 'lessonActive' | 'scenario'>): readonly LessonBeat[] {
  return state.lessonActive?.lesson.beats ?? state.scenario.lesson?.beats ?? NO_BEATS;
}

/**
 * The beat to show as a caption: the last one at or before the playhead (ms), while a run is
 * loaded. The beats describe the lesson's scenario as written, so none shows once the run is
 * stale (edited since) or, in a fix, once the scenario is edited (an edited run is not theirs).
 */
export function selectLessonCaption(state: RippleState): LessonBeat | null {
  const beats = state.lessonActive?.lesson.beats ?? NO_BEATS;
  if (!state.run || beats.length === 0 || selectIsStale(state)) return null;
  const fix = selectFixCheck(state);
  if (fix && (fix.edits > 0 || fix.refused.length > 0)) return null;
  let current: LessonBeat | null = null;
  for (const beat of beats) if (beat.at <= state.time) current = beat;
  return current;
}

/**
 * Whether the fix challenge's goal lines show ✓/✗: only for the scenario last checked with
 * "Run and check the goal"; before a check, and after any edit since, they show unchecked.
 */
export function fixGoalChecked(state: Pick<RippleState, 'lessonFixChecked' | 'scenario'>): boolean {
  return state.lessonFixChecked !== null && state.lessonFixChecked === state.scenario;
}

/** Whether the whole grade (the score, every mark) is shown: the playhead is at the run's end, or no run is loaded. */
export function gradeShownInFull(state: Pick<RippleState, 'lessonGrade' | 'timeline' | 'time' | 'duration'>): boolean {
  if (!state.lessonGrade) return false;
  return state.timeline.length === 0 || state.time >= state.duration;
}

const fixMemo = new WeakMap<Scenario, FixCheck>();

/**
 * The open fix challenge checked on the scenario as it is now (goal lines live, edits against
 * par); null when the current challenge is not a fix, or while the engine is still loading
 * (src/store/engine-loader.ts). Memoised per scenario object.
 */
export function selectFixCheck(state: RippleState): FixCheck | null {
  const challenge = currentChallenge(state);
  const active = state.lessonActive;
  if (!active || challenge?.kind !== 'fix') return null;
  const cached = fixMemo.get(state.scenario);
  if (cached) return cached;
  // The engine (and grading) loads on demand, not with the page (issue #15); opening a lesson starts loading it.
  const engine = loadedEngine();
  if (!engine) return null;
  const check = engine.checkFix(challenge, active.original, { scenario: state.scenario, result: engine.simulate(state.scenario) }, namerOf(state.scenario));
  fixMemo.set(state.scenario, check);
  return check;
}

/**
 * `then` with the engine and its grading: at once when loaded (a run in a worker loads it
 * meanwhile), else when it arrives. A failed load grades nothing; the next check tries again.
 */
function withEngine(then: (engine: RunEngine) => void): void {
  const engine = loadedEngine();
  if (engine) then(engine);
  else loadEngine().then(then, () => undefined);
}

/** The lesson actions that live here; lesson-slice.ts hands each call over once this has loaded. */
export type LessonActions = Pick<
  LessonSlice,
  'setPresenting' | 'presenterForward' | 'presenterBack' | 'startLesson' | 'quitLesson' | 'checkPredictions' | 'chooseCause' | 'checkFixNow' | 'skipChallenge' | 'nextChallenge'
>;

/** One store's lesson actions (made once per store, on its first lesson action). */
export function createLessonActions(set: RippleStore['setState'], get: () => RippleState, api: RippleStore): LessonActions {
  const complete = (points: number, outOf: number) => {
    const active = get().lessonActive;
    if (!active) return;
    set({ challengeDone: true, lessonActive: { ...active, score: active.score + points, total: active.total + outOf } });
  };
  /** `then` once no run is in progress (a run made in a worker arrives later: src/store/run-slice.ts). */
  const afterRun = (then: () => void) => {
    if (!get().running) {
      then();
      return;
    }
    const unsubscribe = api.subscribe((now) => {
      if (now.running) return;
      unsubscribe();
      then();
    });
  };
  // A run opens the Run tab; during a lesson the learner stays on the Lesson tab to read the grade.
  const runHere = (then: () => void = () => undefined) => {
    get().runScenario();
    set({ panelTab: 'lesson' });
    afterRun(() => {
      set({ panelTab: 'lesson' });
      then();
    });
  };
  const ensureRun = (then: () => void) => {
    if (get().run) then();
    else runHere(then);
  };
  /** Select `step` (the presenter's laser pointer) without moving the side panel's tab. */
  const pointAt = (step: string | null) => {
    const tab = get().panelTab;
    get().selectStep(step);
    set({ panelTab: tab });
  };
  const showBeat = (index: number) => {
    const beat = presenterBeats(get())[index];
    if (!beat) return;
    set({ presenterBeat: index });
    get().seekTime(beat.at);
    pointAt(beat.step ?? null);
  };
  /** With no beats, the laser follows the event under the playhead. */
  const showEvent = () => {
    const { timeline, cursor } = get();
    pointAt(timeline[cursor]?.event.step ?? null);
  };
  /** Grade the open predict challenge on the run in the store; nothing once graded or without a run. */
  const gradeRun = () =>
    withEngine(({ gradePredictions }) => {
      const active = get().lessonActive;
      const run = get().run;
      const challenge = currentChallenge(get());
      if (!active || !run || challenge?.kind !== 'predict' || get().lessonGrade) return;
      const scenario: Scenario = { ...get().scenario, lesson: { ...active.lesson, challenges: [challenge] } };
      const grade = gradePredictions(scenario, run, get().guesses, namerOf(scenario));
      set({ lessonGrade: grade });
      complete(grade.score, grade.total);
    });
  // Any run during an open prediction checks it (issue #12): the toolbar's Run (Ctrl+Enter) acts
  // as "Run and check", so the run is never watched before it is graded; the Lesson tab stays.
  api.subscribe((now, before) => {
    if (now.run === before.run || now.run === null || now.presenting || now.lessonGrade || currentChallenge(now)?.kind !== 'predict') return;
    gradeRun();
    if (now.panelTab !== 'lesson') set({ panelTab: 'lesson' });
  });
  return {
    setPresenting: (on) => {
      if (!on) {
        set({ presenting: false });
        return;
      }
      // The room predicts first: no run, no selection to give the answer away.
      get().clearRun();
      pointAt(null);
      set({ presenting: true, presenterRevealed: false, presenterBeat: -1 });
    },

    presenterForward: () => {
      const s = get();
      if (!s.presenting || s.running) return;
      if (!s.presenterRevealed) {
        set({ presenterRevealed: true, presenterBeat: -1 });
        // A run shows the Run tab and starts playing; the presenter walks it paused, from its start.
        const tab = s.panelTab;
        s.runScenario();
        afterRun(() => {
          set({ panelTab: tab });
          if (!get().presenting || !get().run) return;
          get().pause();
          get().setCursor(0);
          if (presenterBeats(get()).length > 0) showBeat(0);
          else showEvent();
        });
        return;
      }
      if (!s.run) return;
      const beats = presenterBeats(s);
      if (beats.length > 0) {
        showBeat(Math.min(s.presenterBeat + 1, beats.length - 1));
        return;
      }
      s.stepForward();
      showEvent();
    },

    presenterBack: () => {
      const s = get();
      if (!s.presenting || !s.presenterRevealed || !s.run) return;
      if (presenterBeats(s).length > 0) {
        showBeat(Math.max(s.presenterBeat - 1, 0));
        return;
      }
      s.stepBack();
      showEvent();
    },

    startLesson: (id, given) => {
      const source = given;
      if (!source.scenario.lesson) return;
      const original = withoutLesson(source.scenario);
      get().loadScenario(original, { label: 'open lesson' });
      get().clearRun();
      set({ lessonPreviewFrom: null });
      const active: ActiveLesson = { id, title: source.title, lesson: source.scenario.lesson, original: get().scenario, challenge: 0, score: 0, total: 0 };
      set({ lessonActive: active, ...FRESH, guesses: new Map(), panelTab: 'lesson', lessonBuilding: false });
      // A fix challenge checks the scenario live with the engine: once it has loaded, a fresh
      // state object makes selectFixCheck run again. A failed load leaves the check to the next run.
      if (!loadedEngine()) loadEngine().then(() => set({}), () => undefined);
    },

    quitLesson: () => {
      const back = get().lessonPreviewFrom;
      set({ lessonActive: null, ...FRESH, guesses: new Map(), lessonPreviewFrom: null });
      if (!back) return;
      get().loadScenario(back, { label: 'back to the builder' });
      get().clearRun();
      set({ lessonBuilding: true, panelTab: 'lesson' });
    },

    checkPredictions: () => {
      if (!get().lessonActive || currentChallenge(get())?.kind !== 'predict' || get().lessonGrade) return;
      runHere(gradeRun);
    },

    chooseCause: (step) => {
      const challenge = currentChallenge(get());
      if (challenge?.kind !== 'find-cause' || get().challengeDone) return;
      ensureRun(() =>
        withEngine(({ findCause }) => {
          const run = get().run;
          if (!run || get().challengeDone) return;
          const check = findCause(run, challenge.step, step, namerOf(get().scenario));
          const tries = (get().causeChoice?.tries ?? 0) + 1;
          set({ causeChoice: { step, check, tries } });
          if (check.correct) complete(tries === 1 ? 1 : 0, 1);
        }),
      );
    },

    checkFixNow: () => {
      const challenge = currentChallenge(get());
      if (challenge?.kind !== 'fix' || get().challengeDone) return;
      runHere(() => {
        set({ lessonFixChecked: get().scenario });
        withEngine(() => {
          const check = selectFixCheck(get());
          if (check?.solved && !get().challengeDone) complete(check.edits <= check.par ? 1 : 0, 1);
        });
      });
    },

    skipChallenge: () => {
      if (!currentChallenge(get()) || get().challengeDone) return;
      complete(0, 1);
      get().nextChallenge();
    },

    nextChallenge: () => {
      const active = get().lessonActive;
      if (!active || !get().challengeDone) return;
      const next = active.challenge + 1;
      if (next < active.lesson.challenges.length) {
        // Each challenge starts from the lesson's scenario as written.
        get().loadScenario(active.original, { label: 'next challenge' });
        get().clearRun();
        set({ lessonActive: { ...active, challenge: next }, ...FRESH, guesses: new Map() });
        return;
      }
      const progress = { ...get().lessonProgress };
      const before = progress[active.id];
      const now: LessonProgress = { done: true, score: active.score, total: active.total };
      if (isLinkLessonId(active.id)) now.title = active.title.slice(0, MAX_TITLE);
      progress[active.id] = before?.done && before.score > now.score ? before : now;
      writeProgress(progress);
      set({ lessonProgress: progress, lessonActive: { ...active, challenge: next } });
    },
  };
}
