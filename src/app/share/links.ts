// Share links for the current page: where the app lives, and how a decoded link's extras
// (moment, selected step, play) are applied to a store. Making and reading links needs the
// codec (src/scenario/link-codec.ts, with fflate), which the editor loads only on demand:
// see share-url.ts and boot-link.ts. So this file must not import the codec. Putting an opened
// scenario into the editor is open-in-store.ts: the page does not need it to start.
import type { LinkError, LinkExtras } from '../../scenario/link-codec.ts';
import type { Problem } from '../../scenario/types.ts';
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

// Telling a link from an in-page anchor is reading untrusted text: it lives in the intake gate.
export { isAnchorFragment, linkFragment } from '../../scenario/intake/link-fragment.ts';

/**
 * Links shorter than this (characters; about 250 steps) are decoded on the page: that takes a
 * few ms, less than starting the worker would add before the first canvas (boot-link.ts).
 */
export const OFF_THREAD_LINK_CHARS = 2_000;

/** The last guard against a blank page: the gate never throws, but a bug (or a chunk that fails to load) might. */
export function crashProblem(error: unknown, raw: string): LinkProblem {
  const message = `Ripple failed while opening this link: ${error instanceof Error ? error.message : String(error)}`;
  return { kind: 'corrupt', message, problems: [], raw };
}

/** The app's address without query or fragment: what share links are built on. */
export function appBaseUrl(href: string = location.href): string {
  const url = new URL(href);
  url.hash = '';
  url.search = '';
  return url.href;
}

/**
 * After a link's scenario is loaded: run it and open it at the linked moment, select the
 * linked step, and start playing, as the link asks (the store's `openMoment` does all of it).
 * A link without extras opens the design.
 */
export function applyLinkExtras(store: RippleStore, extras: LinkExtras): void {
  store.getState().openMoment(extras);
}
