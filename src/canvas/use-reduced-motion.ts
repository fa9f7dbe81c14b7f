import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(callback: () => void) {
  const mq = window.matchMedia?.(QUERY);
  mq?.addEventListener?.('change', callback);
  return () => mq?.removeEventListener?.('change', callback);
}

/** True when the person asked the system for less motion: no animated pans or pulses. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(QUERY).matches ?? false,
    () => false,
  );
}
