import { describe, expect, test } from 'vitest';
import { passingPath } from '../../src/canvas/passing-lines.ts';
import { passesThrough, viewBox } from '../../src/canvas/view-box.ts';

const p = (x: number, y: number) => ({ x, y });

describe('passingPath: each stretch shared by passing lines is drawn once', () => {
  test('overlapping rows and columns merge; a stretch two lines share is one segment', () => {
    expect(
      passingPath([
        [p(0, 0), p(50, 0), p(50, 40)],
        [p(20, 0), p(80, 0)],
        [p(50, 10), p(50, 90), p(100, 90)],
      ]),
    ).toBe('M0,0H80 M50,90H100 M50,0V90');
  });

  test('rows that do not touch stay apart; the same lines in another order give the same path', () => {
    const lines = [
      [p(0, 10), p(10, 10)],
      [p(30, 10), p(40, 10)],
      [p(0, 0), p(5, 3)],
      [p(5, 3), p(0, 0)],
    ];
    expect(passingPath(lines)).toBe('M0,10H10 M30,10H40 M0,0L5,3');
    expect(passingPath([...lines].reverse())).toBe(passingPath(lines));
  });

  test('no lines, no path', () => {
    expect(passingPath([])).toBe('');
  });
});

describe('passesThrough: a line crossing the view with both ends out of it', () => {
  // The view of a 1000 × 500 pane at zoom 1, panned to flow (0, 0), with no margin.
  const box = viewBox([0, 0, 1], 1000, 500, 0)!;

  test('both ends outside, crossing: passes; an end inside: drawn as an edge; not meeting the view: neither', () => {
    expect(passesThrough([p(-100, 200), p(1100, 200)], box)).toBe(true);
    expect(passesThrough([p(-100, 200), p(500, 200)], box)).toBe(false);
    expect(passesThrough([p(-100, -50), p(1100, -50)], box)).toBe(false);
  });

  test('before the pane has a size there is no view box', () => {
    expect(viewBox([0, 0, 1], 0, 0, 60)).toBeNull();
  });
});
