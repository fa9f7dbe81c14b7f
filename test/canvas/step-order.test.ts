import { expect, test } from 'vitest';
import { orderedSteps } from '../../src/canvas/step-order.ts';
import { stepsInOrder } from '../../src/canvas/build-graph.ts';
import { scenario } from '../store/helpers.ts';

test('orderedSteps is a dependency order (tab order of the canvas)', () => {
  const s = scenario(['c', 'b', 'a'], [['a', 'b'], ['b', 'c']]);
  expect(orderedSteps(s).map((x) => x.id)).toEqual(['a', 'b', 'c']);
});

test('orderedSteps on a 2,000-step layered graph: every prerequisite comes first, ties go left to right, top to bottom', () => {
  const ids = Array.from({ length: 2_000 }, (_, i) => `s${i}`);
  const deps: [string, string][] = [];
  for (let i = 50; i < 2_000; i++) deps.push([`s${(i * 7) % 50 + 50 * Math.floor(i / 50 - 1)}`, `s${i}`]);
  const s = scenario(ids, deps);
  // scenario() places steps left to right; lay them out 50 to a column instead, rows by index.
  s.steps = s.steps.map((step, i) => ({ ...step, position: { x: Math.floor(i / 50) * 200, y: (i % 50) * 100 } }));
  const order = orderedSteps(s).map((x) => x.id);
  expect(new Set(order).size).toBe(2_000);
  const at = new Map(order.map((id, i) => [id, i]));
  for (const [from, to] of deps) expect(at.get(from)!).toBeLessThan(at.get(to)!);
  // The first column has no prerequisites: it comes first, top to bottom.
  expect(order.slice(0, 50)).toEqual(ids.slice(0, 50));
});

test('stepsInOrder after a rename is the order of the renamed scenario, with the renamed step object; after a move it orders again', () => {
  const s = scenario(['c', 'b', 'a', 'd'], [['a', 'b'], ['b', 'c']]);
  expect(stepsInOrder(s).map((x) => x.id)).toEqual(orderedSteps(s).map((x) => x.id));
  const renamed = { ...s, steps: s.steps.map((x) => (x.id === 'b' ? { ...x, label: 'Bee' } : x)) };
  const order = stepsInOrder(renamed);
  expect(order).toEqual(orderedSteps(renamed));
  expect(order.find((x) => x.id === 'b')).toBe(renamed.steps[1]);
  // d moved left of everything: it is ready from the start and now comes first.
  const moved = { ...renamed, steps: renamed.steps.map((x) => (x.id === 'd' ? { ...x, position: { x: -500, y: 0 } } : x)) };
  expect(stepsInOrder(moved).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
  expect(stepsInOrder(moved)).toEqual(orderedSteps(moved));
});
