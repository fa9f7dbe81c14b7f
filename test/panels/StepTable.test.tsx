import { describe, expect, test } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { StepTable } from '../../src/panels/StepTable.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { ranStore, renderWith } from './helpers.tsx';
import { scenario } from '../app/render.tsx';

const cells = (id: string) => within(screen.getByTestId(`row-${id}`)).getAllByRole('cell').map((c) => c.textContent);

describe('StepTable', () => {
  test('each row lists what the step depends on (with the condition when it is not "on success") and what is configured', () => {
    const s = scenario([{ id: 'pay', label: 'Pay', fail: { status: 402 } }, { id: 'ship' }, { id: 'alert', label: 'Alert' }], [['pay', 'ship']]);
    s.dependencies.push({ from: 'pay', to: 'alert', on: 'failure' }, { from: 'ship', to: 'alert', on: 'always' });
    renderWith(createRippleStore({ scenario: s }), <StepTable />);
    expect(cells('pay')).toEqual(['—', '—', 'Fails with 402 Payment Required', 'not run']);
    expect(cells('ship')[1]).toBe('Pay');
    expect(cells('alert')[1]).toBe('Pay (on failure), ship (always)');
    expect(cells('ship')[2]).toBe('succeeds');
  });

  test('the state column follows the cursor', () => {
    const store = ranStore();
    renderWith(store, <StepTable />);
    expect(cells('create-invoice')[3]).toMatch(/pending/);
    act(() => store.getState().setCursor(store.getState().timeline.length - 1));
    expect(cells('create-invoice')[3]).toMatch(/424 blocked/);
    expect(cells('create-order')[3]).toMatch(/200 succeeded/);
  });

  test('an empty scenario: under the header row, one row says there are no steps yet and offers the two ways to start (none when read-only)', () => {
    const opened: string[] = [];
    const { unmount } = renderWith(
      createRippleStore({ scenario: scenario([], []) }),
      <StepTable onOpenGallery={() => opened.push('gallery')} onAddStep={() => opened.push('step')} />,
    );
    const [header, body] = screen.getAllByRole('rowgroup');
    expect(within(header).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Step', 'Request', 'Depends on', 'Configured', 'State']);
    const row = within(body).getByRole('row');
    expect(row).toHaveTextContent(/^No steps yet\. Start from an example, or add a step \(or press N\)/);
    // The canvas's card (double-click, drag from an edge) is not the table's.
    expect(row).not.toHaveTextContent(/double-click|drag/i);
    fireEvent.click(within(row).getByRole('button', { name: 'Open an example' }));
    fireEvent.click(within(row).getByRole('button', { name: '+ Add a step' }));
    expect(opened).toEqual(['gallery', 'step']);
    unmount();

    renderWith(createRippleStore({ scenario: scenario([], []), readOnly: true }), <StepTable onOpenGallery={() => {}} onAddStep={() => {}} />);
    expect(within(screen.getAllByRole('rowgroup')[1]).getByRole('row')).toHaveTextContent(/^No steps yet\.$/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('the caption counts the steps in words that agree with the count: "1 step", "2 steps"', () => {
    const store = createRippleStore({ scenario: scenario([{ id: 'pay' }], []) });
    renderWith(store, <StepTable />);
    expect(screen.getByRole('table')).toHaveAccessibleName(/^1 step in dependency order\. Choose a step to inspect it\.$/);
    act(() => void store.getState().addStep({}));
    expect(screen.getByRole('table')).toHaveAccessibleName(/^2 steps in dependency order\./);
  });

  test('the empty row\'s "(or press N)" is a key hint, left out on a touch screen like the others (.keys-hint)', () => {
    renderWith(createRippleStore({ scenario: scenario([], []) }), <StepTable onOpenGallery={() => {}} onAddStep={() => {}} />);
    const key = screen.getByText('N', { selector: 'kbd' });
    expect(key.closest('.keys-hint')).toHaveTextContent(/^\(or press N\)$/);
  });
});
