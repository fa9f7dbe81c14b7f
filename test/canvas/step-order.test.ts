import { expect, test } from 'vitest';
import { orderedSteps } from '../../src/canvas/step-order.ts';
import { scenario } from '../store/helpers.ts';

test('orderedSteps is a dependency order (tab order of the canvas)', () => {
  const s = scenario(['c', 'b', 'a'], [['a', 'b'], ['b', 'c']]);
  expect(orderedSteps(s).map((x) => x.id)).toEqual(['a', 'b', 'c']);
});
