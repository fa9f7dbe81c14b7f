import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ResponseViewer } from '../../src/panels/ResponseViewer.tsx';
import { RunSummary } from '../../src/panels/RunSummary.tsx';
import { WhyPanel } from '../../src/panels/WhyPanel.tsx';
import { selectEventsLeftThisMoment } from '../../src/store/panel-selectors.ts';
import { indexOf, ranStore, renderWith } from './helpers.tsx';

// payment-fails: the payment answers 402 at the run's last moment, and its two dependents'
// 424s and the run's end follow at that same virtual ms. With the playhead on the 402 the
// slider shows the run's last ms: the panels say the run ends at this moment, and how many
// events are left, not a bare "still running".
function atThe402() {
  const store = ranStore();
  const failed = indexOf(store, 'failed');
  const events = store.getState().timeline;
  expect(events[failed].event.t).toBe(events[events.length - 1].event.t);
  act(() => store.getState().setCursor(failed));
  return { store, left: events.length - 1 - failed };
}

describe('the run\u2019s last moment, before its end', () => {
  test('the selector counts the events left at this moment, run-finished included; null elsewhere', () => {
    const { store, left } = atThe402();
    expect(left).toBeGreaterThan(1);
    expect(selectEventsLeftThisMoment(store.getState())).toBe(left);
    act(() => store.getState().setCursor(0));
    expect(selectEventsLeftThisMoment(store.getState())).toBeNull();
    act(() => store.getState().setCursor(store.getState().timeline.length - 1));
    expect(selectEventsLeftThisMoment(store.getState())).toBeNull();
  });

  test('Run summary and Responses say N more events follow at the run’s last moment', () => {
    const { store, left } = atThe402();
    const summary = renderWith(store, <RunSummary />).container.querySelector('.pb-outcome');
    expect(summary?.textContent).toMatch(new RegExp(`Ending — at 200 ms, the run’s last moment; 3 of 5 steps have answered so far, and ${left} more events follow at this same moment\\.`));
    act(() => store.getState().selectStep(store.getState().scenario.steps[0].id));
    renderWith(store, <ResponseViewer />);
    expect(screen.getByText(new RegExp(`The run ends at this moment \\(200 ms\\): ${left} more events follow at this same moment; then the whole batch answers, one response for every step\\. Step forward ${left} times to see it\\.`))).toBeInTheDocument();
    expect(screen.queryByText(/it is still running/)).toBeNull();
  });

  test('the Why panel of a step whose 424 comes next says to step forward, not to play on', () => {
    const { store, left } = atThe402();
    const blocked = store.getState().timeline.find((e) => e.event.type === 'blocked')!.event.step!;
    act(() => store.getState().selectStep(blocked));
    renderWith(store, <WhyPanel />);
    expect(screen.getByText(new RegExp(`^This is the run’s last moment: ${left} more events follow at this same moment\\. Step forward ${left} times to see why`))).toBeInTheDocument();
    expect(screen.queryByText(/Play on/)).toBeNull();
  });

  test('one event before the end, every step answered: the Run summary says only the run’s end follows', () => {
    const store = ranStore();
    act(() => store.getState().setCursor(store.getState().timeline.length - 2));
    expect(selectEventsLeftThisMoment(store.getState())).toBe(1);
    const summary = renderWith(store, <RunSummary />).container.querySelector('.pb-outcome');
    expect(summary?.textContent).toMatch(/^Ending — at 200 ms, the run’s last moment; 5 of 5 steps have answered so far, and only the run’s end follows, at this same moment\./);
  });

  test('earlier in the run the panels keep their words', () => {
    const store = ranStore();
    act(() => store.getState().setCursor(1));
    act(() => store.getState().selectStep(store.getState().scenario.steps[0].id));
    renderWith(store, <ResponseViewer />);
    expect(screen.getByText(/it is still running/)).toBeInTheDocument();
    expect(screen.queryByText(/the run ends at/)).toBeNull();
  });
});
