import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { findPreset } from '../../src/presets/index.ts';

/** A store holding a preset (payment-fails unless named), run and paused at the first event. */
export function ranStore(name = 'payment-fails'): RippleStore {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  const store = createRippleStore({ scenario: preset.scenario });
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

export function renderWith(store: RippleStore, ui: ReactNode): RenderResult {
  return render(<RippleProvider store={store}>{ui}</RippleProvider>);
}

export const indexOf = (store: RippleStore, type: string, step?: string) =>
  store.getState().timeline.findIndex((e) => e.event.type === type && (step === undefined || e.event.step === step));

/** Like `ranStore`, with the playhead at the end of the run: the panels tell the whole story. */
export function endedStore(name = 'payment-fails'): RippleStore {
  const store = ranStore(name);
  store.getState().seekTime(store.getState().duration);
  return store;
}
