import type { Scenario } from '../scenario/types.ts';
import type { RippleStore, RippleStoreOptions } from './store.ts';

// OWNER: editor engineer. Contract others rely on: `scenario`, `readOnly`, `selectedStepId`,
// `selectStep`, `setScenario`.
export interface EditorSlice {
  scenario: Scenario;
  readOnly: boolean;
  /** The one step the inspector, "Why 424?" and the response viewer show. */
  selectedStepId: string | null;
  selectStep: (id: string | null) => void;
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
    selectedStepId: null,
    selectStep: (id) => set({ selectedStepId: id }),
    setScenario: (scenario) => set({ scenario }),
  };
}
