import { describe, expect, it } from 'vitest';
import { COURSE, findLesson } from '../../src/lessons/course/index.ts';
import { gradeShownFor, PROGRESS_KEY, readProgress } from '../../src/store/lesson-slice.ts';
import { gradeShownInFull, linkProgress, selectFixCheck } from '../../src/store/lesson-workings.ts';
import { lessonLinkId } from '../../src/lessons/lesson-link.ts';
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
    expect(s().lessonGrade!.items.find((i) => i.step === 'create-invoice')!).toMatchObject({ why: expect.stringMatching(/^With the fail-fast guard on, /), rule: 'R5' });
    expect(s().challengeDone).toBe(true);
    s().setGuess('create-order', 'succeeded');
    expect(s().guesses.has('create-order')).toBe(false);
    s().nextChallenge();
    expect(s().lessonActive!.challenge).toBe(1);
    expect(JSON.parse(storage().getItem(PROGRESS_KEY)!)).toEqual({ 'first-424': { done: true, score: 1, total: 5 } });
    expect(readProgress()['first-424']).toEqual({ done: true, score: 1, total: 5 });
  });

  it('the grade plays out: a step\'s verdict shows when the playhead reaches its final state, the score at the run\'s end', () => {
    const store = open('first-424');
    const s = () => store.getState();
    expect(gradeShownFor(s(), 'create-order')).toBe(false);
    s().checkPredictions();
    const stepEnd = (step: string) => Math.max(...s().timeline.filter((e) => e.event.step === step).map((e) => e.at));
    const first = stepEnd('create-order');
    const last = stepEnd('send-receipt');
    expect(first).toBeLessThan(last);
    s().seekTime(0);
    expect(first).toBeGreaterThan(0);
    expect(gradeShownFor(s(), 'create-order')).toBe(false);
    expect(gradeShownInFull(s())).toBe(false);
    s().seekTime(first);
    expect(gradeShownFor(s(), 'create-order')).toBe(true);
    expect(gradeShownFor(s(), 'send-receipt')).toBe(false);
    expect(gradeShownInFull(s())).toBe(false);
    s().seekTime(s().duration);
    expect(gradeShownFor(s(), 'send-receipt')).toBe(true);
    expect(gradeShownInFull(s())).toBe(true);
    // Scrubbing back hides again what the playhead has not reached.
    s().seekTime(first);
    expect(gradeShownFor(s(), 'send-receipt')).toBe(false);
  });

  it('the toolbar\'s Run during an open prediction checks it: graded on that run, the Lesson tab stays', () => {
    const store = open('first-424');
    const s = () => store.getState();
    s().setGuess('send-receipt', 'blocked');
    s().runScenario();
    expect(s().run).not.toBeNull();
    expect(s().lessonGrade).toMatchObject({ score: 1, total: 5 });
    expect(s().challengeDone).toBe(true);
    expect(s().lessonActive).toMatchObject({ score: 1, total: 5 });
    expect(s().panelTab).toBe('lesson');
    // Graded once: running again changes nothing.
    s().runScenario();
    expect(s().lessonActive).toMatchObject({ score: 1, total: 5 });
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

  it('a lesson from a link keeps its progress per link with its title; linkProgress lists only those', () => {
    const lesson = findLesson('first-424')!;
    const scenario = { ...lesson.scenario, title: 'Payments, shared by a colleague' };
    const id = lessonLinkId(scenario);
    const store = createRippleStore();
    const s = () => store.getState();
    s().startLesson(id, { title: scenario.title, scenario });
    s().setGuess('create-invoice', 'blocked');
    s().checkPredictions();
    s().nextChallenge();
    expect(readProgress()[id]).toEqual({ done: true, score: 1, total: 5, title: 'Payments, shared by a colleague' });
    expect(linkProgress(readProgress())).toEqual([{ id, done: true, score: 1, total: 5, title: 'Payments, shared by a colleague' }]);
    // A course lesson finished too is not "from a link".
    expect(linkProgress({ ...readProgress(), 'first-424': { done: true, score: 5, total: 5 } }).map((p) => p.id)).toEqual([id]);
  });

  it('a link lesson\'s kept title must be a short string; without one it is named generically', () => {
    storage().setItem(PROGRESS_KEY, JSON.stringify({ 'link-00000001': { done: true, score: 1, total: 2, title: 7 }, 'link-00000002': { done: false, score: 0, total: 0, title: 'x'.repeat(201) }, 'link-00000003': { done: true, score: 2, total: 2, title: 'Short' } }));
    expect(linkProgress(readProgress()).map((p) => p.title)).toEqual(['A lesson from a link', 'A lesson from a link', 'Short']);
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

describe('presenter mode in the store', () => {
  it('reveal waits for a run made in a worker, then stands paused on the first beat; the Lessons tab stays', async () => {
    const { simulate } = await import('../../src/engine/index.ts');
    let deliver: (() => void) | null = null;
    const store = createRippleStore({
      simulateOffThread: (scenario) =>
        new Promise((resolve) => {
          deliver = () => resolve(simulate(scenario));
        }),
    });
    const s = () => store.getState();
    const lesson = findLesson('first-424')!;
    const beats = lesson.scenario.lesson!.beats!;
    s().startLesson(lesson.id, lesson);
    s().setPresenting(true);
    expect(s()).toMatchObject({ presenting: true, presenterRevealed: false, presenterBeat: -1, run: null });
    s().presenterBack();
    expect(s().presenterRevealed).toBe(false);
    s().presenterForward();
    expect(s()).toMatchObject({ presenterRevealed: true, running: true, presenterBeat: -1 });
    // Pressed again while the run is on its way: nothing moves past the first beat.
    s().presenterForward();
    deliver!();
    await expect.poll(() => s().run).not.toBeNull();
    expect(s()).toMatchObject({ presenterBeat: 0, playing: false, time: beats[0].at, panelTab: 'lesson', selectedStepId: beats[0].step ?? null });
    s().presenterForward();
    expect(s()).toMatchObject({ presenterBeat: 1, time: beats[1].at, selectedStepId: beats[1].step ?? null });
    s().presenterBack();
    s().presenterBack();
    expect(s().presenterBeat).toBe(0);
    s().setPresenting(false);
    expect(s().presenting).toBe(false);
    // Leaving keeps what was revealed.
    expect(s().run).not.toBeNull();
  });

  it('without beats, Space and → walk the run event by event with the event step selected', () => {
    const store = createRippleStore();
    const s = () => store.getState();
    const lesson = findLesson('first-424')!;
    const scenario = { ...lesson.scenario };
    delete scenario.lesson;
    s().loadScenario(scenario);
    s().runScenario();
    s().setPresenting(true);
    expect(s().run).toBeNull();
    s().presenterForward();
    expect(s()).toMatchObject({ cursor: 0, playing: false, presenterBeat: -1 });
    s().presenterForward();
    s().presenterForward();
    expect(s().cursor).toBe(2);
    expect(s().selectedStepId).toBe(s().timeline[2].event.step ?? null);
    s().presenterBack();
    expect(s().cursor).toBe(1);
    expect(s().selectedStepId).toBe(s().timeline[1].event.step ?? null);
  });
});
