import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { EventLog, LOG_ROW_HEIGHT, logWindow } from '../../src/panels/EventLog.tsx';
import { indexOf, ranStore, renderWith } from './helpers.tsx';

describe('EventLog', () => {
  test('a long log draws the rows in view and six either side: at 4× the cursor passes dozens of entries a frame, each frame drawing the window anew (issue #15)', () => {
    // 3,000 entries, scrolled to row 1,000, eight rows in view.
    expect(logWindow(3_000, 1_000 * LOG_ROW_HEIGHT, 8 * LOG_ROW_HEIGHT)).toEqual({ from: 994, to: 1_014 });
    // At the top nothing is drawn above the first row.
    expect(logWindow(3_000, 0, 8 * LOG_ROW_HEIGHT)).toEqual({ from: 0, to: 14 });
  });

  test('plain sentences: the 402 and the 424 it causes', () => {
    const store = ranStore();
    store.getState().setCursor(store.getState().timeline.length - 1);
    renderWith(store, <EventLog />);
    const log = screen.getByRole('region', { name: 'Event log' });
    expect(
      within(log).getByText(/Authorize payment answered 402 Payment Required \(card declined\); Create invoice depends on it and will answer 424 Failed Dependency\./),
    ).toBeInTheDocument();
    expect(within(log).getByText(/Send receipt depends on Create invoice, which did not succeed, so it answers 424 Failed Dependency \(root cause: Authorize payment\)/)).toBeInTheDocument();
    expect(within(log).getAllByRole('button')[0]).toHaveTextContent(/^0 ms — The run starts\.$/);
  });

  test('clicking an entry moves the cursor there and marks it current', async () => {
    const store = ranStore();
    store.getState().setWholeRun(true);
    renderWith(store, <EventLog />);
    const target = indexOf(store, 'blocked', 'create-invoice');
    const entry = screen.getByRole('button', { name: /Create invoice depends on Authorize payment/ });
    await userEvent.setup().click(entry);
    expect(store.getState().cursor).toBe(target);
    expect(entry).toHaveAttribute('aria-current', 'step');
  });

  test('follows the cursor and announces the current event politely', () => {
    const store = ranStore();
    renderWith(store, <EventLog />);
    act(() => store.getState().nextFailure());
    const current = screen.getByRole('button', { current: 'step' });
    expect(current).toHaveTextContent('Authorize payment answered 402');
    const live = screen.getByTestId('playback-announcer');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('Authorize payment answered 402');
  });

  test('tells the run only as far as the playhead, unless the person asks for the end', () => {
    const store = ranStore();
    renderWith(store, <EventLog />);
    const log = screen.getByRole('region', { name: 'Event log' });
    expect(store.getState().cursor).toBe(0);
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);
    expect(within(log).queryByText(/answers 424/)).toBeNull();
    act(() => store.getState().nextFailure());
    const shown = within(log).getAllByRole('listitem').length;
    expect(shown).toBe(store.getState().cursor + 1);
    expect(within(log).getByRole('button', { name: /Authorize payment answered 402/ })).toBeInTheDocument();
    expect(within(log).queryByText(/The run finishes/)).toBeNull();
    act(() => store.getState().setWholeRun(true));
    expect(within(log).getAllByRole('listitem')).toHaveLength(store.getState().timeline.length);
    expect(within(log).getByRole('button', { name: /The run finishes/ })).toBeInTheDocument();
  });
});
