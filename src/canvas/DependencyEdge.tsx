import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { DependencyFlowEdge } from './build-graph.ts';

// success: solid; failure: dashed red, labelled "on fail"; always: dotted, labelled
// "always". The edge a failure travelled along is thick and marked "424". Memoised: React Flow
// passes coordinates and the edge's own `data`, which stays the same object until it changes.
export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<DependencyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  // Right-angled routes read better than curves in the narrow gaps between layers.
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 10 });
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
