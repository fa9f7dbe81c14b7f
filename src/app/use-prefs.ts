import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { readPrefs, writePrefs, type Prefs } from '../store/persistence.ts';

// Interface preferences (theme, canvas or table, gallery seen) are the person's, not the
// scenario's: kept in localStorage, never in links or undo history.
export function usePrefs(): [Prefs, (patch: Partial<Prefs>) => void] {
  const [prefs, setPrefs] = useState<Prefs>(readPrefs);
  const update = useCallback((patch: Partial<Prefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...patch };
      writePrefs(next);
      return next;
    });
  }, []);
  return [prefs, update];
}

const DARK = '(prefers-color-scheme: dark)';

function subscribe(callback: () => void) {
  const mq = window.matchMedia?.(DARK);
  mq?.addEventListener?.('change', callback);
  return () => mq?.removeEventListener?.('change', callback);
}

export function resolveTheme(pref: Prefs['theme'], systemDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

/** The theme in effect (system preference unless the person chose one), applied to <html>. */
export function useTheme(pref: Prefs['theme']): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(DARK).matches ?? false,
    () => false,
  );
  const theme = resolveTheme(pref, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
