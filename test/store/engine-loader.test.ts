import { describe, expect, test, vi } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { findPreset } from '../../src/presets/index.ts';

// The page loads the engine on its first run (src/store/engine-loader.ts). Each test takes a
// fresh copy of the store's modules, so the engine is not loaded yet, as on a page just opened
// (whose start-up loads the scenario gate's checks: src/app/main.tsx).
async function freshStore() {
  vi.resetModules();
  await (await import('../../src/scenario/gate-loader.ts')).loadScenarioGate();
  const { createRippleStore } = await import('../../src/store/store.ts');
  const { loadedEngine } = await import('../../src/store/engine-loader.ts');
  const scenario = findPreset('payment-fails')!.scenario;
  return { store: createRippleStore({ scenario }), loadedEngine, scenario };
}

describe('the engine loaded on the first run', () => {
  test('Run before the engine is loaded shows running, then the same run as the engine makes', async () => {
    const { store, loadedEngine, scenario } = await freshStore();
    expect(loadedEngine()).toBeNull();
    store.getState().runScenario();
    expect(store.getState()).toMatchObject({ running: true, run: null, timeline: [] });
    await vi.waitFor(() => expect(store.getState().running).toBe(false));
    expect(loadedEngine()).not.toBeNull();
    expect(store.getState().run).toEqual(simulate(scenario));
    expect(store.getState().playing).toBe(true);
  });

  test('a scenario that cannot run says why at once, without loading the engine', async () => {
    const { store, loadedEngine } = await freshStore();
    store.setState({ scenario: { ...store.getState().scenario, steps: [] } });
    store.getState().runScenario();
    expect(store.getState().running).toBe(false);
    expect(store.getState().runProblems?.length).toBeGreaterThan(0);
    expect(loadedEngine()).toBeNull();
  });

  test('a compare opened before the engine is loaded opens when it arrives', async () => {
    const { store, scenario } = await freshStore();
    const b = { ...scenario, title: 'B' };
    expect(store.getState().openCompare(b, { label: 'B' })).toBe(true);
    await vi.waitFor(() => expect(store.getState().compare).not.toBeNull());
    expect(store.getState().compare?.b.store.getState().run).toEqual(simulate(b));
  });
});
