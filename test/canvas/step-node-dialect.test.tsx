import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { StepNode } from '../../src/canvas/StepNode.tsx';
import { buildNodes } from '../../src/canvas/build-graph.ts';
import type { LiveStepView } from '../../src/store/types.ts';
import type { DialectName, Scenario } from '../../src/scenario/types.ts';
import { scenario } from '../app/render.tsx';

// Issue #11: a node's state pill speaks the scenario's dialect; Ripple's words stay in its tooltip.

const live: Record<string, LiveStepView> = {
  deploy: { state: 'failed', attempt: 1, status: 500 },
  notify: { state: 'blocked', attempt: 0, status: 424 },
  build: { state: 'running', attempt: 1, status: null },
  lint: { state: 'pending', attempt: 0, status: null },
  flaky: { state: 'failed', attempt: 1, status: 503, retryAt: 400 },
};

function draw(dialect: DialectName) {
  const s: Scenario = { ...scenario(Object.keys(live).map((id) => ({ id }))), dialect };
  const store = createRippleStore({ scenario: s });
  render(
    <RippleProvider store={store}>
      <ReactFlowProvider>
        <div style={{ width: 1200, height: 800 }}>
          <ReactFlow
            nodes={buildNodes({ scenario: s, live, highlightPath: [], lint: {}, selectedStepIds: [], selectedEdge: null, renamingStepId: null, readOnly: false })}
            edges={[]}
            nodeTypes={{ step: StepNode }}
          />
        </div>
      </ReactFlowProvider>
    </RippleProvider>,
  );
}

const pill = async (id: string) => within(await screen.findByTestId(`step-node-${id}`)).getByTestId('node-state');

describe('StepNode in a dialect', () => {
  test('GitHub Actions: a failed job reads failure, its dependent skipped, running in_progress, waiting queued', async () => {
    draw('github-actions');
    expect((await pill('deploy')).textContent).toBe('failure');
    expect((await pill('notify')).textContent).toBe('skipped');
    expect(await pill('notify')).toHaveAttribute('title', 'Ripple: 424 blocked');
    expect((await pill('build')).textContent).toBe('in_progress');
    expect((await pill('lint')).textContent).toBe('queued');
  });

  test('Airflow: upstream_failed for the 424, up_for_retry for a failure that will try again', async () => {
    draw('airflow');
    expect((await pill('notify')).textContent).toBe('upstream_failed');
    expect((await pill('flaky')).textContent).toBe('up_for_retry');
    expect(await pill('flaky')).toHaveAttribute('title', expect.stringMatching(/^Ripple: 503 · will retry\nWill try again at 400 ms$/));
    expect((await pill('lint')).textContent).toBe('none');
  });

  test('HTTP 424 keeps Ripple’s own words', async () => {
    draw('http');
    expect((await pill('notify')).textContent).toBe('424 blocked');
    expect((await pill('deploy')).textContent).toBe('500 failed');
  });
});
