import type { LessonSlice } from '../lessons/lesson-types.ts';
import { currentChallenge, FRESH, readProgress } from './lesson-progress.ts';
import type { RippleState, SliceCreator, TimelineEvent } from './types.ts';
import type { LessonActions } from './lesson-workings.ts';

// Lesson state (issue #12): which lesson and challenge, the learner's guesses, the grade, and
// progress kept per lesson in localStorage. The engine grades (src/engine/grade.ts); this slice
// only calls it and remembers. The lesson's scenario is loaded into the editor without its
// `lesson` block, so the editor, runs and links treat it as any scenario. The workings of a
// lesson (opening, grading, presenter mode) are a chunk of their own, lesson-workings.ts, loaded
// on a lesson's first action: the first canvas needs only the state (issue #15).

export { currentChallenge, FRESH, isLinkLessonId, MAX_TITLE, PROGRESS_KEY, readProgress, writeProgress } from './lesson-progress.ts';

const finalMemo = new WeakMap<readonly TimelineEvent[], ReadonlyMap<string, number>>();

/**
 * When each step reaches its final state on `timeline`: step id → virtual ms of the step's last
 * event (a compensation after a failure counts, it is how the step ends). Memoised per timeline.
 */
function finalStateTimes(timeline: readonly TimelineEvent[]): ReadonlyMap<string, number> {
  const cached = finalMemo.get(timeline);
  if (cached) return cached;
  const times = new Map<string, number>();
  for (const { event, at } of timeline) if (event.step !== undefined) times.set(event.step, at);
  finalMemo.set(timeline, times);
  return times;
}

/**
 * Whether the graded prediction of `step` is shown yet (issue #12: the surprise plays out): once
 * the playhead reaches the step's final state; a step with no event, at the run's end. With no
 * run loaded (nothing to watch), every mark shows.
 */
export function gradeShownFor(state: Pick<RippleState, 'lessonGrade' | 'timeline' | 'time' | 'duration'>, step: string): boolean {
  if (!state.lessonGrade) return false;
  if (state.timeline.length === 0) return true;
  return state.time >= (finalStateTimes(state.timeline).get(step) ?? state.duration);
}

type LessonWorkings = typeof import('./lesson-workings.ts');
let loaded: LessonWorkings | null = null;
let loading: Promise<LessonWorkings> | null = null;

/** Loads the lesson workings once; later calls share the promise (a failed load is tried again by the next call). */
export function loadLessonWorkings(): Promise<LessonWorkings> {
  loading ??= import('./lesson-workings.ts').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export const createLessonSlice: SliceCreator<LessonSlice> = (set, get, api) => {
  let actions: LessonActions | null = null;
  /**
   * `then` with this store's lesson actions: at once when the workings have loaded, else when they
   * arrive; a failed load does nothing (the next action tries again).
   */
  const withActions = (then: (mine: LessonActions) => void) => {
    if (!actions && loaded) actions = loaded.createLessonActions(set, get, api);
    if (actions) {
      then(actions);
      return;
    }
    loadLessonWorkings().then(() => withActions(then), () => undefined);
  };
  return {
    lessonActive: null,
    ...FRESH,
    guesses: new Map(),
    lessonProgress: readProgress(),
    lessonBuilding: false,
    lessonDraft: null,
    presenting: false,
    presenterRevealed: false,
    presenterBeat: -1,
    lessonPreviewFrom: null,

    previewLesson: (id, scenario) =>
      withActions((a) => {
        a.startLesson(id, { title: scenario.title, scenario });
        if (get().lessonActive) set({ lessonPreviewFrom: scenario });
      }),

    setLessonBuilding: (on) => {
      if (on) set({ lessonActive: null, ...FRESH, guesses: new Map(), lessonBuilding: true, lessonDraft: null, panelTab: 'lesson' });
      else set({ lessonBuilding: false });
    },

    setLessonDraft: (draft) => set({ lessonDraft: draft }),
    setGuess: (step, state) => {
      if (currentChallenge(get())?.kind !== 'predict' || get().lessonGrade) return;
      const guesses = new Map(get().guesses);
      if (state === null) guesses.delete(step);
      else guesses.set(step, state);
      set({ guesses });
    },

    setPresenting: (on) => withActions((a) => a.setPresenting(on)),
    presenterForward: () => withActions((a) => a.presenterForward()),
    presenterBack: () => withActions((a) => a.presenterBack()),
    startLesson: (id, given) => withActions((a) => a.startLesson(id, given)),
    quitLesson: () => withActions((a) => a.quitLesson()),
    checkPredictions: () => withActions((a) => a.checkPredictions()),
    chooseCause: (step) => withActions((a) => a.chooseCause(step)),
    checkFixNow: () => withActions((a) => a.checkFixNow()),
    skipChallenge: () => withActions((a) => a.skipChallenge()),
    nextChallenge: () => withActions((a) => a.nextChallenge()),
  };
};
