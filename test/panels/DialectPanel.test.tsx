import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DialectPanel } from '../../src/panels/DialectPanel.tsx';
import { endedStore, renderWith } from './helpers.tsx';

describe('DialectPanel (Speak as)', () => {
  test('payment declined: create-invoice reads blocked, then skipped as GitHub, upstream_failed as Airflow, with the conclusion', () => {
    renderWith(endedStore(), <DialectPanel />);
    const row = () => within(screen.getByRole('table')).getByRole('rowheader', { name: /invoice/i }).closest('tr')!;
    expect(within(row()).getAllByRole('cell').map((c) => c.textContent)).toEqual(['blocked', 'blocked']);
    fireEvent.change(screen.getByRole('combobox', { name: /Speak as/ }), { target: { value: 'github-actions' } });
    expect(within(row()).getAllByRole('cell')[0].textContent).toBe('skipped');
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe('failure');
    fireEvent.change(screen.getByRole('combobox', { name: /Speak as/ }), { target: { value: 'airflow' } });
    expect(within(row()).getAllByRole('cell')[0].textContent).toBe('upstream_failed');
    expect(screen.getByText(/DAG run state/)).toBeInTheDocument();
    // The glossary gives the reason in plain words; Ripple's rule number only in its tooltip.
    const reason = screen.getByText(/^An upstream task failed and the trigger rule needed it/);
    expect(reason).toHaveAttribute('title', 'Ripple rule R5');
    expect(reason.textContent).not.toMatch(/\bR\d/);
  });
});
