import { useSyncExternalStore } from 'react';
import type { routeAll as RouteAll } from './layout/edge-routes.ts';

// The edge router (layout/edge-routes.ts: routes around other steps) is a chunk of its own,
// loaded as the canvas mounts: the first canvas draws its edges as plain right-angled steps
// without waiting for it, and the routed ones follow once it is here (issue #15, the first
// load: the main chunk and the first canvas's long task). As use-lint.ts does for the lint.

let loadedRouter: typeof RouteAll | null = null;
let loadingRouter: Promise<typeof RouteAll> | null = null;
const listeners = new Set<() => void>();

/** Loads the edge router once; later calls share the promise. Rejects when its chunk cannot be loaded (a later call tries again). */
export function loadEdgeRouting(): Promise<typeof RouteAll> {
  loadingRouter ??= import('./layout/edge-routes.ts').then(
    (m) => {
      loadedRouter = m.routeAll;
      for (const listener of listeners) listener();
      return m.routeAll;
    },
    (error: unknown) => {
      loadingRouter = null;
      throw error;
    },
  );
  return loadingRouter;
}

/** `routeAll` once its chunk has loaded, else null (edges are then drawn as plain steps). */
export function loadedEdgeRouting(): typeof RouteAll | null {
  return loadedRouter;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Without its chunk (offline after a deploy) the edges stay plain steps.
  loadEdgeRouting().catch(() => undefined);
  return () => listeners.delete(listener);
}

/** The edge router once loaded, else null; the component renders again when it arrives. Starts the load. */
export function useEdgeRouting(): typeof RouteAll | null {
  return useSyncExternalStore(subscribe, loadedEdgeRouting, loadedEdgeRouting);
}
