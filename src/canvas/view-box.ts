// The part of the flow on screen, and whether an edge's line meets it or only crosses it: what
// every edge of a large graph asks on each frame (DependencyEdge's culling), kept apart from
// passing-lines.ts, which only a graph of over 100 steps loads (issue #15: main JS).

import type { Point } from './layout/edge-path.ts';

/** The part of the flow on screen, grown by a margin (flow px). */
export interface ViewBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The flow box on screen for React Flow's `transform` and pane size, grown by `margin`; null before the pane has a size. */
export function viewBox(transform: readonly [number, number, number], width: number, height: number, margin: number): ViewBox | null {
  if (!width || !height) return null;
  const [x, y, zoom] = transform;
  return { left: -x / zoom - margin, top: -y / zoom - margin, right: (width - x) / zoom + margin, bottom: (height - y) / zoom + margin };
}

const inBox = (p: Point, box: ViewBox) => p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom;

/** Whether some segment of the line through `points` meets `box` (each segment tested by its own box: exact for right angles). */
export function lineMeets(points: readonly Point[], box: ViewBox): boolean {
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (Math.max(a.x, b.x) >= box.left && Math.min(a.x, b.x) <= box.right && Math.max(a.y, b.y) >= box.top && Math.min(a.y, b.y) <= box.bottom) return true;
  }
  return false;
}

/** Whether a route crosses the view with both its ends (and so its arrowhead) out of it: a passing line. */
export function passesThrough(points: readonly Point[], box: ViewBox): boolean {
  return points.length >= 2 && !inBox(points[0], box) && !inBox(points[points.length - 1], box) && lineMeets(points, box);
}

