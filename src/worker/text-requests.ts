import { makeShareUrl, type ShareUrlResult } from '../app/share/share-url.ts';
import type { SavedDraft } from '../store/persistence.ts';
import type { Scenario } from '../scenario/types.ts';
import { decodeScenarioLink, type DecodeResult } from '../scenario/link-codec.ts';
import { packDraft } from '../scenario/intake/draft-pack.ts';

// What the page asks the text worker (text-worker.ts) to make, and what it answers: the texts a
// scenario is saved as, which for 2,000 steps take the page's main thread hundreds of ms
// (issue #9 item 3). The address bar's share link (the link codec: validate, canonical form,
// compact layout, deflate, base64url) and the autosaved draft's text (its JSON, packed:
// src/scenario/intake/draft-pack.ts); and the other way, a link opened (base64url, inflate, the
// gate's checks and its work-budget estimate). The answers are what the page would make itself
// (same functions, same bytes), so the page can fall back to making them there where there is
// no worker.
//
// A scenario is copied to the worker once: postMessage copies a 2,000-step scenario in one task
// of the page (tens of ms, more under load), and after an edit both the link and the draft are
// made of the same scenario. A request names its scenario by `scenarioKey`, and carries it only
// when the worker may not hold it yet; the worker holds the last one it was sent.

/** The scenario a request is about: its key, and the scenario itself when the worker may not hold it. */
export interface ScenarioOfRequest {
  scenarioKey: number;
  scenario?: Scenario;
}

export type TextRequest =
  | ({ id: number; kind: 'share-url'; base: string } & ScenarioOfRequest)
  | ({ id: number; kind: 'draft-text'; dirty: boolean; savedAt: number } & ScenarioOfRequest)
  | { id: number; kind: 'open-link'; fragment: string };

export type TextReply =
  | { id: number; kind: 'share-url'; link: ShareUrlResult }
  | { id: number; kind: 'draft-text'; text: string }
  | { id: number; kind: 'open-link'; decoded: DecodeResult }
  /** The request named a scenario by key only, and the worker no longer holds it (a newer one came, or this is a new worker): send it again with the scenario. */
  | { id: number; kind: 'scenario-unknown'; scenarioKey: number }
  | { id: number; kind: 'error'; error: string };

/**
 * Answers one request about `scenario` (null for an open-link request, which carries its own
 * text); never throws (a failure is an `error` reply naming what failed).
 *
 * @example
 * answerTextRequest({ id: 1, kind: 'share-url', scenarioKey: 1, base: 'https://ripple.example/' }, scenario)
 * // → { id: 1, kind: 'share-url', link: { ok: true, url: 'https://ripple.example/#r1.…' } }
 */
export function answerTextRequest(request: TextRequest, scenario: Scenario | null): TextReply {
  try {
    switch (request.kind) {
      case 'share-url':
        if (!scenario) return { id: request.id, kind: 'scenario-unknown', scenarioKey: request.scenarioKey };
        return { id: request.id, kind: 'share-url', link: makeShareUrl(scenario, {}, request.base) };
      case 'draft-text': {
        if (!scenario) return { id: request.id, kind: 'scenario-unknown', scenarioKey: request.scenarioKey };
        const draft: SavedDraft = { scenario, dirty: request.dirty, savedAt: request.savedAt };
        return { id: request.id, kind: 'draft-text', text: packDraft(JSON.stringify(draft)) };
      }
      case 'open-link':
        return { id: request.id, kind: 'open-link', decoded: decodeScenarioLink(request.fragment) };
    }
  } catch (error) {
    return { id: request.id, kind: 'error', error: `the text worker could not make a ${request.kind}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The worker's answering, with its memory: the last scenario it was sent, by key. A request
 * that carries a scenario replaces it; one that names it by key alone is answered about it, or
 * with `scenario-unknown` when the key is not the one held.
 *
 * @example
 * const answer = textAnswerer();
 * answer({ id: 1, kind: 'share-url', scenarioKey: 7, scenario, base }); // holds scenario 7
 * answer({ id: 2, kind: 'draft-text', scenarioKey: 7, dirty: true, savedAt: 1 }); // → { kind: 'draft-text', text: 'z1.…' }
 */
export function textAnswerer(): (request: TextRequest) => TextReply {
  let held: { key: number; scenario: Scenario } | null = null;
  return (request) => {
    if (request.kind === 'open-link') return answerTextRequest(request, null);
    if (request.scenario) held = { key: request.scenarioKey, scenario: request.scenario };
    return answerTextRequest(request, held?.key === request.scenarioKey ? held.scenario : null);
  };
}
