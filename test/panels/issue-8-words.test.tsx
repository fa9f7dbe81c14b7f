import { act, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { toChromeTrace } from '../../src/export/chrome-trace.ts';
import { formatRunTable } from '../../src/cli/table.ts';
import { describeTimeline } from '../../src/panels/event-text.ts';
import { ReplayPanel } from '../../src/panels/ReplayPanel.tsx';
import { ResponseViewer } from '../../src/panels/ResponseViewer.tsx';
import RunSideSections from '../../src/panels/RunSideSections.tsx';
import { RunSummary } from '../../src/panels/RunSummary.tsx';
import { Timeline } from '../../src/panels/Timeline.tsx';
import { WhyPanel } from '../../src/panels/WhyPanel.tsx';
import type { Scenario } from '../../src/scenario/types.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { endedStore, ranStore, renderWith } from './helpers.tsx';

// Issue 8, items 3, 5, 7 and 12, each told as the person met it.

/** A person's own names: the ids are the app's `step-N`, the labels are theirs. */
const named: Scenario = {
  version: 2,
  title: 'Parcel',
  steps: [
    { id: 'step-3', label: 'Reserve stock', request: 'POST /stock', durationMs: 50, fail: { status: 409, message: 'out of stock' }, position: { x: 0, y: 0 } },
    { id: 'step-4', label: 'Ship parcel', request: 'POST /parcels', durationMs: 40, position: { x: 220, y: 0 } },
  ],
  dependencies: [{ from: 'step-3', to: 'step-4' }],
};

function storeOf(scenario: Scenario) {
  const store = createRippleStore({ scenario });
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

describe('names: everything a person reads uses the step’s label', () => {
  test('the event log says "Ship parcel depends on Reserve stock", never step-3', () => {
    const store = storeOf(named);
    const sentences = describeTimeline(store.getState().timeline, store.getState().segments).join('\n');
    expect(sentences).toContain('Reserve stock answered 409 Conflict (out of stock); Ship parcel depends on it and will answer 424 Failed Dependency.');
    expect(sentences).toContain('Ship parcel depends on Reserve stock, which did not succeed');
    expect(sentences).not.toMatch(/step-\d/);
  });

  test('the Why panel, the Gantt rows, the run summary and the responses name steps by label; the JSON body keeps the id', () => {
    const store = storeOf(named);
    store.getState().setWholeRun(true);
    store.getState().selectStep('step-4');
    renderWith(store, <><WhyPanel /><Timeline /><RunSummary /><ResponseViewer /></>);
    expect(screen.getByRole('heading', { name: 'Why did Ship parcel answer 424?' })).toBeInTheDocument();
    const chain = screen.getByRole('list', { name: /causal chain/i });
    expect(chain).toHaveTextContent('Ship parcel answered 424 Failed Dependency because Reserve stock failed.');
    expect(within(chain).getByRole('button', { name: 'Select step Reserve stock' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['Reserve stock', 'Ship parcel']);
    const response = screen.getByRole('figure', { name: 'Response of Ship parcel' }).textContent!;
    expect(response).toContain('"failed_prerequisite_step": "step-3"');
    // Outside the HTTP bodies (machine text, where ids belong), no id is shown.
    const people = document.body.cloneNode(true) as HTMLElement;
    for (const pre of people.querySelectorAll('pre')) pre.remove();
    expect(people.textContent).not.toMatch(/step-\d/);
  });

  test('the Chrome trace names threads by label and keeps the id in args; the CLI table’s why uses labels', () => {
    const run = simulate(named);
    const threads = toChromeTrace(run, named).traceEvents.filter((e) => e.name === 'thread_name' && e.tid > 0);
    expect(threads.map((e) => e.args)).toEqual([
      { name: 'Reserve stock', step: 'step-3' },
      { name: 'Ship parcel', step: 'step-4' },
    ]);
    const row = formatRunTable(named, run).split('\n').find((line) => line.startsWith('step-4'))!;
    expect(row).toContain('Ship parcel answered 424 Failed Dependency because Reserve stock failed.');
  });
});

describe('attempt numbers', () => {
  test('a step failing its first 2 of 3 attempts: "will try again (attempt 2)" is followed by "starts (attempt 2)"', () => {
    const flaky: Scenario = {
      version: 2,
      title: 'Flaky',
      steps: [{ id: 'upload', label: 'Upload', durationMs: 10, fail: { status: 503, times: 2 }, retry: { maxAttempts: 3, delayMs: 100 } }],
      dependencies: [],
    };
    const store = storeOf(flaky);
    const sentences = describeTimeline(store.getState().timeline, store.getState().segments);
    const retries = sentences.filter((s) => s.includes('will try again at'));
    const starts = sentences.filter((s) => s.includes('Upload starts'));
    expect(retries.map((s) => s.match(/\(attempt (\d)\)/)?.[1])).toEqual(['2', '3']);
    expect(starts.map((s) => s.match(/\(attempt (\d)\)/)?.[1] ?? '1')).toEqual(['1', '2', '3']);
    // Each retry announces the attempt that starts next.
    for (const [k, retry] of retries.entries()) expect(sentences.indexOf(starts[k + 1])).toBeGreaterThan(sentences.indexOf(retry));
  });
});

describe('the ending is not given away: the run panels show the run as of the playhead', () => {
  test('paused at 0 ms with every step pending: no "Why … 424?", no 424 body, no final counts, no bars; the toggle tells the whole story', () => {
    const store = ranStore();
    act(() => store.getState().setCursor(0));
    store.getState().selectStep('create-invoice');
    const { container } = renderWith(store, <><RunSideSections /><Timeline /></>);
    expect(screen.queryByRole('heading', { name: /answer 424/ })).not.toBeInTheDocument();
    expect(screen.getAllByText('Create invoice has not answered yet at 0 ms.').length).toBeGreaterThan(0);
    expect(screen.queryByRole('figure', { name: 'Response of Create invoice' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Whole run: 207/)).not.toBeInTheDocument();
    expect(screen.queryByText(/the batch answers 207/)).not.toBeInTheDocument();
    expect(screen.queryByText('blocked (424)')).not.toBeInTheDocument();
    expect(container.querySelectorAll('svg .pb-bar-ok, svg .pb-bar-fail, svg .pb-mark')).toHaveLength(0);

    act(() => screen.getByRole('checkbox', { name: /Show the end of the run/ }).click());
    expect(store.getState().wholeRun).toBe(true);
    expect(screen.getByRole('heading', { name: 'Why did Create invoice answer 424?' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Response of Create invoice' })).toBeInTheDocument();
    expect(screen.getByText(/the batch answers 207 Multi-Status/)).toBeInTheDocument();
    expect(container.querySelectorAll('svg .pb-mark-blocked')).toHaveLength(2);
  });

  test('playing on: once a step has answered, its Why shows; the Gantt grows with the playhead', () => {
    const store = ranStore();
    store.getState().selectStep('authorize-payment');
    const { container } = renderWith(store, <><WhyPanel /><Timeline /></>);
    const failedAt = store.getState().timeline.findIndex((e) => e.event.type === 'failed');
    act(() => store.getState().setCursor(failedAt - 1));
    expect(screen.queryByRole('heading', { name: 'Why did Authorize payment fail?' })).not.toBeInTheDocument();
    expect(container.querySelectorAll('svg .pb-bar-fail')).toHaveLength(0);
    act(() => store.getState().setCursor(failedAt));
    expect(screen.getByRole('heading', { name: 'Why did Authorize payment fail?' })).toBeInTheDocument();
    expect(container.querySelectorAll('svg .pb-bar-fail')).toHaveLength(1);
  });
});

describe('a moment link opens on the Run tab', () => {
  test('openMoment with a moment and a step sets the side panel to Run', () => {
    const store = createRippleStore({ scenario: named });
    expect(store.getState().panelTab).toBe('scenario');
    store.getState().openMoment({ at: 60, select: 'step-4' });
    expect(store.getState()).toMatchObject({ panelTab: 'run', selectedStepId: 'step-4' });
  });
});

describe('replay after a saga says why nothing is kept', () => {
  test('each rolled-back step is listed with "the saga rolled it back, so it must run again"', () => {
    const store = endedStore('saga-compensation-fails');
    store.getState().openReplayPlan();
    renderWith(store, <ReplayPanel />);
    expect(screen.getByRole('heading', { name: /Keep, reuse the result \(0\)/ })).toBeInTheDocument();
    const reasons = screen.getByRole('list', { name: 'Steps to run again, and why' });
    expect(within(reasons).getByText('Create order').parentElement).toHaveTextContent('Create order: it succeeded, but the saga rolled it back, so it must run again');
    expect(within(reasons).getByText('Authorize payment').parentElement).toHaveTextContent('rollback failed');
  });
});
