import type { ShareUrlResult } from '../app/share/share-url.ts';
import type { SavedDraft } from '../store/persistence.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DecodeResult } from '../scenario/link-codec.ts';
import type { ScenarioOfRequest, TextReply, TextRequest } from './text-requests.ts';
import { workerClient, type Unnumbered } from './worker-client.ts';

// The page's side of the text worker (text-worker.ts): the share link of the address bar
// (useLinkSync.ts), the autosaved draft's packed text (autosave.ts) and the decoding of a link opened
// (boot-link.ts) are done there, so that none of them
// keeps the main thread busy for hundreds of ms on a 2,000-step scenario (issue #9 item 3).
// Where there is no `Worker` (Node, jsdom tests) there is no client: the callers make the text
// on the page, with the same functions. A scenario is copied to the worker once for both its
// link and its draft (text-requests.ts says why).

/** Makes a scenario's texts off the page's main thread; each promise rejects when the worker fails. */
export interface TextsOffThread {
  /** `makeShareUrl(scenario, {}, base)` (share-url.ts), made in the worker. */
  shareUrl: (scenario: Scenario, base: string) => Promise<ShareUrlResult>;
  /** `packDraft(JSON.stringify(draft))` (draft-pack.ts), made in the worker: what persistence.ts stores under the draft key. */
  draftText: (draft: SavedDraft) => Promise<string>;
  /**
   * `decodeScenarioLink(fragment)` (link-codec.ts), made in the worker. The scenario arrives as
   * a copy: its `context` (names are user text) is a plain object there, so the page makes it a
   * null-prototype record again (boot-link.ts) before using it.
   */
  openLink: (fragment: string) => Promise<DecodeResult>;
}

/**
 * A client backed by one module worker, started on the first request; null where the platform
 * has no `Worker`. A worker that fails to load or crashes rejects every pending request (the
 * callers then make the text on the page) and is replaced by a new one on the next request.
 */
export function createTextsOffThread(): TextsOffThread | null {
  if (typeof Worker === 'undefined') return null;
  const ask = workerClient<TextRequest, TextReply, TextReply>({
    what: 'the text worker',
    start: () => new Worker(new URL('./text-worker.ts', import.meta.url), { type: 'module', name: 'ripple-texts' }),
    read: (reply) => {
      if (reply.kind === 'error') throw new Error(reply.error);
      return reply;
    },
  });

  // The last scenario sent, and its key: a request about the same scenario object (the store
  // makes a new one per edit) names it by key only, so it is copied to the worker once.
  let sent: { scenario: Scenario; key: number } | null = null;
  let keys = 0;
  const about = (scenario: Scenario, resend: boolean): ScenarioOfRequest => {
    if (!resend && sent?.scenario === scenario) return { scenarioKey: sent.key };
    sent = { scenario, key: ++keys };
    return { scenarioKey: sent.key, scenario };
  };
  /** Asks about `scenario`, sending it again when the worker no longer holds it (a newer one came, or a new worker). */
  const askAbout = async (scenario: Scenario, request: (about: ScenarioOfRequest) => Unnumbered<TextRequest>): Promise<TextReply> => {
    const reply = await ask(request(about(scenario, false)));
    return reply.kind === 'scenario-unknown' ? ask(request(about(scenario, true))) : reply;
  };

  return {
    shareUrl: (scenario, base) =>
      askAbout(scenario, (about) => ({ kind: 'share-url', base, ...about })).then((reply) => {
        if (reply.kind !== 'share-url') throw new Error(`the text worker answered a share-url request with ${reply.kind}`);
        return reply.link;
      }),
    draftText: ({ scenario, dirty, savedAt }) =>
      askAbout(scenario, (about) => ({ kind: 'draft-text', dirty, savedAt, ...about })).then((reply) => {
        if (reply.kind !== 'draft-text') throw new Error(`the text worker answered a draft-text request with ${reply.kind}`);
        return reply.text;
      }),
    openLink: (fragment) =>
      ask({ kind: 'open-link', fragment }).then((reply) => {
        if (reply.kind !== 'open-link') throw new Error(`the text worker answered an open-link request with ${reply.kind}`);
        return reply.decoded;
      }),
  };
}

let shared: TextsOffThread | null | undefined;

/** The page's one text worker client (null where there is no `Worker`), made on the first call. */
export function textsOffThread(): TextsOffThread | null {
  if (shared === undefined) shared = createTextsOffThread();
  return shared;
}
