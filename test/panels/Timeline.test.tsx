import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { Timeline } from '../../src/panels/Timeline.tsx';
import { endedStore, indexOf, ranStore, renderWith } from './helpers.tsx';

describe('Timeline (Gantt)', () => {
  test('one row per step; attempts as bars, 424s as marks', () => {
    const store = endedStore();
    const { container } = renderWith(store, <Timeline />);
    expect(container.querySelectorAll('.pb-gantt-row')).toHaveLength(5);
    expect(container.querySelectorAll('svg .pb-bar-fail')).toHaveLength(1);
    expect(container.querySelectorAll('svg .pb-bar-ok')).toHaveLength(2);
    expect(container.querySelectorAll('svg .pb-mark-blocked')).toHaveLength(2);
  });

  test('clicking the track seeks; clicking a label selects the step', async () => {
    const store = ranStore();
    renderWith(store, <Timeline />);
    const track = screen.getByTestId('gantt-track');
    track.getBoundingClientRect = () => ({ left: 0, width: 200, top: 0, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(track, { clientX: 100, button: 0 });
    expect(store.getState().time).toBeCloseTo(store.getState().duration / 2);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(store.getState().selectedStepId).toBe('create-invoice');
  });

  test('the cursor line follows the playhead; the rows stay as drawn', () => {
    const store = ranStore();
    store.getState().setWholeRun(true);
    const { container } = renderWith(store, <Timeline />);
    const bar = container.querySelector('svg .pb-bar-fail');
    act(() => store.getState().seekTime(store.getState().duration));
    expect(container.querySelector<HTMLElement>('.pb-gantt-cursor')!.style.transform).toBe('translateX(100%)');
    expect(container.querySelector('svg .pb-bar-fail')).toBe(bar);
  });

  test('an attempt that starts at the playhead shows as a running bar, before any time has passed', () => {
    const store = ranStore();
    act(() => store.getState().setCursor(indexOf(store, 'started', 'reserve-stock')));
    const { container } = renderWith(store, <Timeline />);
    const running = [...container.querySelectorAll('svg .pb-bar-running')].filter((bar) => bar.querySelector('title')?.textContent?.startsWith('Reserve stock — attempt 1'));
    expect(running).toHaveLength(1);
    expect(running[0].getAttribute('width')).toBe('2');
  });

  test('paused between two events, a running attempt is drawn up to the playhead, not to the last event', () => {
    const store = ranStore();
    const started = store.getState().timeline[indexOf(store, 'started', 'create-order')].at;
    const ended = store.getState().timeline[indexOf(store, 'succeeded', 'create-order')].at;
    const { container } = renderWith(store, <Timeline />);
    const runningWidth = () =>
      [...container.querySelectorAll('svg .pb-bar-running')].find((bar) => bar.querySelector('title')?.textContent?.startsWith('Create order — attempt 1'))?.getAttribute('width');
    const { duration } = store.getState();
    const at = started + (ended - started) / 2;
    act(() => store.getState().seekTime(at));
    expect(parseFloat(runningWidth() ?? '0')).toBeCloseTo(((at - started) / duration) * 100, 3);
  });
});
