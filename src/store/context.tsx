import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createRippleStore, type RippleState, type RippleStore, type RippleStoreOptions } from './store.ts';

const RippleContext = createContext<RippleStore | null>(null);

/** Creates one store for the subtree (once), or uses the one passed in (tests, embeds). */
export function RippleProvider({ store, options, children }: { store?: RippleStore; options?: RippleStoreOptions; children: ReactNode }) {
  const [own] = useState(() => store ?? createRippleStore(options));
  return <RippleContext.Provider value={own}>{children}</RippleContext.Provider>;
}

export function useRippleStore(): RippleStore {
  const store = useContext(RippleContext);
  if (!store) throw new Error('useRipple must be used inside <RippleProvider>: wrap the app (or the test) in one.');
  return store;
}

/** Select a narrow slice; pass a module-level selector (and `useShallow` for objects). */
export function useRipple<T>(selector: (state: RippleState) => T): T {
  return useStore(useRippleStore(), selector);
}
