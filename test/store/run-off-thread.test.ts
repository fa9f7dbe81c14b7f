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
// A result is laid out (its timeline, the canvas's states at the moment shown) in one task and
// shown in the next, so the page is never held for both (issue #9 item 3).
const arrival = () => settle().then(settle);

describe('a run made off the main thread', () => {
  test('Run shows running, then the run playing from its first event', async () => {
    const { store, pending } = offThreadStore();
    store.getState().runScenario();
    expect(store.getState()).toMatchObject({ running: true, run: null, timeline: [] });
    expect(pending).toHaveLength(1);
    pending[0].resolve(simulate(pending[0].scenario));
    await arrival();
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
    await arrival();
    expect(store.getState()).toMatchObject({ running: false, run: null });

    store.getState().runScenario();
    store.getState().updateStep('authorize-payment', { label: 'Charge card' });
    store.getState().runScenario();
    const [, first, second] = pending;
    second.resolve(simulate(second.scenario));
    await arrival();
    first.resolve(simulate(first.scenario));
    await arrival();
    expect(store.getState().segments[0].scenario.steps.find((s) => s.id === 'authorize-payment')?.label).toBe('Charge card');
  });

  test('a worker that fails still gives the run, made on the page', async () => {
    const { store, pending } = offThreadStore();
    store.getState().runScenario();
    pending[0].reject(new Error('the simulate worker failed: it could not be loaded'));
    await arrival();
    expect(store.getState().running).toBe(false);
    expect(store.getState().run?.outcome).toBe('failed');
  });

  test('a moment from a link opens paused at its time, with its step selected, once the run arrives', async () => {
    const { store, pending } = offThreadStore();
    store.getState().openMoment({ at: 150, select: 'create-invoice' });
    expect(store.getState().running).toBe(true);
    // The link's scenario was just loaded in this task: the run is checked and sent in the next.
    expect(pending).toHaveLength(0);
    await settle();
    expect(pending).toHaveLength(1);
    // Every state the page is shown once the run is there stands at the moment: never at the
    // run's first event on the way (each position costs the canvas a walk over the events).
    const shown: { time: number; cursor: number; playing: boolean }[] = [];
    store.subscribe((s) => {
      if (s.run) shown.push({ time: s.time, cursor: s.cursor, playing: s.playing });
    });
    const run = simulate(pending[0].scenario);
    pending[0].resolve(run);
    await arrival();
    const s = store.getState();
    expect(s).toMatchObject({ running: false, playing: false, time: 150, selectedStepId: 'create-invoice', panelTab: 'run' });
    expect(run.events[s.cursor].t).toBeLessThanOrEqual(150);
    expect(run.events[s.cursor + 1].t).toBeGreaterThan(150);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((seen) => seen.time === 150 && seen.cursor === s.cursor && !seen.playing)).toBe(true);
  });

  test('a moment that asks to play opens playing from its time', async () => {
    const { store, pending } = offThreadStore();
    store.getState().openMoment({ at: 150, play: true });
    await settle();
    pending[0].resolve(simulate(pending[0].scenario));
    await arrival();
    expect(store.getState()).toMatchObject({ running: false, playing: true, time: 150 });
  });

  test('a moment of a scenario replaced before its run was sent sends nothing', async () => {
    const { store, pending } = offThreadStore();
    store.getState().openMoment({ at: 150 });
    store.getState().loadScenario(findPreset('payment-fails')!.scenario);
    await settle();
    expect(pending).toHaveLength(0);
    expect(store.getState()).toMatchObject({ running: false, run: null });
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
