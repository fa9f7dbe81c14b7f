// Share links for the current page: where the app lives, the link for a scenario, and how a
// decoded link's extras (moment, selected step, play) are applied to a store. The codec
// itself is the scenario gate's (src/scenario/link-codec.ts).
import { buildShareUrl, canonicalScenario, MAX_LINK_CHARS, type LinkError, type LinkExtras } from '../../scenario/index.ts';
import type { Problem, Scenario } from '../../scenario/types.ts';
import type { EditResult } from '../../store/editor-slice.ts';
import type { RippleStore } from '../../store/store.ts';

export type LinkProblemKind = LinkError['kind'];

/** Why a link (or a file) did not open, in the words the recovery screen needs. */
export interface LinkProblem {
  kind: LinkProblemKind;
  /** The gate's own message. */
  message: string;
  /** For invalid content: every problem with its JSON path. */
  problems: Problem[];
  /** The text the person can copy: the link itself, or its decoded JSON when decoding got that far. */
  raw: string;
}

export function linkProblem(error: LinkError, raw: string): LinkProblem {
  return { kind: error.kind, message: error.message, problems: error.problems ?? [], raw: error.text ?? raw };
}

export type ShareUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * In-page anchors (a skip link's `#side-panel`) are not links to a scenario: every link
 * fragment has a dot (`r1.…`), an anchor id is a short word (but `r1`, a link cut right after
 * its version, is a link). Anything else counts as an attempt at a link, so a damaged one gets
 * the recovery screen rather than being ignored.
 */
export function isAnchorFragment(fragment: string): boolean {
  return /^[A-Za-z][\w-]{0,63}$/.test(fragment) && !/^r\d*$/.test(fragment);
}

/** The app's address without query or fragment: what share links are built on. */
export function appBaseUrl(href: string = location.href): string {
  const url = new URL(href);
  url.hash = '';
  url.search = '';
  return url.href;
}

/**
 * The share link for a scenario, or why there is none: a link longer than the gate opens
 * (MAX_LINK_CHARS) would only lead to an error screen, so it is not offered at all.
 */
export function makeShareUrl(scenario: Scenario, extras: LinkExtras = {}, base: string = appBaseUrl()): ShareUrlResult {
  let url: string;
  try {
    url = buildShareUrl(base, scenario, extras);
  } catch (error) {
    // The store only holds valid scenarios, so this is a bug; say so rather than crash the dialog.
    return { ok: false, message: `Could not make a link: ${error instanceof Error ? error.message : String(error)}` };
  }
  const fragmentLength = url.length - url.indexOf('#') - 1;
  if (fragmentLength > MAX_LINK_CHARS) {
    return {
      ok: false,
      message: `This scenario is too large for a link (${fragmentLength.toLocaleString('en')} characters; links open up to ${MAX_LINK_CHARS.toLocaleString('en')}). Share it as a file instead.`,
    };
  }
  return { ok: true, url };
}

/**
 * After a link's scenario is loaded: run it and open it at the linked moment, select the
 * linked step, and start playing, as the link asks. A link without extras opens the design.
 */
export function applyLinkExtras(store: RippleStore, extras: LinkExtras): void {
  if (extras.at !== undefined || extras.play === true) {
    // Run opens playback already playing; a link to a moment opens paused there unless it asks to play.
    store.getState().runScenario();
    const state = store.getState();
    if (state.timeline.length > 0) {
      if (!extras.play) state.pause();
      if (extras.at !== undefined) state.seekTime(extras.at);
    }
  }
  if (extras.select !== undefined && store.getState().scenario.steps.some((s) => s.id === extras.select)) {
    store.getState().selectStep(extras.select);
  }
}

function sameScenario(a: Scenario, b: Scenario): boolean {
  return a === b || JSON.stringify(canonicalScenario(a)) === JSON.stringify(canonicalScenario(b));
}

/**
 * Puts an opened scenario (link, file, import) into the editor: `loadScenario` keeps an
 * edited draft recoverable and drops the old run; then the link's extras apply. Opening what the editor already holds (a reload, where the address bar
 * followed the edits) only applies the extras, so the draft is not pushed aside.
 */
export function openInStore(store: RippleStore, scenario: Scenario, extras: LinkExtras, label: string): EditResult {
  if (!sameScenario(store.getState().scenario, scenario)) {
    const loaded = store.getState().loadScenario(scenario, { label });
    if (!loaded.ok) return loaded;
  }
  applyLinkExtras(store, extras);
  return { ok: true };
}
