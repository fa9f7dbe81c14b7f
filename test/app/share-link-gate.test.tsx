import { afterEach, describe, expect, test, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bootFromLocation } from '../../src/app/share/boot-link.ts';
import { LinkGate } from '../../src/app/share/LinkGate.tsx';
import { LINK_SYNC_DELAY_MS } from '../../src/app/share/useLinkSync.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { frameLinkPayload } from '../../src/scenario/link-codec.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';

const payment = findPreset('payment-fails')!.scenario;
const draft: Scenario = {
  version: 2,
  title: 'My own draft',
  steps: [{ id: 'mine', label: 'Mine', position: { x: 0, y: 0 } }],
  dependencies: [],
};

/** A store holding the person's edited draft, as the editor restores it from localStorage. */
function storeWithDraft(): RippleStore {
  const store = createRippleStore();
  store.getState().loadScenario(draft);
  store.getState().renameStep('mine', 'Mine, edited');
  return store;
}

/** Renders the gate on `fragment` and waits while the link codec loads ("Opening link…"). */
async function open(fragment: string, store = storeWithDraft()) {
  history.replaceState(null, '', `/${fragment}`);
  render(
    <RippleProvider store={store}>
      <LinkGate>
        <p>The editor</p>
      </LinkGate>
    </RippleProvider>,
  );
  await waitFor(() => expect(screen.queryByText('Opening link…')).toBeNull());
  return { store, user: userEvent.setup() };
}

afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', '/');
  sessionStorage.clear();
});

describe('a good link', () => {
  test('opens its scenario in the editor and keeps the edited draft recoverable', async () => {
    const { store } = await open(`#${encodeScenarioLink(payment)}`);
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(store.getState().scenario.title).toBe(payment.title);
    expect(store.getState().previousDraft?.scenario.steps[0].label).toBe('Mine, edited');
  });

  test('opens at the linked moment with the linked step selected, paused', async () => {
    const { store } = await open(`#${encodeScenarioLink(payment, { at: 200, select: 'create-invoice' })}`);
    const state = store.getState();
    expect(state.timeline.length).toBeGreaterThan(0);
    expect(state.time).toBe(200);
    expect(state.playing).toBe(false);
    expect(state.selectedStepId).toBe('create-invoice');
  });

  test('a reload of what the editor already holds does not push the draft aside', () => {
    const store = storeWithDraft();
    const before = store.getState().previousDraft;
    expect(bootFromLocation(store, `http://x/#${encodeScenarioLink(store.getState().scenario)}`).kind).toBe('opened');
    expect(store.getState().previousDraft).toBe(before);
    expect(store.getState().dirty).toBe(true);
  });

  test('an in-page anchor is not a link', async () => {
    const { store } = await open('#side-panel');
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(store.getState().scenario.title).toBe('My own draft');
  });
});

describe('a bad link opens the recovery screen, with the draft intact', () => {
  const good = encodeScenarioLink(payment);

  test('truncated: says so and asks for the whole link', async () => {
    const { store, user } = await open(`#${good.slice(0, Math.floor(good.length / 2))}`);
    expect(screen.queryByText('The editor')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Part of this link is missing');
    expect(screen.getByTestId('recovery-message')).toHaveTextContent(/^This link has [\d,]+ of its [\d,]+ characters after the #\. Ask the sender to copy the whole link\.$/);
    expect(store.getState().scenario.steps[0].label).toBe('Mine, edited');

    await user.click(screen.getByRole('button', { name: 'Open your last draft “My own draft”' }));
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(store.getState().scenario.steps[0].label).toBe('Mine, edited');
    // The bad link is gone from the address bar; it now holds the draft's own link.
    await waitFor(() => {
      const now = decodeScenarioLink(location.hash);
      expect(now.ok && now.scenario.steps[0].label).toBe('Mine, edited');
    });
  });

  test('the note under the actions says plainly where the draft goes, and it is true: an edited draft waits under Restore draft', async () => {
    const { store, user } = await open(`#${good.slice(0, 40)}`);
    // The tryout read "untouched; opening it or starting empty keeps it recoverable" and could not follow it.
    expect(screen.getByText(/^Your draft is safe\./)).toHaveTextContent(
      'Your draft is safe. If you start empty, “Restore draft” in the toolbar (under More on a phone) brings it back.',
    );
    await user.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(store.getState().scenario.steps).toEqual([]);
    expect(store.getState().previousDraft?.scenario.steps[0].label).toBe('Mine, edited');
  });

  test('an unedited draft is not kept under Restore draft, so the note names Undo, which brings it back', async () => {
    const store = createRippleStore();
    store.getState().loadScenario(draft);
    const { user } = await open(`#${good.slice(0, 40)}`, store);
    expect(screen.getByText(/^Your draft is safe\./)).toHaveTextContent('Your draft is safe. If you start empty, Undo brings it back.');
    await user.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(store.getState().previousDraft).toBeNull();
    act(() => store.getState().undo());
    expect(store.getState().scenario.title).toBe('My own draft');
  });

  test('newer version: names both versions', async () => {
    await open(`#r9.${good.slice(3)}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This link was made by a newer Ripple');
    expect(screen.getByTestId('recovery-message')).toHaveTextContent(/r9.*this Ripple reads r2/);
  });

  test('garbage: not a format Ripple knows', async () => {
    await open('#%%%not-a-link');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByText('The editor')).toBeNull();
  });

  test('invalid content: lists the problems with their paths, and offers the decoded text', async () => {
    await open(`#${frameLinkPayload(JSON.stringify(['Broken', ['a', 'a'], [0, 1]]))}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The scenario in this link has problems');
    const list = screen.getByRole('list', { name: 'Problems found' });
    expect(list).toHaveTextContent('steps[1].id duplicate id "a"');
    expect(list).toHaveTextContent('dependencies[0] a step cannot depend on itself');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toContain('"title": "Broken"');
  });

  test('labels in a bad scenario are never markup', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await open(`#${frameLinkPayload(JSON.stringify([markup, [['a', 2, markup], ['a', 2, markup]], [0, 1]]))}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The scenario in this link has problems');
    expect(document.querySelector('img')).toBeNull();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toContain(markup);
  });

  test('start empty keeps the draft one click away', async () => {
    const { store, user } = await open('#r1.AAAA');
    await user.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(screen.getByText('The editor')).toBeInTheDocument();
    expect(store.getState().scenario.steps).toEqual([]);
    expect(store.getState().previousDraft?.scenario.title).toBe('My own draft');
  });

  test('copy the raw text copies the link', async () => {
    const { user } = await open('#r1.AAAA');
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy the raw text' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('#r1.AAAA'));
    expect(await screen.findByText('Copied the raw text.')).toBeInTheDocument();
  });
});

describe('the address bar follows edits', () => {
  test('one replaceState after the edits settle, never a pushState', async () => {
    const push = vi.spyOn(history, 'pushState');
    const replace = vi.spyOn(history, 'replaceState');
    const { store } = await open(`#${encodeScenarioLink(payment)}`);
    vi.useFakeTimers();
    replace.mockClear();
    act(() => {
      store.getState().renameStep('create-order', 'Create the order');
      store.getState().renameStep('create-order', 'Create the order!');
    });
    expect(replace).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(LINK_SYNC_DELAY_MS + 10));
    // The codec loads on the first write; later writes are immediate.
    await vi.waitFor(() => expect(replace).toHaveBeenCalledTimes(1));
    expect(push).not.toHaveBeenCalled();
    const fresh = createRippleStore();
    expect(bootFromLocation(fresh, location.href).kind).toBe('opened');
    expect(fresh.getState().scenario.steps[0].label).toBe('Create the order!');
    push.mockRestore();
    replace.mockRestore();
  });
});

describe('the link codec loads on demand', () => {
  test('a link shows "Opening link…" (never a blank page) until its scenario is open', async () => {
    history.replaceState(null, '', `/#${encodeScenarioLink(payment)}`);
    render(
      <RippleProvider store={storeWithDraft()}>
        <LinkGate>
          <p>The editor</p>
        </LinkGate>
      </RippleProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Opening link…');
    expect(await screen.findByText('The editor')).toBeInTheDocument();
  });

  test('a page without a link shows the editor at once', () => {
    history.replaceState(null, '', '/');
    render(
      <RippleProvider store={storeWithDraft()}>
        <LinkGate>
          <p>The editor</p>
        </LinkGate>
      </RippleProvider>,
    );
    expect(screen.getByText('The editor')).toBeInTheDocument();
  });
});
