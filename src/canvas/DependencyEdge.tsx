import { createContext, memo, useCallback, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { EdgeLabelRenderer, getSmoothStepPath, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { useRipple } from '../store/context.tsx';
import { selectEdgeCarried } from '../store/selectors.ts';
import { edgeAriaLabel, edgeLook, edgeName, stepLabelIn, type DependencyFlowEdge, type EdgeLook } from './build-graph.ts';
import { labelPoint, roundedPath, type Point } from './layout/edge-path.ts';
import { lineMeets, passesThrough, viewBox } from './view-box.ts';

// The route is computed from the scenario's positions; while a step is being dragged its ends
// move ahead of them, and the edge follows as a plain step until the move is committed.
const meets = (route: readonly Point[], sx: number, sy: number, tx: number, ty: number) => {
  const first = route[0];
  const last = route[route.length - 1];
  return Math.abs(first.x - sx) < 0.5 && Math.abs(first.y - sy) < 0.5 && Math.abs(last.x - tx) < 0.5 && Math.abs(last.y - ty) < 0.5;
};

// success: solid; failure: dashed red, labelled "on fail"; always: dotted, labelled
// "always". The edge a failure travelled along is thick and marked "424". Memoised: React Flow
// passes coordinates and the edge's own `data`, which stays the same object until it changes;
// on the canvas whether the failure came this way is read from the store by the edge itself, so
// a playhead move re-renders only the edges it changes and React Flow's edge list stays the same.
export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<DependencyFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const followsPlayhead = data?.followsPlayhead ?? false;
  const followed = useRipple((state) => followsPlayhead && selectEdgeCarried(state, source, target));
  const carried = followsPlayhead ? followed : (data?.carried ?? false);
  const { markers, cullToView, passing } = useContext(EdgeCanvas);
  // Right-angled routes read better than curves in the narrow gaps between layers; the routed
  // ones go around other steps (src/canvas/layout/edge-routes.ts), never under them.
  const route = data?.route;
  const routed = !!route && route.length >= 2 && meets(route, sourceX, sourceY, targetX, targetY);
  const corners = useMemo(() => (routed ? route : stepCorners(sourceX, sourceY, targetX, targetY)), [routed, route, sourceX, sourceY, targetX, targetY]);
  const condition = data?.condition ?? 'success';
  const highlighted = data?.highlighted ?? false;
  // On the canvas the name comes from the store's labels: each end's label is the string kept for
  // it, so a store update (every seek) builds no string and only a renamed step's edges re-render.
  const fromLabel = useRipple((state) => (followsPlayhead ? stepLabelIn(state.scenario, source) : null));
  const toLabel = useRipple((state) => (followsPlayhead ? stepLabelIn(state.scenario, target) : null));
  const name = fromLabel !== null && toLabel !== null ? edgeName(fromLabel, toLabel, condition) : data?.name;
  // A plain edge whose route only crosses the view is drawn with the others in PassingLines (once
  // its chunk is here), unless it is the selected step's own (below).
  const mayPass = passing && cullToView && routed && condition === 'success' && !highlighted && !carried && !props.selected;
  const place = useStore(useCallback((flow: ReactFlowState) => (cullToView ? placeInView(corners, flow, mayPass) : IN), [cullToView, corners, mayPass]));
  // An edge into or out of the selected step stands out, so its connections can be traced in a
  // large graph where many lines share a column (tryout). Read by the edge itself, and only by an
  // edge whose line is on screen: a new selection re-renders only those whose answer changes, not
  // the hundreds of a fan-out step's edges React Flow mounts off screen (issue #15: edit's longest task).
  const adjacent = useRipple((state) => place !== OUT && (state.selectedStepId === source || state.selectedStepId === target));
  // A passing line is drawn here when it is the selected step's own (PassingLines leaves it out).
  const inView = place === IN || (place === PASSING && adjacent);
  const edge = useRef<Element | null>(null);
  const hold = useCallback((element: Element | null) => void (edge.current = element), []);
  // The accessible name is on React Flow's wrapper (the `g` with role "img"); the object gives it
  // the name without the run, which React writes only when that changes: add the run's part after.
  useLayoutEffect(() => {
    if (name !== undefined) edge.current?.closest('.react-flow__edge')?.setAttribute('aria-label', edgeAriaLabel(name, carried));
  }, [name, carried, inView]);
  // Out of view: nothing to paint, only a handle on the wrapper for its name.
  if (!inView) return <g ref={hold} />;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (routed) {
    path = roundedPath(route);
    ({ x: labelX, y: labelY } = labelPoint(route));
  } else {
    [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 10 });
  }
  const classes = ['dep-edge', `dep-edge--${condition}`];
  if (carried) classes.push('dep-edge--carried');
  if (highlighted) classes.push('dep-edge--highlighted');
  else if (adjacent) classes.push('dep-edge--adjacent');
  // Short words: layers are only ~50 px apart.
  const label = carried ? '424' : condition === 'failure' ? 'on fail' : condition === 'always' ? 'always' : null;
  const labelClass = carried ? 'edge-label--carried' : `edge-label--${condition}`;
  return (
    <>
      {/* Under a 424's dashes, a line of the canvas's colour: its gaps show the canvas, not a grey line sharing the stretch (tryout). */}
      {carried && <path d={path} fill="none" className="dep-edge__casing" />}
      {/* React Flow's BaseEdge, written out for the ref: the drawn path, then a wide invisible one that takes the clicks. */}
      <path ref={hold} id={id} d={path} fill="none" markerEnd={`url(#${markers}-${edgeLook(condition, carried, highlighted)})`} className={`react-flow__edge-path ${classes.join(' ')}`} />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={20} className="react-flow__edge-interaction" />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${labelClass} nodrag nopan`}
            data-testid={`edge-label-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** Each look's arrowhead colour (the edge's stroke in src/app/styles.css). */
const MARKER_COLOR: Readonly<Record<EdgeLook, string>> = {
  success: 'var(--edge)',
  failure: 'var(--state-failed)',
  always: 'var(--text-muted)',
  carried: 'var(--state-blocked)',
  highlighted: 'var(--accent)',
};
const LOOKS = Object.keys(MARKER_COLOR) as EdgeLook[];

/**
 * What the canvas tells its edges (EdgeMarkers): the prefix of its arrowhead ids
 * (`<markers>-<look>`), and whether an edge whose drawn line is out of view draws nothing.
 */
const EdgeCanvas = createContext({ markers: 'ripple-arrow', cullToView: false, passing: false });

/** Where an edge's line is with respect to the view (`placeInView`): numbers, so the test each edge runs on every view change stays small. */
export const OUT = 0;
export const PASSING = 1;
export const IN = 2;
export type ViewPlace = typeof OUT | typeof PASSING | typeof IN;

/** Flow px around the view within which an edge is still drawn: its arrowhead (16) and its label (about 50 wide) reach that far from the line. */
export const VIEW_MARGIN = 60;

/**
 * The corners of the plain step path DependencyEdge draws from a right-hand source handle to a
 * left-hand target (getSmoothStepPath): across, down or up at the middle, across. A target left
 * of the source gets a path that turns around both ends: its corners' box stands for it.
 */
export function stepCorners(sx: number, sy: number, tx: number, ty: number): readonly Point[] {
  if (tx >= sx + 40) {
    const mx = (sx + tx) / 2;
    return [
      { x: sx, y: sy },
      { x: mx, y: sy },
      { x: mx, y: ty },
      { x: tx, y: ty },
    ];
  }
  const top = Math.min(sy, ty) - 80;
  const bottom = Math.max(sy, ty) + 80;
  const left = tx - 40;
  const right = sx + 40;
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
    { x: left, y: top },
  ];
}

/**
 * Where a line through `corners` (flow px) is with respect to the part of the flow on screen:
 * OUT (not within VIEW_MARGIN of it), PASSING (with `passing`: it only crosses the view, both
 * ends out of it, and PassingLines may draw it) or IN. Tighter than React Flow's own test (the
 * box spanning both steps meets the view), which at 2,000 steps mounts over a thousand edges for
 * the sixty steps in view: each is a layer the browser walks when it paints a frame. Each segment
 * is tested by its box, exact for the right-angled segments edges are drawn with. Before the
 * canvas has a size, everything is IN.
 */
export function placeInView(corners: readonly Point[], flow: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, passing = false): ViewPlace {
  const box = viewBox(flow.transform, flow.width, flow.height, VIEW_MARGIN);
  if (!box) return IN;
  if (!lineMeets(corners, box)) return OUT;
  return passing && passesThrough(corners, box) ? PASSING : IN;
}

/**
 * The canvas's arrowheads, one `<marker>` per edge look, drawn once and shared by every edge
 * (an edge changing look when a failure travels picks another, and no marker is made or
 * re-derived). The shape is React Flow's ArrowClosed (viewBox −10…10, the tip at 0,0), 16 × 16
 * flow px. `prefix` must be unique in the document (marker ids are document-wide: two
 * simulators can share a page) and safe in `url(#…)`; the edges inside `children` use it.
 */
export function EdgeMarkers({ prefix, cullToView, passing = false, children }: { prefix: string; cullToView: boolean; passing?: boolean; children: ReactNode }) {
  const value = useMemo(() => ({ markers: prefix, cullToView, passing }), [prefix, cullToView, passing]);
  return <EdgeCanvas.Provider value={value}>{children}</EdgeCanvas.Provider>;
}

/** The `<svg>` holding the arrowheads of `EdgeMarkers`: zero-size, out of the accessibility tree and of pointer events. */
export function EdgeMarkerDefs() {
  const prefix = useContext(EdgeCanvas).markers;
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {LOOKS.map((look) => (
          <marker
            key={look}
            id={`${prefix}-${look}`}
            className="react-flow__arrowhead"
            markerWidth="16"
            markerHeight="16"
            viewBox="-10 -10 20 20"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline style={{ stroke: MARKER_COLOR[look], fill: MARKER_COLOR[look], strokeWidth: 1 }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
