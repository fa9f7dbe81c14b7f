// Graph algorithms over steps numbered 0..n−1 and edges given as two parallel lists (edge e
// goes from[e] → to[e]). One copy for the validator, the engine, lint, layout and the bench.
// Everything is iterative and linear, so 100,000 steps are no problem and deep graphs cannot
// overflow the stack; within a row, edges keep the order they were given in, which keeps
// every walk deterministic.
import type { Dependency } from './types.ts';

/** Edges out of step v: `target[start[v] .. start[v + 1])`; `edge[k]` is the input index of row entry k. */
export interface Adjacency {
  n: number;
  start: Int32Array;
  target: Int32Array;
  edge: Int32Array;
}

/**
 * Compressed rows of the edges `from[e] → to[e]` over `n` steps.
 *
 * @example
 * adjacency(3, [0, 0], [1, 2]) // → { n: 3, start: [0, 2, 2, 2], target: [1, 2], edge: [0, 1] }
 */
export function adjacency(n: number, from: ArrayLike<number>, to: ArrayLike<number>): Adjacency {
  const m = from.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const target = new Int32Array(m);
  const edge = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const at = fill[from[e]]++;
    target[at] = to[e];
    edge[at] = e;
  }
  return { n, start, target, edge };
}

/** Number of edges into each step. */
export function indegrees(adj: Adjacency): Int32Array {
  const indegree = new Int32Array(adj.n);
  const target = adj.target;
  for (let k = 0; k < target.length; k++) indegree[target[k]]++;
  return indegree;
}

export interface TopologicalOrder {
  /** `order[0 .. count)`: steps with every prerequisite before them (Kahn: roots in index order first). */
  order: Int32Array;
  count: number;
  /** What Kahn left over: non-zero exactly for the steps on a cycle or downstream of one. */
  remaining: Int32Array;
}

/**
 * Kahn's topological sort. `count < n` means the graph has a cycle; `findCycles` names it.
 *
 * @example
 * topologicalOrder(adjacency(3, [1, 0], [2, 1])).order // → [0, 1, 2]
 */
export function topologicalOrder(adj: Adjacency): TopologicalOrder {
  const { n, start, target } = adj;
  const remaining = indegrees(adj);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (remaining[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let k = start[v]; k < start[v + 1]; k++) if (--remaining[target[k]] === 0) order[tail++] = target[k];
  }
  return { order, count: tail, remaining };
}

/**
 * Each step's rank: the length of the longest path to it from a root (roots are 0). Steps on
 * or after a cycle keep the rank their ordered prerequisites gave them.
 */
export function longestPathRanks(adj: Adjacency): Int32Array {
  const { start, target } = adj;
  const { order, count } = topologicalOrder(adj);
  const rank = new Int32Array(adj.n);
  for (let i = 0; i < count; i++) {
    const v = order[i];
    for (let k = start[v]; k < start[v + 1]; k++) if (rank[target[k]] < rank[v] + 1) rank[target[k]] = rank[v] + 1;
  }
  return rank;
}

/**
 * Marks every step reachable from `roots` (the roots themselves only when `includeRoots`, or
 * when another root reaches them). `follow(edge)`, given an input edge index, can leave edges out.
 */
export function markReachable(
  adj: Adjacency,
  roots: Iterable<number>,
  mark: Uint8Array,
  includeRoots: boolean,
  follow?: (edge: number) => boolean,
): void {
  const { start, target, edge } = adj;
  const stack: number[] = [];
  for (const r of roots) {
    if (includeRoots) {
      if (mark[r]) continue;
      mark[r] = 1;
    }
    stack.push(r);
  }
  while (stack.length) {
    const p = stack.pop()!;
    for (let k = start[p], end = start[p + 1]; k < end; k++) {
      if (follow !== undefined && !follow(edge[k])) continue;
      const s = target[k];
      if (mark[s]) continue;
      mark[s] = 1;
      stack.push(s);
    }
  }
}

export interface Cycle {
  /** The input index of the edge that closes the cycle (last step → first). */
  closingEdge: number;
  /** The steps in order, starting at the component's lowest-numbered step. */
  steps: number[];
}

/**
 * One cycle per strongly connected component: iterative Tarjan over the steps Kahn could not
 * order (`remaining` from `topologicalOrder`), then a breadth-first search inside each
 * component for the shortest cycle through its lowest-numbered step. In component order.
 */
export function findCycles(adj: Adjacency, remaining: Int32Array): Cycle[] {
  const { n, start, target, edge } = adj;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let comps = 0;
  const cyclic: number[] = []; // component → its first (lowest-index) step, for components of size ≥ 2
  for (let s = 0; s < n; s++) {
    if (remaining[s] === 0 || index[s] !== -1) continue;
    index[s] = low[s] = counter++;
    cursor[s] = start[s];
    stack.push(s);
    onStack[s] = 1;
    calls.push(s);
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      if (cursor[v] < start[v + 1]) {
        const w = target[cursor[v]++];
        if (remaining[w] === 0) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          cursor[w] = start[w];
          stack.push(w);
          onStack[w] = 1;
          calls.push(w);
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] === index[v]) {
        let size = 0;
        let first = n;
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp[w] = comps;
          size++;
          if (w < first) first = w;
        } while (w !== v);
        if (size > 1) cyclic.push(first);
        comps++;
      }
    }
  }

  // Shortest cycle through each component's first step, by breadth-first search inside it.
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const found: Cycle[] = [];
  for (const s of cyclic) {
    const cs = comp[s];
    const bfs = [s];
    seen[s] = 1;
    let closing = -1;
    let last = -1;
    for (let qi = 0; qi < bfs.length && closing === -1; qi++) {
      const v = bfs[qi];
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = target[k];
        if (comp[w] !== cs) continue;
        if (w === s) {
          closing = edge[k];
          last = v;
          break;
        }
        if (!seen[w]) {
          seen[w] = 1;
          parent[w] = v;
          bfs.push(w);
        }
      }
    }
    const steps: number[] = [];
    for (let v = last; v !== s; v = parent[v]) steps.push(v);
    steps.push(s);
    steps.reverse();
    found.push({ closingEdge: closing, steps });
  }
  return found;
}

// Id-keyed searches for the editor, which works on the scenario's dependency list rather
// than on index arrays.

/** Each step's direct dependents, by id. */
function dependentsById(dependencies: readonly Dependency[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const d of dependencies) {
    const list = next.get(d.from);
    if (list) list.push(d.to);
    else next.set(d.from, [d.to]);
  }
  return next;
}

/** A path of step ids from `from` to `to` following dependencies, or null. Breadth-first, so the shortest. */
export function findPath(dependencies: readonly Dependency[], from: string, to: string): string[] | null {
  const next = dependentsById(dependencies);
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

/**
 * The steps that can become a prerequisite of `id` (what the Step panel offers): every step but
 * `id` itself, its prerequisites already, and the steps that depend on it, directly or through
 * others (each would close a cycle, which `connect` refuses). In the scenario's order. O(steps + dependencies).
 *
 * @example
 * prerequisiteChoices(chain a → b → c, 'b') // → [] (a is already one; c depends on b)
 */
export function prerequisiteChoices<S extends { id: string }>(steps: readonly S[], dependencies: readonly Dependency[], id: string): S[] {
  const next = dependentsById(dependencies);
  const excluded = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    for (const n of next.get(queue.pop()!) ?? []) {
      if (!excluded.has(n)) {
        excluded.add(n);
        queue.push(n);
      }
    }
  }
  for (const d of dependencies) if (d.to === id) excluded.add(d.from);
  return steps.filter((s) => !excluded.has(s.id));
}
