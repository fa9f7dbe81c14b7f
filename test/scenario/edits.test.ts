import { describe, expect, test } from 'vitest';
import * as edits from '../../src/scenario/edits.ts';
import { scenario } from '../store/helpers.ts';

// The editor's edits as pure functions: next scenario, the same one for no change, or problems.

describe('scenario edits', () => {
  const abc = () => scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]);

  test('an edit that changes nothing returns the very same scenario', () => {
    const s = abc();
    expect(edits.changeStepId(s, 'a', 'a')).toBe(s);
    expect(edits.moveSteps(s, { a: { x: 0.2, y: -0.3 } })).toBe(s);
    expect(edits.disconnect(s, 'c', 'a')).toBe(s);
    expect(edits.setTitle(s, 'Test')).toBe(s);
    expect(edits.deleteSteps(s, ['zz'])).toBe(s);
  });

  test('refusals are problems, and the input is untouched', () => {
    const s = abc();
    const before = JSON.stringify(s);
    expect(edits.connect(s, 'c', 'a')).toEqual([
      { code: 'cycle', path: '', message: 'Not connected: that would make a cycle c → a → b → c. A step cannot wait for itself, even through others.' },
    ]);
    expect(edits.changeStepId(s, 'a', 'b')).toEqual([{ code: 'duplicate-id', path: 'id', message: 'another step already has the id "b"' }]);
    expect(edits.updateStep(s, 'zz', { label: 'x' })).toEqual([{ code: 'refused-edit', path: '', message: 'No step "zz".' }]);
    expect(edits.setEdgeCondition(s, 'a', 'c', 'always')).toEqual([{ code: 'refused-edit', path: '', message: 'No dependency a → c.' }]);
    expect(JSON.stringify(s)).toBe(before);
  });

  test('changeStepId renames the step in its dependencies; deleteSteps takes its dependencies along', () => {
    const renamed = edits.changeStepId(abc(), 'b', 'pay');
    expect(edits.isRefusal(renamed) ? null : renamed.dependencies).toEqual([
      { from: 'a', to: 'pay' },
      { from: 'pay', to: 'c' },
    ]);
    const left = edits.deleteSteps(abc(), ['b']);
    expect(left.steps.map((s) => s.id)).toEqual(['a', 'c']);
    expect(left.dependencies).toEqual([]);
  });
});
