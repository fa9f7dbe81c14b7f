// The share link for a scenario. It needs the link codec (and fflate), so the editor imports
// this file lazily (useLinkSync, the Share dialog, exports): the codec stays out of the main
// bundle. Positions that only repeat the built-in layout stay out of the link (auto-positions.ts).
import { buildShareUrl, type LinkExtras } from '../../scenario/link-codec.ts';
import { MAX_LINK_CHARS } from '../../scenario/limits.ts';
import type { Scenario } from '../../scenario/types.ts';
import { withoutAutoPositions } from '../../store/auto-positions.ts';
import { appBaseUrl } from './links.ts';

export type ShareUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * The share link for a scenario, or why there is none: a link longer than the gate opens
 * (MAX_LINK_CHARS) would only lead to an error screen, so it is not offered at all. A scenario
 * whose steps all stand where the built-in layout put them on opening is linked without positions
 * (`withoutAutoPositions`): the receiver lays it out to the same coordinates.
 */
export function makeShareUrl(scenario: Scenario, extras: LinkExtras = {}, base: string = appBaseUrl()): ShareUrlResult {
  let url: string;
  try {
    url = buildShareUrl(base, withoutAutoPositions(scenario), extras);
  } catch (error) {
    // The store only holds valid scenarios, so this is a bug; say so rather than crash the dialog.
    return { ok: false, message: `Could not make a link: ${error instanceof Error ? error.message : String(error)}` };
  }
  const fragmentLength = url.length - url.indexOf('#') - 1;
  if (fragmentLength > MAX_LINK_CHARS) {
    return {
      ok: false,
      message: `This scenario is too large for a link (${fragmentLength.toLocaleString('en')} characters after the #; links open up to ${MAX_LINK_CHARS.toLocaleString('en')}). Share it as a file instead.`,
    };
  }
  return { ok: true, url };
}
