import { describe, expect, test } from 'vitest';
import { startOfGraph } from '../../src/canvas/StepCanvas.tsx';
import type { Step } from '../../src/scenario/types.ts';

// A large graph's first view shows its start (the leftmost steps), not an anonymous middle.

const chain = (n: number): Step[] => Array.from({ length: n }, (_, i) => ({ id: `s${n - 1 - i}`, position: { x: (n - 1 - i) * 220, y: (i % 3) * 10 } }));

describe('startOfGraph', () => {
  test('up to 100 steps: everything is fitted', () => {
    expect(startOfGraph(chain(100))).toBeUndefined();
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
