import { createContext, useContext } from 'react';
import type { EdgeLook } from './build-graph.ts';

// The arrowheads of the canvas's edges: one `<marker>` per look, drawn once per canvas, instead
// of React Flow's per-edge marker objects (it derives an id from each edge's object on every
// edge-list change: a 2,000-step run arriving spent tens of ms there, issue #15). The shape is
// React Flow's ArrowClosed (viewBox −10…10, the tip at 0,0), 16 × 16 px in flow units.

const MARKER_COLOR: Readonly<Record<EdgeLook, string>> = {
  success: 'var(--edge)',
  failure: 'var(--state-failed)',
  always: 'var(--text-muted)',
  carried: 'var(--state-blocked)',
  highlighted: 'var(--accent)',
};
const LOOKS = Object.keys(MARKER_COLOR) as EdgeLook[];

/** The prefix of this canvas's marker ids (unique per canvas: two simulators can share a page). */
const MarkerPrefix = createContext('ripple-arrow');

/** The `marker-end` value for an edge of `look`, on the canvas around it: `url('#<prefix>-<look>')`. */
export function useMarkerUrl(look: EdgeLook): string {
  return `url('#${useContext(MarkerPrefix)}-${look}')`;
}

/** Provides `prefix` to the edges inside, and draws its markers (an invisible, zero-size svg). */
export function EdgeMarkers({ prefix, children }: { prefix: string; children: React.ReactNode }) {
  return (
    <MarkerPrefix.Provider value={prefix}>
      <svg className="edge-markers" aria-hidden="true" width="0" height="0" style={{ position: 'absolute' }}>
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
      {children}
    </MarkerPrefix.Provider>
  );
}
