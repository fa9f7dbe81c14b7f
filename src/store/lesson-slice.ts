import { readJsonText } from '../scenario/intake/json-text.ts';
import type { LessonProgress, LessonSlice } from '../lessons/lesson-types.ts';
import type { LessonChallenge } from '../scenario/lesson.ts';
import type { RippleState, SliceCreator, TimelineEvent } from './types.ts';
import type { LessonActions } from './lesson-workings.ts';

// Lesson state (issue #12): which lesson and challenge, the learner's guesses, the grade, and
// progress kept per lesson in localStorage. The engine grades (src/engine/grade.ts); this slice
// only calls it and remembers. The lesson's scenario is loaded into the editor without its
// `lesson` block, so the editor, runs and links treat it as any scenario. The workings of a
// lesson (opening, grading, presenter mode) are a chunk of their own, lesson-workings.ts, loaded
// on a lesson's first action: the first canvas needs only the state (issue #15).

export const PROGRESS_KEY = 'ripple.lessons.progress.v1';
/** A link lesson's title kept with its progress is cut to this many UTF-16 code units. */
export const MAX_TITLE = 200;

/** Whether a progress id is a lesson opened from a link or the builder (lessonLinkId), not the course's. */
export function isLinkLessonId(id: string): boolean {
  return id.startsWith('link-');
}

function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** Progress read defensively: anything malformed is dropped, never thrown. */
export function readProgress(): Record<string, LessonProgress> {
  const progress: Record<string, LessonProgress> = Object.create(null);
  let text: string | null;
  try {
    text = storage()?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return progress;
  }
  const read = readJsonText(text ?? '{}', { maxBytes: 100_000, what: 'lesson progress' });
  const raw = read.ok ? read.value : null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return progress;
  for (const [id, p] of Object.entries(raw)) {
    // Lesson ids are the course's (`first-424`): anything else is not ours.
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) || typeof p !== 'object' || p === null) continue;
    const { done, score, total, title } = p as Record<string, unknown>;
    if (typeof done !== 'boolean' || !Number.isInteger(score) || !Number.isInteger(total)) continue;
    progress[id] = { done, score: score as number, total: total as number };
    if (typeof title === 'string' && title.length <= MAX_TITLE) progress[id].title = title;
  }
  return progress;
}

/** The challenge the learner is on, or null with no lesson open. */
export function currentChallenge(state: Pick<RippleState, 'lessonActive'>): LessonChallenge | null {
  const a = state.lessonActive;
  return a ? (a.lesson.challenges[a.challenge] ?? null) : null;
}

/** Progress written back; a storage that refuses it loses only the nicety. */
export function writeProgress(progress: Record<string, LessonProgress>): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or refused: progress is a nicety, the lesson goes on.
  }
}

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

/** The fields a fresh challenge starts with. */
export const FRESH = { guesses: new Map(), lessonGrade: null, causeChoice: null, challengeDone: false, lessonFixChecked: null } as const;

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
