import { describe, expect, test } from 'vitest';
import { revealViewport } from '../../src/canvas/reveal.ts';

// A step selected in a panel is brought into view by `revealViewport`: the view stays when the step
// is already seen, pans at the same zoom otherwise, and zooms out only to show the dependency path.

const view = { width: 1000, height: 600 };
const stepAt = (x: number, y: number) => ({ x, y, width: 200, height: 76 });

describe('revealViewport', () => {
  test('a step drawn wholly inside the canvas: the view stays', () => {
    expect(revealViewport(stepAt(100, 100), [], { x: 0, y: 0, zoom: 1 }, view, 0.6)).toBeNull();
  });

  test('a step 3,000 px below: centred at the same zoom', () => {
    expect(revealViewport(stepAt(0, 3000), [], { x: 0, y: 0, zoom: 1 }, view, 0.6)).toEqual({ x: 400, y: -2738, zoom: 1 });
  });

  test('a step cut by the canvas edge counts as off screen', () => {
    expect(revealViewport(stepAt(900, 100), [], { x: 0, y: 0, zoom: 1 }, view, 0.6)).not.toBeNull();
  });

  test('a path that fits once zoomed out to 0.7: zoomed out just that far, the path centred', () => {
    // Path box: 0…200 × 0…676 px; the room is 920 × 520 px, so it fits at 520 / 676 ≈ 0.77.
    const next = revealViewport(stepAt(0, 600), [stepAt(0, 0), stepAt(0, 600)], { x: 0, y: -2000, zoom: 1 }, view, 0.6)!;
    expect(next.zoom).toBeCloseTo(520 / 676);
    expect(next.y + 338 * next.zoom).toBeCloseTo(300);
  });

  test('a path too long to read whole: the step alone, at the same zoom', () => {
    expect(revealViewport(stepAt(0, 5000), [stepAt(0, 0), stepAt(0, 5000)], { x: 0, y: 0, zoom: 1 }, view, 0.6)).toEqual({ x: 400, y: 300 - 5038, zoom: 1 });
  });

  test('it never zooms in: a person zoomed out to 0.3 keeps 0.3', () => {
    expect(revealViewport(stepAt(0, 5000), [], { x: 0, y: 0, zoom: 0.3 }, view, 0.6)?.zoom).toBe(0.3);
  });
});
