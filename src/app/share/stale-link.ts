// A reload can open a link older than the draft it saved. Two ways:
// - a reload within the address bar's delay (LINK_SYNC_DELAY_MS), or while the new link is
//   being made, reloads the previous scenario's link: the page notes that fragment on `pagehide`
//   (`markStaleLink`);
// - a link that lands in the address bar after the reload has started (the text worker answered
//   while the browser fetched the page again) is too late: the browser reloads the fragment it
//   had when the reload began, and on `pagehide` nothing is pending any more. So the page keeps a
//   short list of the links this tab has shown (`noteLinkShown`, as digests): a fragment on it
//   that is not the newest was overtaken in this tab.
// Either way the autosaved draft is newer than that link (it is written on `pagehide`), so the
// next start opens the draft instead of the link the page wrote itself. Kept in sessionStorage,
// which survives a reload of the same tab and nothing else. A link this tab has not shown (one
// pasted or followed) always opens.
import { digest53 } from '../../store/digest.ts';

const STALE_KEY = 'ripple.staleLink';
const SHOWN_KEY = 'ripple.linksShown';
/** How many of the links shown are remembered (digests, newest first). */
const SHOWN_MAX = 8;

/** The digests of the links shown, newest first (stored space-separated). */
function shownDigests(): string[] {
  return (sessionStorage.getItem(SHOWN_KEY) ?? '').split(' ').filter((d) => d !== '');
}

/** Called on `pagehide` while a link write is pending: `hash` is the fragment now in the address bar. */
export function markStaleLink(hash: string): void {
  try {
    if (hash) sessionStorage.setItem(STALE_KEY, hash);
  } catch {
    // Storage refused (private mode, quota): the link opens as before.
  }
}

/** Called when the address bar shows `hash` for the scenario on screen: a link written, or one opened. */
export function noteLinkShown(hash: string): void {
  if (!hash) return;
  try {
    const mine = digest53(hash);
    const list = shownDigests().filter((d) => d !== mine);
    sessionStorage.setItem(SHOWN_KEY, [mine, ...list].slice(0, SHOWN_MAX).join(' '));
  } catch {
    // Storage refused: the link opens as before.
  }
}

/** Whether this page was loaded by a reload (Navigation Timing's `type`), not by following or typing a link. */
function pageWasReloaded(): boolean {
  const entry = typeof performance === 'undefined' ? undefined : performance.getEntriesByType?.('navigation')[0];
  return (entry as PerformanceNavigationTiming | undefined)?.type === 'reload';
}

/**
 * True when the page was reloaded (`reloaded`) on a `hash` older than the draft this tab saved:
 * marked stale on `pagehide`, or shown in this tab before a newer link was. The mark is taken
 * once. False for a link this tab has not shown, and for any link followed or typed: a person
 * who opens a link again wants that link.
 */
export function takeStaleLink(hash: string, reloaded: boolean = pageWasReloaded()): boolean {
  try {
    const stale = sessionStorage.getItem(STALE_KEY);
    if (stale !== null) sessionStorage.removeItem(STALE_KEY);
    if (!reloaded) return false;
    if (stale !== null && stale === hash) return true;
    return shownDigests().indexOf(digest53(hash)) > 0;
  } catch {
    return false;
  }
}
