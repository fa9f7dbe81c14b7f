import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { WhyPanel } from '../../src/panels/WhyPanel.tsx';
import { selectHighlightPath } from '../../src/store/selectors.ts';
import { endedStore, renderWith } from './helpers.tsx';

describe('Why 424?', () => {
  test('payment fails → send-receipt shows the chain down to authorize-payment; clicking a step selects it', async () => {
    const store = endedStore();
    renderWith(store, <WhyPanel />);
    act(() => store.getState().selectStep('send-receipt'));
    expect(screen.getByRole('heading', { name: 'Why did Send receipt answer 424?' })).toBeInTheDocument();
    const chain = screen.getByRole('list', { name: /causal chain/i });
    const items = within(chain).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(within(items[items.length - 1]).getByRole('button', { name: 'Select step Authorize payment' })).toBeInTheDocument();
    expect(within(items[items.length - 1]).getByText('root cause')).toBeInTheDocument();
    expect(selectHighlightPath(store.getState())).toEqual(['authorize-payment', 'create-invoice', 'send-receipt']);

    await userEvent.setup().click(within(chain).getByRole('button', { name: 'Select step Authorize payment' }));
    expect(store.getState().selectedStepId).toBe('authorize-payment');
    expect(screen.getByRole('heading', { name: 'Why did Authorize payment fail?' })).toBeInTheDocument();
    expect(screen.getByText(/root cause of 2 424s/)).toBeInTheDocument();
  });

  test('a step that succeeded is described plainly', () => {
    const store = endedStore();
    store.getState().selectStep('reserve-stock');
    renderWith(store, <WhyPanel />);
    expect(screen.getByRole('heading', { name: 'What happened to Reserve stock?' })).toBeInTheDocument();
    expect(screen.getByText('200 OK')).toBeInTheDocument();
  });

  test('nothing selected → how to use it', () => {
    renderWith(endedStore(), <WhyPanel />);
    expect(screen.getByText(/Select a step/)).toBeInTheDocument();
  });
});
