import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTextsOffThread } from '../../src/worker/texts-off-thread.ts';
import { answerTextRequest, textAnswerer } from '../../src/worker/text-requests.ts';
import { makeShareUrl } from '../../src/app/share/share-url.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';
import { FakeTextWorker } from './fake-text-worker.ts';
import { packDraft, unpackDraft } from '../../src/scenario/intake/draft-pack.ts';

// The text worker (issue #9 item 3): the address bar's link, the draft's packed text and the decoding
// of an opened link are made off the page's main thread. What it answers must be exactly what
// the page makes itself (link goldens unchanged), and a worker that fails must leave every
// caller a rejection to fall back on, never a promise that hangs.

const payment = findPreset('payment-fails')!.scenario;
const BASE = 'https://ripple.example/app/';

describe('the text worker answers', () => {
  test('a share-url request with the very link the page makes (same bytes)', () => {
    const reply = answerTextRequest({ id: 1, kind: 'share-url', scenarioKey: 1, base: BASE }, payment);
    expect(reply).toEqual({ id: 1, kind: 'share-url', link: makeShareUrl(payment, {}, BASE) });
    expect(reply.kind === 'share-url' && reply.link.ok && reply.link.url).toBe(`${BASE}#${encodeScenarioLink(payment)}`);
  });

  test('a scenario too large for a link with the reason, as the Share dialog says it', () => {
    const reply = answerTextRequest({ id: 2, kind: 'share-url', scenarioKey: 1, base: BASE }, retryStorm(2_000, 'naive'));
    expect(reply).toEqual({ id: 2, kind: 'share-url', link: makeShareUrl(retryStorm(2_000, 'naive'), {}, BASE) });
  });

  test('a draft-text request with the packed JSON of the draft, and an error reply naming the request when that throws', () => {
    const draft = { scenario: payment, dirty: true, savedAt: 1_700_000_000_000 };
    const reply3 = answerTextRequest({ id: 3, kind: 'draft-text', scenarioKey: 1, dirty: true, savedAt: draft.savedAt }, payment);
    expect(reply3).toEqual({ id: 3, kind: 'draft-text', text: packDraft(JSON.stringify(draft)) });
    expect(reply3.kind === 'draft-text' && unpackDraft(reply3.text)).toEqual({ ok: true, json: JSON.stringify(draft) });
    const reply = answerTextRequest({ id: 4, kind: 'draft-text', scenarioKey: 1, dirty: true, savedAt: 1n as unknown as number }, payment);
    expect(reply).toMatchObject({ id: 4, kind: 'error' });
    expect(reply.kind === 'error' && reply.error).toMatch(/^the text worker could not make a draft-text: .*BigInt/);
  });

  test('an open-link request with what decodeScenarioLink gives on the page, good link or damaged', () => {
    const fragment = encodeScenarioLink(payment, { at: 300, select: 'create-invoice' });
    expect(answerTextRequest({ id: 5, kind: 'open-link', fragment }, null)).toEqual({ id: 5, kind: 'open-link', decoded: decodeScenarioLink(fragment) });
    const cut = fragment.slice(0, 20);
    const reply = answerTextRequest({ id: 6, kind: 'open-link', fragment: cut }, null);
    expect(reply).toEqual({ id: 6, kind: 'open-link', decoded: decodeScenarioLink(cut) });
    expect(reply.kind === 'open-link' && reply.decoded.ok).toBe(false);
  });

  test('a request naming its scenario by key about the last scenario sent, and scenario-unknown for any other key', () => {
    const answer = textAnswerer();
    expect(answer({ id: 7, kind: 'draft-text', scenarioKey: 1, dirty: false, savedAt: 5 })).toEqual({ id: 7, kind: 'scenario-unknown', scenarioKey: 1 });
    expect(answer({ id: 8, kind: 'share-url', scenarioKey: 1, scenario: payment, base: BASE })).toEqual({ id: 8, kind: 'share-url', link: makeShareUrl(payment, {}, BASE) });
    expect(answer({ id: 9, kind: 'draft-text', scenarioKey: 1, dirty: false, savedAt: 5 })).toEqual({
      id: 9,
      kind: 'draft-text',
      text: packDraft(JSON.stringify({ scenario: payment, dirty: false, savedAt: 5 })),
    });
    const other = { ...payment, title: 'Another' };
    expect(answer({ id: 10, kind: 'share-url', scenarioKey: 2, scenario: other, base: BASE })).toMatchObject({ kind: 'share-url' });
    expect(answer({ id: 11, kind: 'draft-text', scenarioKey: 1, dirty: false, savedAt: 5 })).toEqual({ id: 11, kind: 'scenario-unknown', scenarioKey: 1 });
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
    const [link, text, decoded] = await Promise.all([texts.shareUrl(payment, BASE), texts.draftText(draft), texts.openLink(encodeScenarioLink(payment))]);
    expect(FakeTextWorker.made).toHaveLength(1);
    expect(link).toEqual(makeShareUrl(payment, {}, BASE));
    expect(text).toBe(packDraft(JSON.stringify(draft)));
    expect(decoded).toEqual(decodeScenarioLink(encodeScenarioLink(payment)));
  });

  test('copies a scenario to the worker once for its link and its draft, and again to a new worker that lost it', async () => {
    const texts = createTextsOffThread()!;
    const draft = { scenario: payment, dirty: true, savedAt: 5 };
    await texts.shareUrl(payment, BASE);
    await expect(texts.draftText(draft)).resolves.toBe(packDraft(JSON.stringify(draft)));
    expect(FakeTextWorker.requests.map((r) => r.kind !== 'open-link' && r.scenario !== undefined)).toEqual([true, false]);
    FakeTextWorker.made[0].crash();
    await expect(texts.draftText(draft)).resolves.toBe(packDraft(JSON.stringify(draft)));
    // The new worker did not hold it: asked by key, answered scenario-unknown, asked again with it.
    expect(FakeTextWorker.made).toHaveLength(2);
    expect(FakeTextWorker.made[1].requests.map((r) => r.kind !== 'open-link' && r.scenario !== undefined)).toEqual([false, true]);
  });

  test('an error reply rejects that request with its message; the worker stays', async () => {
    const texts = createTextsOffThread()!;
    await expect(texts.draftText({ scenario: payment, dirty: false, savedAt: Symbol('not cloneable') as unknown as number })).rejects.toThrow();
    await expect(texts.draftText({ scenario: payment, dirty: false, savedAt: 1n as unknown as number })).rejects.toThrow(/could not make a draft-text/);
    await expect(texts.shareUrl(payment, BASE)).resolves.toEqual(makeShareUrl(payment, {}, BASE));
    expect(FakeTextWorker.made).toHaveLength(1);
  });

  test('a worker that fails rejects every pending request, and the next request starts a new one', async () => {
    const texts = createTextsOffThread()!;
    FakeTextWorker.hold();
    const first = texts.shareUrl(payment, BASE);
    const second = texts.draftText({ scenario: payment, dirty: false, savedAt: 1 });
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
