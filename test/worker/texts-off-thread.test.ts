import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTextsOffThread } from '../../src/worker/texts-off-thread.ts';
import { answerTextRequest } from '../../src/worker/text-requests.ts';
import { makeShareUrl } from '../../src/app/share/share-url.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';
import { FakeTextWorker } from './fake-text-worker.ts';

// The text worker (issue #9 item 3): the address bar's link, the draft's JSON and the decoding
// of an opened link are made off the page's main thread. What it answers must be exactly what
// the page makes itself (link goldens unchanged), and a worker that fails must leave every
// caller a rejection to fall back on, never a promise that hangs.

const payment = findPreset('payment-fails')!.scenario;
const BASE = 'https://ripple.example/app/';

describe('the text worker answers', () => {
  test('a share-url request with the very link the page makes (same bytes)', () => {
    const reply = answerTextRequest({ id: 1, kind: 'share-url', scenario: payment, base: BASE });
    expect(reply).toEqual({ id: 1, kind: 'share-url', link: makeShareUrl(payment, {}, BASE) });
    expect(reply.kind === 'share-url' && reply.link.ok && reply.link.url).toBe(`${BASE}#${encodeScenarioLink(payment)}`);
  });

  test('a scenario too large for a link with the reason, as the Share dialog says it', () => {
    const reply = answerTextRequest({ id: 2, kind: 'share-url', scenario: retryStorm(2_000, 'naive'), base: BASE });
    expect(reply).toEqual({ id: 2, kind: 'share-url', link: makeShareUrl(retryStorm(2_000, 'naive'), {}, BASE) });
  });

  test('a draft-json request with JSON.stringify of the draft, and an error reply naming the request when that throws', () => {
    const draft = { scenario: payment, dirty: true, savedAt: 1_700_000_000_000 };
    expect(answerTextRequest({ id: 3, kind: 'draft-json', draft })).toEqual({ id: 3, kind: 'draft-json', text: JSON.stringify(draft) });
    const unserialisable = { ...draft, savedAt: 1n as unknown as number };
    const reply = answerTextRequest({ id: 4, kind: 'draft-json', draft: unserialisable });
    expect(reply).toMatchObject({ id: 4, kind: 'error' });
    expect(reply.kind === 'error' && reply.error).toMatch(/^the text worker could not make a draft-json: .*BigInt/);
  });

  test('an open-link request with what decodeScenarioLink gives on the page, good link or damaged', () => {
    const fragment = encodeScenarioLink(payment, { at: 300, select: 'create-invoice' });
    expect(answerTextRequest({ id: 5, kind: 'open-link', fragment })).toEqual({ id: 5, kind: 'open-link', decoded: decodeScenarioLink(fragment) });
    const cut = fragment.slice(0, 20);
    const reply = answerTextRequest({ id: 6, kind: 'open-link', fragment: cut });
    expect(reply).toEqual({ id: 6, kind: 'open-link', decoded: decodeScenarioLink(cut) });
    expect(reply.kind === 'open-link' && reply.decoded.ok).toBe(false);
  });
});

describe('the page side (texts-off-thread.ts)', () => {
  beforeEach(() => {
    FakeTextWorker.reset();
    vi.stubGlobal('Worker', FakeTextWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  test('is null where there is no Worker (Node, jsdom): the callers make the texts on the page', () => {
    vi.unstubAllGlobals();
    expect(typeof Worker).toBe('undefined');
    expect(createTextsOffThread()).toBeNull();
  });

  test('starts one worker on the first request, and resolves each request with its own answer', async () => {
    const texts = createTextsOffThread()!;
    expect(FakeTextWorker.made).toHaveLength(0);
    const draft = { scenario: payment, dirty: false, savedAt: 5 };
    const [link, text, decoded] = await Promise.all([texts.shareUrl(payment, BASE), texts.draftJson(draft), texts.openLink(encodeScenarioLink(payment))]);
    expect(FakeTextWorker.made).toHaveLength(1);
    expect(link).toEqual(makeShareUrl(payment, {}, BASE));
    expect(text).toBe(JSON.stringify(draft));
    expect(decoded).toEqual(decodeScenarioLink(encodeScenarioLink(payment)));
  });

  test('an error reply rejects that request with its message; the worker stays', async () => {
    const texts = createTextsOffThread()!;
    await expect(texts.draftJson({ scenario: payment, dirty: false, savedAt: 1n as unknown as number })).rejects.toThrow(/could not make a draft-json/);
    await expect(texts.shareUrl(payment, BASE)).resolves.toEqual(makeShareUrl(payment, {}, BASE));
    expect(FakeTextWorker.made).toHaveLength(1);
  });

  test('a worker that fails rejects every pending request, and the next request starts a new one', async () => {
    const texts = createTextsOffThread()!;
    FakeTextWorker.hold();
    const first = texts.shareUrl(payment, BASE);
    const second = texts.draftJson({ scenario: payment, dirty: false, savedAt: 1 });
    FakeTextWorker.made[0].crash();
    await expect(first).rejects.toThrow('the text worker failed: Uncaught SyntaxError in the worker');
    await expect(second).rejects.toThrow('the text worker failed');
    expect(FakeTextWorker.made[0].terminated).toBe(true);
    FakeTextWorker.release();
    await expect(texts.shareUrl(payment, BASE)).resolves.toEqual(makeShareUrl(payment, {}, BASE));
    expect(FakeTextWorker.made).toHaveLength(2);
  });

  test('a request that cannot be copied to the worker rejects at once instead of hanging', async () => {
    const texts = createTextsOffThread()!;
    const withFunction = { ...payment, title: (() => 'x') as unknown as string };
    await expect(texts.shareUrl(withFunction, BASE)).rejects.toThrow();
  });
});
