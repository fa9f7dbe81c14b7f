import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DialectPanel } from '../../src/panels/DialectPanel.tsx';
import { EventLog } from '../../src/panels/EventLog.tsx';
import { RunSummary } from '../../src/panels/RunSummary.tsx';
import { TimelineLegend } from '../../src/panels/TimelineLegend.tsx';
import { WhyPanel } from '../../src/panels/WhyPanel.tsx';
import RunSideSections from '../../src/panels/RunSideSections.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { endedStore, indexOf, ranStore, renderWith } from './helpers.tsx';

// Issue #11, "Speak as": the dialect is the scenario's own (a store action, one undo step), and
// every panel that tells the run speaks it — as of the playhead, never the ending before it.

const speakAs = () => screen.getByRole('combobox', { name: /Speak as/ });

describe('Speak as: the scenario’s dialect', () => {
  test('picking GitHub Actions sets the scenario’s dialect; undo brings HTTP 424 back, redo GitHub again', () => {
    const store = endedStore();
    renderWith(store, <DialectPanel />);
    fireEvent.change(speakAs(), { target: { value: 'github-actions' } });
    expect(store.getState().scenario.dialect).toBe('github-actions');
    expect(store.getState().history.past.at(-1)?.label).toBe('speak as GitHub Actions');
    act(() => store.getState().undo());
    expect(store.getState().scenario).not.toHaveProperty('dialect');
    expect((speakAs() as HTMLSelectElement).value).toBe('http');
    act(() => store.getState().redo());
    expect((speakAs() as HTMLSelectElement).value).toBe('github-actions');
    // The run stays: the words changed, not the scenario's behaviour.
    expect(store.getState().timeline.length).toBeGreaterThan(0);
  });

  test('a scenario imported as Airflow opens in Airflow’s words; HTTP 424 leaves the field out', () => {
    const store = createRippleStore({ scenario: { version: 2, title: 'dag', steps: [{ id: 'extract' }], dependencies: [], dialect: 'airflow' } });
    renderWith(store, <TimelineLegend />);
    expect((speakAs() as HTMLSelectElement).value).toBe('airflow');
    fireEvent.change(speakAs(), { target: { value: 'http' } });
    expect(store.getState().scenario).not.toHaveProperty('dialect');
  });

  test('a read-only scenario cannot be switched (the select says why)', () => {
    const store = createRippleStore({ scenario: { version: 2, title: 'ro', steps: [{ id: 'a' }], dependencies: [], dialect: 'argo' }, readOnly: true });
    renderWith(store, <TimelineLegend />);
    expect(speakAs()).toBeDisabled();
    expect(speakAs()).toHaveAttribute('title', expect.stringMatching(/read-only/));
  });
});

describe('the Why section says the system’s word for a 424 beside it', () => {
  test('HTTP 424: "Why 424?"; GitHub Actions: skipped; Argo: Omitted; Airflow: upstream_failed', () => {
    const store = endedStore();
    renderWith(store, <RunSideSections />);
    const heading = () => within(screen.getByTestId('why-section')).getByRole('heading', { level: 2 }).textContent;
    expect(heading()).toBe('Why 424?');
    act(() => store.getState().setDialect('github-actions'));
    expect(heading()).toBe('Why 424? (GitHub Actions: skipped)');
    act(() => store.getState().setDialect('argo'));
    expect(heading()).toBe('Why 424? (Argo: Omitted)');
    act(() => store.getState().setDialect('airflow'));
    expect(heading()).toBe('Why 424? (Airflow: upstream_failed)');
  });

  test('the heading follows the selected step: Omitted for the invoice’s 424, then Failed for the payment its Why link selects', () => {
    const store = endedStore();
    store.getState().setDialect('argo');
    store.getState().selectStep('create-invoice');
    renderWith(store, <RunSideSections />);
    const why = screen.getByTestId('why-section');
    const heading = () => within(why).getByRole('heading', { level: 2 }).textContent;
    expect(heading()).toBe('Why 424? (Argo: Omitted)');
    fireEvent.click(within(why).getByRole('button', { name: 'Select step Authorize payment' }));
    expect(within(why).getByRole('heading', { level: 3 }).textContent).toBe('Why did Authorize payment fail?');
    expect(heading()).toBe('What happened (Argo: Failed)');
    act(() => store.getState().setDialect('http'));
    expect(heading()).toBe('What happened');
    act(() => store.getState().selectStep('create-invoice'));
    expect(heading()).toBe('Why 424?');
  });

  test('mid-run, a step without its ending yet gets no system word in the heading', () => {
    const store = ranStore();
    store.getState().setDialect('argo');
    store.getState().setCursor(indexOf(store, 'started', 'authorize-payment'));
    store.getState().selectStep('authorize-payment');
    renderWith(store, <RunSideSections />);
    expect(within(screen.getByTestId('why-section')).getByRole('heading', { level: 2 }).textContent).toBe('Why 424?');
  });
});

describe('mid-run: the words at the playhead, no conclusion before the end', () => {
  test('paused while authorize-payment runs: GitHub shows it in_progress, the workflow run status in_progress; at the end, conclusion failure', () => {
    const store = ranStore();
    store.getState().setDialect('github-actions');
    store.getState().setCursor(indexOf(store, 'started', 'authorize-payment'));
    renderWith(store, <DialectPanel />);
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe('in_progress');
    expect(screen.getByText(/Workflow run status/)).toBeInTheDocument();
    const cells = (name: RegExp) => within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(/Authorize payment/)).toEqual(['in_progress', 'running']);
    expect(cells(/Create invoice/)).toEqual(['queued', 'pending']);
    act(() => store.getState().seekTime(store.getState().duration));
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe('failure');
    expect(screen.getByText(/Workflow conclusion/)).toBeInTheDocument();
    expect(cells(/Create invoice/)).toEqual(['skipped', 'blocked']);
  });

  test('the run summary adds the system’s status while running and its conclusion at the end, and names counts by its words', () => {
    const store = ranStore();
    store.getState().setDialect('step-functions');
    store.getState().setCursor(indexOf(store, 'started', 'authorize-payment'));
    renderWith(store, <RunSummary />);
    expect(screen.getByTestId('summary-dialect-conclusion').textContent).toBe('RUNNING');
    act(() => store.getState().seekTime(store.getState().duration));
    expect(screen.getByTestId('summary-dialect-conclusion').textContent).toBe('FAILED');
    expect(screen.getByText('Not started · blocked (424)')).toBeInTheDocument();
    expect(screen.getByText(/Step Functions execution status/)).toBeInTheDocument();
    act(() => store.getState().setDialect('airflow'));
    expect(screen.getByText(/Airflow DAG run state/)).toBeInTheDocument();
  });

  test('a count whose system word is Ripple’s own is named once: Argo “Succeeded”, not “Succeeded · succeeded”', () => {
    const store = endedStore();
    store.getState().setDialect('argo');
    renderWith(store, <RunSummary />);
    const terms = () => screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms()).toContain('Succeeded');
    expect(terms()).toContain('Failed');
    expect(terms()).toContain('Omitted · blocked (424)');
    expect(terms().filter((t) => /^(\w+) · \1$/i.test(t ?? ''))).toEqual([]);
    act(() => store.getState().setDialect('github-actions'));
    expect(terms()).toContain('success · succeeded');
  });
});

describe('the panels in the dialect’s words', () => {
  test('the event log keeps Ripple’s sentence and adds GitHub’s word; HTTP 424 adds none', () => {
    const store = ranStore();
    store.getState().setWholeRun(true);
    renderWith(store, <EventLog />);
    const log = screen.getByRole('region', { name: 'Event log' });
    expect(within(log).queryByText(/GitHub Actions:/)).toBeNull();
    act(() => store.getState().setDialect('github-actions'));
    expect(within(log).getByText(/Create invoice depends on Authorize payment, which did not succeed, so it answers 424 Failed Dependency\. GitHub Actions: skipped\.$/)).toBeInTheDocument();
    expect(within(log).getByText(/Authorize payment answered 402 Payment Required.* GitHub Actions: failure\.$/)).toBeInTheDocument();
    expect(within(log).getByText(/The run finishes: .* GitHub Actions workflow conclusion: failure\.$/)).toBeInTheDocument();
  });

  test('Why keeps Ripple’s rule and adds the word: GitHub skipped, because a need failed (HTTP 424)', () => {
    const store = endedStore();
    store.getState().selectStep('create-invoice');
    store.getState().setDialect('github-actions');
    renderWith(store, <WhyPanel />);
    expect(screen.getByRole('heading', { name: 'Why did Create invoice answer 424?' })).toBeInTheDocument();
    expect(screen.getByTestId('why-dialect')).toHaveTextContent(/^GitHub Actions: skipped — A job it needs failed, and “if a job fails or is skipped, all jobs that need it are skipped” \(Ripple: 424\)\.$/);
    act(() => store.getState().setDialect('airflow'));
    expect(screen.getByTestId('why-dialect')).toHaveTextContent(/^Airflow: upstream_failed — An upstream task failed and the trigger rule needed it \(Ripple: 424\)\.$/);
    // Ripple's rule number stays out of the text: only the tooltip names it.
    expect(screen.getByTestId('why-dialect')).toHaveAttribute('title', 'Ripple rule R5');
    act(() => store.getState().setDialect('argo'));
    expect(screen.getByTestId('why-dialect')).toHaveTextContent(/^Argo: Omitted — Its depends was false because a dependency failed \(Ripple: 424\)\.$/);
    expect(screen.getByTestId('why-dialect').textContent).not.toMatch(/\bR\d/);
  });

  test('Why before the end says what the step is doing in the dialect’s words', () => {
    const store = ranStore();
    store.getState().setDialect('argo');
    store.getState().setCursor(indexOf(store, 'started', 'authorize-payment'));
    store.getState().selectStep('authorize-payment');
    renderWith(store, <WhyPanel />);
    expect(screen.getByText(/Authorize payment is running \(Argo: Running\); it has not given its final answer yet/)).toBeInTheDocument();
    expect(screen.queryByTestId('why-dialect')).toBeNull();
  });

  test('the legend gives each colour the dialect’s word: 424 · upstream_failed, retry wait · up_for_retry', () => {
    const store = endedStore();
    renderWith(store, <TimelineLegend />);
    const legend = screen.getByRole('list', { name: 'Timeline legend' });
    expect(legend).not.toHaveTextContent('upstream_failed');
    act(() => store.getState().setDialect('airflow'));
    expect(legend).toHaveTextContent('424 · upstream_failed');
    expect(legend).toHaveTextContent('retry wait · up_for_retry');
    expect(legend).toHaveTextContent('2xx · success');
  });
});
