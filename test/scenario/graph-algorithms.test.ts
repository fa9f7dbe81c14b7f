import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjacency, cycleIfConnected, findCycles, longestPathRanks, markReachable, prerequisiteChoices, topologicalOrder } from '../../src/scenario/graph-algorithms.ts';

// checkout(0) → pay(1) → ship(2), checkout(0) → ship(2), and email(3) alone.
const from = [0, 1, 0];
const to = [1, 2, 2];

describe('graph algorithms', () => {
  it('adjacency keeps the given edge order within each row', () => {
    const adj = adjacency(4, from, to);
    expect([...adj.start]).toEqual([0, 2, 3, 3, 3]);
    expect([...adj.target]).toEqual([1, 2, 2]);
    expect([...adj.edge]).toEqual([0, 2, 1]);
  });

  it('orders every step of an acyclic graph after its prerequisites, roots first', () => {
    const { order, count } = topologicalOrder(adjacency(4, from, to));
    expect(count).toBe(4);
    expect([...order]).toEqual([0, 3, 1, 2]);
  });

  it('ranks a step by its longest path from a root', () => {
    expect([...longestPathRanks(adjacency(4, from, to))]).toEqual([0, 1, 2, 0]);
  });

  it('marks descendants, leaving out edges `follow` rejects', () => {
    const adj = adjacency(4, from, to);
    const all = new Uint8Array(4);
    markReachable(adj, [0], all, false);
    expect([...all]).toEqual([0, 1, 1, 0]);
    const direct = new Uint8Array(4);
    markReachable(adj, [0], direct, true, (e) => e !== 0);
    expect([...direct]).toEqual([1, 0, 1, 0]);
  });

  it('names the shortest cycle through each cycle’s first step, with the edge that closes it', () => {
    // a(0) → b(1) → c(2) → a(0), b(1) → a(0), d(3) → e(4) → d(3), and c(2) → f(5) downstream.
    const adj = adjacency(6, [0, 1, 2, 1, 3, 4, 2], [1, 2, 0, 0, 4, 3, 5]);
    const { count, remaining } = topologicalOrder(adj);
    expect(count).toBe(0);
    expect(findCycles(adj, remaining)).toEqual([
      { closingEdge: 3, steps: [0, 1] },
      { closingEdge: 5, steps: [3, 4] },
    ]);
  });
});

describe('prerequisiteChoices', () => {
  /** A random DAG on n steps: each dependency goes from a lower index to a higher one. */
  const dags = fc.integer({ min: 2, max: 12 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a, b] : [b, a])), { selector: ([a, b]) => `${a}-${b}`, maxLength: 30 }),
      at: fc.integer({ min: 0, max: n - 1 }),
    }),
  );

  it('offers exactly the steps that connect without a cycle and are not already prerequisites', () => {
    fc.assert(
      fc.property(dags, ({ n, edges, at }) => {
        const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}` }));
        const dependencies = edges.map(([a, b]) => ({ from: `s${a}`, to: `s${b}` }));
        const id = `s${at}`;
        const offered = new Set(prerequisiteChoices(steps, dependencies, id).map((s) => s.id));
        for (const step of steps) {
          const already = dependencies.some((d) => d.from === step.id && d.to === id);
          const allowed = step.id !== id && !already && cycleIfConnected(dependencies, step.id, id) === null;
          expect(offered.has(step.id)).toBe(allowed);
        }
      }),
    );
  });
});
