import type { Dependency, Step } from './types.ts';

// Pure graph helpers for the editor's edits (src/scenario/edits.ts): paths, the cycle a new
// dependency would close, fresh step ids.

/** A path of step ids from `from` to `to` following dependencies, or null. Breadth-first, so the shortest. */
export function findPath(dependencies: readonly Dependency[], from: string, to: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const d of dependencies) {
    const list = next.get(d.from);
    if (list) list.push(d.to);
    else next.set(d.from, [d.to]);
  }
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(previous.get(path[0])!);
      return path;
    }
    for (const n of next.get(at) ?? []) {
      if (!previous.has(n)) {
        previous.set(n, at);
        queue.push(n);
      }
    }
  }
  return null;
}

/**
 * The cycle a new dependency `from → to` would close, as step ids starting and ending at
 * `from` (`['b', 'a', 'b']`), or null when the graph stays acyclic.
 */
export function cycleIfConnected(dependencies: readonly Dependency[], from: string, to: string): string[] | null {
  if (from === to) return [from, from];
  const back = findPath(dependencies, to, from);
  return back ? [from, ...back] : null;
}

export function hasDependency(dependencies: readonly Dependency[], from: string, to: string): boolean {
  return dependencies.some((d) => d.from === from && d.to === to);
}

/** `step-1`, `step-2`, … the first id not taken. */
export function nextStepId(steps: readonly Step[]): string {
  const taken = new Set(steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`step-${n}`)) n++;
  return `step-${n}`;
}

/** Lower-case, dash-separated id from a label: `Create invoice` → `create-invoice`. */
export function slugify(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
