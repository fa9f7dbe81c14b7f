// The lesson slice's shapes (src/store/lesson-slice.ts), apart from the slice so the store's
// types module imports no slice.
import type { CauseCheck, Grade } from '../engine/grade.ts';
import type { Lesson, PredictableState } from '../scenario/lesson.ts';
import type { Scenario } from '../scenario/types.ts';
import type { LessonDraft } from './builder-draft.ts';

/** What a learner has done in one lesson, kept in localStorage (no network). */
export interface LessonProgress {
  /** Every challenge of the lesson is completed. */
  done: boolean;
  /** Points over the lesson's challenges: a predict's correct steps, 1 for a fix within par, 1 for a cause found first time. */
  score: number;
  total: number;
  /** A lesson from a link (`link-…` id): its title, for the index's "From links" list (the course's come from the course). */
  title?: string;
}

export interface ActiveLesson {
  /** The course id (`first-424`), or `link-…` (lessonLinkId) for a lesson opened from a link or the builder. */
  id: string;
  title: string;
  lesson: Lesson;
  /** The lesson's scenario as written (without the lesson block): fix edits are counted against it. */
  original: Scenario;
  /** Index into `lesson.challenges`. */
  challenge: number;
  /** Points of the challenges completed so far. */
  score: number;
  total: number;
}

export interface LessonSlice {
  lessonActive: ActiveLesson | null;
  /** The learner's predictions of final states, by step id (a Map: ids are user text). */
  guesses: ReadonlyMap<string, PredictableState>;
  /** The predict challenge graded after its run; null before. */
  lessonGrade: Grade | null;
  /** The find-cause challenge's last choice and whether it was right. */
  causeChoice: { step: string; check: CauseCheck; tries: number } | null;
  /** The scenario a fix was last checked on ("Run and check the goal"); null before a check. */
  lessonFixChecked: Scenario | null;
  /** Whether the current challenge is completed (graded, solved or found). */
  challengeDone: boolean;
  lessonProgress: Readonly<Record<string, LessonProgress>>;
  /** The Lessons tab shows the builder ("Make a lesson" on the scenario in the editor). */
  lessonBuilding: boolean;
  /**
   * What the author has written in the builder; null until they write (the builder starts from
   * the scenario's own lesson). Kept here, not in the builder, so running the scenario to place a
   * beat (which shows the Run tab) or previewing as a learner loses nothing.
   */
  lessonDraft: LessonDraft | null;
  /** While previewing a lesson from the builder: the scenario (with its lesson) to return to. */
  lessonPreviewFrom: Scenario | null;
  /** Presenter mode is on (full screen, one caption at a time). */
  presenting: boolean;
  /** In presenter mode: the run has been revealed (before, the room predicts and no run shows). */
  presenterRevealed: boolean;
  /** In presenter mode: index into the lesson's beats of the caption shown; -1 before the first. */
  presenterBeat: number;

  /** Show (true) or leave (false) the builder; opening it quits any open lesson and starts a fresh draft. */
  setLessonBuilding: (on: boolean) => void;
  /** Keep the builder's draft. */
  setLessonDraft: (draft: LessonDraft) => void;
  /**
   * "Preview as a learner": opens `scenario`'s lesson as a learner would (id from
   * lessonLinkId); quitting it returns to the builder with `scenario` in the editor.
   */
  previewLesson: (id: string, scenario: Scenario) => void;
  /**
   * Enter (true) or leave (false) presenter mode. Entering hides any run and selection, so the
   * room predicts before it sees anything; leaving keeps what was revealed.
   */
  setPresenting: (on: boolean) => void;
  /**
   * Presenter's Space / →: the first press reveals the run (paused at its start, on the first
   * beat once the run has arrived, even from a worker); then the next beat (its step selected,
   * the playhead at its moment), or with no beats the next event (its step selected).
   */
  presenterForward: () => void;
  /** Presenter's ←: the previous beat, or with no beats the previous event; nothing before the reveal. */
  presenterBack: () => void;

  /**
   * Open a lesson (`id`: its course id, or `link-…` for a link): loads its scenario without the lesson
   * block, clears the run, shows the Lesson tab. The course is loaded on demand by the UI, so
   * the lesson comes in as `given`.
   */
  startLesson: (id: string, given: { title: string; scenario: Scenario }) => void;
  quitLesson: () => void;
  /** Set (or with null, clear) the guess for `step`; ignored once graded. */
  setGuess: (step: string, state: PredictableState | null) => void;
  /**
   * Run the scenario and grade the predictions (a missing guess is a miss). Any run that arrives
   * while a prediction is open grades it the same way: the toolbar's Run (Ctrl+Enter) is "check my prediction".
   */
  checkPredictions: () => void;
  /** Choose `step` as the root cause of the challenge's 424 (runs first if needed). */
  chooseCause: (step: string) => void;
  /** Check the fix on a run of the edited scenario; completes the challenge when every goal line holds. */
  checkFixNow: () => void;
  /** Give up the current challenge (0 of 1 point) and move on: an embed's fix, which only the app can edit. */
  skipChallenge: () => void;
  /** Move to the next challenge, or finish the lesson after the last. */
  nextChallenge: () => void;
}
