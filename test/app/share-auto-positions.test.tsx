import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bootFromLocation } from '../../src/app/share/boot-link.ts';
import { makeShareUrl } from '../../src/app/share/share-url.ts';
import { ShareMenu } from '../../src/app/share/ShareMenu.tsx';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { chain } from '../scenario/helpers.ts';

// Re-sharing a link that arrived without positions (made by the CLI, of an import, of a batch):
// the app lays it out on opening, and as long as no step has moved since, the link it makes is
// the one it was opened from, not half again as long with every step's position in it.

const BASE = 'https://ripple.example/';

/** The scenario a link opens, as the receiver's store holds it: through the page's own boot path. */
function opened(link: string): RippleStore {
  const store = createRippleStore();
  expect(bootFromLocation(store, `${BASE}#${link}`)).toMatchObject({ kind: 'opened' });
  return store;
}

function fragmentOf(store: RippleStore): string {
  const made = makeShareUrl(store.getState().scenario, {}, BASE);
  if (!made.ok) throw new Error(made.message);
  return made.url.slice(made.url.indexOf('#') + 1);
}

function positionsIn(fragment: string): number {
  const decoded = decodeScenarioLink(fragment);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.scenario.steps.filter((s) => s.position).length;
}

describe('a link opened without positions, shared again', () => {
  test('a 2,000-step chain: the link has no positions and is the very link it was opened from', () => {
    const original = encodeScenarioLink(chain(2000));
    const store = opened(original);
    // The app did lay it out (every step is on the canvas somewhere)…
    expect(store.getState().scenario.steps.every((s) => s.position)).toBe(true);
    // …and the link leaves those positions out.
    const again = fragmentOf(store);
    expect(positionsIn(again)).toBe(0);
    expect(again.length).toBe(original.length);
    expect(again).toBe(original);
  });

  test('after a drag the link carries every step’s position, the dragged one where it was dropped', () => {
    const store = opened(encodeScenarioLink(chain(5)));
    store.getState().moveSteps({ s2: { x: 480, y: 300 } });
    const decoded = decodeScenarioLink(fragmentOf(store));
    expect(decoded.ok && decoded.scenario.steps.map((s) => s.position)).toEqual(store.getState().scenario.steps.map((s) => s.position));
    expect(decoded.ok && decoded.scenario.steps[2].position).toEqual({ x: 480, y: 300 });
  });

  test('undo of the drag: the link is the original one again', () => {
    const original = encodeScenarioLink(chain(5));
    const store = opened(original);
    store.getState().moveSteps({ s2: { x: 480, y: 300 } });
    store.getState().undo();
    expect(fragmentOf(store)).toBe(original);
  });

  test('reloading the page after an edit that moved nothing reopens the draft as it is, not as a new scenario over it', () => {
    // The address bar followed the rename with a link without positions; the autosaved draft has them.
    const store = opened(encodeScenarioLink(chain(5)));
    store.getState().renameStep('s1', 'Charge card');
    const draft = store.getState().scenario;
    const address = fragmentOf(store);
    expect(positionsIn(address)).toBe(0);
    const pastBefore = store.getState().history.past.length;
    expect(bootFromLocation(store, `${BASE}#${address}`)).toMatchObject({ kind: 'opened' });
    expect(store.getState().scenario).toBe(draft);
    expect(store.getState().previousDraft).toBeNull();
    expect(store.getState().notice).toBeNull();
    expect(store.getState().history.past).toHaveLength(pastBefore);
  });
});

describe('the Share dialog', () => {
  function renderMenu(store: RippleStore) {
    render(
      <RippleProvider store={store}>
        <ShareMenu />
      </RippleProvider>,
    );
    return userEvent.setup();
  }

  test('a 300-step chain opened from a chat-sized link still offers a link that fits chat', async () => {
    const scenario: Scenario = chain(300);
    const original = encodeScenarioLink(scenario);
    expect(original.length).toBeLessThanOrEqual(1_900);
    const user = renderMenu(opened(original));
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share this scenario' });
    const link = (within(dialog).getByLabelText('Share link') as HTMLTextAreaElement).value;
    expect(link.slice(link.indexOf('#') + 1)).toBe(original);
    const meter = within(dialog).getByTestId('link-fit');
    expect(meter).toHaveTextContent(`${original.length.toLocaleString('en')} characters after the #`);
    expect(meter.closest('[data-fit]')).toHaveAttribute('data-fit', 'chat');
  });
});
