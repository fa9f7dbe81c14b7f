// The address bar follows the scenario: after each edit settles, the fragment is rewritten
// with `history.replaceState`, so the current URL is always a working link and back/forward
// hold no entry per edit. Only the scenario goes into the URL, never UI state. The link codec
// is loaded on the first write (share-url.ts is a chunk of its own, off the main bundle).
import { useEffect } from 'react';
import { useRippleStore } from '../../store/context.tsx';
import type { RippleStore } from '../../store/store.ts';
import { appBaseUrl, isAnchorFragment } from './links.ts';
import type { makeShareUrl } from './share-url.ts';
import { markStaleLink } from './stale-link.ts';

export const LINK_SYNC_DELAY_MS = 400;

let loadedMakeShareUrl: typeof makeShareUrl | undefined;

function writeWith(make: typeof makeShareUrl, store: RippleStore): void {
  const { scenario } = store.getState();
  const link = scenario.steps.length > 0 ? make(scenario, {}, appBaseUrl()) : null;
  const next = link?.ok ? `${location.pathname}${location.search}${link.url.slice(link.url.indexOf('#'))}` : `${location.pathname}${location.search}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

/**
 * Rewrites the fragment for the store's scenario (no fragment for an empty or unlinkable one):
 * at once when the codec is loaded, else once it is. The promise settles when written.
 */
export function writeLinkToAddressBar(store: RippleStore): Promise<void> {
  if (loadedMakeShareUrl) {
    writeWith(loadedMakeShareUrl, store);
    return Promise.resolve();
  }
  const hashBefore = location.hash;
  return import('./share-url.ts').then(
    ({ makeShareUrl }) => {
      loadedMakeShareUrl = makeShareUrl;
      // A link pasted meanwhile is the gate's to open; do not write over it.
      if (location.hash === hashBefore) writeWith(makeShareUrl, store);
    },
    () => {
      // The chunk did not load (offline after a deploy): the address keeps its last link; the next edit tries again.
    },
  );
}

/** Mount once, inside <RippleProvider>, where the editor shows (not over the recovery screen). */
export function useLinkSync(delayMs: number = LINK_SYNC_DELAY_MS): void {
  const store = useRippleStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      void writeLinkToAddressBar(store);
    };
    // A page opened without a link gets one for the draft it restored.
    if (!location.hash || isAnchorFragment(location.hash.slice(1))) flush();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.scenario === previous.scenario) return;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    });
    // A reload within the delay would reopen the previous scenario's link over the draft just
    // saved: mark that link stale for the next start (stale-link.ts), then write the new one.
    const onPageHide = () => {
      if (timer === undefined) return;
      markStaleLink(location.hash);
      flush();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      if (timer !== undefined) flush();
    };
  }, [store, delayMs]);
}
