import { expect, test, vi } from 'vitest';

// As zustand's own tests do: with React made unloadable, the vanilla store still builds, edits,
// runs, seeks and selects. Anything in src/store (but the binding) importing React fails here.
vi.mock('react', () => {
  throw new Error('src/store imported react: the vanilla store must run without it');
});
vi.mock('react-dom', () => {
  throw new Error('src/store imported react-dom: the vanilla store must run without it');
});
vi.mock('@xyflow/react', () => {
  throw new Error('src/store imported React Flow: the vanilla store must run without it');
});

test('the vanilla store runs a scenario, seeks and selects without React', async () => {
  const { createRippleStore } = await import('../../src/store/store.ts');
  const { selectHighlightPath, selectLiveStates } = await import('../../src/store/selectors.ts');
  const { selectBlockedBySelected } = await import('../../src/store/panel-selectors.ts');
  const { selectMarkers } = await import('../../src/store/timeline-markers.ts');
  const { findPreset } = await import('../../src/presets/index.ts');

  const store = createRippleStore({ scenario: findPreset('payment-fails')!.scenario });
  expect(store.getState().setPolicy({ failFast: true })).toEqual({ ok: true });
  store.getState().runScenario();
  store.getState().seekTime(store.getState().duration);
  store.getState().selectStep('send-receipt');

  const state = store.getState();
  expect(state.cursor).toBe(state.timeline.length - 1);
  expect(selectLiveStates(state)?.['send-receipt'].state).toBe('blocked');
  expect(selectHighlightPath(state)).toEqual(['authorize-payment', 'create-invoice', 'send-receipt']);
  expect(selectMarkers(state).some((m) => m.kind === '424')).toBe(true);
  store.getState().selectStep('authorize-payment');
  expect(selectBlockedBySelected(store.getState()).length).toBeGreaterThan(0);
});

test('importing React from here does fail (the mock is in force)', async () => {
  await expect(import('react')).rejects.toThrow();
});
