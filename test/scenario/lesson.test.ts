import { describe, expect, it } from 'vitest';
import { checkLesson, introParagraphs } from '../../src/scenario/lesson.ts';

const ids = new Set(['create-order', 'authorize-payment', 'create-invoice', 'ship']);

const sound = {
  intro: 'The card is declined.\n\nWhat does the invoice answer?',
  minutes: 3,
  beats: [
    { at: 0, text: 'The order is created.' },
    { at: 200, text: 'The payment is declined.', step: 'authorize-payment' },
  ],
  challenges: [
    { kind: 'predict', steps: ['create-invoice', 'ship'] },
    { kind: 'fix', goal: [{ kind: 'max-424-answers', count: 1 }, { kind: 'failures-unchanged' }], editable: ['retry'], par: 1, retryStep: 'ship' },
    { kind: 'find-cause', step: 'ship' },
  ],
};

function messages(raw: unknown): string[] {
  return checkLesson(raw, 'lesson', ids).problems.map((p) => `${p.path}: ${p.message}`);
}

describe('checkLesson', () => {
  it('accepts a sound lesson and returns a clean copy with the three challenge kinds', () => {
    const { lesson, problems } = checkLesson(sound, 'lesson', ids);
    expect(problems).toEqual([]);
    expect(lesson).toEqual(sound);
    expect(lesson).not.toBe(sound);
  });

  it('names a missing step in a predict list, a beat, a goal line and a find-cause, with a suggestion', () => {
    expect(
      messages({
        intro: 'x',
        beats: [{ at: 0, text: 'a', step: 'shipp' }],
        challenges: [
          { kind: 'predict', steps: ['create-invoice', 'nope'] },
          { kind: 'fix', goal: [{ kind: 'step-state', step: 'autorize-payment', state: 'succeeded' }], editable: ['policy'], par: 0 },
          { kind: 'find-cause', step: 'SHIP' },
        ],
      }),
    ).toEqual([
      'lesson.beats[0].step: no step "shipp" (did you mean "ship"?)',
      'lesson.challenges[0].steps[1]: no step "nope"',
      'lesson.challenges[1].goal[0].step: no step "autorize-payment" (did you mean "authorize-payment"?)',
      'lesson.challenges[2].step: no step "SHIP" (did you mean "ship"?)',
    ]);
  });

  it('refuses an unknown challenge kind, goal kind, state and editable part, listing the choices', () => {
    const out = messages({
      intro: 'x',
      challenges: [
        { kind: 'guess' },
        { kind: 'fix', goal: [{ kind: 'no-424' }, { kind: 'step-state', step: 'ship', state: 'blokced' }], editable: ['policy', 'everything'], par: 1 },
      ],
    });
    expect(out[0]).toBe('lesson.challenges[0].kind: expected a challenge kind: "predict", "fix" or "find-cause", got "guess"');
    expect(out[1]).toMatch(/^lesson\.challenges\[1\]\.goal\[0\]\.kind: expected a goal kind: .*"max-424-answers".*got "no-424"$/);
    expect(out[2]).toMatch(/^lesson\.challenges\[1\]\.goal\[1\]\.state: expected a final state: .*got "blokced" \(did you mean "blocked"\?\)$/);
    expect(out[3]).toMatch(/^lesson\.challenges\[1\]\.editable\[1\]: expected an editable part: "policy", .* got "everything"$/);
    expect(out).toHaveLength(4);
  });

  it('checks par ≥ 0, counts, beats in order of time and unknown fields', () => {
    expect(
      messages({
        intro: 'x',
        beats: [{ at: 300, text: 'b' }, { at: 100, text: 'a', colour: 'red' }],
        challenges: [{ kind: 'fix', goal: [{ kind: 'max-blocked', count: -1 }], editable: ['edges'], par: -1 }],
        hint: 'no',
      }),
    ).toEqual([
      'lesson.hint: unknown field',
      'lesson.beats[1].colour: unknown field',
      "lesson.beats[1].at: beats are in order of time: 100 ms comes before the previous beat's 300 ms",
      'lesson.challenges[0].goal[0].count: -1 is out of range: expected an integer 0–10000',
      'lesson.challenges[0].par: -1 is out of range: expected an integer 0–100',
    ]);
  });

  it('limits the introduction: not empty, at most 5 paragraphs, each at most 600 characters', () => {
    expect(messages({ intro: '  ', challenges: [{ kind: 'predict' }] })).toEqual(['lesson.intro: is empty; write at least a few words']);
    expect(messages({ intro: 'a\n\nb\n\nc\n\nd\n\ne\n\nf', challenges: [{ kind: 'predict' }] })).toEqual([
      "lesson.intro: has 6 paragraphs; at most 5 (a lesson's introduction is a few short paragraphs)",
    ]);
    expect(messages({ intro: 'x'.repeat(601), challenges: [{ kind: 'predict' }] })).toEqual([
      'lesson.intro: paragraph 1 is 601 characters long; at most 600',
    ]);
    expect(messages({ intro: 'x'.repeat(1501), challenges: [{ kind: 'predict' }] })).toEqual(['lesson.intro: is 1501 characters long; at most 1500']);
  });

  it('needs at least one challenge and a retryStep only beside an editable retry', () => {
    expect(messages({ intro: 'x', challenges: [] })).toEqual(['lesson.challenges: needs at least 1 challenge; it has none']);
    // Counts read as sentences with their plurals: one goal line, several challenges.
    expect(messages({ intro: 'x', challenges: [{ kind: 'fix', goal: [], editable: ['policy'], par: 1 }] })).toEqual(['lesson.challenges[0].goal: needs at least 1 goal line; it has none']);
    const many = Array.from({ length: 9 }, () => ({ kind: 'predict' }));
    expect(messages({ intro: 'x', challenges: many })[0]).toMatch(/^lesson\.challenges: has 9 challenges; at most \d+ are allowed$/);
    expect(messages({ intro: 'x', challenges: [{ kind: 'fix', goal: [{ kind: 'outcome', outcome: 'succeeded' }], editable: ['policy'], par: 1, retryStep: 'ship' }] })).toEqual([
      'lesson.challenges[0].retryStep: names the step whose retry may change, but "retry" is not in editable',
    ]);
  });

  it('never throws on hostile values', () => {
    for (const raw of [null, 1, 'x', [], { intro: 5, challenges: {} }, { intro: 'x', challenges: [null, 3, []] }, Object.create(null)]) {
      expect(checkLesson(raw, 'lesson', ids).problems.length).toBeGreaterThan(0);
    }
    const proto = JSON.parse('{"intro":"x","challenges":[{"kind":"predict"}],"__proto__":{"polluted":1}}');
    expect(messages(proto)).toEqual(['lesson.__proto__: unknown field']);
  });

  it('splits the introduction into paragraphs at blank lines', () => {
    expect(introParagraphs('One.\n  \nTwo\nlines.\n\n\n')).toEqual(['One.', 'Two\nlines.']);
  });
});
