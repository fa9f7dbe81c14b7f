// Shared by the course tests: play one lesson of the course the way a learner would, with a
// reference answer for each of its challenges, and assert what the learner would see.
import { expect } from 'vitest';
import { checkFix, findCause, gradePredictions, lessonRunProblems } from '../../src/engine/grade.ts';
import { simulate } from '../../src/engine/simulate.ts';
import type { CourseLesson } from '../../src/lessons/course/index.ts';
import { validateLessonScenario } from '../../src/lessons/lesson-gate.ts';
import { introParagraphs, type PredictableState } from '../../src/scenario/lesson.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** The reference answers a lesson's challenges are checked against, in challenge order. */
export type Reference =
  | { kind: 'predict'; key: Record<string, PredictableState> }
  | { kind: 'fix'; solve: (s: Scenario) => Scenario }
  | { kind: 'find-cause'; cause: string };

export function checkCourseLesson(lesson: CourseLesson, references: readonly Reference[]): void {
  const checked = validateLessonScenario(lesson.scenario);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const scenario = checked.scenario;
  expect(scenario.lesson, 'the gate keeps the lesson').toEqual(lesson.scenario.lesson);
  const lessonBlock = scenario.lesson!;
  expect(lesson.minutes).toBeGreaterThanOrEqual(2);
  expect(lesson.minutes).toBeLessThanOrEqual(5);
  expect(introParagraphs(lessonBlock.intro).length).toBeLessThanOrEqual(4);

  const run = simulate(scenario);
  expect(lessonRunProblems(scenario, run)).toEqual([]);
  expect(references.map((r) => r.kind), 'one reference per challenge').toEqual(lessonBlock.challenges.map((c) => c.kind));

  lessonBlock.challenges.forEach((challenge, i) => {
    const reference = references[i];
    switch (challenge.kind) {
      case 'predict': {
        if (reference.kind !== 'predict') throw new Error('reference kind');
        const grade = gradePredictions(scenario, run, new Map(Object.entries(reference.key)));
        expect(Object.fromEntries(grade.items.map((item) => [item.step, item.actual])), 'the answer key is the run').toEqual(reference.key);
        expect(grade.score).toBe(grade.total);
        // A wrong guess on every step is a miss with a rule to read: in words first, its number apart.
        const wrong = gradePredictions(scenario, run, new Map());
        for (const item of wrong.items) {
          expect(item.why).toMatch(/^[A-Z][a-z]* /);
          expect(item.why).not.toMatch(/\bR\d+\b/);
          expect(item.rule).toMatch(/^R\d+$/);
        }
        return;
      }
      case 'fix': {
        if (reference.kind !== 'fix') throw new Error('reference kind');
        const unsolved = checkFix(challenge, scenario, { scenario, result: run });
        expect(unsolved.solved, 'the lesson starts unsolved').toBe(false);
        const solution = reference.solve(structuredClone(scenario));
        const solved = checkFix(challenge, scenario, { scenario: solution, result: simulate(solution) });
        expect(solved.refused).toEqual([]);
        expect(solved.lines.filter((l) => !l.holds).map((l) => l.sentence)).toEqual([]);
        expect(solved.solved).toBe(true);
        expect(solved.edits).toBeLessThanOrEqual(challenge.par);
        return;
      }
      case 'find-cause': {
        if (reference.kind !== 'find-cause') throw new Error('reference kind');
        expect(run.steps[challenge.step].state).toBe('blocked');
        expect(findCause(run, challenge.step, reference.cause).correct).toBe(true);
        const direct = run.steps[challenge.step].failedPrerequisiteStep!;
        if (direct !== reference.cause) expect(findCause(run, challenge.step, direct).correct).toBe(false);
        return;
      }
    }
  });
}
