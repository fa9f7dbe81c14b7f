import { describe, expect, it } from 'vitest';
import { COURSE, findLesson, nextLesson } from '../../src/lessons/course/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { checkCourseLesson, type Reference } from './course-check.ts';

// Every lesson of the course that runs on rules R1–R13, played with reference answers.
// The R14–R18 lessons are in course-v2-rules.test.ts.

function policy(s: Scenario, patch: Scenario['policy']): Scenario {
  return { ...s, policy: { ...s.policy, ...patch } };
}

const REFERENCES: Record<string, Reference[]> = {
  'first-424': [
    {
      kind: 'predict',
      key: { 'create-order': 'succeeded', 'authorize-payment': 'failed', 'reserve-stock': 'succeeded', 'create-invoice': 'blocked', 'send-receipt': 'blocked' },
    },
  ],
  'root-cause': [
    { kind: 'find-cause', cause: 'scan-virus' },
    { kind: 'predict', key: { 'make-thumbnail': 'blocked', 'index-text': 'blocked', 'publish-file': 'blocked' } },
  ],
  'skipped-is-not-424': [
    { kind: 'predict', key: { deploy: 'succeeded', rollback: 'skipped', 'notify-rollback': 'skipped', 'clean-workspace': 'succeeded' } },
  ],
  'fail-fast-off': [
    { kind: 'predict', key: { 'fetch-fx-rates': 'failed', 'price-cart': 'failed', 'create-invoice': 'failed' } },
    { kind: 'fix', solve: (s) => policy(s, { failFast: true }) },
  ],
  'naive-retry': [
    { kind: 'fix', solve: (s) => policy(s, { retryMode: 'graph-aware' }) },
    { kind: 'find-cause', cause: 'reserve-stock' },
  ],
  'saga-order': [
    {
      kind: 'predict',
      key: {
        'create-order': 'compensated',
        'reserve-stock': 'compensated',
        'charge-card': 'compensated',
        'send-email': 'succeeded',
        'book-courier': 'failed',
        'print-label': 'blocked',
      },
    },
  ],
  'compensation-fails': [
    {
      kind: 'predict',
      key: {
        'create-order': 'compensated',
        'authorize-payment': 'compensation-failed',
        'redeem-voucher': 'succeeded',
        'book-courier': 'failed',
        'create-invoice': 'compensated',
        'send-confirmation': 'blocked',
      },
    },
    { kind: 'find-cause', cause: 'book-courier' },
  ],
  'retry-the-failed-step': [
    { kind: 'fix', solve: (s) => ({ ...s, steps: s.steps.map((st) => (st.id === 'fetch-rates' ? { ...st, retry: { maxAttempts: 2 } } : st)) }) },
  ],
  'publish-before-validation': [
    { kind: 'predict', key: { 'validate-bundle': 'succeeded', 'publish-package': 'failed', 'announce-release': 'blocked' } },
    { kind: 'fix', solve: (s) => ({ ...s, dependencies: [...s.dependencies, { from: 'validate-bundle', to: 'publish-package' }] }) },
  ],
  'webdav-copy-locked': [
    {
      kind: 'predict',
      key: { 'copy-docs': 'succeeded', 'copy-readme': 'succeeded', 'copy-guides': 'failed', 'copy-logo': 'succeeded', 'copy-intro': 'blocked', 'copy-setup': 'blocked' },
    },
    { kind: 'find-cause', cause: 'copy-guides' },
  ],
  'batch-depends-on': [{ kind: 'predict', key: { 1: 'succeeded', 2: 'failed', 3: 'blocked', 4: 'blocked', 5: 'succeeded' } }],
};

describe('the course', () => {
  it('has at least 12 lessons with unique ids, each with every challenge kind somewhere', () => {
    expect(COURSE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(COURSE.map((l) => l.id)).size).toBe(COURSE.length);
    const kinds = new Set(COURSE.flatMap((l) => l.scenario.lesson!.challenges.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['find-cause', 'fix', 'predict']);
    expect(findLesson('first-424')).toBe(COURSE[0]);
    expect(nextLesson('first-424')).toBe(COURSE[1]);
    expect(nextLesson(COURSE[COURSE.length - 1].id)).toBeUndefined();
  });

  it('has a reference for every lesson on R1–R13 (and only for those)', () => {
    expect(Object.keys(REFERENCES)).toEqual(COURSE.filter((l) => l.rules.length === 0).map((l) => l.id));
  });

  for (const lesson of COURSE.filter((l) => l.rules.length === 0)) {
    it(`${lesson.id}: passes the gate, fits its run, and every challenge is solvable`, () => {
      checkCourseLesson(lesson, REFERENCES[lesson.id]);
    });
  }
});
