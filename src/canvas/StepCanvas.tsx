import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodeProps,
  type ReactFlowState,
  type FitViewOptions,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import { selectHighlightPath, selectReplayMarks, selectReplayWarnings } from '../store/selectors.ts';
import type { Position, Step } from '../scenario/types.ts';
import { buildEdges, buildNodes, createGraphCache, edgeId, mergeNodes, STEP_NODE_SIZE, VISIBLE_ONLY_ABOVE, type DependencyFlowEdge, type StepFlowNode } from './build-graph.ts';
import { StepNode } from './StepNode.tsx';
import type { GroupFrameNode } from './group-frames.ts';
import { isFrameNodeId } from './group-frame-id.ts';
import { DependencyEdge, EdgeMarkerDefs, EdgeMarkers } from './DependencyEdge.tsx';
import { lazyPart } from './lazy-part.ts';
import { useLintByStep } from './use-lint.ts';
import { useEdgeRouting } from './use-edge-routing.ts';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';
import { PANELS_BELOW, whenDrawn } from './when-drawn.ts';
import { useRevealSelection } from './use-reveal-selection.ts';
import { MOUNT_OFF_VIEW_STEPS_PER_PICTURE, MOUNT_STEPS_PER_PICTURE, nearStart, stagedMount } from './staged-mount.ts';
import { coveredTop } from './covered-top.ts';
import { edgeAfterSelectChanges, stepsAfterSelectChanges } from './selection-changes.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './layout/layout-constants.ts';
import { idRecord } from '../engine/records.ts';

/**
 * Atomic groups' frames (group-frames.ts, GroupFrame.tsx): a chunk of their own, loaded only for
 * a scenario with groups; the canvas draws its steps without them and adds the frames on arrival.
 */
const groupFrames = lazyPart(() => import('./GroupFrame.tsx'));
/** A frame node exists only once its chunk is here (`frames` in StepCanvas), so it is loaded by then. */
function LazyGroupFrame(props: NodeProps<GroupFrameNode>) {
  const Frame = groupFrames.loaded()?.GroupFrame;
  return Frame ? <Frame {...props} /> : null;
}
const nodeTypes = { step: StepNode, groupFrame: LazyGroupFrame };
/** What the canvas draws as nodes: steps, and the frames of atomic groups behind them. */
type FlowNode = StepFlowNode | GroupFrameNode;
// Fit the graph, but on a wide screen never so small that labels are hard to read: pan for the
// rest. A phone's canvas is too narrow for even the 5-step starter at that floor, so there the
// whole picture comes first (a person zooms in with a pinch), with less padding.
/**
 * A fit: `padding` on every side (a fraction, as React Flow reads it), and where the zoom
 * controls lie over the canvas, `top`: px kept clear above the steps for them.
 */
interface Fit {
  padding: number;
  maxZoom: number;
  minZoom: number;
  top?: number;
}
/** What the room a fit leaves for steps depends on. */
type RoomFit = Pick<Fit, 'padding' | 'minZoom' | 'top'>;
const FIT: Fit = { padding: 0.2, maxZoom: 1.25, minZoom: 0.6 };
/**
 * Room (px) a phone's fit keeps clear at the canvas's top for the zoom controls, which lie in a
 * row there (32 px buttons below React Flow's 15 px margin, and some air): no step is fitted
 * under them (tryout: on a 390 px phone they covered the top-right step). A wide graph, the
 * usual one, has room to spare above it, so this costs it nothing.
 */
const CONTROLS_ROOM = 52;
const FIT_NARROW: Fit = { padding: 0.06, maxZoom: 1.25, minZoom: 0.25, top: CONTROLS_ROOM };
/**
 * A phone's first view of a large graph (more than START_CHECK_ABOVE steps): its start at a zoom
 * where step names can be read, fewer steps rather than smaller ones. At 0.8 a name (13 px,
 * styles.css `.step-node__label`) is drawn 10.4 px tall, its text 12 px high as measured on a
 * 390 px phone (test/browser/phone-first-view.test.ts); at the narrow fit's 0.25 floor it was
 * 4.3 px, unreadable, and at the laptop's 0.6 it is 9 px, which a phone's smaller pixels make
 * smaller still. On a 390 × 489 px canvas this shows two layers of five rows: ten steps.
 */
const FIT_NARROW_START: Fit = { ...FIT_NARROW, minZoom: 0.8 };
/**
 * A compare pane's fit (`<StepCanvas whole />`, src/app/compare/CompareSide.tsx): half a screen is
 * narrower than the editor's canvas, and the editor's floor (0.6) cuts a wide graph off, so a pane
 * shows the whole graph, down to 0.3, and the two pictures line up. Its controls lie in a row
 * across the top, as a phone's, and the fit keeps that strip clear (CONTROLS_ROOM): a wide graph
 * fitted to the pane's width reached its right edge, where the column covered the right-most step
 * (tryout: "Send receipt" of the payment preset at 1280 × 800). The pane has height to spare, so
 * the strip costs the graph no zoom.
 */
const FIT_WHOLE: Fit = { padding: 0.06, maxZoom: 1.25, minZoom: 0.3, top: CONTROLS_ROOM };
/** How many of a large graph's leftmost layers its first view shows (`startOfGraph`). */
const START_LAYERS = 4;
/** Steps whose x differs by less than this (px) stand in one layer (a hand-placed graph is not exactly aligned). */
const SAME_LAYER_X = NODE_WIDTH / 2;
/** The canvas assumed when its size is not known (no window): a laptop's. */
const ASSUMED_VIEW = { width: 1280, height: 720 };

/** Graphs of more steps than this open on their start when the whole does not fit (`startOfGraph`). */
const START_CHECK_ABOVE = 40;

/**
 * What a fit by code shows: everything, unless the whole graph cannot be read. Above
 * VISIBLE_ONLY_ABOVE steps it never can, and from START_CHECK_ABOVE steps on it cannot when it
 * does not fit `view` (px) at the fit's `minZoom` with its padding. Fitting it then lands in an
 * anonymous middle (a 2,000-step chain: steps 997–1003; a 100-step chain: steps 47–53, far
 * from the failure), so the first view shows its start: the first step in reading order (the
 * leftmost layer's top step, where the run begins), and of the START_LAYERS leftmost layers the
 * steps nearest that step's row, as many as fit `view` at `minZoom` — so the start is seen, and
 * readably. Nearest its row, not the layers' tops: an imported wide DAG centres its one fan-out
 * step on a next layer of hundreds (27,000 px tall), and the box of that step and the layer's top
 * steps, fitted, showed the empty middle between them. Undefined (everything) while a step has
 * no position yet. The fit button still fits everything.
 *
 * @example startOfGraph(chainOf100, { width: 1280, height: 720 }) // [{ id: 's0' }, …, { id: 's3' }]
 */
export function startOfGraph(steps: readonly Step[], view?: { width: number; height: number }, fit: RoomFit = FIT): { id: string }[] | undefined {
  if (steps.length <= START_CHECK_ABOVE || steps.some((s) => !s.position)) return undefined;
  if (steps.length <= VISIBLE_ONLY_ABOVE && (!view || fitsWhole(steps, view, fit))) return undefined;
  const placed = steps.map((s) => ({ id: s.id, x: s.position!.x, y: s.position!.y })).sort((a, b) => a.x - b.x || a.y - b.y);
  // The START_LAYERS leftmost layers (a layer: steps within SAME_LAYER_X of its leftmost one).
  const layerOf = new Map<string, number>();
  let layer = 0;
  let layerX = placed[0].x;
  for (const s of placed) {
    if (s.x - layerX >= SAME_LAYER_X) {
      if (++layer === START_LAYERS) break;
      layerX = s.x;
    }
    layerOf.set(s.id, layer);
  }
  // The first step in reading order: the leftmost layer's top one.
  const first = placed.reduce((top, s) => (layerOf.get(s.id) === 0 && s.y < top.y ? s : top));
  const candidates = placed.filter((s) => layerOf.has(s.id)).sort((a, b) => layerOf.get(a.id)! - layerOf.get(b.id)! || Math.abs(a.y - first.y) - Math.abs(b.y - first.y) || a.y - b.y);
  // Grown a step at a time, nearest first, skipping a step that would make it too large to read
  // (measured as `fitsWhole` does; React Flow's padding takes less room, so the fit lands a little
  // above minZoom).
  const room = roomAtMinZoom(view && view.width > 0 && view.height > 0 ? view : ASSUMED_VIEW, fit);
  const box = { minX: first.x, maxX: first.x, minY: first.y, maxY: first.y };
  const chosen = [{ id: first.id }];
  for (const s of candidates) {
    if (s === first) continue;
    const minX = Math.min(box.minX, s.x);
    const maxX = Math.max(box.maxX, s.x);
    const minY = Math.min(box.minY, s.y);
    const maxY = Math.max(box.maxY, s.y);
    if (maxX - minX > room.width || maxY - minY > room.height) continue;
    Object.assign(box, { minX, maxX, minY, maxY });
    chosen.push({ id: s.id });
  }
  return chosen;
}

const sameIds = (a: { id: string }[] | undefined, b: { id: string }[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((n, i) => n.id === b[i].id));

/**
 * The fit by code for a canvas of `view` (px), and the steps `startOfGraph` picks. Below
 * NARROW_BELOW (a phone) a graph of up to START_CHECK_ABOVE steps is fitted whole down to the
 * phone's floor (0.25), and a larger one opens on its start at a readable zoom (FIT_NARROW_START).
 */
function startFit(steps: readonly Step[], view: { width: number; height: number } | undefined, covered = 0) {
  const narrow = !!view && view.width > 0 && view.width < NARROW_BELOW;
  const chosen = !narrow ? FIT : steps.length > START_CHECK_ABOVE ? FIT_NARROW_START : FIT_NARROW;
  // Notes laid over the canvas's top (covered-top.ts): the steps are fitted below them.
  const fit = covered > (chosen.top ?? 0) ? { ...chosen, top: covered } : chosen;
  return { ...fitOptions(fit), nodes: startOfGraph(steps, view, fit) };
}

/** A fit as React Flow's `fitView` takes it: the room for the controls is a padding of its own, in px. */
export function fitOptions({ top, padding, ...zoom }: Fit): FitViewOptions {
  return { ...zoom, padding: top === undefined ? padding : { top: `${top}px`, right: padding, bottom: padding, left: padding } };
}

/** Whether `steps` (all placed) fit `view` (px) at the fit's `minZoom`, with its padding. */
function fitsWhole(steps: readonly Step[], view: { width: number; height: number }, fit: RoomFit): boolean {
  if (view.width <= 0 || view.height <= 0) return true;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of steps) {
    minX = Math.min(minX, s.position!.x);
    minY = Math.min(minY, s.position!.y);
    maxX = Math.max(maxX, s.position!.x);
    maxY = Math.max(maxY, s.position!.y);
  }
  const room = roomAtMinZoom(view, fit);
  return maxX - minX <= room.width && maxY - minY <= room.height;
}

/** How far apart (flow px) the positions of steps shown whole in `view` (px) at the fit's `minZoom`, with its padding (and room for the controls), may lie. */
function roomAtMinZoom(view: { width: number; height: number }, fit: RoomFit): { width: number; height: number } {
  const scale = fit.minZoom * (1 + 2 * fit.padding);
  return { width: view.width / scale - STEP_NODE_SIZE.width, height: (view.height - (fit.top ?? 0)) / scale - STEP_NODE_SIZE.height };
}

/** Canvas widths below this (px) are a phone's: the lower zoom floor applies. */
const NARROW_BELOW = 600;
const windowView = () => (typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight });
const narrowWindow = () => typeof window !== 'undefined' && window.innerWidth < NARROW_BELOW;
const edgeTypes = { dependency: DependencyEdge };
/** Plain edges that only cross the view, drawn as one path: loaded for graphs over VISIBLE_ONLY_ABOVE steps only (PassingLines.tsx). */
const passingLines = lazyPart(() => import('./PassingLines.tsx').then((m) => m.PassingLines));
/** The edge list of a large graph's first picture (`edgesLater`). */
const NO_FLOW_EDGES: DependencyFlowEdge[] = [];

/** Whether React Flow holds the nodes (it takes them, and measures its pane, in its mount effects): its next frame draws the steps in view. */
const selectFlowReady = (flow: ReactFlowState) => flow.nodes.length > 0;

const selectCanvas = (s: RippleState) => ({
  scenario: s.scenario,
  selectedStepIds: s.selectedStepIds,
  selectedEdge: s.selectedEdge,
  renamingStepId: s.renamingStepId,
  readOnly: s.readOnly,
  highlightPath: selectHighlightPath(s),
  viewSeq: s.viewSeq,
});

// Module-level, so ReactFlow sees the same values on every render: it copies each changed prop
// into its own store, and every store update runs the selectors of all nodes and edges.
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
const MULTI_SELECTION_KEYS = ['Shift', 'Control', 'Meta'];
const ARIA_LABELS = {
  // Space is the play key everywhere (src/panels/usePlayback.ts), so Enter alone selects.
  'node.a11yDescription.default': 'Press Enter to select this step, F2 to rename it, Delete to remove it. Arrow keys move it.',
};

/** A compare pane's fit as React Flow's `fitView` takes it: the whole graph, the controls' strip clear (FIT_WHOLE). */
export const WHOLE_FIT_OPTIONS: FitViewOptions = fitOptions(FIT_WHOLE);

/**
 * The editor's canvas. `whole`: a compare pane's, whose controls fit the whole graph below their
 * row (FIT_WHOLE); the pane fits it so first (CompareSide.tsx).
 */
export function StepCanvas({ colorMode, whole = false }: { colorMode: 'light' | 'dark'; whole?: boolean }) {
  const store = useRippleStore();
  const { scenario, selectedStepIds, selectedEdge, renamingStepId, readOnly, highlightPath, viewSeq } = useRipple(useShallow(selectCanvas));
  const replayMarks = useRipple(selectReplayMarks);
  const replayWarnings = useRipple(selectReplayWarnings);
  const lint = useLintByStep();
  const reducedMotion = usePrefersReducedMotion();
  const { screenToFlowPosition, fitView } = useReactFlow<FlowNode, DependencyFlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(narrowWindow);
  const fit = whole ? FIT_WHOLE : narrow ? FIT_NARROW : FIT;
  // Whether the person has panned or zoomed since the picture was last fitted: then a resize
  // leaves their view alone.
  const userMoved = useRef(false);

  // Without the run: each StepNode reads its own state at the playhead (StepNode.tsx), so while
  // a run plays these inputs, the nodes built from them and React Flow's node list stay the same.
  const inputs = useMemo(
    () => ({ scenario, highlightPath, lint, selectedStepIds, selectedEdge, renamingStepId, readOnly, replayMarks, replayWarnings }),
    [scenario, highlightPath, lint, selectedStepIds, selectedEdge, renamingStepId, readOnly, replayMarks, replayWarnings],
  );
  // One cache per mounted canvas: nodes and edges whose inputs did not change keep their objects.
  const [cache] = useState(createGraphCache);
  const built = useMemo(() => buildNodes(inputs, cache), [inputs, cache]);
  // Fit the first picture only when there is one: on an empty canvas React Flow would otherwise
  // zoom onto the first step the moment it is added, moving the ground under the pointer.
  const [fitOnStart] = useState(() => scenario.steps.length > 0);
  // Before the first layout the canvas's size is not known: the window's stands in for it.
  const [firstFit, setFirstFit] = useState(() => startFit(scenario.steps, windowView()));
  // Once the canvas is laid out, the start is chosen for the canvas's own size, as every later
  // fit chooses it. Measured after the first render's task, where the page has been laid out for
  // its first picture: a layout effect measured it inside that task, the page's first layout
  // with it (~7 ms of CPU, the first render being a 2,000-step link's largest task). By then React
  // Flow, whose effects run first, has taken the nodes and fitted the window's choice; when the
  // canvas's differs it is fitted here at once, in the same task, before any picture is painted.
  const flowStore = useStoreApi<FlowNode, DependencyFlowEdge>();
  useEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box || box.width <= 0 || box.height <= 0) return;
    const next = startFit(store.getState().scenario.steps, box);
    // The same choice as the window's: no second render of a large canvas before its first paint.
    if (firstFit.minZoom === next.minZoom && sameIds(firstFit.nodes, next.nodes)) return;
    setFirstFit(next);
    if (!fitOnStart) return;
    // React Flow's own first fit, again with these options: a fit still waiting takes them; one
    // made is made again when React Flow takes its node list, now if it holds the canvas's start
    // (the first picture is the window's, which usually does), else with the next picture's list.
    const flow = flowStore.getState();
    flowStore.setState({ fitViewQueued: true, fitViewOptions: next });
    if (!next.nodes || next.nodes.every((n) => flow.nodeLookup.has(n.id))) flow.setNodes(flow.nodes);
    // Only the canvas's first layout: its later sizes are the resize observer's (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  const visibleOnly = scenario.steps.length > VISIBLE_ONLY_ABOVE;
  const PassingLines = passingLines.use(visibleOnly);
  // Edges show where a failure travelled, but like the nodes each reads that at the playhead
  // itself (DependencyEdge.tsx): the edge list is the same array while a run plays, so React
  // Flow does not rebuild its lookups and markers over every edge when the failure travels.
  // Plain steps until the edge router has loaded and the first picture is on screen; routed from
  // then on, in a task of its own (routing 2,000 steps takes hundreds of ms: issue #15).
  const router = useEdgeRouting();
  // Pictures painted since React Flow took its nodes: the first, then one more a frame while a
  // staged mount still holds steps back (below).
  const [painted, setPainted] = useState(0);
  // React Flow takes its nodes in its own effects after this canvas mounts: the first picture is
  // the frame after that, not the canvas's first (empty) frame.
  const flowReady = useStore(selectFlowReady) || scenario.steps.length === 0;
  const routing = painted ? router : null;
  // A large graph's first picture is its steps alone: React Flow then mounts no edge before the
  // first node is drawn (hundreds of edge svgs laid out and painted in that frame: issue #15).
  // The edges come with the routes, in the frame after.
  const edgesLater = !painted && visibleOnly;
  const edges = useMemo(() => (edgesLater ? NO_FLOW_EDGES : buildEdges({ ...inputs, router: routing }, cache)), [edgesLater, inputs, cache, routing]);
  // Arrowhead ids are document-wide: this canvas's own (useId's text, cut to characters safe in `url(#…)`).
  const markerPrefix = `ripple-arrow${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  // React Flow needs node objects it can annotate (measured size, dragging); the store's
  // scenario stays the source of truth and positions are committed when a move ends.
  const [nodes, setNodes] = useState<StepFlowNode[]>(built);
  const [lastBuilt, setLastBuilt] = useState(built);
  if (lastBuilt !== built) {
    setLastBuilt(built);
    setNodes((prev) => mergeNodes(built, lastBuilt, prev));
  }

  // Group frames are sized from where the steps are drawn now (a drag in progress included),
  // so a frame follows its members as they move; behind them in the DOM and in z-order.
  const groups = scenario.groups;
  const frameParts = groupFrames.use(!!groups && groups.length > 0);
  const lastFrames = useRef<GroupFrameNode[]>([]);
  const frames = useMemo(() => {
    if (!groups || groups.length === 0 || !frameParts) return (lastFrames.current = []);
    return (lastFrames.current = frameParts.buildGroupFrames({ groups, steps: scenario.steps }, new Map(nodes.map((n) => [n.id, n])), STEP_NODE_SIZE, lastFrames.current));
  }, [groups, scenario.steps, nodes, frameParts]);
  const allNodes = useMemo<FlowNode[]>(() => (frames.length === 0 ? nodes : [...frames, ...nodes]), [frames, nodes]);
  // A graph drawn whole whose first view shows only its start mounts the rest after that view
  // is painted, a few steps a frame (staged-mount.ts); a visible-only graph, which draws only the
  // steps in view, gives React Flow the steps near its start first and the rest, off the view,
  // many a frame. Once whole it stays so: `painted` only grows (a step added later may wait a frame).
  const steps = scenario.steps;
  const start = useMemo(
    () => (visibleOnly && firstFit.nodes ? nearStart(steps, firstFit.nodes, windowView() ?? ASSUMED_VIEW, firstFit, STEP_NODE_SIZE) : firstFit.nodes),
    [visibleOnly, steps, firstFit],
  );
  const perPicture = visibleOnly ? MOUNT_OFF_VIEW_STEPS_PER_PICTURE : MOUNT_STEPS_PER_PICTURE;
  const mounted = useMemo(() => stagedMount(allNodes, edges, start, painted, perPicture), [allNodes, edges, start, painted, perPicture]);
  const holding = mounted !== null;
  useEffect(() => {
    if (!flowReady || (painted > 0 && !holding)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is drawn: a task queued from the frame callback runs once it is painted.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted((n) => n + 1), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [flowReady, painted, holding]);

  // The picture the canvas mounts with is fitted by React Flow itself, at once (`fitView`
  // below); fitting it again here, animated, slid the steps from under a click just after
  // Table → canvas.
  const fittedSeq = useRef(viewSeq);
  useEffect(() => {
    if (viewSeq === fittedSeq.current) return;
    fittedSeq.current = viewSeq;
    userMoved.current = false;
    const canvas = wrapper.current;
    void fitView({ ...startFit(store.getState().scenario.steps, canvas?.getBoundingClientRect() ?? windowView(), canvas ? coveredTop(canvas) : 0), duration: reducedMotion ? 0 : 250 });
    // Only a new picture (viewSeq) fits here; a change of floor is the resize effect's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewSeq, fitView, reducedMotion]);

  // The canvas area changes size when the dock opens after Run, the window is resized or a
  // phone turns: fit again, unless the person has moved the view themselves.
  useEffect(() => {
    const element = wrapper.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let last: { width: number; height: number } | null = null;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      const { width, height } = element.getBoundingClientRect();
      const first = last === null;
      // A resize from a laid-out size to another: not the first layout (React Flow fits that itself).
      const changed = !first && last!.width > 0 && last!.height > 0 && (Math.abs(width - last!.width) >= 1 || Math.abs(height - last!.height) >= 1);
      last = { width, height };
      // An unlaid element (0 wide) keeps the floor chosen from the window's width.
      const isNarrow = width > 0 ? width < NARROW_BELOW : narrowWindow();
      setNarrow(isNarrow);
      if (!changed || userMoved.current || width === 0 || height === 0) return;
      if (store.getState().scenario.steps.length === 0) return;
      cancelAnimationFrame(frame);
      // After React Flow has taken the new size (its own observer runs in the same round).
      frame = requestAnimationFrame(() => void fitView(startFit(store.getState().scenario.steps, { width, height })));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fitView, store]);

  // `event` is null when the view moved by code (a fit); otherwise the person panned or zoomed.
  const onMoveStart = useCallback((event: unknown) => {
    if (event) userMoved.current = true;
  }, []);
  const onZoomButton = useCallback(() => {
    userMoved.current = true;
  }, []);
  const onFitButton = useCallback(() => {
    userMoved.current = false;
  }, []);
  // A step selected in a panel (the Why links, the Gantt labels) is brought into view; the view
  // is then the person's, as after a pan.
  useRevealSelection({ minZoom: fit.minZoom, reducedMotion, onRevealed: onZoomButton });

  const onNodesChange = useCallback(
    (all: NodeChange<FlowNode>[]) => {
      // Frames are drawn from the steps; React Flow's notes about them (their size) change nothing.
      const changes = all.filter((change) => change.type === 'add' || !isFrameNodeId(change.id)) as NodeChange<StepFlowNode>[];
      // Selection goes to the store, and comes back through `built` (selection-changes.ts says why).
      const local = changes.filter((change) => change.type !== 'select');
      if (local.length > 0) setNodes((current) => applyNodeChanges(local, current));
      const state = store.getState();
      const ids = stepsAfterSelectChanges(state.selectedStepIds, changes);
      if (ids !== state.selectedStepIds) state.setSelection([...ids], ids.length === 0 ? state.selectedEdge : null);
      // A drag (or an arrow-key move) ends with position changes marked not dragging: commit
      // them together, so moving several steps is one undo step.
      const moved = idRecord<Position>();
      let any = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging === false) {
          moved[change.id] = change.position;
          any = true;
        }
      }
      if (any) store.getState().moveSteps(moved);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<DependencyFlowEdge>[]) => {
      const state = store.getState();
      const edge = edgeAfterSelectChanges(state.selectedEdge, changes, (id) => {
        const dep = state.scenario.dependencies.find((d) => edgeId(d.from, d.to) === id);
        return dep ? { from: dep.from, to: dep.to } : null;
      });
      if (edge === state.selectedEdge) return;
      if (edge) state.selectEdge(edge);
      else state.setSelection(state.selectedStepIds, null);
    },
    [store],
  );

  const onConnect = useCallback((c: Connection) => void store.getState().connect(c.source, c.target), [store]);

  const onNodeClick = useCallback(
    (event: MouseEvent, node: FlowNode) => {
      // The clicked step becomes the primary selection (what the inspector shows).
      if (node.type !== 'step' || event.shiftKey || event.ctrlKey || event.metaKey) return;
      const state = store.getState();
      if (state.selectedStepId !== node.id && state.selectedStepIds.includes(node.id)) state.setSelection([...state.selectedStepIds.filter((id) => id !== node.id), node.id]);
      // On a phone the panels are below the canvas, out of sight: bring the answer to the tap
      // (the Why section when there is a run, else the inspector) into view, once it has rendered.
      if (window.matchMedia?.(PANELS_BELOW).matches) {
        whenDrawn(
          () => {
            const panel = document.getElementById('side-panel');
            const why = panel?.querySelector('[data-testid="why-section"]');
            // Until the inspector is drawn (its chunk loading, the old tab still shown) the page may
            // be too short to scroll at all: wait for it (tryout: a tap before the first run left
            // the inspector below the screen).
            return why ?? (store.getState().panelTab === 'step' && !panel?.querySelector('.inspector') ? null : panel);
          },
          (target) => (target ?? document.getElementById('side-panel'))?.scrollIntoView?.({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' }),
        );
      }
    },
    [store, reducedMotion],
  );

  const onNodeDoubleClick = useCallback((_: MouseEvent, node: FlowNode) => node.type === 'step' && store.getState().startRename(node.id), [store]);

  const onDoubleClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (readOnly || !(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = store.getState().addStep({ position: { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 } });
      if (id) store.getState().startRename(id);
    },
    [readOnly, screenToFlowPosition, store],
  );

  // The same elements while only the run moves, so React skips them.
  const chrome = useMemo(
    () => (
      <>
        <Background gap={24} size={1.2} />
        <EdgeMarkerDefs />
        <Controls
          showInteractive={false}
          position="top-right"
          // On a phone, a row across the top (the fit keeps that strip clear: CONTROLS_ROOM), not a column down the side.
          orientation={fit.top === undefined ? 'vertical' : 'horizontal'}
          fitViewOptions={{ ...fitOptions(fit), duration: reducedMotion ? 0 : 250 }}
          onZoomIn={onZoomButton}
          onZoomOut={onZoomButton}
          onFitView={onFitButton}
        />
      </>
    ),
    [reducedMotion, fit, onZoomButton, onFitButton],
  );

  return (
    <div ref={wrapper} className={`canvas${readOnly ? ' read-only' : ''}${visibleOnly ? ' canvas--many' : ''}`} style={{ width: '100%', height: '100%' }} onDoubleClick={onDoubleClick}>
      <EdgeMarkers prefix={markerPrefix} cullToView={visibleOnly} passing={PassingLines !== null}>
        <ReactFlow<FlowNode, DependencyFlowEdge>
          nodes={mounted?.nodes ?? allNodes}
          edges={mounted?.edges ?? edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={readOnly ? undefined : onConnect}
          onNodeClick={onNodeClick}
          onNodeDoubleClick={readOnly ? undefined : onNodeDoubleClick}
          colorMode={colorMode}
          fitView={fitOnStart}
          fitViewOptions={firstFit}
          onMoveStart={onMoveStart}
          defaultViewport={DEFAULT_VIEWPORT}
          minZoom={0.2}
          maxZoom={2}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          // Space plays and pauses; dragging the pane pans.
          panActivationKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          // Edges come before nodes in React Flow's DOM; keeping them out of the Tab order lets
          // Tab reach the steps first (edges stay clickable, and each step's inspector lists them).
          edgesFocusable={false}
          nodesFocusable
          elementsSelectable
          ariaLabelConfig={ARIA_LABELS}
          onlyRenderVisibleElements={visibleOnly}
        >
          {chrome}
          {PassingLines && <PassingLines edges={edges} />}
        </ReactFlow>
      </EdgeMarkers>
    </div>
  );
}
