import type { FixCheck } from '../engine/grade.ts';
import { readJsonText } from '../scenario/intake/json-text.ts';
import { namerOf } from '../scenario/step-names.ts';
import type { ActiveLesson, LessonProgress, LessonSlice } from '../lessons/lesson-types.ts';
import type { LessonChallenge } from '../scenario/lesson.ts';
import type { Scenario } from '../scenario/types.ts';
import type { RippleState, SliceCreator } from './types.ts';
import { loadedEngine, loadEngine, type RunEngine } from './engine-loader.ts';

// Lesson state (issue #12): which lesson and challenge, the learner's guesses, the grade, and
// progress kept per lesson in localStorage. The engine grades (src/engine/grade.ts); this slice
// only calls it and remembers. The lesson's scenario is loaded into the editor without its
// `lesson` block, so the editor, runs and links treat it as any scenario.

export const PROGRESS_KEY = 'ripple.lessons.progress.v1';

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
    const { done, score, total } = p as Record<string, unknown>;
    if (typeof done === 'boolean' && Number.isInteger(score) && Number.isInteger(total)) progress[id] = { done, score: score as number, total: total as number };
  }
  return progress;
}

function writeProgress(progress: Record<string, LessonProgress>): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or refused: progress is a nicety, the lesson goes on.
  }
}

/** The scenario without its lesson block: what the editor holds while the lesson is open. */
function withoutLesson(scenario: Scenario): Scenario {
  const copy: Scenario = { ...scenario };
  delete copy.lesson;
  return copy;
}

/** The challenge the learner is on, or null with no lesson open. */
export function currentChallenge(state: Pick<RippleState, 'lessonActive'>): LessonChallenge | null {
  const a = state.lessonActive;
  return a ? (a.lesson.challenges[a.challenge] ?? null) : null;
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

const FRESH = { guesses: new Map(), lessonGrade: null, causeChoice: null, challengeDone: false } as const;

export const createLessonSlice: SliceCreator<LessonSlice> = (set, get, api) => {
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
  return {
    lessonActive: null,
    ...FRESH,
    guesses: new Map(),
    lessonProgress: readProgress(),
    lessonBuilding: false,
    presenting: false,
    lessonPreviewFrom: null,

    previewLesson: (id, scenario) => {
      get().startLesson(id, { title: scenario.title, scenario });
      if (get().lessonActive) set({ lessonPreviewFrom: scenario });
    },

    setLessonBuilding: (on) => {
      if (on) set({ lessonActive: null, ...FRESH, guesses: new Map(), lessonBuilding: true, panelTab: 'lesson' });
      else set({ lessonBuilding: false });
    },

    setPresenting: (on) => set({ presenting: on }),

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

    setGuess: (step, state) => {
      if (currentChallenge(get())?.kind !== 'predict' || get().lessonGrade) return;
      const guesses = new Map(get().guesses);
      if (state === null) guesses.delete(step);
      else guesses.set(step, state);
      set({ guesses });
    },

    checkPredictions: () => {
      const active = get().lessonActive;
      if (!active || currentChallenge(get())?.kind !== 'predict' || get().lessonGrade) return;
      runHere(() =>
        withEngine(({ gradePredictions }) => {
          const run = get().run;
          if (!run || get().lessonGrade) return;
          const challenge = currentChallenge(get());
          const scenario: Scenario = { ...get().scenario, lesson: { ...active.lesson, challenges: challenge ? [challenge] : [] } };
          const grade = gradePredictions(scenario, run, get().guesses, namerOf(scenario));
          set({ lessonGrade: grade });
          complete(grade.score, grade.total);
        }),
      );
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
      runHere(() =>
        withEngine(() => {
          const check = selectFixCheck(get());
          if (check?.solved && !get().challengeDone) complete(check.edits <= check.par ? 1 : 0, 1);
        }),
      );
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
      progress[active.id] = before?.done && before.score > now.score ? before : now;
      writeProgress(progress);
      set({ lessonProgress: progress, lessonActive: { ...active, challenge: next } });
    },
  };
};
