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
    renderWith(store, <RunSummary />);
    expect(screen.getByText(new RegExp(`so far; ${left} more events follow at this same moment, the run’s last`))).toBeInTheDocument();
    act(() => store.getState().selectStep(store.getState().scenario.steps[0].id));
    renderWith(store, <ResponseViewer />);
    expect(screen.getByText(new RegExp(`The run ends at 200 ms: ${left} more events follow at this same moment, then the whole batch answers`))).toBeInTheDocument();
    expect(screen.queryByText(/it is still running/)).toBeNull();
  });

  test('the Why panel of a step whose 424 comes next says to step forward, not to play on', () => {
    const { store, left } = atThe402();
    const blocked = store.getState().timeline.find((e) => e.event.type === 'blocked')!.event.step!;
    act(() => store.getState().selectStep(blocked));
    renderWith(store, <WhyPanel />);
    expect(screen.getByText(new RegExp(`^${left} more events follow at this same moment, the run’s last: step forward`))).toBeInTheDocument();
    expect(screen.queryByText(/Play on/)).toBeNull();
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
