import { createStore } from 'zustand/vanilla';
import { startAutosave, type Autosave } from './autosave.ts';
import { createCompareSlice } from './compare-slice.ts';
import { createEditorSlice } from './editor-slice.ts';
import { createLessonSlice } from './lesson-slice.ts';
import { createRunSlice } from './run-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { selectLiveStates } from './selectors.ts';
import type { RippleState, RippleStore, RippleStoreOptions } from './types.ts';

// One store per mounted simulator (the embed page may hold several), built from slices that
// reach each other only through `get()`. The vanilla store needs no React: tests drive it
// directly, and test/store/no-react.test.ts proves it.

export type { RippleState, RippleStore, RippleStoreOptions } from './types.ts';

/**
 * A new store: `scenario` to start from (else the saved draft with `persist`, else empty);
 * `persist` also autosaves to localStorage until `stopAutosave()`; `readOnly` refuses edits.
 */
export function createRippleStore(options: RippleStoreOptions = {}): RippleStore {
  let autosave: Autosave | null = null;
  const store = createStore<RippleState>()((set, get, api) => ({
    ...createEditorSlice(options)(set, get, api),
    ...createSelectionSlice(set, get, api),
    // A run's result is shown with the canvas's states at its moment already worked out (issue #9 item 3).
    ...createRunSlice(options, selectLiveStates)(set, get, api),
    ...createLessonSlice(set, get, api),
    ...createCompareSlice(createRippleStore)(set, get, api),
    flushAutosave: () => autosave?.flush(),
    stopAutosave: () => {
      autosave?.stop();
      autosave = null;
    },
  }));
  if (options.persist && !options.readOnly) autosave = startAutosave(store);
  return store;
}
