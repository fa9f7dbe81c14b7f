// Issue #9 item 3 in the panels: a run at its work budget says why, and the log and the
// timeline draw what is in view, not every event.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EventLog, LOG_ROW_HEIGHT, WINDOW_FROM } from '../../src/panels/EventLog.tsx';
import { RunStopNotice } from '../../src/panels/RunStopNotice.tsx';
import { RunSummary } from '../../src/panels/RunSummary.tsx';
import { ROWS_WINDOW_FROM, Timeline } from '../../src/panels/Timeline.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';
import { renderWith } from './helpers.tsx';

function stormAtTheEnd(n: number) {
  const store = createRippleStore({ scenario: retryStorm(n, 'graph-aware') });
  store.getState().runScenario();
  store.getState().pause();
  store.getState().seekTime(store.getState().duration);
  return store;
}

describe('a run stopped at its work budget', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  test('the notice names the step that retries too much', () => {
    renderWith(stormAtTheEnd(100), <RunStopNotice />);
    expect(screen.getByRole('status')).toHaveTextContent(/^The run stopped after [\d,]+ events, the budget for 100 steps: "Reserve stock" made/);
  });

  test('the run summary says the run was stopped at its budget, not that it failed as runs do', () => {
    renderWith(stormAtTheEnd(100), <RunSummary />);
    const outcome = screen.getByText(/Stopped at its work budget/).closest('p')!;
    expect(outcome).toHaveTextContent(/^Stopped at its work budget — after [\d,]+ events, at .+ of virtual time; the batch answers 207 Multi-Status\.$/);
  });

  test('no notice for a run within its budget', () => {
    const store = createRippleStore({ scenario: { version: 2, title: 't', steps: [{ id: 'a', fail: { status: 503 } }], dependencies: [] } });
    store.getState().runScenario();
    renderWith(store, <RunStopNotice />);
    expect(store.getState().timeline.length).toBeGreaterThan(0);
    expect(screen.queryByTestId('run-stopped')).toBeNull();
  });

  test('the log is a list of all its events, of which only those in view are drawn; the current one among them', () => {
    const store = stormAtTheEnd(100);
    const count = store.getState().timeline.length;
    expect(count).toBeGreaterThan(WINDOW_FROM);
    renderWith(store, <EventLog />);
    const list = within(screen.getByRole('region', { name: 'Event log' })).getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeLessThan(100);
    for (const item of items) expect(item).toHaveAttribute('aria-setsize', String(count));
    const current = within(list).getByRole('button', { current: 'step' });
    expect(current).toHaveTextContent(/finishes/);
    expect(current.closest('li')).toHaveAttribute('aria-posinset', String(count));

    // Back to the start: the first entries are drawn and the first is current.
    act(() => store.getState().restart());
    const first = within(list).getByRole('button', { current: 'step' });
    expect(first.closest('li')).toHaveAttribute('aria-posinset', '1');
  });

  test('the log keeps the current entry in view when a scroll event records the list’s real height before its size observer reports (CI under load)', () => {
    // jsdom has no layout: the list is 192 px tall, keeps the scroll position written to it,
    // and its size observer reports only when the test says so.
    const viewPx = 192;
    const callbacks: (() => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: () => void) {}
        observe() {
          callbacks.push(this.callback);
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const tops = new WeakMap<Element, number>();
    const list = (element: Element) => element.classList.contains('pb-log-list');
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return list(this) ? viewPx : 0;
    });
    vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
      return tops.get(this) ?? 0;
    });
    vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (this: Element, top: number) {
      tops.set(this, top);
    });

    const store = stormAtTheEnd(100);
    const cursor = store.getState().cursor;
    renderWith(store, <EventLog />);
    const box = within(screen.getByRole('region', { name: 'Event log' })).getByRole('list');
    // The browser's order of one frame: the scroll event of the first write (made for a guessed
    // height), then the size observer's first report.
    fireEvent.scroll(box);
    act(() => callbacks.forEach((report) => report()));
    const rowTop = cursor * LOG_ROW_HEIGHT;
    expect(box.scrollTop).toBeLessThanOrEqual(rowTop);
    expect(box.scrollTop + viewPx).toBeGreaterThanOrEqual(rowTop + LOG_ROW_HEIGHT);

    // A person scrolling the current entry out of view is not pulled back when the list is resized.
    tops.set(box, 0);
    fireEvent.scroll(box);
    act(() => callbacks.forEach((report) => report()));
    expect(box.scrollTop).toBe(0);
  });

  test('the timeline draws the rows in view of a 2,000-step run, with at most one mark per thousandth of the width', () => {
    const store = stormAtTheEnd(2_000);
    renderWith(store, <Timeline />);
    const labels = screen.getByRole('list', { name: 'Steps' });
    expect(store.getState().run!.steps.s1999).toBeDefined();
    const rows = within(labels).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(ROWS_WINDOW_FROM);
    expect(rows[0]).toHaveTextContent('Reserve stock');
    const drawn = document.querySelectorAll('.pb-gantt-row rect, .pb-gantt-row .pb-mark').length;
    expect(drawn).toBeLessThan(rows.length * 2 * 1000);
    expect(drawn).toBeLessThan(store.getState().timeline.length);
  });
});
