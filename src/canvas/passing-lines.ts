// Passing lines (issue #15): in a large graph most edges on screen only pass through it, both
// ends out of view, and many of them run along the same stretch (a wide DAG's plain routes all
// turn in the same column between two levels). Drawn one <svg> each they were hundreds of paths
// painted into the edges' layer on every frame of playback; drawn here they are one path, each
// stretch once. Only plain ones pass: an edge with a look of its own (a failure or always edge,
// highlighted, selected, carrying a 424) is drawn by DependencyEdge as before.

import type { Point } from './layout/edge-path.ts';

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * One SVG path drawing every line in `lines`, each stretch once: horizontal and vertical
 * segments on the same row or column are merged where they overlap or touch; any other segment
 * is drawn once however many lines share it. Corners are square (at the zoom a large graph is
 * seen at, a 10 px rounding is a few screen px). Deterministic: the same lines in any order give
 * the same path. `[[{0,0},{50,0},{50,40}], [{20,0},{80,0}]]` → `M0,0H80 M50,0V40`.
 */
export function passingPath(lines: Iterable<readonly Point[]>): string {
  const rows = new Map<number, [number, number][]>();
  const columns = new Map<number, [number, number][]>();
  const other = new Set<string>();
  const add = (map: Map<number, [number, number][]>, at: number, a: number, b: number) => {
    const list = map.get(at);
    const span: [number, number] = a <= b ? [a, b] : [b, a];
    if (list) list.push(span);
    else map.set(at, [span]);
  };
  for (const points of lines) {
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const ay = round(a.y);
      const ax = round(a.x);
      const by = round(b.y);
      const bx = round(b.x);
      if (ay === by && ax === bx) continue;
      if (ay === by) add(rows, ay, ax, bx);
      else if (ax === bx) add(columns, ax, ay, by);
      else other.add(ax < bx || (ax === bx && ay < by) ? `M${ax},${ay}L${bx},${by}` : `M${bx},${by}L${ax},${ay}`);
    }
  }
  const parts: string[] = [];
  const merged = (map: Map<number, [number, number][]>, draw: (at: number, from: number, to: number) => string) => {
    for (const at of [...map.keys()].sort((p, q) => p - q)) {
      const spans = map.get(at)!.sort((p, q) => p[0] - q[0]);
      let [from, to] = spans[0];
      for (const [a, b] of spans) {
        if (a <= to) to = Math.max(to, b);
        else {
          parts.push(draw(at, from, to));
          [from, to] = [a, b];
        }
      }
      parts.push(draw(at, from, to));
    }
  };
  merged(rows, (y, from, to) => `M${from},${y}H${to}`);
  merged(columns, (x, from, to) => `M${x},${from}V${to}`);
  parts.push(...[...other].sort());
  return parts.join(' ');
}
