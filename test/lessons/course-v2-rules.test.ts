import { describe, it } from 'vitest';
import { findLesson } from '../../src/lessons/course/index.ts';
import { checkCourseLesson } from './course-check.ts';

// The lessons on the version-2 rules (issue #10): R15 finally steps, R14 run conditions, R18
// atomic groups. They need the gate to accept `when` and `groups` and the engine to apply the
// rules, so these pass once the `gate` and `engine` branches are merged.

describe('the course: lessons on R14–R18', () => {
  it('teardown-survives-abort (R15): abort cancels the e2e tests, the finally teardown still runs', () => {
    checkCourseLesson(findLesson('teardown-survives-abort')!, [
      { kind: 'predict', key: { 'unit-tests': 'failed', 'build-images': 'succeeded', 'e2e-tests': 'cancelled', teardown: 'succeeded' } },
    ]);
  });

  it('skipped-is-fine (R14): the docs build is skipped, deploy with its condition runs, the strict deploy is skipped', () => {
    checkCourseLesson(findLesson('skipped-is-fine')!, [{ kind: 'predict', key: { docs: 'skipped', deploy: 'succeeded', 'deploy-strict': 'skipped' } }]);
  });

  it('atomic-changeset (R18): no license left, so the created user is rolled back and the welcome mail answers 424', () => {
    checkCourseLesson(findLesson('atomic-changeset')!, [
      {
        kind: 'predict',
        key: { 'create-user': 'rolled-back', 'add-license': 'failed', 'add-to-team': 'rolled-back', 'send-welcome': 'blocked' },
      },
      { kind: 'find-cause', cause: 'add-license' },
    ]);
  });
});
