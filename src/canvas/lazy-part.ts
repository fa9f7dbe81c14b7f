import { useSyncExternalStore } from 'react';

/** A part of a chunk of its own that the canvas draws without, and better once it is here. */
export interface LazyPart<T> {
  /** Loads it once; later calls share the promise. Rejects when its chunk cannot be loaded (a later call tries again). */
  load: () => Promise<T>;
  /** The part once loaded, else null. */
  loaded: () => T | null;
  /** The part once loaded, else null; the component renders again when it arrives. Starts the load, unless `wanted` is false (then null). */
  use: (wanted?: boolean) => T | null;
}

/**
 * `lazyPart(() => import('./x.ts').then((m) => m.x))`: the canvas's lazily loaded parts (the
 * lint, the edge router) with one shape. Without the chunk (offline after a deploy) `use`
 * keeps answering null.
 */
export function lazyPart<T>(importIt: () => Promise<T>): LazyPart<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= importIt().then(
      (part) => {
        loaded = part;
        for (const listener of listeners) listener();
        return part;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    load().catch(() => undefined);
    return () => void listeners.delete(listener);
  };
  const current = () => loaded;
  const none = () => null;
  const idle = () => () => undefined;
  return { load, loaded: current, use: (wanted = true) => useSyncExternalStore(wanted ? subscribe : idle, wanted ? current : none, wanted ? current : none) };
}
