import { useMemo, useState, useSyncExternalStore } from 'react';
import type { routeAll as RouteAll } from './layout/edge-routes.ts';
import type { RouteCache } from '../worker/routes-off-thread.ts';
import { lazyPart } from './lazy-part.ts';

// The edge router (layout/edge-routes.ts: routes around other steps) is a chunk of its own,
// loaded as the canvas mounts: the first canvas draws its edges as plain right-angled steps
// without waiting for it, and the routed ones follow once it is here (issue #15, the first
// load: the main chunk and the first canvas's long task). As use-lint.ts does for the lint.
// With it comes the page's side of the route worker (src/worker/routes-off-thread.ts): a large
// graph's routes are made there, not in a render (issue #9 item 3: no task over 200 ms).
const router = lazyPart(() =>
  Promise.all([import('./layout/edge-routes.ts'), import('../worker/routes-off-thread.ts')]).then(([routes, offThread]) => ({
    routeAll: routes.routeAll,
    newCache: () => offThread.createRouteCache(routes.routeAll, offThread.routeWorker()),
  })),
);

/** Loads the edge router once; later calls share the promise. Rejects when its chunk cannot be loaded (a later call tries again). */
export const loadEdgeRouting = (): Promise<typeof RouteAll> => router.load().then((part) => part.routeAll);

/** `routeAll` once its chunk has loaded, else null (edges are then drawn as plain steps). */
export const loadedEdgeRouting = (): typeof RouteAll | null => router.loaded()?.routeAll ?? null;

const noChange = () => () => undefined;
const none = () => 0;

/**
 * The canvas's router once loaded, else null; the component renders again when it arrives, and
 * again each time the route worker's routes arrive (a new function then: the canvas asks again
 * and gets them). `routeAll`-shaped: a graph of more than SYNC_ROUTE_MAX steps is routed off
 * the page, and until then answered with the routes of the edges whose steps did not move.
 * Starts the load.
 */
export function useEdgeRouting(): typeof RouteAll | null {
  const part = router.use();
  const [cache, setCache] = useState<RouteCache | null>(null);
  if (part && !cache) setCache(part.newCache());
  const version = useSyncExternalStore(cache?.subscribe ?? noChange, cache?.version ?? none, cache?.version ?? none);
  return useMemo(() => {
    if (!cache) return null;
    const asked: typeof RouteAll = (positions, size, handles, edges) => cache.routes(positions, size, handles, edges);
    // One function per arrival of routes (`version`), so that the canvas's memo of routes asks again.
    return Object.assign(asked, { version });
  }, [cache, version]);
}
