import { expect, test } from 'vitest';
import { computeLayout, needsLayout, withLayout } from '../../src/store/auto-layout.ts';
import { scenario } from './helpers.ts';

test('auto-layout puts each dependency layer further right', () => {
  const s = scenario(['a', 'b', 'c', 'd'], [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']]);
  const p = computeLayout(s);
  expect(p.a.x).toBeLessThan(p.b.x);
  expect(p.b.x).toBe(p.c.x);
  expect(p.b.y).not.toBe(p.c.y);
  expect(p.c.x).toBeLessThan(p.d.x);
  for (const pos of Object.values(p)) expect(Number.isInteger(pos.x) && Number.isInteger(pos.y)).toBe(true);
});

test('a scenario with a step lacking a position needs layout, and gets one', () => {
  const s = scenario(['a', 'b'], [['a', 'b']]);
  delete s.steps[1].position;
  expect(needsLayout(s)).toBe(true);
  expect(needsLayout(withLayout(s))).toBe(false);
});
