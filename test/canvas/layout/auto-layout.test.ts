import { expect, test } from 'vitest';
import { computeLayout } from '../../../src/canvas/layout/auto-layout.ts';
import { layeredLayout, needsLayout, withPositions } from '../../../src/canvas/layout/simple-layout.ts';
import { scenario } from '../../store/helpers.ts';

const diamond = () => scenario(['a', 'b', 'c', 'd'], [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']]);

for (const [name, layout] of [
  ['dagre (Tidy)', computeLayout],
  ['the built-in layered layout', layeredLayout],
] as const) {
  test(`${name} puts each dependency layer further right`, () => {
    const p = layout(diamond());
    expect(p.a.x).toBeLessThan(p.b.x);
    expect(p.b.x).toBe(p.c.x);
    expect(p.b.y).not.toBe(p.c.y);
    expect(p.c.x).toBeLessThan(p.d.x);
    for (const pos of Object.values(p)) expect(Number.isInteger(pos.x) && Number.isInteger(pos.y)).toBe(true);
  });
}

test('the layered layout ranks by the longest path', () => {
  const p = layeredLayout(scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c']]));
  expect([p.a.x, p.b.x, p.c.x]).toEqual([0, 220, 440]);
});

test('a scenario with a step lacking a position needs layout, and gets one', () => {
  const s = scenario(['a', 'b'], [['a', 'b']]);
  delete s.steps[1].position;
  expect(needsLayout(s)).toBe(true);
  expect(needsLayout(withPositions(s, layeredLayout(s)))).toBe(false);
});
