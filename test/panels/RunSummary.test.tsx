import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RunSummary, runFigures } from '../../src/panels/RunSummary.tsx';
import { endedStore, renderWith } from './helpers.tsx';
import { simulate } from '../../src/engine/index.ts';
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
});
