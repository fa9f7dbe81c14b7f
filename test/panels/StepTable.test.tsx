import { describe, expect, test } from 'vitest';
import { act, screen, within } from '@testing-library/react';
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
});
