import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { DependencyFlowEdge } from './build-graph.ts';
import { labelPoint, roundedPath, type Point } from './layout/edge-path.ts';

// The route is computed from the scenario's positions; while a step is being dragged its ends
// move ahead of them, and the edge follows as a plain step until the move is committed.
const meets = (route: readonly Point[], sx: number, sy: number, tx: number, ty: number) => {
  const first = route[0];
  const last = route[route.length - 1];
  return Math.abs(first.x - sx) < 0.5 && Math.abs(first.y - sy) < 0.5 && Math.abs(last.x - tx) < 0.5 && Math.abs(last.y - ty) < 0.5;
};

// success: solid; failure: dashed red, labelled "on fail"; always: dotted, labelled
// "always". The edge a failure travelled along is thick and marked "424". Memoised: React Flow
// passes coordinates and the edge's own `data`, which stays the same object until it changes.
export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<DependencyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  // Right-angled routes read better than curves in the narrow gaps between layers; the routed
  // ones go around other steps (src/canvas/layout/edge-routes.ts), never under them.
  const route = data?.route;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (route && route.length >= 2 && meets(route, sourceX, sourceY, targetX, targetY)) {
    path = roundedPath(route);
    ({ x: labelX, y: labelY } = labelPoint(route));
  } else {
    [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 10 });
  }
  const condition = data?.condition ?? 'success';
  const classes = ['dep-edge', `dep-edge--${condition}`];
  if (data?.carried) classes.push('dep-edge--carried');
  if (data?.highlighted) classes.push('dep-edge--highlighted');
  // Short words: layers are only ~50 px apart.
  const label = data?.carried ? '424' : condition === 'failure' ? 'on fail' : condition === 'always' ? 'always' : null;
  const labelClass = data?.carried ? 'edge-label--carried' : `edge-label--${condition}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes.join(' ')} />
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
