import { describe, expect, test } from 'vitest';
import { sideText } from '../../../src/app/compare/DiffTable.tsx';

describe('DiffTable sideText', () => {
  test('a step blocked with 424 is "not run", with the requests that got the 424; a rolled-back member ran', () => {
    expect(sideText({ state: 'blocked', status: 424, attempts: 1 }, null)).toBe('blocked · 424 · not run (one request answered 424)');
    expect(sideText({ state: 'blocked', status: 424, attempts: 4 }, [0, 40])).toBe('blocked · 424 · not run (4 requests answered 424), 0–40 ms');
    // A rolled-back member ran and was undone with its group (R18): its attempt counts (tryout: "not run").
    expect(sideText({ state: 'rolled-back', status: 424, attempts: 1 }, [0, 190])).toBe('rolled-back · 424 · 1 attempt, 0–190 ms');
  });

  test('a step that ran counts its attempts', () => {
    expect(sideText({ state: 'succeeded', status: 200, attempts: 3 }, [10, 130])).toBe('succeeded · 200 · 3 attempts, 10–130 ms');
    expect(sideText({ state: 'failed', status: 409, attempts: 1 }, null)).toBe('failed · 409 · 1 attempt');
    expect(sideText(null, null)).toBe('not in this scenario');
  });

  // Tryout: a blocked step's time read "200–200 ms", a span of no length. A 424 answered at once
  // is a moment: "at 200 ms".
  test('a step that took no time is given a moment, not a zero-length span', () => {
    expect(sideText({ state: 'blocked', status: 424, attempts: 1 }, [200, 200])).toBe('blocked · 424 · not run (one request answered 424), at 200 ms');
    expect(sideText({ state: 'skipped', status: null, attempts: 0 }, [40, 40])).toBe('skipped · no answer · 0 attempts, at 40 ms');
    expect(sideText({ state: 'succeeded', status: 200, attempts: 1 }, [12_000, 14_500])).toBe('succeeded · 200 · 1 attempt, 12 s–14.5 s');
  });

  // Tryout (saga-compensation-fails, "Saga off"): A's row for the payment read
  // "compensation-failed · 200", a 200 beside "failed". The call answered 200; its undo failed.
  test('a step a saga undid reads as its call, then the undo', () => {
    expect(sideText({ state: 'compensation-failed', status: 200, attempts: 1 }, [100, 250])).toBe('succeeded · 200 · 1 attempt, 100–250 ms; then its compensation failed');
    expect(sideText({ state: 'compensated', status: 200, attempts: 1 }, [0, 100])).toBe('succeeded · 200 · 1 attempt, 0–100 ms; then compensated');
    expect(sideText({ state: 'compensated', status: 504, attempts: 1 }, [0, 3000])).toBe('failed · 504 · 1 attempt, 0–3000 ms; then compensated');
  });
});
