import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RunSummary, runFigures } from '../../src/panels/RunSummary.tsx';
import { endedStore, renderWith } from './helpers.tsx';
import { simulate, stateAt } from '../../src/engine/index.ts';
import { findPreset } from '../../src/presets/index.ts';

describe('RunSummary', () => {
  test('payment fails: outcome 207, two 424s not attempted', () => {
    const store = endedStore();
    renderWith(store, <RunSummary />);
    expect(screen.getByText(/the batch answers 207 Multi-Status/)).toBeInTheDocument();
    const figures = runFigures(store.getState().run!);
    expect(figures.counts.blocked).toBe(2);
    expect(figures.counts.failed).toBe(1);
    expect(figures.notAttempted).toBe(2);
    expect(figures.retries).toBe(0);
    expect(screen.getByText('blocked (424)')).toBeInTheDocument();
  });

  test('saga: compensations run and failed', () => {
    const store = endedStore('saga-compensation-fails');
    const figures = runFigures(store.getState().run!);
    expect(figures.compensationsRun).toBeGreaterThan(0);
    expect(figures.compensationsFailed).toBe(1);
    renderWith(store, <RunSummary />);
    expect(screen.getByText('compensations run / failed')).toBeInTheDocument();
  });

  test('graph-aware retries are counted', () => {
    const figures = runFigures(endedStore('shipping-retry-graph-aware').getState().run!);
    expect(figures.retries).toBeGreaterThan(0);
  });

  test('teardown after abort: the cancelled step is counted', () => {
    const store = endedStore('teardown-after-abort');
    renderWith(store, <RunSummary />);
    const figure = screen.getByText('cancelled').closest('div')!;
    expect(figure).toHaveTextContent('cancelled1 of 6');
  });

  test('at every moment of a run with retries, repairs and compensations, the figures count the events up to the playhead', () => {
    for (const name of ['shipping-retry-loop', 'saga-compensation-fails', 'shipping-retry-graph-aware']) {
      const result = simulate(findPreset(name)!.scenario);
      for (let upTo = -1; upTo < result.events.length; upTo++) {
        const seen = result.events.slice(0, upTo + 1);
        const count = (type: string) => seen.filter((e) => e.type === type).length;
        const started = new Set(seen.filter((e) => e.type === 'started').map((e) => e.step));
        const figures = runFigures(result, upTo);
        expect([figures.retries, figures.repairs, figures.compensationsRun, figures.compensationsFailed], `${name} at ${upTo}`).toEqual([
          count('retry-scheduled'),
          count('repair-requested'),
          count('compensation-started'),
          count('compensation-failed'),
        ]);
        const blockedUnstarted = Object.keys(result.steps).filter((id) => figures.counts.blocked > 0 && !started.has(id));
        expect(figures.notAttempted).toBeLessThanOrEqual(blockedUnstarted.length);
      }
      expect(runFigures(result).retries + runFigures(result).compensationsRun).toBeGreaterThan(0);
    }
  });

  test('asked in any order of moments (a scrubber going back and forth), the steps per state are those stateAt tells', () => {
    for (const name of ['shipping-retry-loop', 'saga-compensation-fails', 'payment-fails']) {
      const result = simulate(findPreset(name)!.scenario);
      const last = result.events.length - 1;
      const moments = [3, 4, 9, 1, -1, last - 1, 0, Math.floor(last / 2), 2, last - 2, 5];
      for (const upTo of moments) {
        const steps = Object.values(stateAt(result, upTo).steps);
        const started = new Set(result.events.slice(0, upTo + 1).filter((e) => e.type === 'started').map((e) => e.step));
        const figures = runFigures(result, upTo);
        for (const state of Object.keys(figures.counts) as (keyof typeof figures.counts)[]) {
          expect(figures.counts[state], `${name} at ${upTo}: ${state}`).toBe(steps.filter((s) => s.state === state).length);
        }
        const blockedIds = Object.entries(stateAt(result, upTo).steps).filter(([, s]) => s.state === 'blocked').map(([id]) => id);
        expect(figures.notAttempted, `${name} at ${upTo}`).toBe(blockedIds.filter((id) => !started.has(id)).length);
        expect(figures.reused).toBe(0);
      }
    }
  });
});
