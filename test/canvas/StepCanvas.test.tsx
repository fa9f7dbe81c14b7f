import { describe, expect, test, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { memo, type ComponentProps } from 'react';
import { useStoreApi } from '@xyflow/react';
import { StepCanvas } from '../../src/canvas/StepCanvas.tsx';
import { buildEdges, buildNodes, createGraphCache, edgeNameIn, mergeNodes, type GraphInputs, type StepFlowNode } from '../../src/canvas/build-graph.ts';
import { selectLiveStates } from '../../src/store/selectors.ts';
import type { LiveStepView } from '../../src/store/types.ts';
import { findPreset } from '../../src/presets/index.ts';
import { renderWithStore, scenario } from '../app/render.tsx';

// The playhead moves many times a second: a cursor move must re-render only the steps (and
// edges) whose state changed, not the whole graph. Renders are counted by wrapping the real
// node and edge components in a counter with the same `memo` they have.
const rendered = vi.hoisted(() => ({ nodes: [] as string[], edges: [] as string[] }));

vi.mock('../../src/canvas/StepNode.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/canvas/StepNode.tsx')>();
  const render = (actual.StepNode as unknown as { type: (props: ComponentProps<typeof actual.StepNode>) => React.ReactNode }).type;
  return {
    ...actual,
    StepNode: memo(function StepNode(props: ComponentProps<typeof actual.StepNode>) {
      rendered.nodes.push(props.id);
      return render(props);
    }),
  };
});

vi.mock('../../src/canvas/DependencyEdge.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/canvas/DependencyEdge.tsx')>();
  const render = (actual.DependencyEdge as unknown as { type: (props: ComponentProps<typeof actual.DependencyEdge>) => React.ReactNode }).type;
  return {
    ...actual,
    DependencyEdge: memo(function DependencyEdge(props: ComponentProps<typeof actual.DependencyEdge>) {
      rendered.edges.push(props.id);
      return render(props);
    }),
  };
});

function inputs(partial: Partial<GraphInputs> & Pick<GraphInputs, 'scenario'>): GraphInputs {
  return { live: null, highlightPath: [], lint: {}, selectedStepIds: [], selectedEdge: null, renamingStepId: null, readOnly: false, ...partial };
}

const view = (state: LiveStepView['state'], status: number | null = null): LiveStepView => ({ state, attempt: 1, status });

describe('building the graph with a cache', () => {
  const s = scenario([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['a', 'b'], ['b', 'c']]);
  const pending = view('pending');

  test('a node or edge whose inputs did not change is the same object; a changed one is new', () => {
    const cache = createGraphCache();
    const before = { a: view('failed', 500), b: pending, c: pending };
    const nodes1 = buildNodes(inputs({ scenario: s, live: before }), cache);
    const edges1 = buildEdges(inputs({ scenario: s, live: before }), cache);
    // b turns blocked: its node changes, and so does the edge the failure travelled along.
    const after = { ...before, b: { ...view('blocked', 424), failedPrerequisiteStep: 'a' } };
    const nodes2 = buildNodes(inputs({ scenario: s, live: after }), cache);
    const edges2 = buildEdges(inputs({ scenario: s, live: after }), cache);
    expect(nodes2.map((n, i) => n === nodes1[i])).toEqual([true, false, true]);
    expect(nodes2[1].data.live?.state).toBe('blocked');
    expect(edges2.map((e, i) => e === edges1[i])).toEqual([false, true]);
    expect(edges2[0].data?.carried).toBe(true);
  });

  test('nothing changed: the same arrays, so React Flow is not even told', () => {
    const cache = createGraphCache();
    const live = { a: pending, b: pending, c: pending };
    const nodes = buildNodes(inputs({ scenario: s, live }), cache);
    const edges = buildEdges(inputs({ scenario: s, live }), cache);
    expect(buildNodes(inputs({ scenario: s, live: { ...live } }), cache)).toBe(nodes);
    expect(buildEdges(inputs({ scenario: s, live: { ...live } }), cache)).toBe(edges);
  });

  test('moving one step (a new scenario object) rebuilds only that node and the edges whose route moved', () => {
    const cache = createGraphCache();
    const nodes1 = buildNodes(inputs({ scenario: s }), cache);
    const edges1 = buildEdges(inputs({ scenario: s }), cache);
    const moved = { ...s, steps: s.steps.map((step) => (step.id === 'a' ? { ...step, position: { x: 5, y: 5 } } : step)) };
    expect(buildNodes(inputs({ scenario: moved }), cache).map((n, i) => n === nodes1[i])).toEqual([false, true, true]);
    const edges2 = buildEdges(inputs({ scenario: moved }), cache);
    expect(edges2.map((e, i) => e === edges1[i])).toEqual([false, true]);
    expect(edges2[0].data!.route![0]).toEqual({ x: 5 + 179, y: 5 + 38 });
  });

  test('renaming a step (a new scenario object, same places) keeps every edge', () => {
    const cache = createGraphCache();
    const edges1 = buildEdges(inputs({ scenario: s }), cache);
    const renamed = { ...s, steps: s.steps.map((step) => (step.id === 'c' ? { ...step, label: 'Ship' } : step)) };
    expect(buildEdges(inputs({ scenario: renamed }), cache).map((e, i) => e === edges1[i])).toEqual([true, false]);
  });

  test('on the canvas (no live given) a rename keeps the very edge list: each edge reads its name from the store', () => {
    const cache = createGraphCache();
    const canvas = (sc: typeof s) => ({ ...inputs({ scenario: sc }), live: undefined });
    const edges1 = buildEdges(canvas(s), cache);
    expect(edges1[1].data!.name).toBeUndefined();
    const renamed = { ...s, steps: s.steps.map((step) => (step.id === 'c' ? { ...step, label: 'Ship' } : step)) };
    expect(buildEdges(canvas(renamed), cache)).toBe(edges1);
    expect(edgeNameIn(renamed, 'b', 'c', 'success')).toBe('Ship depends on b');
    expect(edgeNameIn(s, 'b', 'c', 'failure')).toBe('c runs if this fails: b');
  });

  test('selection, highlight and renaming are inputs too', () => {
    const cache = createGraphCache();
    const nodes1 = buildNodes(inputs({ scenario: s }), cache);
    const nodes2 = buildNodes(inputs({ scenario: s, selectedStepIds: ['c'], highlightPath: ['a'] }), cache);
    expect(nodes2.map((n, i) => n === nodes1[i])).toEqual([false, true, false]);
    expect(nodes2[0].data.highlighted).toBe(true);
    expect(nodes2[2].selected).toBe(true);
  });

  test('the replay mark is part of a node’s key: only the nodes whose mark changed are rebuilt', () => {
    const cache = createGraphCache();
    const live = { a: view('failed', 500), b: view('blocked'), c: view('blocked') };
    const plain = buildNodes(inputs({ scenario: s, live }), cache);
    const planned = buildNodes(inputs({ scenario: s, live, replayMarks: { a: 'from', b: 'rerun', c: 'rerun' } }), cache);
    expect(planned.every((node, i) => node !== plain[i])).toBe(true);
    expect(planned.map((n) => n.data.replay)).toEqual(['from', 'rerun', 'rerun']);
    const again = buildNodes(inputs({ scenario: s, live, replayMarks: { a: 'from', b: 'rerun', c: 'keep' } }), cache);
    expect(again[0]).toBe(planned[0]);
    expect(again[1]).toBe(planned[1]);
    expect(again[2]).not.toBe(planned[2]);
    expect(buildNodes(inputs({ scenario: s, live, replayMarks: null }), cache).map((n) => n.data.replay)).toEqual([null, null, null]);
  });

  test('mergeNodes keeps React Flow’s copy of an unchanged node, and its measured size on a changed one', () => {
    const cache = createGraphCache();
    const built1 = buildNodes(inputs({ scenario: s }), cache);
    const measured = { width: 170, height: 80 };
    const current: StepFlowNode[] = built1.map((n) => ({ ...n, measured }));
    const built2 = buildNodes(inputs({ scenario: s, selectedStepIds: ['b'] }), cache);
    const merged = mergeNodes(built2, built1, current);
    expect(merged[0]).toBe(current[0]);
    expect(merged[2]).toBe(current[2]);
    expect(merged[1]).not.toBe(current[1]);
    expect(merged[1]).toMatchObject({ selected: true, measured });
    expect(mergeNodes(built1, built1, current)).toBe(current);
  });

  test('mergeNodes gives React Flow a rebuilt node without handles, so it keeps the handles it measured (a selected fan-out step’s edges stay put)', () => {
    const cache = createGraphCache();
    const built1 = buildNodes(inputs({ scenario: s }), cache);
    expect(built1[1].handles).toBeDefined();
    const current: StepFlowNode[] = built1.map((n) => ({ ...n, measured: { width: 168, height: 76 } }));
    const built2 = buildNodes(inputs({ scenario: s, selectedStepIds: ['b'] }), cache);
    const merged = mergeNodes(built2, built1, current);
    // Rebuilt (now selected): React Flow would otherwise take the declared handles again, which
    // differ from its measured ones by float noise and move every edge of the step.
    expect(merged[1]).toMatchObject({ selected: true, measured: { width: 168, height: 76 } });
    expect('handles' in merged[1]).toBe(false);
    // A step React Flow has never had keeps its declared handles.
    const added = buildNodes(inputs({ scenario: { ...s, steps: [...s.steps, { id: 'z', position: { x: 0, y: 300 } }] } }), cache);
    const withNew = mergeNodes(added, built2, merged);
    expect(withNew.find((n) => n.id === 'z')?.handles).toBeDefined();
  });
});

describe('StepCanvas during playback', () => {
  test('a cursor move re-renders only the nodes whose state changed, and only edges at those nodes', async () => {
    const preset = findPreset('payment-fails')!.scenario;
    const { store } = renderWithStore(
      <div style={{ width: 1200, height: 800 }}>
        <StepCanvas colorMode="light" />
      </div>,
      { scenario: preset },
    );
    await screen.findByTestId('step-node-send-receipt');
    // The edges take their routes once the first picture is painted (a frame, then a task): let that happen first.
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    act(() => {
      store.getState().runScenario();
      store.getState().pause();
      store.getState().setCursor(0);
    });
    await waitFor(() => expect(screen.getByTestId('step-node-create-order')).toHaveAttribute('data-state', 'pending'));
    const allIds = preset.steps.map((s) => s.id);

    // Walk the whole run one event at a time; at each move compare with what the store says changed.
    let moves = 0;
    let changedSomewhere = false;
    for (let cursor = 1; cursor < store.getState().timeline.length; cursor++) {
      const before = selectLiveStates(store.getState())!;
      rendered.nodes.length = 0;
      rendered.edges.length = 0;
      act(() => store.getState().setCursor(cursor));
      const after = selectLiveStates(store.getState())!;
      const changed = allIds.filter((id) => before[id] !== after[id]);
      await waitFor(() => {
        for (const id of changed) expect(screen.getByTestId(`step-node-${id}`)).toHaveAttribute('data-state', after[id].state);
      });
      expect(new Set(rendered.nodes)).toEqual(new Set(changed));
      for (const edge of rendered.edges) {
        const [from, to] = edge.split('->');
        expect(changed.includes(from) || changed.includes(to), `edge ${edge} re-rendered though neither end changed`).toBe(true);
      }
      if (changed.length > 0 && changed.length < allIds.length) changedSomewhere = true;
      moves++;
    }
    expect(moves).toBeGreaterThan(5);
    expect(changedSomewhere).toBe(true);

    // A store change the canvas does not show renders no node and no edge.
    rendered.nodes.length = 0;
    rendered.edges.length = 0;
    act(() => store.getState().setSpeed(4));
    expect(rendered.nodes).toEqual([]);
    expect(rendered.edges).toEqual([]);
  });
});

/** The payment-fails preset on a canvas, drawn, with React Flow's own store (`flow()`) to look into. */
async function paymentCanvasWithFlow() {
  const preset = findPreset('payment-fails')!.scenario;
  let api: ReturnType<typeof useStoreApi> | null = null;
  function FlowProbe() {
    api = useStoreApi();
    return null;
  }
  const { store, container } = renderWithStore(
    <div style={{ width: 1200, height: 800 }}>
      <StepCanvas colorMode="light" />
      <FlowProbe />
    </div>,
    { scenario: preset },
  );
  await screen.findByTestId('step-node-send-receipt');
  return { preset, store, container, flow: () => api! };
}

describe('StepCanvas: the run reaches the nodes without a new node list', () => {
  test('React Flow keeps the same nodes while the playhead moves, and each node’s accessible name follows it', async () => {
    const { preset, store, flow } = await paymentCanvasWithFlow();
    const name = (id: string) => screen.getByTestId(`rf__node-${id}`).getAttribute('aria-label');
    expect(name('authorize-payment')).toMatch(/^Authorize payment\. POST /);
    expect(name('authorize-payment')).not.toMatch(/failed|pending/);
    const designNodes = flow().getState().nodes;

    // The run arrives: the node list React Flow holds is the one it had for the design.
    act(() => {
      store.getState().runScenario();
      store.getState().pause();
      store.getState().setCursor(0);
    });
    await waitFor(() => expect(name('authorize-payment')).toMatch(/\. pending\b/));
    expect(flow().getState().nodes).toBe(designNodes);

    // The playhead walks to the end: still the same list, and the names tell each step's state then.
    const last = store.getState().timeline.length - 1;
    for (const cursor of [Math.floor(last / 2), last]) act(() => store.getState().setCursor(cursor));
    await waitFor(() => expect(name('authorize-payment')).toMatch(/\. 402 failed\b/));
    expect(name('create-invoice')).toMatch(/\. 424 blocked\b/);
    expect(flow().getState().nodes).toBe(designNodes);
    const live = selectLiveStates(store.getState())!;
    for (const id of preset.steps.map((s) => s.id)) {
      expect(screen.getByTestId(`step-node-${id}`)).toHaveAttribute('data-state', live[id].state);
    }

    // A change the nodes do show (the selection) gives React Flow a new list.
    act(() => store.getState().selectStep('create-invoice'));
    await waitFor(() => expect(flow().getState().nodes).not.toBe(designNodes));
  });
});

describe('StepCanvas: the run reaches the edges without a new edge list', () => {
  test('React Flow keeps the same edges while a failure travels; the edge it came along reads "424", in words and its arrowhead', async () => {
    const { store, container, flow } = await paymentCanvasWithFlow();
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const id = 'authorize-payment->create-invoice';
    const wrapper = () => screen.getByTestId(`rf__edge-${id}`);
    const path = () => wrapper().querySelector('.react-flow__edge-path')!;
    // The arrowhead an edge points at is one of the canvas's shared markers, there in the document.
    const arrowhead = () => container.querySelector(path().getAttribute('marker-end')!.replace(/^url\((.*)\)$/, '$1'));
    expect(wrapper().getAttribute('aria-label')).toBe('Create invoice depends on Authorize payment');
    expect(arrowhead()).not.toBeNull();
    const designEdges = flow().getState().edges;

    act(() => {
      store.getState().runScenario();
      store.getState().pause();
      store.getState().setCursor(0);
    });
    expect(path()).not.toHaveClass('dep-edge--carried');
    act(() => store.getState().setCursor(store.getState().timeline.length - 1));
    await waitFor(() => expect(path()).toHaveClass('dep-edge--carried'));
    expect(screen.getByTestId(`edge-label-${id}`)).toHaveTextContent('424');
    expect(wrapper().getAttribute('aria-label')).toBe('Create invoice depends on Authorize payment (424 blocked: the failure came this way)');
    expect(path().getAttribute('marker-end')).toMatch(/-carried\)$/);
    expect(arrowhead()).not.toBeNull();
    // An edge the failure did not come along keeps its look and name.
    expect(screen.getByTestId('rf__edge-create-order->authorize-payment').getAttribute('aria-label')).toBe('Authorize payment depends on Create order');
    expect(flow().getState().edges).toBe(designEdges);

    // Renaming a step renames its edges, with the same list still (each edge reads its name).
    act(() => void store.getState().renameStep('authorize-payment', 'Charge card'));
    await waitFor(() => expect(wrapper().getAttribute('aria-label')).toBe('Create invoice depends on Charge card (424 blocked: the failure came this way)'));
    expect(screen.getByTestId('rf__edge-create-order->authorize-payment').getAttribute('aria-label')).toBe('Charge card depends on Create order');
    expect(flow().getState().edges).toBe(designEdges);
    act(() => void store.getState().renameStep('authorize-payment', 'Authorize payment'));

    // Back to the start: the mark goes, with the same list still.
    act(() => store.getState().setCursor(0));
    await waitFor(() => expect(path()).not.toHaveClass('dep-edge--carried'));
    expect(wrapper().getAttribute('aria-label')).toBe('Create invoice depends on Authorize payment');
    expect(flow().getState().edges).toBe(designEdges);
  });
});

describe('StepCanvas with a replay plan open', () => {
  test('draws the plan from the store: the failed step "replay from", its dependents "will rerun", the rest "kept"', async () => {
    const preset = findPreset('payment-fails')!.scenario;
    const { store } = renderWithStore(
      <div style={{ width: 1200, height: 800 }}>
        <StepCanvas colorMode="light" />
      </div>,
      { scenario: preset },
    );
    await screen.findByTestId('step-node-send-receipt');
    act(() => {
      store.getState().runScenario();
      store.getState().pause();
    });
    expect(screen.queryAllByTestId('node-replay')).toHaveLength(0);
    act(() => store.getState().openReplayPlan());
    const mark = (id: string) => screen.getByTestId(`step-node-${id}`).querySelector('[data-testid="node-replay"]');
    await waitFor(() => expect(mark('authorize-payment')).toHaveTextContent('replay from'));
    expect(mark('create-invoice')).toHaveTextContent('will rerun');
    expect(mark('create-order')).toHaveTextContent('kept');
    act(() => store.getState().closeReplayPlan());
    await waitFor(() => expect(screen.queryAllByTestId('node-replay')).toHaveLength(0));
  });
});
