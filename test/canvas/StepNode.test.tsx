import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore } from '../../src/store/store.ts';
import { StepNode } from '../../src/canvas/StepNode.tsx';
import { DependencyEdge } from '../../src/canvas/DependencyEdge.tsx';
import { buildEdges, buildNodes, type GraphInputs } from '../../src/canvas/build-graph.ts';
import { STATE_META } from '../../src/canvas/state-meta.ts';
import type { LiveState } from '../../src/engine/types.ts';
import type { LiveStepView } from '../../src/store/types.ts';
import { scenario } from '../app/render.tsx';

const STATES: LiveState[] = ['pending', 'running', 'succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'compensating', 'compensated', 'compensation-failed'];

function inputs(partial: Partial<GraphInputs> & Pick<GraphInputs, 'scenario'>): GraphInputs {
  return { live: null, highlightPath: [], lint: {}, selectedStepIds: [], selectedEdge: null, renamingStepId: null, readOnly: false, ...partial };
}

/** Draw exactly what buildNodes/buildEdges produce, through the real node and edge components. */
function draw(input: GraphInputs) {
  const store = createRippleStore({ scenario: input.scenario });
  return render(
    <RippleProvider store={store}>
      <ReactFlowProvider>
        <div style={{ width: 1200, height: 800 }}>
          <ReactFlow nodes={buildNodes(input)} edges={buildEdges(input)} nodeTypes={{ step: StepNode }} edgeTypes={{ dependency: DependencyEdge }} />
        </div>
      </ReactFlowProvider>
    </RippleProvider>,
  );
}

/** The accessible name of the node as drawn: on React Flow's focusable wrapper. */
const nameOf = (id: string) => screen.getByTestId(`rf__node-${id}`).getAttribute('aria-label');

describe('StepNode', () => {
  test('shows label, request line and a mark for each configured behaviour', async () => {
    const s = scenario([
      {
        id: 'reserve',
        label: 'Reserve stock',
        request: 'POST /inventory/reservations',
        fail: { status: 409, times: 2 },
        retry: { maxAttempts: 3 },
        timeoutMs: 1500,
        compensation: { label: 'Release stock' },
        idempotent: false,
      },
    ]);
    draw(inputs({ scenario: s }));
    const node = await screen.findByTestId('step-node-reserve');
    expect(node).toHaveTextContent('Reserve stock');
    expect(node).toHaveTextContent('POST /inventory/reservations');
    const mark = (kind: string) => node.querySelector(`[data-mark="${kind}"]`);
    expect(mark('fail')).toHaveTextContent('409 ×2');
    expect(mark('fail')).toHaveAttribute('title', 'Fails with 409 Conflict on the first 2 attempts');
    // Marks are drawn as SVG icons (a machine without an emoji font drew ⏱ as a box), with words.
    expect(mark('retry')).toHaveTextContent(/^3$/);
    expect(mark('retry')!.querySelector('svg[data-icon="retry"]')).toBeInTheDocument();
    expect(mark('timeout')).toHaveTextContent(/^1\.5 s$/);
    expect(mark('timeout')!.querySelector('svg[data-icon="timeout"]')).toBeInTheDocument();
    expect(mark('compensation')!.querySelector('svg[data-icon="undo"]')).toBeInTheDocument();
    expect(mark('compensation')).toHaveAttribute('title', 'Compensation: Release stock');
    expect(mark('non-idempotent')).toBeInTheDocument();
    expect(node).toHaveAttribute('data-state', 'design');
  });

  test('a step that hangs shows "hangs"', async () => {
    draw(inputs({ scenario: scenario([{ id: 'a', fail: { timeout: true }, timeoutMs: 100 }]) }));
    expect((await screen.findByTestId('step-node-a')).querySelector('[data-mark="fail"]')).toHaveTextContent('hangs');
  });

  test('every live state reads by colour class, icon and words', async () => {
    const s = scenario(STATES.map((id) => ({ id })));
    const live: Record<string, LiveStepView> = Object.fromEntries(STATES.map((state) => [state, { state, attempt: 2, status: state === 'failed' ? 409 : state === 'succeeded' ? 200 : null }]));
    draw(inputs({ scenario: s, live }));
    for (const state of STATES) {
      const node = await screen.findByTestId(`step-node-${state}`);
      expect(node).toHaveClass(`state-${state}`);
      expect(node).toHaveAttribute('data-state', state);
      expect(node.querySelector(`.state-icon svg[data-icon="${STATE_META[state].icon}"]`)).toBeInTheDocument();
    }
    const text = (id: string) => within(screen.getByTestId(`step-node-${id}`)).getByTestId('node-state').textContent;
    expect(text('blocked')).toBe('424 blocked');
    expect(text('failed')).toBe('409 failed');
    expect(text('succeeded')).toBe('200 succeeded');
    expect(text('running')).toBe('running · attempt 2');
    expect(text('compensation-failed')).toBe('compensation failed');
  });

  test('a step reused by a replay has its own "reused" pill, apart from the state pill (they used to overlap)', async () => {
    const s = scenario([{ id: 'kept' }, { id: 'rerun' }]);
    const live: Record<string, LiveStepView> = {
      kept: { state: 'succeeded', attempt: 1, status: 200, reused: true },
      rerun: { state: 'succeeded', attempt: 1, status: 200 },
    };
    draw(inputs({ scenario: s, live }));
    const kept = await screen.findByTestId('step-node-kept');
    expect(within(kept).getByTestId('node-state').textContent).toBe('200 succeeded');
    expect(within(kept).getByTestId('node-reused')).toHaveTextContent('reused');
    expect(within(kept).getByTestId('node-state')).not.toContainElement(within(kept).getByTestId('node-reused'));
    expect(within(screen.getByTestId('step-node-rerun')).queryByTestId('node-reused')).toBeNull();
    expect(nameOf('kept')).toBe('kept. 200 succeeded. reused from the previous run');
  });

  test('an open replay plan marks each node "replay from", "will rerun" or "kept", in words and an icon', async () => {
    const s = scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], [['a', 'b'], ['b', 'c']]);
    const replayMarks = { a: 'keep', b: 'from', c: 'rerun' } as const;
    const replayWarnings = { c: ['c succeeded in the previous run and is not idempotent: running it again repeats its effect'] };
    draw(inputs({ scenario: s, replayMarks, replayWarnings }));
    const mark = async (id: string) => within(await screen.findByTestId(`step-node-${id}`)).queryByTestId('node-replay');
    expect(await mark('a')).toHaveTextContent('kept');
    expect(await mark('b')).toHaveTextContent('replay from');
    expect(await mark('c')).toHaveTextContent('will rerun');
    expect(await mark('d')).toBeNull();
    expect((await mark('a'))!.querySelector('svg[data-icon="keep"]')).toBeInTheDocument();
    expect((await mark('b'))!.querySelector('svg[data-icon="play"]')).toBeInTheDocument();
    expect((await mark('c'))!.querySelector('svg[data-icon="retry"]')).toBeInTheDocument();
    expect(screen.getByTestId('step-node-b')).toHaveClass('step-node--replay-from');
    expect((await mark('c'))!.title).toMatch(/not idempotent/);
    expect(['a', 'b', 'c', 'd'].map(nameOf)).toEqual([
      'a. replay plan: kept',
      'b. replay plan: replay from',
      'c. replay plan: will rerun. c succeeded in the previous run and is not idempotent: running it again repeats its effect',
      'd',
    ]);
  });

  test('a lint badge on the step it concerns', async () => {
    draw(inputs({ scenario: scenario([{ id: 'a' }, { id: 'b' }]), lint: { b: ['b may run before a completes'] } }));
    const b = await screen.findByTestId('step-node-b');
    expect(within(b).getByTestId('lint-badge')).toHaveAttribute('title', 'b may run before a completes');
    expect(within(await screen.findByTestId('step-node-a')).queryByTestId('lint-badge')).toBeNull();
  });

  test('highlighted steps (the "Why 424?" path) are marked', async () => {
    draw(inputs({ scenario: scenario([{ id: 'a' }, { id: 'b' }], [['a', 'b']]), highlightPath: ['a', 'b'] }));
    expect(await screen.findByTestId('step-node-a')).toHaveClass('step-node--highlighted');
  });
});

describe('dependency edges', () => {
  test('failure and always edges are labelled; success edges are not', async () => {
    const s = scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], []);
    s.dependencies = [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c', on: 'failure' },
      { from: 'a', to: 'd', on: 'always' },
    ];
    const { container } = draw(inputs({ scenario: s }));
    expect(await screen.findByTestId('edge-label-a->c')).toHaveTextContent('on fail');
    expect(screen.getByTestId('edge-label-a->d')).toHaveTextContent('always');
    expect(screen.queryByTestId('edge-label-a->b')).toBeNull();
    expect(container.querySelector('.dep-edge--failure')).not.toBeNull();
    expect(container.querySelector('.dep-edge--always')).not.toBeNull();
  });

  test('the edge that carried the failure is marked during playback', () => {
    const s = scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'x' }], [['a', 'b'], ['b', 'c'], ['x', 'c']]);
    const live: Record<string, LiveStepView> = {
      a: { state: 'failed', attempt: 1, status: 500 },
      b: { state: 'blocked', attempt: 1, status: 424, failedPrerequisiteStep: 'a' },
      c: { state: 'blocked', attempt: 1, status: 424 },
      x: { state: 'succeeded', attempt: 1, status: 200 },
    };
    const edges = buildEdges(inputs({ scenario: s, live }));
    const carried = Object.fromEntries(edges.map((e) => [e.id, e.data!.carried]));
    expect(carried).toEqual({ 'a->b': true, 'b->c': true, 'x->c': false });
  });

  test('edges between consecutive steps of highlightPath are highlighted', () => {
    const s = scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['a', 'b'], ['b', 'c'], ['a', 'c']]);
    const edges = buildEdges(inputs({ scenario: s, highlightPath: ['a', 'b', 'c'] }));
    expect(edges.filter((e) => e.data!.highlighted).map((e) => e.id)).toEqual(['a->b', 'b->c']);
  });

  test('nodes come in dependency order (tab order) with an accessible name', async () => {
    const s = scenario([{ id: 'c' }, { id: 'a', request: 'POST /a', fail: { status: 402 } }, { id: 'b' }], [['a', 'b'], ['b', 'c']]);
    const input = inputs({ scenario: s, live: { a: { state: 'failed', attempt: 1, status: 402 } } });
    expect(buildNodes(input).map((n) => n.id)).toEqual(['a', 'b', 'c']);
    draw(input);
    await screen.findByTestId('step-node-a');
    expect(nameOf('a')).toBe('a. POST /a. 402 failed. Fails with 402 Payment Required');
  });
});
