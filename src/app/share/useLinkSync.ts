// The address bar follows the scenario: after each edit settles, the fragment is rewritten
// with `history.replaceState`, so the current URL is always a working link and back/forward
// hold no entry per edit. Only the scenario goes into the URL, never UI state.
import { useEffect } from 'react';
import { useRippleStore } from '../../store/context.tsx';
import type { RippleStore } from '../../store/store.ts';
import { appBaseUrl, isAnchorFragment, makeShareUrl } from './links.ts';

export const LINK_SYNC_DELAY_MS = 400;

/** Rewrites the fragment for the store's scenario now; no fragment for an empty or unlinkable one. */
export function writeLinkToAddressBar(store: RippleStore): void {
  const { scenario } = store.getState();
  const link = scenario.steps.length > 0 ? makeShareUrl(scenario, {}, appBaseUrl()) : null;
  const next = link?.ok ? `${location.pathname}${location.search}${link.url.slice(link.url.indexOf('#'))}` : `${location.pathname}${location.search}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

/** Mount once, inside <RippleProvider>, where the editor shows (not over the recovery screen). */
export function useLinkSync(delayMs: number = LINK_SYNC_DELAY_MS): void {
  const store = useRippleStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      writeLinkToAddressBar(store);
    };
    // A page opened without a link gets one for the draft it restored.
    if (!location.hash || isAnchorFragment(location.hash.slice(1))) flush();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.scenario === previous.scenario) return;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) flush();
    };
  }, [store, delayMs]);
}
