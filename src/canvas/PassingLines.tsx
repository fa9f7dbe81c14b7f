import { useMemo } from 'react';
import { EdgeLabelRenderer, useStore, type ReactFlowState } from '@xyflow/react';
import type { DependencyFlowEdge } from './build-graph.ts';
import type { Point } from './layout/edge-path.ts';
import { passingPath } from './passing-lines.ts';
import { passesThrough, viewBox, type ViewBox } from './view-box.ts';
import { VIEW_MARGIN } from './DependencyEdge.tsx';
import { useRipple } from '../store/context.tsx';

// A chunk of its own, loaded only for a graph of over 100 steps (StepCanvas): until it is here,
// DependencyEdge draws every edge in view itself (issue #15: main JS).

/**
 * The plain edges of `edges` whose routes only cross the view (passesThrough), drawn as one path
 * with each shared stretch once (passing-lines.ts), in React Flow's edge-label layer but stacked
 * under every edge and step (`.passing-lines`, z-index -1). DependencyEdge draws the other edges,
 * the selected step's own, and these when they carry a 424.
 */
export function PassingLines({ edges }: { edges: readonly DependencyFlowEdge[] }) {
  const box = useStore(selectViewBox, sameBox);
  const selectedStep = useRipple((state) => state.selectedStepId);
  const path = useMemo(() => {
    if (!box) return '';
    const lines: (readonly Point[])[] = [];
    for (const edge of edges) {
      const route = edge.data?.route;
      if (!route || edge.selected || edge.data!.highlighted || edge.data!.condition !== 'success' || edge.source === selectedStep || edge.target === selectedStep) continue;
      if (passesThrough(route, box)) lines.push(route);
    }
    return passingPath(lines);
  }, [edges, box, selectedStep]);
  if (!path) return null;
  return (
    <EdgeLabelRenderer>
      <svg className="passing-lines" aria-hidden="true" width="1" height="1">
        <path className="dep-edge dep-edge--success" d={path} />
      </svg>
    </EdgeLabelRenderer>
  );
}

const selectViewBox = (flow: ReactFlowState) => viewBox(flow.transform, flow.width, flow.height, VIEW_MARGIN);
const sameBox = (a: ViewBox | null, b: ViewBox | null) => a === b || (!!a && !!b && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);
