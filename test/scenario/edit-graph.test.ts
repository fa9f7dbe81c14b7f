import { describe, expect, test } from 'vitest';
import { nextStepId, slugify } from '../../src/scenario/edit-graph.ts';
import { cycleIfConnected, findPath } from '../../src/scenario/graph-algorithms.ts';
import { scenario } from '../store/helpers.ts';

describe('graph helpers', () => {
  const deps = scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]).dependencies;

  test('findPath follows dependencies', () => {
    expect(findPath(deps, 'a', 'c')).toEqual(['a', 'b', 'c']);
    expect(findPath(deps, 'c', 'a')).toBeNull();
  });

  test('connecting c → a would close the cycle c → a → b → c', () => {
    expect(cycleIfConnected(deps, 'c', 'a')).toEqual(['c', 'a', 'b', 'c']);
    expect(cycleIfConnected(deps, 'a', 'a')).toEqual(['a', 'a']);
    expect(cycleIfConnected(deps, 'a', 'c')).toBeNull();
  });

  test('nextStepId takes the smallest free number', () => {
    expect(nextStepId([])).toBe('step-1');
    expect(nextStepId([{ id: 'step-1' }, { id: 'step-3' }])).toBe('step-2');
  });

  test('slugify makes an id from a label', () => {
    expect(slugify('Create invoice!')).toBe('create-invoice');
  });
});
