// Issue #8 item 9: between attempts a flaky step reads as "will retry", not as a final failure,
// in the live view the canvas draws, the table, the event log and on the node itself.
import { act, render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { describe, expect, test } from 'vitest';
import { buildEdges, buildNodes } from '../../src/canvas/build-graph.ts';
import { StepNode } from '../../src/canvas/StepNode.tsx';
import { DependencyEdge } from '../../src/canvas/DependencyEdge.tsx';
import { EventLog } from '../../src/panels/EventLog.tsx';
import { StepTable } from '../../src/panels/StepTable.tsx';
import { RippleProvider } from '../../src/store/context.tsx';
import { selectLiveStates } from '../../src/store/selectors.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { scenario } from '../app/render.tsx';
import { renderWith } from './helpers.tsx';

// flaky: 503 on its first attempt (0–100 ms), retries after 200 ms (starts again at 300 ms).
// final: 503 on its only attempt. Paused at 150 ms: both answered 503, only flaky will retry.
function pausedBetweenAttempts() {
  const s = scenario([
    { id: 'flaky', label: 'Reserve stock', fail: { status: 503, times: 1 }, retry: { maxAttempts: 3, delayMs: 200 } },
    { id: 'final', label: 'Charge card', fail: { status: 503 } },
  ]);
  const store = createRippleStore({ scenario: s });
  store.getState().runScenario();
  store.getState().pause();
  store.getState().seekTime(150);
  return store;
}

describe('a step between attempts', () => {
  test('its live view says when it tries again; a final failure has none', () => {
    const live = selectLiveStates(pausedBetweenAttempts().getState())!;
    expect(live.flaky).toMatchObject({ state: 'failed', status: 503, retryAt: 300 });
    expect(live.final).toEqual({ state: 'failed', attempt: 1, status: 503 });
  });

  test('once the next attempt starts, the retry view is gone', () => {
    const store = pausedBetweenAttempts();
    act(() => store.getState().seekTime(300));
    expect(selectLiveStates(store.getState())!.flaky).toEqual({ state: 'running', attempt: 2, status: null });
  });

  test('the table reads "503 · will retry" for the flaky step and "503 failed" for the final one', () => {
    renderWith(pausedBetweenAttempts(), <StepTable />);
    const flaky = within(screen.getByTestId('row-flaky')).getByText('503 · will retry');
    expect(flaky.closest('.state-badge')).toHaveClass('state-retrying');
    expect(flaky.closest('.state-badge')!.querySelector('svg[data-icon="retry"]')).toBeInTheDocument();
    expect(flaky.closest('.state-badge')).toHaveAttribute('title', 'Will try again at 300 ms');
    const final = within(screen.getByTestId('row-final')).getByText('503 failed');
    expect(final.closest('.state-badge')).not.toHaveClass('state-retrying');
  });

  test('the event log marks the failure that will be retried, and not the final one', () => {
    const store = pausedBetweenAttempts();
    renderWith(store, <EventLog />);
    const entries = within(screen.getByRole('region', { name: 'Event log' })).getAllByRole('listitem');
    const failures = entries.filter((li) => /answered 503|503/.test(li.textContent ?? '') && li.className.includes('pb-log-'));
    const retried = failures.filter((li) => li.classList.contains('pb-log-retry'));
    const final = failures.filter((li) => li.classList.contains('pb-log-failure'));
    expect(retried).toHaveLength(1);
    expect(within(retried[0]).getByText('Will retry')).toBeInTheDocument();
    expect(final).toHaveLength(1);
    expect(within(final[0]).queryByText('Will retry')).toBeNull();
  });

  test('on the canvas the node reads "503 · will retry" with the retry icon', async () => {
    const store = pausedBetweenAttempts();
    const state = store.getState();
    const input = {
      scenario: state.scenario,
      live: selectLiveStates(state),
      highlightPath: [],
      lint: {},
      selectedStepIds: [],
      selectedEdge: null,
      renamingStepId: null,
      readOnly: false,
    };
    render(
      <RippleProvider store={store}>
        <ReactFlowProvider>
          <div style={{ width: 1200, height: 800 }}>
            <ReactFlow nodes={buildNodes(input)} edges={buildEdges(input)} nodeTypes={{ step: StepNode }} edgeTypes={{ dependency: DependencyEdge }} />
          </div>
        </ReactFlowProvider>
      </RippleProvider>,
    );
    const flaky = await screen.findByTestId('step-node-flaky');
    expect(flaky).toHaveClass('state-failed', 'state-retrying');
    expect(flaky).toHaveAttribute('data-retrying', 'true');
    expect(within(flaky).getByTestId('node-state')).toHaveTextContent('503 · will retry');
    expect(flaky.querySelector('.state-icon svg[data-icon="retry"]')).toBeInTheDocument();
    const final = await screen.findByTestId('step-node-final');
    expect(final).not.toHaveClass('state-retrying');
    expect(within(final).getByTestId('node-state')).toHaveTextContent('503 failed');
    expect(final.querySelector('.state-icon svg[data-icon="cross"]')).toBeInTheDocument();
  });
});
