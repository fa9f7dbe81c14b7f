import fc from 'fast-check';
import { idKeys, TimedQueue } from '../../src/engine/queue.ts';

describe('TimedQueue', () => {
  it('pops by time, then completions (tier 0) before starts (tier 1), then lower id', () => {
    const ids = ['b', 'a', 'c'];
    const q = new TimedQueue(ids, idKeys(ids), 1);
    q.push(10, 1, 0, 1, 0); // start a @10
    q.push(10, 0, 0, 0, 0); // completion b @10
    q.push(5, 1, 0, 2, 0); // c @5
    q.push(10, 0, 0, 2, 0); // completion c @10
    const out: string[] = [];
    while (q.size > 0) {
      const t = q.peekT();
      q.pop();
      out.push(`${t}:${ids[q.poppedStep]}`);
    }
    expect(out).toEqual(['5:c', '10:b', '10:c', '10:a']);
  });

  it('agrees with sorting, for any pushes', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 19 }))), (items) => {
        const q = new TimedQueue(ids, idKeys(ids), 2);
        for (const [t, p, s] of items) q.push(t, p, 3, s, 7);
        const got: [number, number, number][] = [];
        while (q.size > 0) {
          const t = q.peekT();
          q.pop();
          expect(q.poppedKind).toBe(3);
          expect(q.poppedGeneration).toBe(7);
          got.push([t, 0, q.poppedStep]);
        }
        const want = items.slice().sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
        expect(got.map((g) => [g[0], g[2]])).toEqual(want.map((w) => [w[0], w[2]]));
      }),
      { seed: 424, numRuns: 200 },
    );
  });

  it('breaks ties in plain string order, whatever the ids look like', () => {
    const idArb = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'Z', '0', '9', '.', '-', '_', 'é'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 1, maxLength: 30 }), (ids) => {
        const q = new TimedQueue(ids, idKeys(ids));
        ids.forEach((_, i) => q.push(0, 0, 0, i, 0));
        const got: string[] = [];
        while (q.size > 0) {
          q.pop();
          got.push(ids[q.poppedStep]);
        }
        expect(got).toEqual(ids.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { seed: 424, numRuns: 300 },
    );
  });
});
