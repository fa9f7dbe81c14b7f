import { describe, expect, test } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StepTable } from '../../src/panels/StepTable.tsx';
import { Inspector } from '../../src/panels/Inspector.tsx';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { renderWith } from './helpers.tsx';
import { scenario } from '../app/render.tsx';

// Naming a step in the Inspector's Name field (the Table view's way, as the canvas names it on
// its node): Enter kept the name and Escape put the old one back, but focus stayed in the field.
// A naming the table started (a new step, F2) now ends back at the step's row; one reached by Tab
// or a click is form filling, and focus stays.

function setup(): RippleStore {
  const store = createRippleStore({ scenario: scenario([{ id: 'pay', label: 'Pay' }, { id: 'ship', label: 'Ship' }], [['pay', 'ship']]) });
  renderWith(
    store,
    <>
      <StepTable />
      <div id="side-panel">
        <Inspector />
      </div>
    </>,
  );
  return store;
}

const nameField = () => screen.getByRole('textbox', { name: 'Name' });
const rowName = (id: string) => within(screen.getByTestId(`row-${id}`)).getAllByRole('button')[0];

describe('naming a step in the Inspector', () => {
  test('a step added from the table: Enter keeps the typed name and gives focus to its row, which says it', async () => {
    const store = setup();
    const user = userEvent.setup();
    let id = '';
    act(() => {
      id = store.getState().addStep({})!;
      store.getState().startRename(id);
    });
    await waitFor(() => expect(nameField()).toHaveFocus());
    await user.keyboard('Charge card{Enter}');
    await waitFor(() => expect(rowName(id)).toHaveFocus());
    expect(rowName(id)).toHaveTextContent('Charge card');
    expect(store.getState().scenario.steps.find((s) => s.id === id)?.label).toBe('Charge card');
  });

  test('F2 on a step: Escape puts back the name it had and gives focus to its row', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().startRename('ship'));
    await waitFor(() => expect(nameField()).toHaveFocus());
    await user.keyboard('Dispatch{Escape}');
    await waitFor(() => expect(rowName('ship')).toHaveFocus());
    expect(rowName('ship')).toHaveTextContent('Ship');
    expect(store.getState().scenario.steps.find((s) => s.id === 'ship')?.label).toBe('Ship');
  });

  test('Tab moves on to the next field as usual and ends the naming: back in Name, Enter keeps focus there', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().startRename('ship'));
    await waitFor(() => expect(nameField()).toHaveFocus());
    await user.keyboard('Dispatch');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Request' })).toHaveFocus();
    expect(store.getState().scenario.steps.find((s) => s.id === 'ship')?.label).toBe('Dispatch');
    await user.tab({ shift: true });
    await user.keyboard('{End} now{Enter}');
    await new Promise((r) => requestAnimationFrame(r));
    expect(nameField()).toHaveFocus();
    expect(store.getState().scenario.steps.find((s) => s.id === 'ship')?.label).toBe('Dispatch now');
  });

  test('the Name field reached by a click (filling in the form): Enter and Escape leave focus in it', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('pay'));
    await user.click(nameField());
    await user.keyboard('{End} now{Enter}');
    await new Promise((r) => requestAnimationFrame(r));
    expect(nameField()).toHaveFocus();
    await user.keyboard('!{Escape}');
    await new Promise((r) => requestAnimationFrame(r));
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveValue('Pay now');
  });
});
