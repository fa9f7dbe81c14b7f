import type { HandleOffsets, Point, routeAll as RouteAll, RoutedEdge } from '../canvas/layout/edge-routes.ts';

// How the canvas's edge routes cross to the route worker and back (issue #9 item 3, issue #15):
// routing a large graph (`routeAll`, src/canvas/layout/edge-routes.ts) keeps a thread busy for
// hundreds of ms, so the page asks the route worker (route-worker.ts) for them. Both ways go as
// flat arrays: 2,000 positions and 5,000 edges copied as objects, and 20,000 route points read
// back as objects, would cost the page more than the arrays it builds them from.

/** `routeAll`'s arguments, flat: the positions in their order, each edge as two indexes into them. */
export interface RouteRequestBody {
  /** Step ids, in the positions' order (the order `routeAll` reads the boxes in). */
  ids: string[];
  /** x then y of each position, in `ids` order (px). */
  xy: Float64Array;
  /** Per edge: the index of its `from` step in `ids` then of its `to` step, or -1 for a step with no position. */
  ends: Int32Array;
  size: { width: number; height: number };
  handles: HandleOffsets;
}

/** The routes, in the request's edge order: per edge its number of points (0: not routed), and every point's x then y. */
export interface PackedRoutes {
  counts: Int32Array;
  xy: Float64Array;
}

/** `routeAll`'s arguments as a request body; `edges` gives each edge's id when the reply is read. */
export function packRouteRequest(
  positions: ReadonlyMap<string, Point>,
  size: { width: number; height: number },
  handles: HandleOffsets,
  edges: readonly RoutedEdge[],
): RouteRequestBody {
  const ids: string[] = [];
  const xy = new Float64Array(positions.size * 2);
  const indexOf = new Map<string, number>();
  for (const [id, p] of positions) {
    indexOf.set(id, ids.length);
    xy[2 * ids.length] = p.x;
    xy[2 * ids.length + 1] = p.y;
    ids.push(id);
  }
  const ends = new Int32Array(edges.length * 2);
  edges.forEach((edge, k) => {
    ends[2 * k] = indexOf.get(edge.from) ?? -1;
    ends[2 * k + 1] = indexOf.get(edge.to) ?? -1;
  });
  return { ids, xy, ends, size: { width: size.width, height: size.height }, handles: { out: handles.out, in: handles.in, y: handles.y } };
}

/** Whether two request bodies ask for the same routes (same positions in the same order, same edges, same sizes). */
export function sameRouteRequest(a: RouteRequestBody, b: RouteRequestBody): boolean {
  return (
    a.size.width === b.size.width &&
    a.size.height === b.size.height &&
    a.handles.out === b.handles.out &&
    a.handles.in === b.handles.in &&
    a.handles.y === b.handles.y &&
    sameArray(a.ids, b.ids) &&
    sameArray(a.xy, b.xy) &&
    sameArray(a.ends, b.ends)
  );
}

function sameArray<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What the route worker does with a request: `routeAll` over the unpacked arguments, packed.
 * Edges are routed under the ids `String(k)` of their index, so any edge ids give the same routes.
 */
export function answerRouteRequest(routeAll: typeof RouteAll, body: RouteRequestBody): PackedRoutes {
  const positions = new Map<string, Point>();
  body.ids.forEach((id, i) => positions.set(id, { x: body.xy[2 * i], y: body.xy[2 * i + 1] }));
  const edges: RoutedEdge[] = [];
  const count = body.ends.length / 2;
  for (let k = 0; k < count; k++) {
    const from = body.ends[2 * k];
    const to = body.ends[2 * k + 1];
    // An edge to a step without a position is not routed, as routeAll skips it.
    if (from >= 0 && to >= 0) edges.push({ id: String(k), from: body.ids[from], to: body.ids[to] });
  }
  const routes = routeAll(positions, body.size, body.handles, edges);
  const counts = new Int32Array(count);
  let points = 0;
  for (const [id, route] of routes) {
    counts[Number(id)] = route.length;
    points += route.length;
  }
  const xy = new Float64Array(points * 2);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const route = routes.get(String(k));
    if (!route) continue;
    for (const p of route) {
      xy[at++] = p.x;
      xy[at++] = p.y;
    }
  }
  return { counts, xy };
}

/** The routes by edge id, as `routeAll` returns them, from a reply to a request made for `edges`. */
export function unpackRoutes(packed: PackedRoutes, edges: readonly RoutedEdge[]): Map<string, Point[]> {
  if (packed.counts.length !== edges.length) throw new Error(`the route worker answered for ${packed.counts.length} edges, not ${edges.length}`);
  const routes = new Map<string, Point[]>();
  let at = 0;
  edges.forEach((edge, k) => {
    const n = packed.counts[k];
    if (n === 0) return;
    const route: Point[] = new Array<Point>(n);
    for (let i = 0; i < n; i++, at += 2) route[i] = { x: packed.xy[at], y: packed.xy[at + 1] };
    routes.set(edge.id, route);
  });
  return routes;
}
