import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Dependency, DependencyCondition, Scenario, Step } from '../scenario/types.ts';
import type { LiveStepView } from '../store/types.ts';
import { edgeCarried, type ReplayMark } from '../store/selectors.ts';
import type { EdgeRef } from '../store/types.ts';
import { orderedSteps } from './step-order.ts';
import { conditionOf } from '../scenario/defaults.ts';
import { STATE_META, stateText } from './state-meta.ts';
import { FINALLY_TITLE, finallySteps, stepMarks } from './step-marks.ts';
import { NODE_WIDTH } from './layout/layout-constants.ts';
import type { Point } from './layout/edge-path.ts';
import type { routeAll as RouteAll } from './layout/edge-routes.ts';
import { loadedEdgeRouting } from './use-edge-routing.ts';
import type { IconName } from './icons.tsx';

// Scenario + run moment → React Flow nodes and edges. Pure: what the canvas draws is decided
// here and tested without a DOM.
//
// The playhead moves many times a second and each move changes a handful of steps. On the
// canvas the nodes do not carry the run at all (each StepNode reads its own state from the
// store), so the node list is the same array while a run plays. With a `GraphCache`, a node or
// edge whose inputs are the same objects and values as last time is returned as the very same
// object, so React Flow (which compares node and edge objects by identity) re-renders only what
// changed, and an unchanged graph is the same array.

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  /** The step at the moment the nodes picture (GraphInputs.live), null for the design; unused when `followsPlayhead`. */
  live: LiveStepView | null;
  /**
   * True on the canvas (GraphInputs.live not given): the node reads its own view at the
   * playhead from the store (selectStepLive), so the node list stays the same array while a
   * run plays.
   */
  followsPlayhead: boolean;
  /** Lint messages about this step. */
  lint: string[];
  highlighted: boolean;
  renaming: boolean;
  readOnly: boolean;
  /** The step's part in the open replay plan, if one is open. */
  replay: ReplayMark | null;
  /** The replay plan's warnings about this step (it would run twice…). */
  replayWarnings: string[];
  /** R15: every incoming dependency is `always`: a teardown that abort does not cancel. */
  isFinally: boolean;
}
export type StepFlowNode = Node<StepNodeData, 'step'>;

export interface DependencyEdgeData extends Record<string, unknown> {
  condition: DependencyCondition;
  /**
   * The prerequisite's failure travelled along this edge: it failed or was blocked, and the
   * dependent is blocked for it. At the moment GraphInputs.live pictures; unused when `followsPlayhead`.
   */
  carried: boolean;
  /**
   * True on the canvas (GraphInputs.live not given): the edge reads whether the failure came its
   * way at the playhead from the store (selectEdgeCarried), so the edge list stays the same
   * array while a run plays.
   */
  followsPlayhead: boolean;
  /**
   * The edge's accessible name without the run ("B depends on A"); edgeAriaLabel adds what the
   * run made of it. Absent on the canvas (`followsPlayhead`): there the edge reads it from the
   * store (`edgeNameIn`), so renaming a step gives React Flow no new edge list.
   */
  name?: string;
  highlighted: boolean;
  /**
   * The edge's route around other steps (src/canvas/layout/edge-routes.ts), from the source
   * handle to the target handle as the scenario's positions place them, in flow px.
   */
  route: readonly Point[] | null;
}
export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

export interface GraphInputs {
  scenario: Scenario;
  /**
   * Each step's state at the moment drawn, null for the design. Edges always read it (a failure
   * travels along them); nodes carry it only when it is given, else they follow the store's
   * playhead themselves (StepNodeData.followsPlayhead).
   */
  live?: Record<string, LiveStepView> | null;
  highlightPath: readonly string[];
  lint: Readonly<Record<string, string[]>>;
  selectedStepIds: readonly string[];
  selectedEdge: EdgeRef | null;
  renamingStepId: string | null;
  readOnly: boolean;
  /** While a replay plan is open: each step's part in it (selectReplayMarks). */
  replayMarks?: Readonly<Record<string, ReplayMark>> | null;
  /** While a replay plan is open: its warnings by step (selectReplayWarnings). */
  replayWarnings?: Readonly<Record<string, string[]>> | null;
  /** The edge router (null: not loaded yet, edges are plain steps); absent: the one loaded, if any (use-edge-routing.ts). */
  router?: typeof RouteAll | null;
}

interface Cached<T> {
  key: readonly unknown[];
  value: T;
}

interface Memo<T> {
  byId: Map<string, Cached<T>>;
  last: T[];
}

/** What the last edge list was built from, apart from the run: while only the playhead moves, these stay the same objects. */
interface EdgeInputs {
  scenario: Scenario;
  highlightPath: readonly string[];
  selectedEdge: EdgeRef | null;
  routes: Map<string, Routed>;
  /** Ids of the edges a failure travelled along at that moment. */
  carried: ReadonlySet<string>;
}

/** Per-id memory of built nodes and edges; one per mounted canvas. */
export interface GraphCache {
  nodes: Memo<StepFlowNode>;
  edges: Memo<DependencyFlowEdge>;
  edgeInputs?: EdgeInputs;
}

export function createGraphCache(): GraphCache {
  return { nodes: { byId: new Map(), last: [] }, edges: { byId: new Map(), last: [] } };
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Build a list through a memo: each item keeps its object while its key is unchanged, and the list keeps its array. */
function buildList<Source, Key extends readonly unknown[], T>(
  memo: Memo<T> | undefined,
  sources: readonly Source[],
  idOf: (source: Source) => string,
  keyOf: (source: Source) => Key,
  make: (key: Key) => T,
): T[] {
  if (!memo) return sources.map((source) => make(keyOf(source)));
  const byId = new Map<string, Cached<T>>();
  let same = sources.length === memo.last.length;
  const out = sources.map((source, i) => {
    const id = idOf(source);
    const key = keyOf(source);
    const hit = memo.byId.get(id);
    const cached = hit && sameKey(hit.key, key) ? hit : { key, value: make(key) };
    byId.set(id, cached);
    if (same && memo.last[i] !== cached.value) same = false;
    return cached.value;
  });
  // Rebuilt each time, so steps and dependencies that were removed are forgotten.
  memo.byId = byId;
  if (same) return memo.last;
  memo.last = out;
  return out;
}

export const edgeId = (from: string, to: string) => `${from}->${to}`;

const orderCache = new WeakMap<Scenario, Step[]>();
let lastOrdered: { scenario: Scenario; steps: Step[] } | null = null;

/**
 * `orderedSteps`, computed once per scenario object (the playhead does not change it). After an
 * edit that changed only what steps say (a rename, a failure), not their ids, places, positions
 * or the dependencies, the last order is carried over with the new step objects: the order
 * depends on nothing else, and a 2,000-step graph is not ordered again on each rename.
 */
export function stepsInOrder(scenario: Scenario): Step[] {
  let steps = orderCache.get(scenario);
  if (!steps) {
    steps = (lastOrdered && sameOrder(lastOrdered.scenario, lastOrdered.steps, scenario)) ?? orderedSteps(scenario);
    orderCache.set(scenario, steps);
    lastOrdered = { scenario, steps };
  }
  return steps;
}

/** `order` (of `before`'s steps) with `after`'s step objects, when `after` differs from `before` only in steps' contents; null otherwise. */
function sameOrder(before: Scenario, order: Step[], after: Scenario): Step[] | null {
  if (before.dependencies !== after.dependencies || before.steps.length !== after.steps.length) return null;
  const swapped = new Map<Step, Step>();
  for (let i = 0; i < after.steps.length; i++) {
    const was = before.steps[i];
    const now = after.steps[i];
    if (was === now) continue;
    if (was.id !== now.id || was.position?.x !== now.position?.x || was.position?.y !== now.position?.y) return null;
    swapped.set(was, now);
  }
  return swapped.size === 0 ? order.slice() : order.map((step) => swapped.get(step) ?? step);
}

/** How a replay mark reads: an icon and words, never colour alone (src/canvas/replay-marks.css adds the colour). */
export const REPLAY_MARK_META: Readonly<Record<ReplayMark, { icon: IconName; text: string; description: string }>> = {
  from: { icon: 'play', text: 'replay from', description: 'The replay starts here: it runs again.' },
  rerun: { icon: 'retry', text: 'will rerun', description: 'Depends on a step the replay starts from: it runs again.' },
  keep: { icon: 'keep', text: 'kept', description: 'Its result from the previous run is kept and reused.' },
};

/**
 * The accessible name of a node: everything it shows, in words. StepNode puts it on React
 * Flow's focusable wrapper, since the live part changes without the node object changing.
 */
export function nodeAriaLabel(
  step: Step,
  live: LiveStepView | null,
  lint: string[],
  replay: ReplayMark | null = null,
  replayWarnings: string[] = [],
  isFinally = false,
): string {
  const parts = [step.label ?? step.id];
  if (isFinally) parts.push(FINALLY_TITLE);
  if (step.request) parts.push(step.request);
  if (live) parts.push(stateText(live));
  if (live?.reused) parts.push('reused from the previous run');
  if (replay) parts.push(`replay plan: ${REPLAY_MARK_META[replay].text}`);
  for (const w of replayWarnings) parts.push(w);
  for (const m of stepMarks(step)) parts.push(m.title);
  if (lint.length) parts.push(`${lint.length} warning${lint.length > 1 ? 's' : ''}: ${lint.join(' ')}`);
  return parts.join('. ');
}

// A step node's box and handles as src/app/styles.css draws them (.step-node: 168 × 76 px;
// 12 px handles just outside the left and right borders, centred vertically), relative to the
// node's top-left corner. Given up front, React Flow can place nodes and edges, fit the view and
// cull what is off screen before measuring anything, instead of mounting every node first to
// measure it. A mounted node is still measured, and re-measured (handles too) if its size
// differs; test/browser/canvas.test.ts checks these figures against the real CSS.
export const STEP_NODE_SIZE = { width: NODE_WIDTH, height: 76 } as const;
export const STEP_NODE_HANDLES: NodeHandle[] = [
  { id: null, type: 'target', position: Position.Left, x: -11, y: 32, width: 12, height: 12 },
  { id: null, type: 'source', position: Position.Right, x: STEP_NODE_SIZE.width - 1, y: 32, width: 12, height: 12 },
];

// One empty list for every step without warnings, so "no lint" is the same value each time.
const NO_LINT: string[] = [];
const NO_WARNINGS: string[] = [];

export function buildNodes(input: GraphInputs, cache?: GraphCache): StepFlowNode[] {
  const selected = new Set(input.selectedStepIds);
  const highlighted = new Set(input.highlightPath);
  const finals = finallySteps(input.scenario);
  const followsPlayhead = input.live === undefined;
  const keyOf = (step: Step) => {
    const live = input.live?.[step.id] ?? null;
    const lint = input.lint[step.id] ?? NO_LINT;
    const replay = input.replayMarks?.[step.id] ?? null;
    const replayWarnings = input.replayWarnings?.[step.id] ?? NO_WARNINGS;
    return [step, live, lint, selected.has(step.id), highlighted.has(step.id), input.renamingStepId === step.id, input.readOnly, replay, replayWarnings, finals.has(step.id), followsPlayhead] as const;
  };
  // Dependency order is the DOM order, and so the Tab order of the nodes.
  return buildList(
    cache?.nodes,
    stepsInOrder(input.scenario),
    (step) => step.id,
    keyOf,
    ([step, live, lint, isSelected, isHighlighted, renaming, readOnly, replay, replayWarnings, isFinally, followsPlayhead]): StepFlowNode => {
      return {
        id: step.id,
        type: 'step',
        position: step.position ?? { x: 0, y: 0 },
        measured: STEP_NODE_SIZE,
        handles: STEP_NODE_HANDLES,
        selected: isSelected,
        data: { step, live, followsPlayhead, lint, highlighted: isHighlighted, renaming, readOnly, replay, replayWarnings, isFinally },
      };
    },
  );
}

/** How an edge is drawn, and so which arrowhead ends it: its condition, or what the run or the selection made of it. */
export type EdgeLook = 'success' | 'failure' | 'always' | 'carried' | 'highlighted';

/** An edge's look: the highlighted 424 path first, then a carried failure, else its condition. */
export const edgeLook = (condition: DependencyCondition, carried: boolean, highlighted: boolean): EdgeLook =>
  highlighted ? 'highlighted' : carried ? 'carried' : condition;

/** The accessible name of an edge: `name` (DependencyEdgeData), and, when the failure came its way, that in words. */
export const edgeAriaLabel = (name: string, carried: boolean): string => (carried ? `${name} (${STATE_META.blocked.text}: the failure came this way)` : name);

interface EdgeShape {
  dep: Dependency;
  id: string;
  fromLabel: string;
  toLabel: string;
}

const edgeShapes = new WeakMap<Scenario, EdgeShape[]>();
const stepLabels = new WeakMap<readonly Step[], Map<string, string>>();

/** Each step's shown name (its label, else its id) by id, once per steps list. */
function labelsOf(steps: readonly Step[]): Map<string, string> {
  let labels = stepLabels.get(steps);
  if (!labels) {
    labels = new Map(steps.map((s) => [s.id, s.label ?? s.id]));
    stepLabels.set(steps, labels);
  }
  return labels;
}

/** An edge's accessible name without the run, from its ends' shown names: "Ship depends on Pay". */
export function edgeName(fromLabel: string, toLabel: string, condition: DependencyCondition): string {
  const sentence = condition === 'success' ? 'depends on' : condition === 'failure' ? 'runs if this fails:' : 'runs after, whatever happens to';
  return `${toLabel} ${sentence} ${fromLabel}`;
}

/** The shown name of step `id` in `scenario` (its label, else its id): the string kept for it, not a new one. */
export function stepLabelIn(scenario: Scenario, id: string): string {
  return labelsOf(scenario.steps).get(id) ?? id;
}

/**
 * The name of the edge `from` → `to` (`edgeName`) with the step labels of `scenario`: what a
 * canvas edge reads from the store. O(1) after the first call for a steps list.
 */
export function edgeNameIn(scenario: Scenario, from: string, to: string, condition: DependencyCondition): string {
  return edgeName(stepLabelIn(scenario, from), stepLabelIn(scenario, to), condition);
}

/** Each edge's id and end labels, computed once per scenario rather than on every cursor move. */
function shapesOf(scenario: Scenario): EdgeShape[] {
  let shapes = edgeShapes.get(scenario);
  if (!shapes) {
    const labels = labelsOf(scenario.steps);
    shapes = scenario.dependencies.map((dep) => ({
      dep,
      id: edgeId(dep.from, dep.to),
      fromLabel: labels.get(dep.from) ?? dep.from,
      toLabel: labels.get(dep.to) ?? dep.to,
    }));
    edgeShapes.set(scenario, shapes);
  }
  return shapes;
}

// React Flow's handle points for STEP_NODE_HANDLES: the source at the right handle's outer edge,
// the target at the left handle's outer edge, both at the handles' middle.
const HANDLE_OFFSETS = { out: STEP_NODE_HANDLES[1].x + (STEP_NODE_HANDLES[1].width ?? 0) - STEP_NODE_SIZE.width, in: -STEP_NODE_HANDLES[0].x, y: STEP_NODE_HANDLES[0].y + (STEP_NODE_HANDLES[0].height ?? 0) / 2 };

interface Routed {
  points: Point[];
  /** The points as text: an edge keeps its object while this is unchanged. */
  key: string;
}
interface RouteMemo {
  geometry: string;
  routes: Map<string, Routed>;
  /** The router that made them: a new one (the route worker's routes arrived) routes again. */
  router?: typeof RouteAll;
}
const routeMemo = new WeakMap<Scenario, RouteMemo>();
let lastRoutes: RouteMemo = { geometry: '', routes: new Map() };

// Before the router's chunk has loaded: no routes, each edge a plain step (DependencyEdge).
const NO_ROUTES = new Map<string, Routed>();

/**
 * Each edge's route for the scenario's positions, recomputed only when positions or edges change
 * (not on a rename or the playhead); none until the router has loaded (use-edge-routing.ts).
 */
function routesOf(scenario: Scenario, routeAll: typeof RouteAll | null): Map<string, Routed> {
  if (!routeAll) return NO_ROUTES;
  const known = routeMemo.get(scenario);
  if (known && known.router === routeAll) return known.routes;
  const positions = new Map<string, Point>();
  for (const step of scenario.steps) if (step.position) positions.set(step.id, step.position);
  const geometry = JSON.stringify([[...positions], scenario.dependencies.map((d) => [d.from, d.to])]);
  if (lastRoutes.geometry !== geometry || lastRoutes.router !== routeAll) {
    const fresh = routeAll(positions, STEP_NODE_SIZE, HANDLE_OFFSETS, shapesOf(scenario).map((s) => ({ id: s.id, from: s.dep.from, to: s.dep.to })));
    const routes = new Map<string, Routed>();
    for (const [id, points] of fresh) routes.set(id, { points, key: points.map((p) => `${p.x},${p.y}`).join(' ') });
    lastRoutes = { geometry, routes, router: routeAll };
  }
  routeMemo.set(scenario, lastRoutes);
  return lastRoutes.routes;
}

const incomingEdges = new WeakMap<Scenario, Map<string, EdgeShape[]>>();

/** Each step's incoming edges, once per scenario. */
function incomingOf(scenario: Scenario): Map<string, EdgeShape[]> {
  let byTarget = incomingEdges.get(scenario);
  if (!byTarget) {
    byTarget = new Map();
    for (const shape of shapesOf(scenario)) {
      const list = byTarget.get(shape.dep.to);
      if (list) list.push(shape);
      else byTarget.set(shape.dep.to, [shape]);
    }
    incomingEdges.set(scenario, byTarget);
  }
  return byTarget;
}

const NO_EDGES: ReadonlySet<string> = new Set();
// Per run moment (the live record is the same object while no step changes): the canvas asks on
// every store change, many times a second, and the answer changes only with the playhead.
const carriedMemo = new WeakMap<Record<string, LiveStepView>, { scenario: Scenario; ids: ReadonlySet<string> }>();

/** The edges a failure travelled along at this moment (`carried`), found from the blocked steps rather than by visiting every edge. */
function carriedEdges(scenario: Scenario, live: Record<string, LiveStepView> | null | undefined): ReadonlySet<string> {
  if (!live) return NO_EDGES;
  const known = carriedMemo.get(live);
  if (known && known.scenario === scenario) return known.ids;
  const ids = new Set<string>();
  carriedMemo.set(live, { scenario, ids });
  const incoming = incomingOf(scenario);
  for (const to of Object.keys(live)) {
    if (live[to].state !== 'blocked') continue;
    for (const shape of incoming.get(to) ?? []) if (edgeCarried(live, shape.dep.from, to)) ids.add(shape.id);
  }
  return ids;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a === b || (a.size === b.size && [...a].every((id) => b.has(id)));

export function buildEdges(input: GraphInputs, cache?: GraphCache): DependencyFlowEdge[] {
  const routes = routesOf(input.scenario, input.router === undefined ? loadedEdgeRouting() : input.router);
  // The playhead moves every frame and changes the edges only when a failure travels further:
  // then the list is the same array, and thousands of edges are not visited on each frame.
  // On the canvas each edge follows the playhead itself (DependencyEdgeData.followsPlayhead).
  const followsPlayhead = input.live === undefined;
  const carriedIds = followsPlayhead ? NO_EDGES : carriedEdges(input.scenario, input.live);
  const before = cache?.edgeInputs;
  if (
    cache &&
    before &&
    before.scenario === input.scenario &&
    before.highlightPath === input.highlightPath &&
    before.selectedEdge === input.selectedEdge &&
    before.routes === routes &&
    sameSet(before.carried, carriedIds)
  )
    return cache.edges.last;
  if (cache) cache.edgeInputs = { scenario: input.scenario, highlightPath: input.highlightPath, selectedEdge: input.selectedEdge, routes, carried: carriedIds };
  const path = input.highlightPath;
  const onPath = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) onPath.add(edgeId(path[i], path[i + 1]));
  const picked = input.selectedEdge;
  const keyOf = (shape: EdgeShape) => {
    const { dep, id } = shape;
    const isSelected = !!picked && picked.from === dep.from && picked.to === dep.to;
    // The dependency and the labels, not the shape: an edit elsewhere (a drag) makes new shapes.
    // On the canvas the edge reads its name itself: a rename keeps every edge and the list.
    return [dep, !followsPlayhead && shape.fromLabel, !followsPlayhead && shape.toLabel, carriedIds.has(id), onPath.size > 0 && onPath.has(id), isSelected, routes.get(id)?.key ?? null] as const;
  };
  return buildList(
    cache?.edges,
    shapesOf(input.scenario),
    (shape) => shape.id,
    keyOf,
    ([dep, fromLabel, toLabel, isCarried, isHighlighted, isSelected]): DependencyFlowEdge => {
      const condition = conditionOf(dep);
      const route = routes.get(edgeId(dep.from, dep.to))?.points ?? null;
      const name = followsPlayhead ? undefined : edgeName(fromLabel as string, toLabel as string, condition);
      const data: DependencyEdgeData = { condition, carried: isCarried, followsPlayhead, name, highlighted: isHighlighted, route };
      // No `markerEnd`, and the name without the run: DependencyEdge draws the arrowhead of its look
      // and adds to the name what the run made of it, which on the canvas never reaches this object.
      // On the canvas no name at all: DependencyEdge writes it over React Flow's placeholder.
      return { id: edgeId(dep.from, dep.to), type: 'dependency', source: dep.from, target: dep.to, selected: isSelected, ariaLabel: data.name, data };
    },
  );
}

// Above this many steps React Flow mounts only the nodes and edges in view: a 300-step graph
// has ~900 edges, and each mounted one costs on every update. Small graphs keep every node in
// the DOM, so Tab reaches all of them (the table view lists every step at any size).
export const VISIBLE_ONLY_ABOVE = 100;

/**
 * Keep what React Flow learnt about a node (its measured size, its handles as measured, a drag in
 * progress) across rebuilds. A node whose built object did not change keeps React Flow's copy as
 * it is, so React Flow sees the same object and does not re-render it. A rebuilt node React Flow
 * already holds goes without `handles`: React Flow takes a node's `handles` anew whenever its
 * object changes, and the declared ones (STEP_NODE_HANDLES) differ from the measured ones by
 * float noise (-11 vs -11.0000079 at zoom 0.71), so selecting or renaming a fan-out step moved
 * the ends of its ~500 edges by millionths of a pixel and React Flow re-rendered every one
 * (issue #15: edit's longest task). Without `handles` and with `measured`, React Flow keeps the
 * handle bounds it has.
 */
export function mergeNodes(built: StepFlowNode[], previousBuilt: StepFlowNode[], current: StepFlowNode[]): StepFlowNode[] {
  // While the playhead moves the three lists hold the same steps in the same order: look up by
  // place, and build the maps only when the steps or their order changed.
  const aligned = built.length === previousBuilt.length && built.length === current.length && built.every((n, i) => previousBuilt[i].id === n.id && current[i].id === n.id);
  const before = aligned ? null : new Map(previousBuilt.map((n) => [n.id, n]));
  const now = aligned ? null : new Map(current.map((n) => [n.id, n]));
  let same = built.length === current.length;
  const merged = built.map((node, i) => {
    const prev = now ? now.get(node.id) : current[i];
    let next: StepFlowNode;
    if (!prev) next = node;
    else if ((before ? before.get(node.id) : previousBuilt[i]) === node) next = prev;
    else {
      const { handles: _declared, ...rest } = node;
      next = { ...rest, measured: prev.measured, ...(prev.dragging ? { position: prev.position, dragging: true } : {}) };
    }
    if (same && current[i] !== next) same = false;
    return next;
  });
  return same ? current : merged;
}
