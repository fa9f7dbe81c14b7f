import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice, type EditorSlice } from './editor-slice.ts';
import { createRunSlice, type RunSlice } from './run-slice.ts';
import type { Scenario } from '../scenario/types.ts';

// One store per mounted simulator (the embed page may hold several), built from slices.
// The vanilla store needs no React: tests drive it directly.
export type RippleState = EditorSlice & RunSlice;
export type RippleStore = StoreApi<RippleState>;
export type SliceCreator<T> = (
  set: RippleStore['setState'],
  get: RippleStore['getState'],
  api: RippleStore,
) => T;

export interface RippleStoreOptions {
  scenario?: Scenario;
  /** Editor: autosave to localStorage. Embeds and tests: off. */
  persist?: boolean;
  readOnly?: boolean;
}

export function createRippleStore(options: RippleStoreOptions = {}): RippleStore {
  return createStore<RippleState>()((set, get, api) => ({
    ...createEditorSlice(set, get, api, options),
    ...createRunSlice(set, get, api),
  }));
}
