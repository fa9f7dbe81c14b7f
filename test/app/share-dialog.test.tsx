import { describe, expect, test, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShareMenu } from '../../src/app/share/ShareMenu.tsx';
import { LengthMeter } from '../../src/app/share/LengthMeter.tsx';
import { decodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore } from '../../src/store/store.ts';

const payment = findPreset('payment-fails')!.scenario;

function renderMenu(scenario: Scenario = payment) {
  const store = createRippleStore({ scenario });
  render(
    <RippleProvider store={store}>
      <ShareMenu />
    </RippleProvider>,
  );
  return { store, user: userEvent.setup() };
}

async function openShare(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Share' }));
  return screen.findByRole('dialog', { name: 'Share this scenario' });
}

function field(dialog: HTMLElement, label: string): string {
  return (within(dialog).getByLabelText(label) as HTMLTextAreaElement).value;
}

/** Labels a deflater cannot shrink much, so the link grows with the step count. */
function noisyScenario(steps: number): Scenario {
  let seed = 424;
  const word = () => {
    let w = '';
    for (let i = 0; i < 10; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      w += 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
    }
    return w;
  };
  return {
    version: 2,
    title: 'Noisy',
    steps: Array.from({ length: steps }, (_, i) => ({ id: `s${i}`, label: `${word()} ${word()}`, request: `POST /${word()}`, position: { x: i * 220, y: 0 } })),
    dependencies: Array.from({ length: steps - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}` })),
  };
}

describe('length meter', () => {
  test.each([
    [1_900, 'chat', /Fits chat messages and QR codes/],
    [1_901, 'most', /Too long for some chat apps/],
    [8_000, 'most', /fine in issues, mail/],
    [8_001, 'file', /send the scenario as a file/],
  ])('%i characters: %s', (length, fit, text) => {
    render(<LengthMeter length={length} />);
    const meter = screen.getByTestId('link-fit');
    expect(meter.closest('[data-fit]')).toHaveAttribute('data-fit', fit);
    expect(meter).toHaveTextContent(text);
    expect(meter).toHaveTextContent(length.toLocaleString('en'));
  });
});

describe('share dialog', () => {
  test('the link carries the scenario in the fragment, fits chat, and opens the same scenario', async () => {
    const { user } = renderMenu();
    const dialog = await openShare(user);
    const link = field(dialog, 'Share link');
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/#r1\./);
    const decoded = decodeScenarioLink(link);
    expect(decoded.ok && decoded.scenario.title).toBe(payment.title);
    expect(within(dialog).getByTestId('link-fit').closest('[data-fit]')).toHaveAttribute('data-fit', 'chat');
    expect(within(dialog).queryByRole('button', { name: /Download the scenario file/ })).toBeNull();
  });

  test('the meter counts what the recovery screen counts for a link that lost half: the characters after the #', async () => {
    const { user } = renderMenu();
    const dialog = await openShare(user);
    const link = field(dialog, 'Share link');
    const counted = within(dialog).getByTestId('link-fit').textContent!.match(/^([\d,]+) characters after the #\./);
    expect(counted).not.toBeNull();
    // The tryout's sender read "445" (the whole address) and the receiver "211 of its 422".
    const cut = link.slice(0, link.length - Math.floor((link.length - link.indexOf('#')) / 2));
    const decoded = decodeScenarioLink(cut);
    expect(!decoded.ok && decoded.error.message).toMatch(new RegExp(`^This link has [\\d,]+ of its ${counted![1]} characters after the #\\.`));
  });

  test('a link too long for most places offers the file instead', async () => {
    const { user } = renderMenu(noisyScenario(250));
    const dialog = await openShare(user);
    expect(field(dialog, 'Share link').length).toBeGreaterThan(8_000);
    expect(within(dialog).getByTestId('link-fit').closest('[data-fit]')).toHaveAttribute('data-fit', 'file');
    expect(within(dialog).getByRole('button', { name: 'Download the scenario file instead' })).toBeInTheDocument();
  });

  test('the embed code is a complete iframe, and follows the embed options', async () => {
    const { user } = renderMenu();
    const dialog = await openShare(user);
    const snippet = field(dialog, 'Embed code (HTML)');
    expect(snippet).toMatch(/^<iframe src="http:\/\/localhost(:\d+)?\/embed\.html#r1\.[^"]+" /);
    expect(snippet).toContain(`title="Ripple: ${payment.title}"`);
    expect(snippet).toMatch(/ width="100%" height="\d+" loading="lazy" style="border:0"><\/iframe>$/);
    // The fragment is the share link's: the embed shows the same scenario.
    expect(snippet.match(/#(r1\.[^"]+)"/)![1]).toBe(field(dialog, 'Share link').split('#')[1]);

    await user.selectOptions(within(dialog).getByLabelText('Theme'), 'dark');
    await user.selectOptions(within(dialog).getByLabelText('Panel'), 'log');
    await user.click(within(dialog).getByLabelText('Playback controls'));
    expect(field(dialog, 'Embed code (HTML)')).toContain('embed.html?controls=0&amp;theme=dark&amp;panel=log#r1.');
  });

  test('Markdown has a link and an image link named like the SVG export', async () => {
    const { user } = renderMenu();
    const dialog = await openShare(user);
    const link = field(dialog, 'Share link');
    const markdown = field(dialog, 'Markdown (a link, and an image that links to it)');
    expect(markdown).toContain(`[Order pipeline: payment declined — open in Ripple](${link})`);
    expect(markdown).toContain(`[![Order pipeline: payment declined](order-pipeline-payment-declined.svg)](${link})`);
    expect(within(dialog).getByText('order-pipeline-payment-declined.svg')).toBeInTheDocument();
  });

  test('"link to this moment" needs a run, then carries the moment and the selected step; "start playing" adds play', async () => {
    const { store, user } = renderMenu();
    let dialog = await openShare(user);
    expect(within(dialog).getByRole('checkbox', { name: /Link to this moment/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    act(() => {
      store.getState().runScenario();
      store.getState().pause();
      store.getState().seekTime(200);
      store.getState().selectStep('create-invoice');
    });
    dialog = await openShare(user);
    const moment = within(dialog).getByRole('checkbox', { name: /Link to this moment \(200 ms, step “Create invoice” selected\)/ });
    await user.click(moment);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Start playing when opened' }));
    const decoded = decodeScenarioLink(field(dialog, 'Share link'));
    expect(decoded.ok && decoded.extras).toEqual({ at: 200, select: 'create-invoice', play: true });
  });

  test('a hostile title is text in the dialog and escaped in the snippets', async () => {
    const { user } = renderMenu({ ...payment, title: '<img src=x onerror=alert(1)>' });
    const dialog = await openShare(user);
    expect(document.querySelector('img')).toBeNull();
    expect(field(dialog, 'Embed code (HTML)')).toContain('title="Ripple: &lt;img src=x onerror=alert(1)&gt;"');
    expect(field(dialog, 'Markdown (a link, and an image that links to it)')).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
  });

  test('Escape closes the dialog and gives focus back to the Share button', async () => {
    const { user } = renderMenu();
    await openShare(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
  });
});

describe('files dropped before the menu listened', () => {
  function scenarioFile(title: string): File {
    return new File([JSON.stringify({ ...payment, title })], 'dropped.json', { type: 'application/json' });
  }

  function renderWith(store: ReturnType<typeof createRippleStore>, droppedEarly?: File[]) {
    return (
      <RippleProvider store={store}>
        <ShareMenu droppedEarly={droppedEarly} />
      </RippleProvider>
    );
  }

  test('a file dropped while the menu was loading opens once it has', async () => {
    const store = createRippleStore({ scenario: payment });
    render(renderWith(store, [scenarioFile('Dropped while loading')]));
    await vi.waitFor(() => expect(store.getState().scenario.title).toBe('Dropped while loading'), { timeout: 10_000 });
  });

  test('a file the stand-in caught after the menu first drew (before its own listener) is opened too, once', async () => {
    const store = createRippleStore({ scenario: payment });
    const { rerender } = render(renderWith(store));
    const late = [scenarioFile('Dropped in the gap')];
    rerender(renderWith(store, late));
    await vi.waitFor(() => expect(store.getState().scenario.title).toBe('Dropped in the gap'), { timeout: 10_000 });
    // The same drop drawn again is not opened again (it would undo an edit made since).
    act(() => void store.getState().setTitle('Edited since'));
    rerender(renderWith(store, late));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().scenario.title).toBe('Edited since');
  });
});
