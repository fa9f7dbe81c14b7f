import { describe, expect, test } from 'vitest';
import { IN, placeInView, stepCorners } from '../../src/canvas/DependencyEdge.tsx';

/** Whether the edge is drawn by itself: its line on screen, and not only passing through when `passing`. */
const meetsView = (...args: Parameters<typeof placeInView>) => placeInView(...args) === IN;

// Above 100 steps an edge whose drawn line does not come near the view draws nothing
// (DependencyEdge.tsx): the test must keep every edge a person could see.
describe('whether an edge’s line meets the view', () => {
  // A 1000 × 500 px canvas at zoom 1, panned so flow x 0…1000, y 0…500 is on screen.
  const flow = { transform: [0, 0, 1] as [number, number, number], width: 1000, height: 500 };

  test('a step path from far above to far below the view, crossing it at its middle, is in view', () => {
    expect(meetsView(stepCorners(-800, -900, 1800, 1500), flow)).toBe(true);
  });

  test('a step path whose box spans the view but whose line goes around it is not', () => {
    // Across at y −900 to x 2500 (right of the view), down, across at y 1500: React Flow's box test mounts it.
    expect(meetsView(stepCorners(-800, -900, 5800, 1500), flow)).toBe(false);
  });

  test('a line just outside the view is still drawn: its arrowhead and label reach into it', () => {
    expect(meetsView(stepCorners(1020, 100, 1300, 100), flow)).toBe(true);
    expect(meetsView(stepCorners(1200, 100, 1500, 100), flow)).toBe(false);
  });

  test('pan and zoom move the view: the same line leaves it', () => {
    const line = stepCorners(100, 100, 300, 100);
    expect(meetsView(line, flow)).toBe(true);
    expect(meetsView(line, { ...flow, transform: [-2000, 0, 1] })).toBe(false);
    expect(meetsView(line, { ...flow, transform: [-20000, 0, 10] })).toBe(false);
    expect(meetsView(line, { ...flow, transform: [-100, 0, 0.5] })).toBe(true);
  });

  test('a target left of its source: the path turns around both ends, and its box stands for it', () => {
    expect(meetsView(stepCorners(900, 450, 100, 50), flow)).toBe(true);
    expect(meetsView(stepCorners(3000, 450, 2000, 50), flow)).toBe(false);
  });

  test('routed corners are tested segment by segment', () => {
    const around = [
      { x: -500, y: -100 },
      { x: 1500, y: -100 },
      { x: 1500, y: 900 },
    ];
    expect(meetsView(around, flow)).toBe(false);
    expect(meetsView([...around, { x: 500, y: 900 }, { x: 500, y: 200 }], flow)).toBe(true);
  });

  test('before the canvas has a size, every edge is in view', () => {
    expect(meetsView(stepCorners(5000, 5000, 6000, 5000), { ...flow, width: 0, height: 0 })).toBe(true);
  });
});
