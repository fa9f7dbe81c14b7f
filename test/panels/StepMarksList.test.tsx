import { describe, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import { StepMarksList } from '../../src/panels/StepMarksList.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { renderWith } from './helpers.tsx';
import { scenario } from '../app/render.tsx';

// A node's warning badge ("⚠ 1") says its warnings only in a tooltip, which a phone cannot reach
// (tryout): the Inspector's list of the node's marks lists them too, in the lint's words.
describe('StepMarksList', () => {
  test('lists the step\'s lint warnings beside its marks, in the words of the badge and the Scenario tab', async () => {
    const s = scenario([{ id: 'charge', label: 'Charge', idempotent: false, retry: { maxAttempts: 3 } }, { id: 'ship' }], [['charge', 'ship']]);
    const store = createRippleStore({ scenario: s });
    renderWith(store, <StepMarksList step={store.getState().scenario.steps[0]} />);
    const list = screen.getByRole('list', { name: 'Marks on its node' });
    const warning = await within(list).findByText(/^"Charge" is not idempotent but may be sent 3 times: a retry can repeat its effect$/);
    // After the node's two marks (retries, not idempotent), as the badge draws it ("⚠ 1"), read
    // aloud as a warning (the chip is hidden from screen readers).
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[2]).toBe(warning.closest('li'));
    expect(items[2]).toHaveTextContent(/^1Warning: "Charge" is not idempotent/);
    expect(items[2].querySelector('[aria-hidden="true"]')).toHaveTextContent(/^1$/);
  });

  test('a step with no marks but a warning still has the list; one with neither has none', async () => {
    const s = scenario([{ id: 'a', consumes: ['token'] }, { id: 'b' }], []);
    const store = createRippleStore({ scenario: s });
    const { unmount } = renderWith(store, <StepMarksList step={store.getState().scenario.steps[0]} />);
    const list = await screen.findByRole('list', { name: 'Marks on its node' });
    expect(within(list).getAllByRole('listitem').at(-1)).toHaveTextContent(/no step produces it/);
    unmount();
    renderWith(store, <StepMarksList step={store.getState().scenario.steps[1]} />);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
