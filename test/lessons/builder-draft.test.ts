import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { goalOptions } from '../../src/lessons/builder-draft.ts';
import { findLesson } from '../../src/lessons/course/index.ts';

describe('the builder\'s goal lines', () => {
  it('read with the right plural: two steps blocked now → "at most 1 step ends blocked (424)"', () => {
    const scenario = findLesson('first-424')!.scenario;
    const result = simulate(scenario);
    expect(Object.values(result.steps).filter((s) => s.state === 'blocked')).toHaveLength(2);
    const labels = goalOptions(scenario, result, new Map()).map((o) => o.label);
    expect(labels).toContain('at most 1 step ends blocked (424)');
    expect(labels.join('\n')).not.toMatch(/\b1 steps\b/);
    expect(goalOptions(scenario, null, new Map()).map((o) => o.label)).toContain('at most 0 steps end blocked (424)');
  });
});
