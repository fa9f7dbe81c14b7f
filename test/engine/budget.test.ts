// The work budget (issue #9 item 3): a small link whose steps retry a hundred times each would
// make hundreds of thousands of events; the run stops at runEventBudget(steps) with a message
// naming the step that retries too much.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { runEventBudget } from '../../src/scenario/limits.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';
import { chain, scenario, step } from './helpers.ts';

describe('the work budget', () => {
  for (const mode of ['naive', 'graph-aware'] as const) {
    it(`a 100-step chain retrying 100 times (${mode}) stops at its budget and names "Reserve stock"`, () => {
      const run = simulate(retryStorm(100, mode));
      const budget = runEventBudget(100);
      expect(run.stopped).toBeDefined();
      const stop = run.stopped!;
      expect(stop.budget).toBe(budget);
      expect(stop.events).toBeGreaterThanOrEqual(budget);
      // One moment's events may pass the budget (a repair unblocks many steps at once), never more than a step's worth each.
      expect(stop.events).toBeLessThan(budget + 3 * 100);
      expect(stop.step).toBe('s0');
      expect(stop.message).toMatch(/^The run stopped after [\d,]+ events, the budget for 100 steps: "Reserve stock" made/);
      expect(stop.message).toContain('maxAttempts');
      if (mode === 'graph-aware') expect(stop.message).toContain('graph-aware retry');
      expect(run.outcome).toBe('failed');
      expect(run.httpStatus).toBe(207);
      // After the stop: each step not final is cancelled once, then the run finishes.
      expect(run.events.length).toBeLessThanOrEqual(stop.events + 100 + 1);
      expect(run.events[run.events.length - 1].type).toBe('run-finished');
      expect(run.steps.s0.state).toBe('failed');
      for (const s of Object.values(run.steps)) expect(['failed', 'blocked', 'cancelled']).toContain(s.state);
    });
  }

  it('a run within its budget has no stop and stays as it was', () => {
    const run = simulate(scenario([step('a', { fail: { status: 503, times: 2 }, retry: { maxAttempts: 3 } }), step('b')], chain('a', 'b')));
    expect(run.stopped).toBeUndefined();
    expect(run.outcome).toBe('succeeded');
  });

  it('a saga stopped at its budget rolls back what succeeded', () => {
    const s = retryStorm(100, 'naive');
    s.steps.unshift(step('paid', { compensation: { label: 'Refund' } }));
    s.dependencies.push({ from: 'paid', to: 's0' });
    s.policy = { ...s.policy, compensation: 'saga' };
    const run = simulate(s);
    expect(run.stopped).toBeDefined();
    expect(run.compensationOrder).toEqual(['paid']);
    expect(run.outcome).toBe('compensated');
  });
});
