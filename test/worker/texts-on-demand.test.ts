import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { findPreset } from '../../src/presets/index.ts';
import { FakeTextWorker } from './fake-text-worker.ts';
import { packDraft } from '../../src/scenario/intake/draft-pack.ts';

// The text worker's client is loaded on its first request (issue #15: it is not in the main
// chunk). Callers must see the same client as texts-off-thread.ts gives: null without a Worker,
// the worker's own answers with one, and a rejection (never a hang) when the worker fails.

const payment = findPreset('payment-fails')!.scenario;

describe('textsOnDemand', () => {
  // A fresh module (and so a fresh page-wide client) for each test.
  let textsOnDemand: typeof import('../../src/worker/texts-on-demand.ts').textsOnDemand;
  beforeEach(async () => {
    FakeTextWorker.reset();
    vi.stubGlobal('Worker', FakeTextWorker);
    vi.resetModules();
    ({ textsOnDemand } = await import('../../src/worker/texts-on-demand.ts'));
  });
  afterEach(() => vi.unstubAllGlobals());

  test('is null where there is no Worker, so the callers make the texts on the page', () => {
    vi.unstubAllGlobals();
    expect(textsOnDemand()).toBeNull();
  });

  test("answers a draft's packed text from the text worker, started only by the first request", async () => {
    const texts = textsOnDemand()!;
    expect(FakeTextWorker.made).toHaveLength(0);
    const draft = { scenario: payment, dirty: false, savedAt: 1_700_000_000_000 };
    await expect(texts.draftText(draft)).resolves.toBe(packDraft(JSON.stringify(draft)));
    expect(FakeTextWorker.requests.map((r) => r.kind)).toEqual(['draft-text']);
  });

  test('rejects a pending request when the worker crashes, and the next request starts a new worker', async () => {
    const texts = textsOnDemand()!;
    FakeTextWorker.hold();
    const pending = texts.shareUrl(payment, 'https://ripple.example/');
    await vi.waitFor(() => expect(FakeTextWorker.requests).toHaveLength(1));
    expect(FakeTextWorker.made).toHaveLength(1);
    FakeTextWorker.made[0].crash();
    await expect(pending).rejects.toThrow();
    FakeTextWorker.release();
    const link = await texts.shareUrl(payment, 'https://ripple.example/');
    expect(link.ok).toBe(true);
    expect(FakeTextWorker.made).toHaveLength(2);
  });
});
