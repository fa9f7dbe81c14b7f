import { describe, expect, test } from 'vitest';
import { startOfGraph } from '../../src/canvas/StepCanvas.tsx';
import type { Step } from '../../src/scenario/types.ts';
import { STEP_NODE_SIZE } from '../../src/canvas/build-graph.ts';
import { layeredLayout, withPositions } from '../../src/canvas/layout/simple-layout.ts';
import { wideDag } from '../../bench/sample-scenarios.ts';

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

  describe('a wide imported DAG (the bench\'s Argo-like one), laid out as on open: its fan-out step centred on a next layer of 250', () => {
    const laidOut = (count: number) => {
      const scenario = wideDag(count);
      return withPositions(scenario, layeredLayout(scenario)).steps;
    };
    /** The box (px) of the chosen steps, as drawn. */
    const boxOf = (steps: Step[], ids: string[]) => {
      const chosen = steps.filter((s) => ids.includes(s.id)).map((s) => s.position!);
      const xs = chosen.map((p) => p.x);
      const ys = chosen.map((p) => p.y);
      return { width: Math.max(...xs) - Math.min(...xs) + STEP_NODE_SIZE.width, height: Math.max(...ys) - Math.min(...ys) + STEP_NODE_SIZE.height };
    };

    test.each([
      [1_000, { width: 900, height: 600 }, { minZoom: 0.6, padding: 0.2 }],
      [2_000, { width: 1280, height: 800 }, { minZoom: 0.6, padding: 0.2 }],
      [1_000, { width: 390, height: 500 }, { minZoom: 0.25, padding: 0.06 }],
    ])('%i steps in a %o canvas: the fan-out step and its neighbours in the next layers, a box that fits at the lowest zoom (it was 13,800 px tall)', (count, view, fit) => {
      const steps = laidOut(count);
      const ids = startOfGraph(steps, view, fit)!.map((n) => n.id);
      // The top-left step (the only one of the leftmost layer) comes first.
      expect(ids[0]).toBe('generate-shards');
      const box = boxOf(steps, ids);
      const scale = fit.minZoom * (1 + 2 * fit.padding);
      expect(box.width * scale).toBeLessThanOrEqual(view.width);
      expect(box.height * scale).toBeLessThanOrEqual(view.height);
      // Enough to read the start by: steps of the next three layers, more than a handful.
      const layers = new Set(steps.filter((s) => ids.includes(s.id)).map((s) => s.position!.x));
      expect(layers.size).toBe(4);
      expect(ids.length).toBeGreaterThan(10);
      // Nearest the fan-out step's row: its box is centred on it, not on the layers' tops.
      const root = steps.find((s) => s.id === 'generate-shards')!.position!;
      const ys = steps.filter((s) => ids.includes(s.id)).map((s) => s.position!.y);
      expect(Math.abs((Math.min(...ys) + Math.max(...ys)) / 2 - root.y)).toBeLessThanOrEqual(55);
    });
  });

  test('a layered grid: its top-left corner, as many rows of the four leftmost layers as fit the view', () => {
    const grid: Step[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `s${i}`, position: { x: Math.floor(i / 100) * 240, y: (i % 100) * 110 } }));
    const ids = startOfGraph(grid, { width: 900, height: 600 })!.map((n) => n.id);
    // 600 px at zoom 0.6 with padding: 714 px of graph, 6 rows of 110 px.
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's100', 's101', 's102', 's103', 's104', 's105', 's200', 's201', 's202', 's203', 's204', 's205', 's300', 's301', 's302', 's303', 's304', 's305']);
  });

  test('a step without a position yet (laid out later): everything', () => {
    const steps = chain(200);
    steps[50] = { id: steps[50].id };
    expect(startOfGraph(steps)).toBeUndefined();
  });
});
