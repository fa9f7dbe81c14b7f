import { describe, expect, it } from 'vitest';
import { COURSE, findLesson } from '../../src/lessons/course/index.ts';
import { PROGRESS_KEY, readProgress, selectFixCheck } from '../../src/store/lesson-slice.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { MemoryStorage, withStorage } from './helpers.ts';

const storage = withStorage(() => new MemoryStorage());

function open(id: string) {
  const store = createRippleStore();
  const lesson = findLesson(id)!;
  store.getState().startLesson(lesson.id, lesson);
  return store;
}

describe('lesson slice', () => {
  it('opening a lesson loads its scenario without the lesson block and shows the Lesson tab', () => {
    const store = open('first-424');
    const s = store.getState();
    expect(s.scenario.lesson).toBeUndefined();
    expect(s.scenario.steps.map((st) => st.id)).toEqual(COURSE[0].scenario.steps.map((st) => st.id));
    expect(s.panelTab).toBe('lesson');
    expect(s.lessonActive).toMatchObject({ id: 'first-424', challenge: 0, score: 0, total: 0 });
    expect(s.run).toBeNull();
  });

  it('predict: a wrong guess first, then run → graded with the why; finishing keeps the score in localStorage', () => {
    const store = open('first-424');
    const s = () => store.getState();
    s().setGuess('create-invoice', 'skipped');
    s().setGuess('create-invoice', 'failed');
    s().setGuess('send-receipt', 'blocked');
    s().setGuess('nope', 'blocked');
    expect([...s().guesses]).toEqual([['create-invoice', 'failed'], ['send-receipt', 'blocked'], ['nope', 'blocked']]);
    s().checkPredictions();
    expect(s().run).not.toBeNull();
    expect(s().panelTab).toBe('lesson');
    expect(s().lessonGrade).toMatchObject({ score: 1, total: 5 });
    expect(s().lessonGrade!.items.find((i) => i.step === 'create-invoice')!.why).toMatch(/^R5: /);
    expect(s().challengeDone).toBe(true);
    s().setGuess('create-order', 'succeeded');
    expect(s().guesses.has('create-order')).toBe(false);
    s().nextChallenge();
    expect(s().lessonActive!.challenge).toBe(1);
    expect(JSON.parse(storage().getItem(PROGRESS_KEY)!)).toEqual({ 'first-424': { done: true, score: 1, total: 5 } });
    expect(readProgress()['first-424']).toEqual({ done: true, score: 1, total: 5 });
  });

  it('find the cause: the direct prerequisite first (a miss), then the root cause; one point only for a first-time find', () => {
    const store = open('root-cause');
    const s = () => store.getState();
    s().selectStep('upload-file');
    expect(s().panelTab).toBe('lesson');
    s().chooseCause('make-thumbnail');
    expect(s().causeChoice).toMatchObject({ step: 'make-thumbnail', tries: 1, check: { correct: false, rootCause: 'scan-virus' } });
    expect(s().challengeDone).toBe(false);
    s().chooseCause('scan-virus');
    expect(s().challengeDone).toBe(true);
    expect(s().lessonActive).toMatchObject({ score: 0, total: 1 });
  });

  it('fix: goal lines are checked live on the edited scenario; a fix within par scores 1', () => {
    const store = open('naive-retry');
    const s = () => store.getState();
    expect(selectFixCheck(s())!.lines.map((l) => l.holds)).toEqual([false, true]);
    s().checkFixNow();
    expect(s().challengeDone).toBe(false);
    s().setPolicy({ retryMode: 'graph-aware' });
    expect(selectFixCheck(s())).toMatchObject({ solved: true, edits: 1, par: 1 });
    s().checkFixNow();
    expect(s().challengeDone).toBe(true);
    expect(s().lessonActive).toMatchObject({ score: 1, total: 1 });
    s().nextChallenge();
    // The next challenge starts from the lesson's scenario as written.
    expect(s().scenario.policy).toEqual({ retryMode: 'naive' });
  });

  it('malformed progress in localStorage is ignored, not thrown', () => {
    storage().setItem(PROGRESS_KEY, '{"a": {"done": "yes"}, "b": {"done": true, "score": 2, "total": 3}, "__proto__": {"done": true, "score": 1, "total": 1}}');
    const progress = readProgress();
    expect(Object.keys(progress)).toEqual(['b']);
    storage().setItem(PROGRESS_KEY, 'not json');
    expect(readProgress()).toEqual({});
  });
});

describe('lesson slice with runs made in a worker', () => {
  it('grades predictions, causes and fixes when the run arrives, not before', async () => {
    const { simulate } = await import('../../src/engine/index.ts');
    let deliver: (() => void) | null = null;
    const store = createRippleStore({
      simulateOffThread: (scenario) =>
        new Promise((resolve) => {
          deliver = () => resolve(simulate(scenario));
        }),
    });
    const lesson = findLesson('first-424')!;
    store.getState().startLesson(lesson.id, lesson);
    store.getState().setGuess('create-invoice', 'blocked');
    store.getState().checkPredictions();
    expect(store.getState().running).toBe(true);
    expect(store.getState().lessonGrade).toBeNull();
    deliver!();
    await expect.poll(() => store.getState().lessonGrade).not.toBeNull();
    expect(store.getState().lessonGrade!.items.find((i) => i.step === 'create-invoice')!.correct).toBe(true);
    expect(store.getState().panelTab).toBe('lesson');
  });
});
