import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RunSummary, runFigures } from '../../src/panels/RunSummary.tsx';
import { endedStore, renderWith } from './helpers.tsx';

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
});
