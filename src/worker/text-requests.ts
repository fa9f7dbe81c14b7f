import { makeShareUrl, type ShareUrlResult } from '../app/share/share-url.ts';
import type { SavedDraft } from '../store/persistence.ts';
import { decodeScenarioLink, type DecodeResult } from '../scenario/link-codec.ts';

// What the page asks the text worker (text-worker.ts) to make, and what it answers: the texts a
// scenario is saved as, which for 2,000 steps take the page's main thread hundreds of ms
// (issue #9 item 3). The address bar's share link (the link codec: validate, canonical form,
// compact layout, deflate, base64url) and the autosaved draft's JSON; and the other way, a link
// opened (base64url, inflate, the gate's checks and its work-budget estimate). The answers are
// what the page would make itself (same functions, same bytes), so the page can fall back to
// making them there where there is no worker.

export type TextRequest =
  | { id: number; kind: 'share-url'; scenario: SavedDraft['scenario']; base: string }
  | { id: number; kind: 'draft-json'; draft: SavedDraft }
  | { id: number; kind: 'open-link'; fragment: string };

export type TextReply =
  | { id: number; kind: 'share-url'; link: ShareUrlResult }
  | { id: number; kind: 'draft-json'; text: string }
  | { id: number; kind: 'open-link'; decoded: DecodeResult }
  | { id: number; kind: 'error'; error: string };

/**
 * Answers one request; never throws (a failure is an `error` reply naming what failed).
 *
 * @example
 * answerTextRequest({ id: 1, kind: 'share-url', scenario, base: 'https://ripple.example/' })
 * // → { id: 1, kind: 'share-url', link: { ok: true, url: 'https://ripple.example/#r1.…' } }
 */
export function answerTextRequest(request: TextRequest): TextReply {
  try {
    switch (request.kind) {
      case 'share-url':
        return { id: request.id, kind: 'share-url', link: makeShareUrl(request.scenario, {}, request.base) };
      case 'draft-json':
        return { id: request.id, kind: 'draft-json', text: JSON.stringify(request.draft) };
      case 'open-link':
        return { id: request.id, kind: 'open-link', decoded: decodeScenarioLink(request.fragment) };
    }
  } catch (error) {
    return { id: request.id, kind: 'error', error: `the text worker could not make a ${request.kind}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
