import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { TransportBar } from '../../src/panels/TransportBar.tsx';
import { PlaybackDock } from '../../src/panels/RunPanels.tsx';
import { selectCurrentEvent } from '../../src/store/selectors.ts';
import { indexOf, ranStore, renderWith } from './helpers.tsx';

describe('TransportBar', () => {
  test('buttons move the cursor: forward, back, next / previous failure, restart', async () => {
    const store = ranStore();
    renderWith(store, <TransportBar />);
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Back one event' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Forward one event' }));
    expect(store.getState().cursor).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Next failure' }));
    expect(store.getState().cursor).toBe(indexOf(store, 'failed', 'authorize-payment'));
    await user.click(screen.getByRole('button', { name: 'Next failure' }));
    expect(selectCurrentEvent(store.getState())?.event.type).toBe('blocked');
    await user.click(screen.getByRole('button', { name: 'Previous failure' }));
    expect(selectCurrentEvent(store.getState())?.event.step).toBe('authorize-payment');
    await user.click(screen.getByRole('button', { name: 'Back one event' }));
    expect(store.getState().cursor).toBe(indexOf(store, 'failed', 'authorize-payment') - 1);
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    expect(store.getState().cursor).toBe(0);
  });

  test('play / pause toggles and relabels the button', async () => {
    const store = ranStore();
    renderWith(store, <TransportBar />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  test('speed select and scrubber', () => {
    const store = ranStore();
    renderWith(store, <TransportBar />);
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '4' } });
    expect(store.getState().speed).toBe(4);
    const succeededAt = store.getState().timeline[indexOf(store, 'succeeded', 'reserve-stock')].at;
    const scrubber = screen.getByRole('slider', { name: /playback position/i });
    fireEvent.change(scrubber, { target: { value: String(succeededAt) } });
    expect(store.getState().time).toBe(succeededAt);
    expect(scrubber).toHaveAttribute('aria-valuetext', expect.stringContaining('Reserve stock answered 200 OK'));
    // Between two events it says the playhead's time first, then the last event.
    fireEvent.change(scrubber, { target: { value: String(succeededAt + 1) } });
    expect(scrubber.getAttribute('aria-valuetext')).toMatch(new RegExp(`^${succeededAt + 1} ms; last event: .*Reserve stock answered 200 OK`));
  });

  test('the scrubber\'s arrow keys move one event and Page Up / Page Down a tenth of the run, not 1 ms', async () => {
    const store = ranStore();
    renderWith(store, <TransportBar />);
    const scrubber = screen.getByRole('slider', { name: /playback position/i });
    scrubber.focus();
    const user = userEvent.setup();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(store.getState().cursor).toBe(2);
    expect(store.getState().time).toBe(store.getState().timeline[2].at);
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().cursor).toBe(1);
    const { duration } = store.getState();
    fireEvent.change(scrubber, { target: { value: String(duration) } });
    expect(store.getState().time).toBe(duration);
    await user.keyboard('{PageDown}');
    expect(store.getState().time).toBeCloseTo(duration * 0.9);
    await user.keyboard('{PageUp}{PageUp}');
    expect(store.getState().time).toBe(duration);
  });

  test('markers for the failure and the 424s, and the virtual clock', () => {
    const store = ranStore();
    const { container } = renderWith(store, <TransportBar />);
    expect(container.querySelectorAll('.pb-marker-failure')).toHaveLength(1);
    expect(container.querySelectorAll('.pb-marker-blocked')).toHaveLength(2);
    expect(screen.getByText('0 ms')).toBeInTheDocument();
  });

  test('a changed scenario shows the run as stale, with Run again', async () => {
    const store = ranStore();
    renderWith(store, <TransportBar />);
    act(() => {
      store.getState().updateStep('authorize-payment', { fail: undefined });
    });
    expect(screen.getByRole('status')).toHaveTextContent(/changed after this run/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Run again' }));
    expect(store.getState().run?.outcome).toBe('succeeded');
  });
});

describe('keyboard shortcuts', () => {
  test('Space plays, arrows step, Shift+arrows jump between failures', async () => {
    const store = ranStore();
    renderWith(store, <PlaybackDock />);
    const user = userEvent.setup();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().cursor).toBe(1);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(store.getState().cursor).toBe(indexOf(store, 'failed', 'authorize-payment'));
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().cursor).toBe(indexOf(store, 'failed', 'authorize-payment') - 1);
    await user.keyboard(' ');
    expect(store.getState().playing).toBe(true);
    await user.keyboard(' ');
    expect(store.getState().playing).toBe(false);
  });

  test('not while typing in a field', async () => {
    const store = ranStore();
    renderWith(
      store,
      <>
        <input aria-label="Label" />
        <PlaybackDock />
      </>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Label'));
    await user.keyboard('{ArrowRight} ');
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  test('Ctrl+Enter runs the scenario', async () => {
    const store = ranStore();
    store.getState().clearRun();
    renderWith(store, <PlaybackDock />);
    await userEvent.setup().keyboard('{Control>}{Enter}{/Control}');
    expect(store.getState().run).not.toBeNull();
  });
});

describe('the playback clock', () => {
  test('playing advances virtual time on animation frames and stops at the end', async () => {
    const store = ranStore();
    renderWith(store, <PlaybackDock />);
    act(() => {
      store.getState().setSpeed(4);
      store.getState().play();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().time).toBeGreaterThan(0);
    act(() => store.getState().pause());
    const t = store.getState().time;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().time).toBe(t);
  });
});
