import type { Scenario } from '../scenario/types.ts';
import type { RippleStore, RippleStoreOptions } from './store.ts';

export interface EditorSlice {
  scenario: Scenario;
  readOnly: boolean;
  setScenario: (scenario: Scenario) => void;
}

export const EMPTY_SCENARIO: Scenario = { version: 1, title: 'Untitled scenario', steps: [], dependencies: [] };

export function createEditorSlice(
  set: RippleStore['setState'],
  _get: RippleStore['getState'],
  _api: RippleStore,
  options: RippleStoreOptions,
): EditorSlice {
  return {
    scenario: options.scenario ?? EMPTY_SCENARIO,
    readOnly: options.readOnly ?? false,
    setScenario: (scenario) => set({ scenario }),
  };
}
