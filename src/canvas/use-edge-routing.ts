import type { routeAll as RouteAll } from './layout/edge-routes.ts';
import { lazyPart } from './lazy-part.ts';

// The edge router (layout/edge-routes.ts: routes around other steps) is a chunk of its own,
// loaded as the canvas mounts: the first canvas draws its edges as plain right-angled steps
// without waiting for it, and the routed ones follow once it is here (issue #15, the first
// load: the main chunk and the first canvas's long task). As use-lint.ts does for the lint.
const router = lazyPart<typeof RouteAll>(() => import('./layout/edge-routes.ts').then((m) => m.routeAll));

/** Loads the edge router once; later calls share the promise. Rejects when its chunk cannot be loaded (a later call tries again). */
export const loadEdgeRouting = router.load;

/** `routeAll` once its chunk has loaded, else null (edges are then drawn as plain steps). */
export const loadedEdgeRouting = router.loaded;

/** The edge router once loaded, else null; the component renders again when it arrives. Starts the load. */
export const useEdgeRouting = router.use;
