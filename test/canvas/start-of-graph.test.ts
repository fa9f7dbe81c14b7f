import { describe, expect, test } from 'vitest';
import { startOfGraph } from '../../src/canvas/StepCanvas.tsx';
import type { Step } from '../../src/scenario/types.ts';

// A large graph's first view shows its start (the leftmost steps), not an anonymous middle.

const chain = (n: number): Step[] => Array.from({ length: n }, (_, i) => ({ id: `s${n - 1 - i}`, position: { x: (n - 1 - i) * 220, y: (i % 3) * 10 } }));

describe('startOfGraph', () => {
  test('up to 40 steps, or up to 100 that fit the view at the lowest zoom: everything is fitted', () => {
    const desktop = { width: 1280, height: 720 };
    expect(startOfGraph(chain(40), desktop)).toBeUndefined();
    // 48 steps in a 6 × 8 grid: 1,320 × 880 px of graph, 1,112 × 739 at zoom 0.6 with padding.
    const grid: Step[] = Array.from({ length: 48 }, (_, i) => ({ id: `g${i}`, position: { x: (i % 6) * 220, y: Math.floor(i / 6) * 100 } }));
    expect(startOfGraph(grid, { width: 1400, height: 900 })).toBeUndefined();
    // Without a view (not laid out yet): everything.
    expect(startOfGraph(chain(100))).toBeUndefined();
  });

  test('41 to 100 steps that do not fit at the lowest zoom: the start, not an anonymous middle (a 100-step chain showed steps 47–53: tryout)', () => {
    expect(startOfGraph(chain(100), { width: 1280, height: 720 })!.map((n) => n.id)).toEqual(['s0', 's1', 's2', 's3']);
    expect(startOfGraph(chain(41), { width: 1280, height: 720 })!.map((n) => n.id)).toEqual(['s0', 's1', 's2', 's3']);
    // A phone's lower zoom floor still does not fit 100 chained steps in 390 px.
    expect(startOfGraph(chain(100), { width: 390, height: 500 }, { minZoom: 0.25, padding: 0.06 })!.map((n) => n.id)).toEqual(['s0', 's1', 's2', 's3']);
  });

  test('above 100 steps: the 4 leftmost (a chain\'s first steps at a readable zoom), in order from the left', () => {
    const start = startOfGraph(chain(2_000))!;
    expect(start.map((n) => n.id)).toEqual(['s0', 's1', 's2', 's3']);
  });

  test('a step without a position yet (laid out later): everything', () => {
    const steps = chain(200);
    steps[50] = { id: steps[50].id };
    expect(startOfGraph(steps)).toBeUndefined();
  });
});
