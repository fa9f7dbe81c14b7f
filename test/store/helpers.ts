import { afterEach, beforeEach, vi } from 'vitest';
import { createRippleStore, type RippleStore, type RippleStoreOptions } from '../../src/store/store.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';

/** A whole store for the editor's tests (the editor slice clears the run slice's run on load, so it needs it). */
export function editorStore(options: RippleStoreOptions = {}): RippleStore {
  return createRippleStore(options);
}

/** `scenario(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']])`: steps placed left to right. */
export function scenario(ids: string[], deps: [string, string][] = [], extra: Partial<Scenario> = {}): Scenario {
  const steps: Step[] = ids.map((id, i) => ({ id, position: { x: i * 220, y: 0 } }));
  const dependencies: Dependency[] = deps.map(([from, to]) => ({ from, to }));
  return { version: 2, title: 'Test', steps, dependencies, ...extra };
}

/** A Map-backed localStorage for Node (which has none). */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

/**
 * Inside a describe (or a file): each test gets a fresh `make()` as `globalThis.localStorage`
 * and fake timers (autosave is debounced); both are undone after it. Returns the current storage.
 */
export function withStorage<T extends Storage>(make: () => T): () => T {
  let storage: T;
  beforeEach(() => {
    storage = make();
    (globalThis as { localStorage?: Storage }).localStorage = storage;
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });
  return () => storage;
}
