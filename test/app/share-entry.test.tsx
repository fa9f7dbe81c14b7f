import { afterEach, describe, expect, test, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findPreset } from '../../src/presets/index.ts';

// The toolbar's share buttons draw at once; the menu behind them is a chunk loaded after the
// first canvas (issue #15). These tests load src/app/share/ShareEntry.tsx afresh each time, so
// one can make the menu's chunk fail to load.

const payment = findPreset('payment-fails')!.scenario;

async function renderEntry() {
  // Loaded together after the reset, so the menu and the provider share one store context.
  const { ShareEntry } = await import('../../src/app/share/ShareEntry.tsx');
  const { RippleProvider } = await import('../../src/store/context.tsx');
  const { createRippleStore } = await import('../../src/store/store.ts');
  render(
    <RippleProvider store={createRippleStore({ scenario: payment })}>
      <ShareEntry />
    </RippleProvider>,
  );
}

afterEach(() => {
  vi.doUnmock('../../src/app/share/ShareMenu.tsx');
  vi.resetModules();
});

describe('the share buttons before and after the menu loads', () => {
  test('they show at once, disabled; once the menu has loaded, Share opens the share dialog', async () => {
    vi.resetModules();
    await renderEntry();
    const share = screen.getByRole('button', { name: 'Share' });
    expect(share).toBeDisabled();
    const user = userEvent.setup();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Share' })).toBeEnabled(), { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Share' }));
    // The dialog is a chunk of its own too, loaded afresh here (the module cache was reset).
    expect(await screen.findByRole('dialog', { name: 'Share this scenario' }, { timeout: 15_000 })).toBeInTheDocument();
  });

  test('when the menu cannot load (offline after a new deploy), pressing Share says so and how to recover', async () => {
    vi.resetModules();
    vi.doMock('../../src/app/share/ShareMenu.tsx', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    await renderEntry();
    const user = userEvent.setup();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Share' })).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Sharing, import and export could not load. Reload the page to use them; your draft is kept.');
  });
});
