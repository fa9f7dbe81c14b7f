// The address bar follows the scenario: after each edit settles, the fragment is rewritten
// with `history.replaceState`, so the current URL is always a working link and back/forward
// hold no entry per edit. Only the scenario goes into the URL, never UI state. The link is
// made in the text worker (src/worker/texts-off-thread.ts): for 2,000 steps the codec keeps a
// thread busy for hundreds of ms, which must not be the page's (issue #9 item 3). Where there
// is no worker, or it fails, the link is made here, with the codec loaded on the first write
// (share-url.ts is a chunk of its own, off the main bundle).
import { useEffect } from 'react';
import { useRippleStore } from '../../store/context.tsx';
import type { RippleStore } from '../../store/store.ts';
import { textsOnDemand } from '../../worker/texts-on-demand.ts';
import type { Scenario } from '../../scenario/types.ts';
import { appBaseUrl, isAnchorFragment } from './links.ts';
import type { makeShareUrl, ShareUrlResult } from './share-url.ts';
import { markStaleLink, noteLinkShown } from './stale-link.ts';

export const LINK_SYNC_DELAY_MS = 400;

let loadedMakeShareUrl: typeof makeShareUrl | undefined;
/** Counts the writes asked for: only the latest one's link goes into the address bar. */
let latestWrite = 0;
/** Writes asked for whose link is still being made (in the worker, or while the codec loads). */
let writesInFlight = 0;

/** Whether a link write is on its way (its link still being made): a reload now would show the previous link. */
export function linkWriteInFlight(): boolean {
  return writesInFlight > 0;
}

function writeLink(link: ShareUrlResult | null): void {
  const next = link?.ok ? `${location.pathname}${location.search}${link.url.slice(link.url.indexOf('#'))}` : `${location.pathname}${location.search}`;
  if (next === `${location.pathname}${location.search}${location.hash}`) return;
  history.replaceState(history.state, '', next);
  noteLinkShown(location.hash);
}

/** The link made on the page: at once when the codec is loaded, else once it is (rejects when its chunk does not load). */
function linkHere(scenario: Scenario, base: string): ShareUrlResult | Promise<ShareUrlResult> {
  if (loadedMakeShareUrl) return loadedMakeShareUrl(scenario, {}, base);
  return import('./share-url.ts').then(({ makeShareUrl }) => {
    loadedMakeShareUrl = makeShareUrl;
    return makeShareUrl(scenario, {}, base);
  });
}

/**
 * Rewrites the fragment for the store's scenario (no fragment for an empty or unlinkable one).
 * The link is made in the text worker, or here where there is none (at once when the codec is
 * loaded). A write overtaken by a later one, or by a link pasted into the address bar
 * meanwhile (the gate's to open), writes nothing. The promise settles when done; it never rejects.
 */
export function writeLinkToAddressBar(store: RippleStore): Promise<void> {
  const { scenario } = store.getState();
  const mine = ++latestWrite;
  if (scenario.steps.length === 0) {
    writeLink(null);
    return Promise.resolve();
  }
  const base = appBaseUrl();
  const texts = textsOnDemand();
  const made = texts ? texts.shareUrl(scenario, base).catch(() => linkHere(scenario, base)) : linkHere(scenario, base);
  if (!(made instanceof Promise)) {
    writeLink(made);
    return Promise.resolve();
  }
  const hashBefore = location.hash;
  writesInFlight++;
  return made.then(
    (link) => {
      writesInFlight--;
      if (mine === latestWrite && location.hash === hashBefore) writeLink(link);
    },
    () => {
      // The codec's chunk did not load (offline after a deploy): the address keeps its last link; the next edit tries again.
      writesInFlight--;
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
    // A reload within the delay, or while the link is being made, would reopen the previous
    // scenario's link over the draft just saved: mark that link stale for the next start
    // (stale-link.ts), then write the new one (it lands if the page stays, as from the back-forward cache).
    const onPageHide = () => {
      if (timer === undefined && !linkWriteInFlight()) return;
      markStaleLink(location.hash);
      if (timer !== undefined) flush();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      if (timer !== undefined) flush();
    };
  }, [store, delayMs]);
}
