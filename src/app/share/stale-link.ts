// A reload within the address bar's delay (LINK_SYNC_DELAY_MS) reloads the previous
// scenario's link: the browser has picked the URL before `pagehide` could rewrite it. The
// autosaved draft is newer than that link, so the page notes the stale fragment in
// sessionStorage (it survives a reload of the same tab, nothing else) and, on the next start,
// opens the draft instead of the link it wrote itself.
const KEY = 'ripple.staleLink';

/** Called on `pagehide` while a link write is pending: `hash` is the fragment now in the address bar. */
export function markStaleLink(hash: string): void {
  try {
    if (hash) sessionStorage.setItem(KEY, hash);
  } catch {
    // Storage refused (private mode, quota): the link opens as before.
  }
}

/** True, once, when `hash` is the fragment this tab marked stale before it was reloaded. */
export function takeStaleLink(hash: string): boolean {
  try {
    const stale = sessionStorage.getItem(KEY);
    if (stale === null) return false;
    sessionStorage.removeItem(KEY);
    return stale === hash;
  } catch {
    return false;
  }
}
