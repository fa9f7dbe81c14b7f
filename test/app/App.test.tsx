import { describe, expect, test, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStoreOptions } from '../../src/store/store.ts';
import { PREFS_KEY } from '../../src/store/persistence.ts';
import { findPreset } from '../../src/presets/index.ts';
import { scenario } from './render.tsx';

function renderApp(options: RippleStoreOptions = {}, { firstVisit = false } = {}) {
  if (!firstVisit) localStorage.setItem(PREFS_KEY, JSON.stringify({ seenGallery: true }));
  const store = createRippleStore(options);
  const result = render(
    <RippleProvider store={store}>
      <App />
    </RippleProvider>,
  );
  return { ...result, store, user: userEvent.setup() };
}

describe('first use', () => {
  test('the gallery opens on the first visit, not after', async () => {
    const { user, unmount } = renderApp({}, { firstVisit: true });
    expect(await screen.findByRole('dialog', { name: 'Pick a scenario' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    unmount();
    render(
      <RippleProvider store={createRippleStore()}>
        <App />
      </RippleProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('an empty canvas explains how to start; the toolbar opens the gallery', async () => {
    const { user } = renderApp();
    expect(screen.getByText(/Draw steps that depend on each other/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Examples/ }));
    expect(await screen.findByRole('dialog', { name: 'Pick a scenario' })).toBeInTheDocument();
  });

  test('pick the payment preset, Run, see the 424 on create-invoice, and the edge that carried it', async () => {
    const { user, store } = renderApp({}, { firstVisit: true });
    await user.click(await screen.findByRole('button', { name: /payment declined/ }));
    expect(store.getState().scenario.steps.length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: /Run/ }));
    act(() => store.getState().setCursor(store.getState().timeline.length - 1));
    const invoice = await screen.findByTestId('step-node-create-invoice');
    await waitFor(() => expect(invoice).toHaveAttribute('data-state', 'blocked'));
    expect(invoice).toHaveTextContent('424 blocked');
    expect(screen.getByTestId('step-node-authorize-payment')).toHaveTextContent('402 failed');
    await waitFor(() => expect(screen.getByTestId('edge-label-authorize-payment->create-invoice')).toHaveTextContent('424'));
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('keyboard', () => {
  test('N adds a step and starts naming it; Enter commits the name', async () => {
    const { user, store } = renderApp();
    await user.keyboard('n');
    const input = await screen.findByRole('textbox', { name: 'Step name' });
    expect(input).toHaveFocus();
    await user.keyboard('Charge card{Enter}');
    expect(store.getState().scenario.steps).toMatchObject([{ id: 'step-1', label: 'Charge card' }]);
    expect(store.getState().renamingStepId).toBeNull();
  });

  test('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a' }]) });
    act(() => {
      store.getState().addStep();
    });
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().scenario.steps).toHaveLength(1);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getState().scenario.steps).toHaveLength(2);
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    expect(store.getState().scenario.steps).toHaveLength(2);
  });

  test('Ctrl+Z with focus on a checkbox just toggled undoes that edit; Delete there deletes nothing', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a' }, { id: 'b' }], [['a', 'b']]) });
    act(() => store.getState().selectStep('a'));
    const idempotent = await screen.findByRole('checkbox', { name: /Idempotent/ });
    await user.click(idempotent);
    expect(store.getState().scenario.steps[0].idempotent).toBe(false);
    expect(idempotent).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(store.getState().scenario.steps).toHaveLength(2);
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().scenario.steps[0].idempotent).toBeUndefined();
  });

  test('Ctrl+Z in a field with nothing typed undoes the last edit (a rename made in the field before), and the fields agree with the canvas', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a', label: 'Alpha' }]) });
    act(() => store.getState().selectStep('a'));
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.tab();
    expect(store.getState().scenario.steps[0].label).toBe('Renamed');
    // Typed text is the field's own: there Ctrl+Z is left to the browser.
    await user.click(name);
    await user.type(name, 'x');
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().scenario.steps[0].label).toBe('Renamed');
    // Escape puts the committed name back: nothing typed, so Ctrl+Z undoes the rename.
    await user.keyboard('{Escape}');
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().scenario.steps[0].label).toBe('Alpha');
    expect(name).toHaveValue('Alpha');
  });

  test('Delete and Backspace remove the selection, but not while typing in a field', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['a', 'b']]) });
    act(() => store.getState().selectStep('a'));
    const name = await screen.findByLabelText('Name');
    await user.click(name);
    await user.keyboard('{Backspace}{Delete}');
    expect(store.getState().scenario.steps).toHaveLength(3);
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('{Delete}');
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['b', 'c']);
    act(() => store.getState().setSelection(['b', 'c']));
    await user.keyboard('{Backspace}');
    expect(store.getState().scenario.steps).toEqual([]);
  });

  test('F2 renames the selected step; Escape cancels', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a', label: 'Alpha' }]) });
    act(() => store.getState().selectStep('a'));
    await user.keyboard('{F2}');
    const input = await screen.findByRole('textbox', { name: 'Step name' });
    await user.keyboard('Zzz{Escape}');
    expect(input).not.toBeInTheDocument();
    expect(store.getState().scenario.steps[0].label).toBe('Alpha');
  });

  test('Ctrl+Enter runs', async () => {
    const { user, store } = renderApp({ scenario: findPreset('payment-fails')!.scenario });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(store.getState().run).not.toBeNull();
  });

  test('read-only: no editing shortcuts or buttons', async () => {
    const { user, store } = renderApp({ scenario: scenario([{ id: 'a' }]), readOnly: true });
    await user.keyboard('n');
    act(() => store.getState().selectStep('a'));
    await user.keyboard('{Delete}');
    expect(store.getState().scenario.steps).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Add step' })).toBeNull();
  });
});

describe('look and access', () => {
  test('the table view lists steps and their state, and selects a step', async () => {
    const { user, store } = renderApp({ scenario: findPreset('payment-fails')!.scenario });
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + store.getState().scenario.steps.length);
    await user.click(within(table).getByRole('button', { name: 'Create invoice' }));
    expect(store.getState().selectedStepId).toBe('create-invoice');
    act(() => store.getState().runScenario());
    act(() => store.getState().setCursor(store.getState().timeline.length - 1));
    expect(within(screen.getByTestId('row-create-invoice')).getByText(/424 blocked/)).toBeInTheDocument();
    // Remembered.
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!).view).toBe('table');
  });

  test('an empty scenario\'s table view has its own empty state under the header row, not the canvas\'s card over it (tryout)', async () => {
    const { user, store } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    const table = await screen.findByRole('table');
    expect(screen.queryByText(/Draw steps that depend on each other/)).toBeNull();
    const [, empty] = within(table).getAllByRole('row');
    expect(empty).toHaveTextContent(/^No steps yet\./);
    // Its "+ Add a step" adds a step, which becomes the table's row.
    await user.click(within(empty).getByRole('button', { name: '+ Add a step' }));
    expect(store.getState().scenario.steps).toHaveLength(1);
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).queryByText(/No steps yet/)).toBeNull();
    // The new step is named in the Inspector, once its chunk has drawn it: focus goes to its Name.
    await vi.waitFor(() => expect(document.activeElement).toHaveAttribute('name', 'label'), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(screen.queryByText(/Draw steps that depend on each other/)).toBeNull();
  });

  test('the theme toggle cycles auto → light → dark and is remembered', async () => {
    const { user } = renderApp();
    const toggle = screen.getByRole('button', { name: /Theme: auto/ });
    await user.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('light');
    await user.click(screen.getByRole('button', { name: /Theme: light/ }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!).theme).toBe('dark');
  });

  test('a refused connection is announced in the status region', async () => {
    const { store } = renderApp({ scenario: scenario([{ id: 'a' }, { id: 'b' }], [['a', 'b']]) });
    act(() => {
      store.getState().connect('b', 'a');
    });
    expect(await screen.findByRole('status')).toHaveTextContent('b → a → b');
  });

  test('selecting a step before any run opens the Step tab with the inspector', async () => {
    const { store } = renderApp({ scenario: scenario([{ id: 'a' }]) });
    act(() => store.getState().selectStep('a'));
    expect(screen.getByRole('tab', { name: 'Step' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByLabelText('Answers')).toBeInTheDocument();
  });
});

describe('loading replaces the run', () => {
  test('opening another preset drops the previous run', async () => {
    const { user, store } = renderApp({ scenario: findPreset('payment-fails')!.scenario });
    act(() => store.getState().runScenario());
    expect(store.getState().run).not.toBeNull();
    await user.click(screen.getByRole('button', { name: /Examples/ }));
    await user.click(await screen.findByRole('button', { name: /naive retries/ }));
    expect(store.getState().run).toBeNull();
  });
});
