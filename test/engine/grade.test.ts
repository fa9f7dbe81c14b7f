import { describe, expect, it } from 'vitest';
import { checkFix, checkGoal, countEdits, describeGoal, findCause, gradePredictions, lessonRunProblems, RULES } from '../../src/engine/grade.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const payment = findPreset('payment-fails')!.scenario;
const loop = findPreset('shipping-retry-loop')!.scenario;

/** a → b (success), a → alert (failure), b → c: a fails, so b is 424 and c is 424; alert runs. */
const skipStory: Scenario = {
  version: 2,
  title: 'skipped is not 424',
  steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'alert' }],
  dependencies: [
    { from: 'a', to: 'b' },
    { from: 'a', to: 'alert', on: 'failure' },
    { from: 'alert', to: 'c' },
  ],
};

describe('gradePredictions', () => {
  it('payment declined, learner guesses the invoice is skipped → a miss whose why names R5 and the chain', () => {
    const run = simulate(payment);
    const grade = gradePredictions(payment, run, new Map([
      ['create-order', 'succeeded'],
      ['authorize-payment', 'failed'],
      ['reserve-stock', 'succeeded'],
      ['create-invoice', 'skipped'],
      ['send-receipt', 'blocked'],
    ]));
    expect(grade.score).toBe(4);
    expect(grade.total).toBe(5);
    const invoice = grade.items.find((i) => i.step === 'create-invoice')!;
    expect(invoice).toEqual({
      step: 'create-invoice',
      predicted: 'skipped',
      actual: 'blocked',
      correct: false,
      rule: 'R5',
      why: `${RULES.R5.text}. create-invoice answered 424 Failed Dependency because authorize-payment failed.`,
    });
  });

  it('a miss two steps from the root cause is told in two sentences, the rule and the step it acted on, not the whole chain (tryout: four sentences)', () => {
    const grade = gradePredictions(payment, simulate(payment), new Map([['send-receipt', 'skipped']]));
    const receipt = grade.items.find((i) => i.step === 'send-receipt')!;
    expect(receipt).toMatchObject({ correct: false, rule: 'R5' });
    expect(receipt.why).toBe(`${RULES.R5.text}. send-receipt answered 424 Failed Dependency because create-invoice answered 424.`);
  });

  it('a missing answer is wrong, with predicted null', () => {
    const grade = gradePredictions(payment, simulate(payment), new Map());
    expect(grade.score).toBe(0);
    expect(grade.items.every((i) => i.predicted === null && !i.correct)).toBe(true);
  });

  it("grades only the lesson's predict list when it has one, in its order", () => {
    const lesson: Scenario = { ...payment, lesson: { intro: 'x', challenges: [{ kind: 'predict', steps: ['send-receipt', 'create-invoice'] }] } };
    const grade = gradePredictions(lesson, simulate(lesson), new Map([['send-receipt', 'blocked'], ['create-order', 'failed']]));
    expect(grade).toMatchObject({ score: 1, total: 2 });
    expect(grade.items.map((i) => i.step)).toEqual(['send-receipt', 'create-invoice']);
  });

  it('a step skipped because a failure edge was void is explained by R4, not R5', () => {
    const ok = { ...skipStory, steps: skipStory.steps };
    const run = simulate(ok);
    const grade = gradePredictions(ok, run, new Map([['alert', 'blocked']]));
    const alert = grade.items.find((i) => i.step === 'alert')!;
    expect(alert.actual).toBe('skipped');
    expect(alert.why.startsWith(RULES.R4void.text)).toBe(true);
    expect(alert.rule).toBe('R4');
    const c = grade.items.find((i) => i.step === 'c')!;
    expect(c.actual).toBe('skipped');
    expect(c.why.startsWith(RULES.R4skip.text)).toBe(true);
    expect(c.why).toContain('was skipped');
  });

  it('the naive retry loop: a 424 answered again and again is explained by R9', () => {
    const run = simulate(loop);
    const grade = gradePredictions(loop, run, new Map());
    const blocked = grade.items.filter((i) => i.actual === 'blocked');
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.some((i) => i.why.startsWith(RULES.R9naive.text) && i.rule === 'R9')).toBe(true);
  });
});

describe('checkGoal', () => {
  const after = (scenario: Scenario) => ({ scenario, result: simulate(scenario) });

  it('step-state: holds or not, with a sentence naming both states', () => {
    const line = { kind: 'step-state', step: 'create-invoice', state: 'succeeded' } as const;
    expect(checkGoal(line, payment, after(payment))).toEqual({
      line,
      holds: false,
      sentence: 'create-invoice ended blocked (424); the goal asks for succeeded.',
    });
    const fixed: Scenario = { ...payment, steps: payment.steps.map((s) => (s.id === 'authorize-payment' ? { ...s, fail: undefined } : s)) };
    expect(checkGoal(line, payment, after(fixed)).holds).toBe(true);
  });

  it('max-424-answers counts every 424 a step answered (the naive loop answers it several times)', () => {
    const line = { kind: 'max-424-answers', count: 2 } as const;
    const check = checkGoal(line, loop, after(loop));
    expect(check).toMatchObject({ holds: false, sentence: 'create-shipping-label answered 424 4 times; the goal allows at most twice.' });
    const graphAware: Scenario = { ...loop, policy: { ...loop.policy, retryMode: 'graph-aware' } };
    expect(checkGoal(line, loop, after(graphAware)).holds).toBe(true);
  });

  it('max-blocked, outcome and failures-unchanged', () => {
    expect(checkGoal({ kind: 'max-blocked', count: 0 }, payment, after(payment)).sentence).toBe(
      '2 steps ended blocked (424) (create-invoice, send-receipt); the goal allows at most 0.',
    );
    expect(checkGoal({ kind: 'outcome', outcome: 'failed' }, payment, after(payment))).toMatchObject({ holds: true, sentence: 'The run ended failed.' });
    const cheat: Scenario = { ...payment, steps: payment.steps.map((s) => (s.id === 'authorize-payment' ? { id: s.id, label: s.label } : s)) };
    expect(checkGoal({ kind: 'failures-unchanged' }, payment, after(cheat))).toMatchObject({
      holds: false,
      sentence: 'The failure of authorize-payment was changed; the goal is to cope with it, not remove it.',
    });
    expect(checkGoal({ kind: 'failures-unchanged' }, payment, after(payment)).holds).toBe(true);
  });

  it('describes goal lines in words', () => {
    expect(describeGoal({ kind: 'max-424-answers', count: 1 })).toBe('No step answers 424 more than once');
    expect(describeGoal({ kind: 'max-blocked', count: 0 })).toBe('No step answers 424');
    expect(describeGoal({ kind: 'step-state', step: 'pay', state: 'compensated' })).toBe('pay ends compensated');
  });
});

describe('countEdits and checkFix', () => {
  it('counts policy fields, retries and dependencies, and refuses parts the lesson does not open', () => {
    const edited: Scenario = {
      ...payment,
      policy: { failFast: false, onFailure: 'abort' },
      steps: payment.steps.map((s) => (s.id === 'send-receipt' ? { ...s, retry: { maxAttempts: 3 }, durationMs: 5 } : s)),
      dependencies: [...payment.dependencies.slice(1), { from: 'reserve-stock', to: 'send-receipt', on: 'always' }],
    };
    const counted = countEdits(payment, edited, { editable: ['policy', 'retry'], retryStep: 'create-invoice' });
    expect(counted.edits).toBe(6);
    expect(counted.refused).toEqual([
      'the retry of send-receipt may not be changed in this lesson',
      'send-receipt.durationMs may not be changed in this lesson',
      'the dependency create-order → authorize-payment may not be changed in this lesson',
      'the dependency reserve-stock → send-receipt may not be changed in this lesson',
    ]);
  });

  it('a fix is solved when every goal line holds and no refused edit was made; labels and positions are free', () => {
    const challenge = { kind: 'fix', goal: [{ kind: 'outcome', outcome: 'succeeded' }, { kind: 'failures-unchanged' }], editable: ['policy'], par: 1 } as const;
    const graphAware: Scenario = {
      ...loop,
      policy: { ...loop.policy, retryMode: 'graph-aware' },
      steps: loop.steps.map((s) => ({ ...s, label: `${s.label ?? s.id}!`, position: { x: 1, y: 2 } })),
    };
    const check = checkFix({ ...challenge, goal: [...challenge.goal], editable: [...challenge.editable] }, loop, { scenario: graphAware, result: simulate(graphAware) });
    expect(check).toMatchObject({ solved: true, edits: 1, par: 1, refused: [] });
    const unsolved = checkFix({ ...challenge, goal: [...challenge.goal], editable: [...challenge.editable] }, loop, { scenario: loop, result: simulate(loop) });
    expect(unsolved.solved).toBe(false);
    expect(unsolved.lines.map((l) => l.holds)).toEqual([false, true]);
  });
});

describe('findCause', () => {
  const run = simulate(payment);
  it('the root cause of the receipt’s 424 is the declined payment, not the invoice', () => {
    expect(findCause(run, 'send-receipt', 'authorize-payment')).toMatchObject({ correct: true, rootCause: 'authorize-payment' });
    const wrong = findCause(run, 'send-receipt', 'create-invoice');
    expect(wrong.correct).toBe(false);
    expect(wrong.why).toMatch(/^create-invoice is its direct prerequisite, but it answered 424 itself/);
    expect(findCause(run, 'send-receipt', 'reserve-stock').why).toMatch(/^reserve-stock is not on the path of this 424\./);
  });
});

describe('lessonRunProblems', () => {
  it('reports beats after the end of the run and a find-cause step with no root cause', () => {
    const lesson: Scenario = {
      ...payment,
      lesson: { intro: 'x', beats: [{ at: 5000, text: 'late' }], challenges: [{ kind: 'find-cause', step: 'create-order' }] },
    };
    expect(lessonRunProblems(lesson, simulate(lesson))).toEqual([
      "lesson.beats[0].at: 5000 ms is after the run's end at 200 ms",
      'lesson.challenges[0].step: create-order ended succeeded and has no root cause to find',
    ]);
  });
});
