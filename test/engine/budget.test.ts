// The work budget (issue #9 item 3): a small link whose steps retry a hundred times each would
// make hundreds of thousands of events; the run stops at runEventBudget(steps) with a message
// naming the step that retries too much.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { estimateRunEvents, runEventBudget } from '../../src/scenario/limits.ts';
import { openScenario } from '../../src/scenario/open-scenario.ts';
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

describe('the gate estimates the work before the run', () => {
  it('a 100-step retry storm opens with a warning naming the step; a small retrying scenario without one', () => {
    const opened = openScenario(retryStorm(100, 'graph-aware'));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const warning = opened.warnings.find((w) => w.code === 'over-work-budget');
    expect(warning?.path).toBe('steps[0].retry.maxAttempts');
    expect(warning?.message).toMatch(/^A run may make up to [\d,]+ events, past its budget of 6,000: "Reserve stock" retries up to 100 times, and graph-aware retry/);
    const small = openScenario(scenario([step('a', { fail: { status: 503, times: 2 }, retry: { maxAttempts: 3 } })]));
    expect(small.ok && small.warnings).toEqual([]);
  });

  it('the estimate bounds what the engine makes, naive and graph-aware', () => {
    for (const mode of ['naive', 'graph-aware'] as const) {
      const s = retryStorm(10, mode);
      const run = simulate(s);
      expect(run.stopped).toBeUndefined();
      expect(run.events.length).toBeLessThanOrEqual(estimateRunEvents(s).events);
    }
  });
});
