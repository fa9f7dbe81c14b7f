// The course (issue #12): lessons in teaching order, from the seeds' stories and the engine's
// rules. Each file is a version-2 scenario with a `lesson` block; test/lessons/course.test.ts
// runs every one through the gate and the engine and solves its challenges.
import type { Scenario } from '../../scenario/types.ts';
import first424 from './01-first-424.json';
import rootCause from './02-root-cause.json';
import skippedIsNot424 from './03-skipped-is-not-424.json';
import failFastOff from './04-fail-fast-off.json';
import naiveRetry from './05-naive-retry.json';
import sagaOrder from './06-saga-order.json';
import compensationFails from './07-compensation-fails.json';
import retryTheFailedStep from './08-retry-the-failed-step.json';
import publishBeforeValidation from './09-publish-before-validation.json';
import webdavCopyLocked from './10-webdav-copy-locked.json';
import batchDependsOn from './11-batch-depends-on.json';
import teardownSurvivesAbort from './12-teardown-survives-abort.json';
import skippedIsFine from './13-skipped-is-fine.json';
import atomicChangeset from './14-atomic-changeset.json';

export interface CourseLesson {
  /** Stable id, used for progress in localStorage and in links: `first-424`. */
  id: string;
  title: string;
  /** Minutes the lesson takes (its `lesson.minutes`). */
  minutes: number;
  /** Version-2 rules (issue #10) the lesson needs beyond R1–R13; empty for the rest. */
  rules: readonly string[];
  scenario: Scenario;
}

// JSON imports are typed with widened literals; the course test proves each file passes the
// gate (validate + checkLesson), which is what makes this cast honest.
function entry(id: string, json: unknown, rules: readonly string[] = []): CourseLesson {
  const scenario = json as Scenario;
  return { id, title: scenario.title, minutes: scenario.lesson?.minutes ?? 3, rules, scenario };
}

/** In teaching order: each lesson builds on the ones before it. */
export const COURSE: readonly CourseLesson[] = [
  entry('first-424', first424),
  entry('root-cause', rootCause),
  entry('skipped-is-not-424', skippedIsNot424),
  entry('fail-fast-off', failFastOff),
  entry('naive-retry', naiveRetry),
  entry('saga-order', sagaOrder),
  entry('compensation-fails', compensationFails),
  entry('retry-the-failed-step', retryTheFailedStep),
  entry('publish-before-validation', publishBeforeValidation),
  entry('webdav-copy-locked', webdavCopyLocked),
  entry('batch-depends-on', batchDependsOn),
  entry('teardown-survives-abort', teardownSurvivesAbort, ['R15']),
  entry('skipped-is-fine', skippedIsFine, ['R14']),
  entry('atomic-changeset', atomicChangeset, ['R18']),
];

/** `findLesson('first-424')` → the lesson; unknown ids give `undefined`. */
export function findLesson(id: string): CourseLesson | undefined {
  return COURSE.find((l) => l.id === id);
}

/** The lesson after `id` in the course, or `undefined` after the last. */
export function nextLesson(id: string): CourseLesson | undefined {
  const i = COURSE.findIndex((l) => l.id === id);
  return i >= 0 ? COURSE[i + 1] : undefined;
}
