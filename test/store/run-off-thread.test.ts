import { describe, expect, test } from 'vitest';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { simulate } from '../../src/engine/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { RunResult } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// The editor makes its runs in a worker (src/worker/off-thread.ts): Run shows "running" until
// the result arrives, and only the latest run's result is shown. Here a hand-driven promise
// stands in for the worker, so the test decides when each result arrives.

interface Pending {
  scenario: Scenario;
  resolve: (run: RunResult) => void;
  reject: (error: Error) => void;
}

function offThreadStore(): { store: RippleStore; pending: Pending[] } {
  const pending: Pending[] = [];
  const store = createRippleStore({
    scenario: findPreset('payment-fails')!.scenario,
    simulateOffThread: (scenario) => new Promise<RunResult>((resolve, reject) => pending.push({ scenario, resolve, reject })),
  });
  return { store, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a run made off the main thread', () => {
  test('Run shows running, then the run playing from its first event', async () => {
    const { store, pending } = offThreadStore();
    store.getState().runScenario();
    expect(store.getState()).toMatchObject({ running: true, run: null, timeline: [] });
    expect(pending).toHaveLength(1);
    pending[0].resolve(simulate(pending[0].scenario));
    await settle();
    const s = store.getState();
    expect(s.running).toBe(false);
    expect(s.run?.outcome).toBe('failed');
    expect(s.timeline.length).toBe(s.run?.events.length);
    expect(s).toMatchObject({ cursor: 0, playing: true, panelTab: 'run' });
  });

  test('a result that arrives after the run was cleared, or after another Run, is dropped', async () => {
    const { store, pending } = offThreadStore();
    store.getState().runScenario();
    store.getState().clearRun();
    pending[0].resolve(simulate(pending[0].scenario));
    await settle();
    expect(store.getState()).toMatchObject({ running: false, run: null });

    store.getState().runScenario();
    store.getState().updateStep('authorize-payment', { label: 'Charge card' });
    store.getState().runScenario();
    const [, first, second] = pending;
    second.resolve(simulate(second.scenario));
    await settle();
    first.resolve(simulate(first.scenario));
    await settle();
    expect(store.getState().segments[0].scenario.steps.find((s) => s.id === 'authorize-payment')?.label).toBe('Charge card');
  });

  test('a worker that fails still gives the run, made on the page', async () => {
    const { store, pending } = offThreadStore();
    store.getState().runScenario();
    pending[0].reject(new Error('the simulate worker failed: it could not be loaded'));
    await settle();
    expect(store.getState().running).toBe(false);
    expect(store.getState().run?.outcome).toBe('failed');
  });

  test('a moment from a link opens paused at its time, with its step selected, once the run arrives', async () => {
    const { store, pending } = offThreadStore();
    store.getState().openMoment({ at: 150, select: 'create-invoice' });
    expect(store.getState().running).toBe(true);
    pending[0].resolve(simulate(pending[0].scenario));
    await settle();
    const s = store.getState();
    expect(s).toMatchObject({ playing: false, time: 150, selectedStepId: 'create-invoice', panelTab: 'run' });
  });

  test('an invalid scenario does not start a run: its problems show at once', () => {
    const { store, pending } = offThreadStore();
    store.getState().loadScenario({ version: 2, title: 'Empty', steps: [], dependencies: [] });
    store.getState().runScenario();
    expect(pending).toHaveLength(0);
    expect(store.getState().running).toBe(false);
    expect(store.getState().runProblems?.[0].message).toMatch(/Add a step/);
  });
});
