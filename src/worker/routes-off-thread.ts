import type { Point, routeAll as RouteAll } from '../canvas/layout/edge-routes.ts';
import { packRouteRequest, sameRouteRequest, unpackRoutes, type PackedRoutes, type RouteRequestBody } from './route-transfer.ts';
import { workerClient } from './worker-client.ts';

// The page's side of the route worker (route-worker.ts): the canvas's edge routes for a graph of
// more than SYNC_ROUTE_MAX steps are made there, so that no edit (a drag re-routes) and no first
// canvas keeps the page's main thread busy for the hundreds of ms routing takes (issue #9 item 3,
// issue #15). The canvas asks synchronously (src/canvas/build-graph.ts calls a `routeAll`); a
// `RouteCache` answers at once with what it has, asks the worker, and says when the worker's
// routes are ready, so the canvas asks again (src/canvas/use-edge-routing.ts).

/** Graphs of at most this many positioned steps are routed on the page, at once (a few ms; no picture waits). */
export const SYNC_ROUTE_MAX = 40;

export interface RouteRequest extends RouteRequestBody {
  id: number;
}

export type RouteReply = { id: number; routes: PackedRoutes } | { id: number; error: string };

/** Asks the worker for the routes of a request body; rejects when the worker fails. */
export type AskRoutes = (body: RouteRequestBody) => Promise<PackedRoutes>;

let shared: AskRoutes | null | undefined;

/** The page's one route worker client, started on its first request; null where there is no `Worker` (Node, jsdom). */
export function routeWorker(): AskRoutes | null {
  if (shared !== undefined) return shared;
  if (typeof Worker === 'undefined') return (shared = null);
  const ask = workerClient<RouteRequest, RouteReply, PackedRoutes>({
    what: 'the route worker',
    start: () => new Worker(new URL('./route-worker.ts', import.meta.url), { type: 'module', name: 'ripple-routes' }),
    read: (reply) => {
      if ('error' in reply) throw new Error(reply.error);
      return reply.routes;
    },
  });
  return (shared = (body) => ask(body, [body.xy.buffer, body.ends.buffer]));
}

/** One canvas's routes: `routeAll`-shaped, answered from the worker's last routes (see `createRouteCache`). */
export interface RouteCache {
  /** As `routeAll`; for a graph routed off the page, the worker's routes once they are here, and until then the provisional ones. */
  routes: typeof RouteAll;
  /** Calls `listener` each time the worker's routes for the latest request arrive; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  /** Counts the arrivals: changes exactly when the listeners are called. */
  version: () => number;
}

interface Made {
  body: RouteRequestBody;
  edges: readonly { id: string; from: string; to: string }[];
  routes: Map<string, Point[]>;
}

/**
 * A cache of one canvas's routes. Graphs of at most SYNC_ROUTE_MAX positioned steps, or any
 * graph when `ask` is null or the worker fails, are routed by `routeAll` on the page. Bigger ones
 * are asked of the worker, one request at a time (while one is out, only the latest arguments
 * wait); until their routes arrive, an edge whose two steps have not moved keeps the route it
 * had, the others are left out (drawn as plain steps). Routes are those `routeAll` makes for
 * the same arguments (the worker runs it).
 *
 * @example
 * const cache = createRouteCache(routeAll, routeWorker());
 * cache.routes(positions, size, handles, edges) // → Map {} (asked of the worker)
 * // …the listener is called; then:
 * cache.routes(positions, size, handles, edges) // → Map { 'a->b' => [{x: 188, y: 38}, …] }
 */
export function createRouteCache(routeAll: typeof RouteAll, ask: AskRoutes | null): RouteCache {
  const listeners = new Set<() => void>();
  let version = 0;
  let made: Made | null = null;
  let asked: RouteRequestBody | null = null;
  let waiting: { body: RouteRequestBody; edges: Made['edges'] } | null = null;
  let failed = false;

  const send = (body: RouteRequestBody, edges: Made['edges']) => {
    // The worker takes the arrays (transferred): keep copies to compare later requests with.
    const kept: RouteRequestBody = { ...body, xy: body.xy.slice(), ends: body.ends.slice() };
    asked = kept;
    ask!(body).then(
      (packed) => {
        made = { body: kept, edges, routes: unpackRoutes(packed, edges) };
        finish();
      },
      () => {
        // The worker failed (or could not load): route on the page from now on.
        failed = true;
        finish();
      },
    );
  };

  const finish = () => {
    asked = null;
    const next = waiting;
    waiting = null;
    if (next && !failed && !(made && sameRouteRequest(made.body, next.body))) {
      send(next.body, next.edges);
      return;
    }
    version++;
    for (const listener of listeners) listener();
  };

  const routes: typeof RouteAll = (positions, size, handles, edges) => {
    if (!ask || failed || positions.size <= SYNC_ROUTE_MAX) return routeAll(positions, size, handles, edges);
    const body = packRouteRequest(positions, size, handles, edges);
    if (made && sameRouteRequest(made.body, body)) return made.routes;
    if (asked === null) send(body, edges);
    else if (!sameRouteRequest(asked, body)) waiting = { body, edges };
    return provisional(body, edges);
  };

  /** The routes already made for edges whose two steps are where they were. */
  const provisional = (body: RouteRequestBody, edges: Made['edges']): Map<string, Point[]> => {
    const kept = new Map<string, Point[]>();
    if (!made) return kept;
    const before = new Map<string, number>();
    made.body.ids.forEach((id, i) => before.set(id, i));
    const unmoved = (index: number) => {
      if (index < 0) return false;
      const was = before.get(body.ids[index]);
      return was !== undefined && made!.body.xy[2 * was] === body.xy[2 * index] && made!.body.xy[2 * was + 1] === body.xy[2 * index + 1];
    };
    const sameBoxes = made.body.size.width === body.size.width && made.body.size.height === body.size.height;
    edges.forEach((edge, k) => {
      const route = made!.routes.get(edge.id);
      if (route && sameBoxes && unmoved(body.ends[2 * k]) && unmoved(body.ends[2 * k + 1])) kept.set(edge.id, route);
    });
    return kept;
  };

  return {
    routes,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    version: () => version,
  };
}
