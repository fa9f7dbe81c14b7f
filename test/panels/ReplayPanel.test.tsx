import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { ReplayPanel } from '../../src/panels/ReplayPanel.tsx';
import { selectReplayMarks } from '../../src/store/selectors.ts';
import { ranStore, renderWith } from './helpers.tsx';

describe('Replay from failed step', () => {
  test('shows the plan, warns while the failure is unchanged, and replays after the fix', async () => {
    const store = ranStore();
    renderWith(store, <ReplayPanel />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Replay from failed step…' }));
    expect(screen.getByRole('heading', { name: 'Run again (3)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Keep, reuse the result \(2\)/ })).toBeInTheDocument();
    expect(selectReplayMarks(store.getState())?.['create-order']).toBe('keep');
    expect(screen.getByText(/still set to fail/)).toBeInTheDocument();

    act(() => {
      store.getState().updateStep('authorize-payment', { fail: undefined });
    });
    expect(screen.queryByText(/still set to fail/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run replay' }));
    expect(store.getState().segments).toHaveLength(2);
    expect(store.getState().segments[1].result.outcome).toBe('succeeded');
    expect(screen.getByText(/The replay succeeded/)).toBeInTheDocument();
  });

  test('cancel closes the plan', async () => {
    const store = ranStore();
    renderWith(store, <ReplayPanel />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Replay from failed step…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().replayDraft).toBeNull();
  });

  test('a run that succeeded has nothing to replay', () => {
    const store = ranStore();
    store.getState().updateStep('authorize-payment', { fail: undefined });
    store.getState().runScenario();
    renderWith(store, <ReplayPanel />);
    expect(screen.getByText(/Nothing failed/)).toBeInTheDocument();
  });
});
