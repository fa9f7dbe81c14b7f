import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RunSummary, runFigures } from '../../src/panels/RunSummary.tsx';
import { endedStore, renderWith } from './helpers.tsx';
import { simulate, stateAt } from '../../src/engine/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { createRippleStore } from '../../src/store/store.ts';

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

// Tryout: stepping back on the timeline of an example listed "not attempted thanks to fail-fast
// 0" while the zero "blocked (424)" row beside it was hidden. A zero count is not listed; the
// not-attempted count comes with the blocked row it is part of, where a 0 is the point.
describe('RunSummary rows with a zero count', () => {
  const figureNames = () => [...document.querySelectorAll('.pb-figures dt')].map((dt) => dt.textContent);

  test('payment fails, stepped back to before any 424: neither "blocked (424)" nor "not attempted" is listed, nor a zero "retries spent"', () => {
    const store = endedStore();
    const firstBlocked = store.getState().timeline.find((e) => e.event.type === 'blocked')!;
    store.getState().seekTime(firstBlocked.event.t - 1);
    renderWith(store, <RunSummary />);
    expect(figureNames()).not.toContain('blocked (424)');
    expect(figureNames()).not.toContain('not attempted thanks to fail-fast');
    expect(figureNames()).not.toContain('retries spent');
  });

  test('payment fails at its end: "not attempted thanks to fail-fast" is listed with "blocked (424)"; no retries, so no "retries spent" row', () => {
    renderWith(endedStore(), <RunSummary />);
    expect(figureNames()).toEqual(expect.arrayContaining(['blocked (424)', 'not attempted thanks to fail-fast']));
    expect(screen.getByText('not attempted thanks to fail-fast').closest('div')).toHaveTextContent('not attempted thanks to fail-fast2');
    expect(figureNames()).not.toContain('retries spent');
  });

  test('a group member blocked while waiting for its next attempt was sent first: "not attempted" says 0 beside "blocked (424)"', () => {
    const store = createRippleStore({
      scenario: {
        ...findPreset('odata-changeset-fails')!.scenario,
        steps: [
          { id: 'a', durationMs: 50, fail: { status: 500 } },
          { id: 'b', durationMs: 10, fail: { status: 503, times: 1 }, retry: { maxAttempts: 3, delayMs: 1000 } },
        ],
        dependencies: [],
        groups: [{ id: 'g', steps: ['a', 'b'] }],
      },
    });
    store.getState().runScenario();
    store.getState().pause();
    store.getState().seekTime(store.getState().duration);
    const figures = runFigures(store.getState().run!);
    expect([figures.counts.blocked, figures.notAttempted]).toEqual([1, 0]);
    renderWith(store, <RunSummary />);
    expect(screen.getByText('not attempted thanks to fail-fast').closest('div')).toHaveTextContent(/^not attempted thanks to fail-fast0$/);
  });

  test('graph-aware retries: "retries spent" counts the upstream repairs, one in the singular', () => {
    const store = endedStore('shipping-retry-graph-aware');
    renderWith(store, <RunSummary />);
    expect(screen.getByText('retries spent').closest('div')).toHaveTextContent(/^retries spent2 \(2 upstream repairs\)$/);
    const firstRepair = store.getState().timeline.findIndex((e) => e.event.type === 'repair-requested');
    const secondRepair = store.getState().timeline.findIndex((e, i) => i > firstRepair && e.event.type === 'repair-requested');
    act(() => store.getState().seekTime(store.getState().timeline[secondRepair].event.t - 1));
    expect(screen.getByText('retries spent').closest('div')).toHaveTextContent(/^retries spent2 \(1 upstream repair\)$/);
  });
});
