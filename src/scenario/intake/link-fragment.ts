// Telling a share link in the address bar from an in-page anchor. Kept apart from the link
// decoder (src/scenario/link-codec.ts, with fflate) on purpose: the editor's main chunk uses
// this on every page load, and loads the decoder only when there is a link to decode.

/**
 * In-page anchors (a skip link's `#side-panel`) are not links to a scenario: every link
 * fragment has a dot (`r1.…`), an anchor id is a short word (but `r1`, a link cut right after
 * its version, is a link). Anything else counts as an attempt at a link, so a damaged one gets
 * the recovery screen rather than being ignored.
 *
 * @example
 * isAnchorFragment('side-panel') // → true
 * isAnchorFragment('r1')         // → false
 */
export function isAnchorFragment(fragment: string): boolean {
  return /^[A-Za-z][\w-]{0,63}$/.test(fragment) && !/^r\d*$/.test(fragment);
}

/**
 * The fragment of `href` when it is an attempt at a scenario link (not empty, not an in-page anchor), else null.
 *
 * @example
 * linkFragment('https://x/#r1.abc') // → 'r1.abc'
 * linkFragment('https://x/#main')   // → null
 */
export function linkFragment(href: string): string | null {
  const at = href.indexOf('#');
  const fragment = at < 0 ? '' : href.slice(at + 1);
  return fragment === '' || isAnchorFragment(fragment) ? null : fragment;
}
