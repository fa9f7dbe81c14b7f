import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createRippleStore } from './store.ts';
import type { RippleState, RippleStore, RippleStoreOptions } from './types.ts';

// The React binding of the vanilla store (the one file of src/store that may use React and the
// DOM; eslint.config.js keeps the rest free of both).

const RippleContext = createContext<RippleStore | null>(null);

/** Creates one store for the subtree (once), or uses the one passed in (tests, embeds). */
export function RippleProvider({ store, options, children }: { store?: RippleStore; options?: RippleStoreOptions; children: ReactNode }) {
  const [own] = useState(() => store ?? createRippleStore(options));
  useFlushOnPageHide(own);
  return <RippleContext.Provider value={own}>{children}</RippleContext.Provider>;
}

/**
 * A reload right after an edit still restores it: a pending autosave is written when the page is
 * hidden (`pagehide` on a reload, a close or a navigation, bfcache or not; `visibilitychange` for
 * a phone that discards a hidden tab without a `pagehide`).
 */
function useFlushOnPageHide(store: RippleStore): void {
  useEffect(() => {
    const flush = () => store.getState().flushAutosave();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);
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
