import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { decodeLinkEarly, LinkGate } from '../../src/app/share/LinkGate.tsx';
import { OFF_THREAD_LINK_CHARS } from '../../src/app/share/boot-link.ts';
import { useLinkSync, writeLinkToAddressBar } from '../../src/app/share/useLinkSync.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { FakeTextWorker } from '../worker/fake-text-worker.ts';

// Issue #9 item 3: with a Worker, the address bar's link is made in the text worker and a link
// opened is decoded there. The address bar must still always end at the newest scenario's
// link, leave a link pasted meanwhile to the gate, and mark its link stale when the page is
// hidden before the new one is written (a reload then opens the newer draft: stale-link.ts).

const payment = findPreset('payment-fails')!.scenario;

/** An n-step chain, its link long enough (from about 250 steps) to be decoded in the worker. */
function chain(n: number): Scenario {
  const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, label: `Step ${i}`, position: { x: i * 220, y: 0 } }));
  return { version: 2, title: `A ${n}-step chain`, steps, dependencies: steps.slice(1).map((s, i) => ({ from: steps[i].id, to: s.id })) };
}
const STALE_KEY = 'ripple.staleLink';

beforeAll(() => {
  vi.stubGlobal('Worker', FakeTextWorker);
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => FakeTextWorker.reset());
afterEach(() => {
  vi.restoreAllMocks();
  FakeTextWorker.release();
  history.replaceState(null, '', '/');
  sessionStorage.clear();
});

function storeWith(scenario: Scenario): RippleStore {
  const store = createRippleStore();
  store.getState().loadScenario(scenario);
  return store;
}

const decodedHash = () => {
  const decoded = decodeScenarioLink(location.hash);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.scenario;
};

function Sync() {
  useLinkSync(20);
  return <p>The editor</p>;
}

describe('the address bar, with its link made in the text worker', () => {
  test("an edit's link comes from the worker and decodes to the edited scenario", async () => {
    const store = storeWith(payment);
    history.replaceState(null, '', `/#${encodeScenarioLink(payment)}`);
    render(
      <RippleProvider store={store}>
        <Sync />
      </RippleProvider>,
    );
    store.getState().renameStep('create-invoice', 'Invoice, renamed');
    await waitFor(() => expect(decodedHash().steps.find((s) => s.id === 'create-invoice')?.label).toBe('Invoice, renamed'));
    expect(FakeTextWorker.requests.map((r) => r.kind)).toEqual(['share-url']);
  });

  test('a write overtaken by a later one writes nothing, even when its link comes back last', async () => {
    const other = { ...payment, title: 'The later scenario' };
    FakeTextWorker.hold();
    const first = writeLinkToAddressBar(storeWith(payment));
    const second = writeLinkToAddressBar(storeWith(other));
    await vi.waitFor(() => expect(FakeTextWorker.requests).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    FakeTextWorker.release([1, 0]);
    await Promise.all([first, second]);
    expect(decodedHash().title).toBe('The later scenario');
  });

  test('a link pasted into the address bar while the link is made is left for the gate to open', async () => {
    FakeTextWorker.hold();
    const writing = writeLinkToAddressBar(storeWith(payment));
    const pasted = `#${encodeScenarioLink({ ...payment, title: 'Pasted' })}`;
    history.replaceState(null, '', `/${pasted}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    FakeTextWorker.release();
    await writing;
    expect(location.hash).toBe(pasted);
  });

  test("the page hidden while the worker makes the link marks the address bar's link stale; the new link still lands", async () => {
    const store = storeWith(payment);
    const before = `#${encodeScenarioLink(payment)}`;
    history.replaceState(null, '', `/${before}`);
    render(
      <RippleProvider store={store}>
        <Sync />
      </RippleProvider>,
    );
    FakeTextWorker.hold();
    store.getState().renameStep('create-invoice', 'Renamed before leaving');
    await vi.waitFor(() => expect(FakeTextWorker.requests).toHaveLength(1));
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem(STALE_KEY)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 10));
    FakeTextWorker.release();
    await waitFor(() => expect(decodedHash().steps.find((s) => s.id === 'create-invoice')?.label).toBe('Renamed before leaving'));
  });

  test('a reload that began before the newest link landed comes back to the draft, not to the link it overtook', async () => {
    // The browser reloads the fragment it had when the reload began; a link the worker sent
    // back meanwhile lands too late, and on pagehide nothing is pending any more.
    const store = storeWith(payment);
    history.replaceState(null, '', '/');
    render(
      <RippleProvider store={store}>
        <Sync />
      </RippleProvider>,
    );
    await waitFor(() => expect(location.hash).not.toBe(''));
    const older = location.hash;
    store.getState().renameStep('create-invoice', 'Renamed as the reload began');
    await waitFor(() => expect(decodedHash().steps.find((s) => s.id === 'create-invoice')?.label).toBe('Renamed as the reload began'));
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem(STALE_KEY)).toBeNull();
    const newer = location.hash;
    cleanup();
    const gate = () =>
      render(
        <RippleProvider store={createRippleStore()}>
          <LinkGate>
            <p>The editor</p>
          </LinkGate>
        </RippleProvider>,
      );
    // Reloaded on the older fragment: the draft opens (no "Opening link…", fragment gone).
    const navigation = vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ type: 'reload' } as PerformanceNavigationTiming]);
    history.replaceState(null, '', `/${older}`);
    gate();
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(location.hash).not.toBe(older);
    cleanup();
    // The newest link, reloaded, opens as a link.
    history.replaceState(null, '', `/${newer}`);
    gate();
    expect(screen.getByText('Opening link…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('The editor')).toBeInTheDocument());
    cleanup();
    // The older link followed again (not a reload) opens as a link: the person asked for it.
    navigation.mockReturnValue([{ type: 'navigate' } as PerformanceNavigationTiming]);
    history.replaceState(null, '', `/${older}`);
    gate();
    expect(screen.getByText('Opening link…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('The editor')).toBeInTheDocument());
  });

  test('a link this tab never showed opens, whatever the tab wrote before', async () => {
    const store = storeWith(payment);
    history.replaceState(null, '', '/');
    render(
      <RippleProvider store={store}>
        <Sync />
      </RippleProvider>,
    );
    await waitFor(() => expect(location.hash).not.toBe(''));
    cleanup();
    history.replaceState(null, '', `/#${encodeScenarioLink(chain(3))}`);
    render(
      <RippleProvider store={createRippleStore()}>
        <LinkGate>
          <p>The editor</p>
        </LinkGate>
      </RippleProvider>,
    );
    expect(screen.getByText('Opening link…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('The editor')).toBeInTheDocument());
  });

  test('the page hidden with no write on its way marks nothing', async () => {
    const store = storeWith(payment);
    history.replaceState(null, '', `/#${encodeScenarioLink(payment)}`);
    render(
      <RippleProvider store={store}>
        <Sync />
      </RippleProvider>,
    );
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem(STALE_KEY)).toBeNull();
  });
});

describe('a link opened, decoded in the text worker', () => {
  async function open(fragment: string) {
    const store = createRippleStore();
    history.replaceState(null, '', `/${fragment}`);
    render(
      <RippleProvider store={store}>
        <LinkGate>
          <p>The editor</p>
        </LinkGate>
      </RippleProvider>,
    );
    await waitFor(() => expect(screen.queryByText('Opening link…')).toBeNull());
    return store;
  }

  test('a long link: opens the same scenario, moment and selection as decoded on the page', async () => {
    const fragment = `#${encodeScenarioLink(chain(400), { at: 200, select: 's3' })}`;
    expect(fragment.length).toBeGreaterThan(OFF_THREAD_LINK_CHARS);
    const store = await open(fragment);
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(FakeTextWorker.requests.map((r) => r.kind)).toContain('open-link');
    const decoded = decodeScenarioLink(fragment);
    expect(decoded.ok && store.getState().scenario).toEqual(decoded.ok && decoded.scenario);
    expect(store.getState().selectedStepId).toBe('s3');
    expect(store.getState().time).toBe(200);
  });

  test('a short link is decoded on the page (quicker than starting the worker)', async () => {
    const store = await open(`#${encodeScenarioLink(payment)}`);
    expect(store.getState().scenario.title).toBe(payment.title);
    expect(FakeTextWorker.requests.map((r) => r.kind)).not.toContain('open-link');
  });

  test("a GitHub context's names stay keys of a null-prototype record after the copy from the worker", async () => {
    const github: Scenario = { ...chain(400), title: 'Tagged release', dialect: 'github-actions', context: { 'github.ref': 'refs/tags/v1' } };
    const store = await open(`#${encodeScenarioLink(github)}`);
    expect(FakeTextWorker.requests.map((r) => r.kind)).toContain('open-link');
    const context = store.getState().scenario.context!;
    expect(context['github.ref']).toBe('refs/tags/v1');
    expect(Object.getPrototypeOf(context)).toBeNull();
  });

  test('a damaged link shows the recovery screen, as when decoded on the page', async () => {
    await open(`#${encodeScenarioLink(chain(400)).slice(0, OFF_THREAD_LINK_CHARS + 10)}`);
    expect(await screen.findByText(/This link has [\d,]+ of its|damaged/)).toBeInTheDocument();
  });

  test('a long link whose decoding main.tsx started before the first render is decoded once, and opens as any other', async () => {
    const fragment = `#${encodeScenarioLink(chain(400), { at: 200, select: 's3' })}`;
    history.replaceState(null, '', `/${fragment}`);
    decodeLinkEarly(location.href);
    // The worker is asked for the link before the page has drawn anything (its client loads on demand).
    await vi.waitFor(() => expect(FakeTextWorker.requests.map((r) => r.kind)).toEqual(['open-link']));
    const store = await open(fragment);
    expect(FakeTextWorker.requests.filter((r) => r.kind === 'open-link')).toHaveLength(1);
    const decoded = decodeScenarioLink(fragment);
    expect(decoded.ok && store.getState().scenario).toEqual(decoded.ok && decoded.scenario);
    expect(store.getState().selectedStepId).toBe('s3');
  });

  test('an early decoding of another link is not what a link opened later shows', async () => {
    history.replaceState(null, '', `/#${encodeScenarioLink(chain(300))}`);
    decodeLinkEarly(location.href);
    const store = await open(`#${encodeScenarioLink(chain(400))}`);
    expect(store.getState().scenario.title).toBe('A 400-step chain');
    expect(FakeTextWorker.requests.filter((r) => r.kind === 'open-link')).toHaveLength(2);
  });

  test('a short link is not sent to the worker early either', () => {
    history.replaceState(null, '', `/#${encodeScenarioLink(payment)}`);
    decodeLinkEarly(location.href);
    expect(FakeTextWorker.requests).toEqual([]);
  });

  test('a worker that fails leaves the decoding to the page', async () => {
    const original = FakeTextWorker.prototype.postMessage;
    vi.spyOn(FakeTextWorker.prototype, 'postMessage').mockImplementation(function (this: FakeTextWorker, request) {
      original.call(this, request);
      setTimeout(() => this.crash(), 0);
    });
    FakeTextWorker.hold();
    const store = await open(`#${encodeScenarioLink(chain(400))}`);
    expect(store.getState().scenario.title).toBe('A 400-step chain');
    vi.restoreAllMocks();
  });
});
