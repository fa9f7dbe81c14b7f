// Drawing a routed edge (edge-routes.ts finds the route): its SVG path and where its label sits.
// Apart from the router, so the canvas draws edges without loading it: the router is a chunk of
// its own, loaded after the first canvas (src/canvas/use-edge-routing.ts; issue #15, first load).

export interface Point {
  x: number;
  y: number;
}

/**
 * An SVG path through `points` whose corners are rounded with `radius` (px, smaller where the
 * segments are short): `M0,0 L90,0 Q100,0 100,10 L100,60 …`. Two points give a straight line.
 */
export function roundedPath(points: readonly Point[], radius = 10): string {
  const n = (v: number) => String(Math.round(v * 100) / 100);
  if (points.length === 0) return '';
  const parts = [`M${n(points[0].x)},${n(points[0].y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const p = points[i];
    const b = points[i + 1];
    const lenIn = Math.hypot(p.x - a.x, p.y - a.y);
    const lenOut = Math.hypot(b.x - p.x, b.y - p.y);
    const r = Math.min(radius, lenIn / 2, lenOut / 2);
    if (r <= 0) {
      parts.push(`L${n(p.x)},${n(p.y)}`);
      continue;
    }
    const inX = p.x - ((p.x - a.x) / lenIn) * r;
    const inY = p.y - ((p.y - a.y) / lenIn) * r;
    const outX = p.x + ((b.x - p.x) / lenOut) * r;
    const outY = p.y + ((b.y - p.y) / lenOut) * r;
    parts.push(`L${n(inX)},${n(inY)}`, `Q${n(p.x)},${n(p.y)} ${n(outX)},${n(outY)}`);
  }
  const last = points[points.length - 1];
  parts.push(`L${n(last.x)},${n(last.y)}`);
  return parts.join(' ');
}

/** Where an edge's label goes: the middle of its longest segment, so it never sits on a short hook. */
export function labelPoint(points: readonly Point[]): Point {
  let best = 0;
  let at: Point = points[0] ?? { x: 0, y: 0 };
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > best) {
      best = len;
      at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return at;
}
