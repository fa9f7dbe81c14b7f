import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BoxIndex, GLOBAL_SEARCH_MAX, labelPoint, plainRoute, roundedPath, routeAll, routeEdge, segmentHitsBox, type Box, type Point } from '../../../src/canvas/layout/edge-routes.ts';
import { layeredLayout } from '../../../src/canvas/layout/simple-layout.ts';
import { scenario } from '../../store/helpers.ts';

// The canvas's node size and handle places (src/canvas/build-graph.ts).
const SIZE = { width: 168, height: 76 };
const HANDLES = { out: 11, in: 11, y: 38 };

const boxesOf = (positions: ReadonlyMap<string, Point>): [string, Box][] => [...positions].map(([id, p]) => [id, { ...p, ...SIZE }]);

/** The boxes (by step id) that some segment of the route passes through. */
function crossed(route: readonly Point[], boxes: readonly [string, Box][]): string[] {
  const hit = new Set<string>();
  for (let i = 0; i + 1 < route.length; i++) for (const [id, box] of boxes) if (segmentHitsBox(route[i], route[i + 1], box)) hit.add(id);
  return [...hit];
}

const orthogonal = (route: readonly Point[]) => route.slice(1).every((p, i) => p.x === route[i].x || p.y === route[i].y);

describe('a pasted 5-request $batch: 5 depends on 2 and 4, 4 on 3, 3 on 2, 2 on 1', () => {
  const batch = scenario(['1', '2', '3', '4', '5'], [['1', '2'], ['2', '3'], ['3', '4'], ['4', '5'], ['2', '5']]);
  const positions = new Map(Object.entries(layeredLayout(batch)));
  const routes = routeAll(positions, SIZE, HANDLES, batch.dependencies.map((d) => ({ id: `${d.from}->${d.to}`, from: d.from, to: d.to })));

  test('the built-in layout puts the chain in one row, so a straight 2 → 5 would pass behind 3 and 4', () => {
    expect(new Set([...positions.values()].map((p) => p.y)).size).toBe(1);
    const straight = [routes.get('2->5')![0], routes.get('2->5')!.at(-1)!];
    expect(crossed(straight, boxesOf(positions)).sort()).toEqual(['3', '4']);
  });

  test('2 → 5 goes around 3 and 4, with right angles, from 2’s handle to 5’s', () => {
    const route = routes.get('2->5')!;
    expect(crossed(route, boxesOf(positions))).toEqual([]);
    expect(orthogonal(route)).toBe(true);
    expect(route[0]).toEqual({ x: 220 + 168 + 11, y: 38 });
    expect(route.at(-1)).toEqual({ x: 880 - 11, y: 38 });
  });

  test('the neighbours’ edges stay straight lines', () => {
    for (const id of ['1->2', '2->3', '3->4', '4->5']) expect(routes.get(id)).toHaveLength(2);
  });
});

test('a target a few px higher gets a straight line, not a hook', () => {
  expect(plainRoute({ x: 0, y: 50 }, { x: 60, y: 42 })).toEqual([{ x: 0, y: 50 }, { x: 60, y: 42 }]);
  expect(routeEdge({ x: 0, y: 50 }, { x: 60, y: 42 }, [])).toHaveLength(2);
});

test('rows far apart get a right-angled step through the middle column', () => {
  expect(plainRoute({ x: 0, y: 0 }, { x: 100, y: 110 })).toEqual([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 110 }, { x: 100, y: 110 }]);
});

test('a dependent placed left of its prerequisite (hand-placed) is reached around both boxes', () => {
  const positions = new Map([
    ['a', { x: 400, y: 0 }],
    ['b', { x: 0, y: 10 }],
  ]);
  const route = routeAll(positions, SIZE, HANDLES, [{ id: 'e', from: 'a', to: 'b' }]).get('e')!;
  expect(crossed(route, boxesOf(positions))).toEqual([]);
  expect(orthogonal(route)).toBe(true);
});

test('on random hand-placed graphs no route passes under a step', () => {
  // Steps in distinct cells of a 220 × 110 px grid (the presets’ spacing) moved a little, so at
  // least 24 px apart side by side (each handle sticks out 11 px), with random edges between them.
  const graph = fc
    .integer({ min: 2, max: 12 })
    .chain((n) =>
      fc.record({
        cells: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })), { minLength: n, maxLength: n, selector: ([c, r]) => `${c},${r}` }),
        edges: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n, selector: ([a, b]) => `${a},${b}` }),
        jitter: fc.array(fc.tuple(fc.integer({ min: -14, max: 14 }), fc.integer({ min: -12, max: 12 })), { minLength: n, maxLength: n }),
      }),
    );
  fc.assert(
    fc.property(graph, ({ cells, edges, jitter }) => {
      const positions = new Map(cells.map(([c, r], i) => [`s${i}`, { x: c * 220 + jitter[i][0], y: r * 110 + jitter[i][1] }]));
      const wanted = edges.filter(([a, b]) => a !== b && a < cells.length && b < cells.length).map(([a, b]) => ({ id: `${a}->${b}`, from: `s${a}`, to: `s${b}` }));
      const routes = routeAll(positions, SIZE, HANDLES, wanted);
      for (const [id, route] of routes) expect({ id, crossed: crossed(route, boxesOf(positions)) }).toEqual({ id, crossed: [] });
    }),
    { seed: 8_10, numRuns: 150 },
  );
});

test('the path rounds each corner and keeps straight lines straight', () => {
  expect(roundedPath([{ x: 0, y: 0 }, { x: 30, y: 5 }])).toBe('M0,0 L30,5');
  expect(roundedPath([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 80 }])).toBe('M0,0 L40,0 Q50,0 50,10 L50,80');
});

test('the label sits in the middle of the longest segment', () => {
  expect(labelPoint([{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 20, y: 100 }, { x: 40, y: 100 }])).toEqual({ x: 20, y: 50 });
});

describe('big graphs (issue #15): bounded work, every edge still drawn', () => {
  test('the box index finds exactly the boxes a scan of every box finds, in their order', () => {
    const box = fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }), width: fc.integer({ min: 1, max: 900 }), height: fc.integer({ min: 1, max: 900 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 60 }), box, (boxes, area) => {
        const scanned = boxes.filter((b) => b.x < area.x + area.width && area.x < b.x + b.width && b.y < area.y + area.height && area.y < b.y + b.height);
        expect(new BoxIndex(boxes).overlapping(area)).toEqual(scanned);
      }),
    );
  });

  test('a 2,000-step layered graph: every dependency has an orthogonal-or-straight route from its source handle to its target handle', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `s${i}`);
    const deps: [string, string][] = [];
    // 20 layers of 100; each step depends on three of the two layers before it (as the browser bench's saga).
    for (let i = 100; i < 2000; i++) for (const k of [1, 37, 113]) deps.push([ids[Math.max(0, i - 100 - ((i * k) % 150))], ids[i]]);
    const positions = new Map(ids.map((id, i) => [id, { x: Math.floor(i / 100) * 240, y: (i % 100) * 110 }]));
    const edges = deps.map(([from, to], k) => ({ id: `e${k}`, from, to }));
    const routes = routeAll(positions, SIZE, HANDLES, edges);
    expect(routes.size).toBe(edges.length);
    for (const edge of edges) {
      const route = routes.get(edge.id)!;
      const a = positions.get(edge.from)!;
      const b = positions.get(edge.to)!;
      expect(route[0]).toEqual({ x: a.x + SIZE.width + HANDLES.out, y: a.y + HANDLES.y });
      expect(route.at(-1)).toEqual({ x: b.x - HANDLES.in, y: b.y + HANDLES.y });
      expect(route.length === 2 || orthogonal(route)).toBe(true);
    }
    // Deterministic: the same boxes and ends give the same routes, budget or not.
    expect(routeAll(positions, SIZE, HANDLES, edges)).toEqual(routes);
  });

  test(`up to ${GLOBAL_SEARCH_MAX} steps a route is still searched over every box when nothing near its ends is clear`, () => {
    // A wall of steps between two ends close together: only a route around the whole wall is clear.
    const wall = new Map<string, Point>(Array.from({ length: 12 }, (_, i) => [`w${i}`, { x: 400, y: i * 80 - 480 }]));
    const positions = new Map<string, Point>([['a', { x: 0, y: 0 }], ['b', { x: 800, y: 0 }], ...wall]);
    const route = routeAll(positions, SIZE, HANDLES, [{ id: 'a->b', from: 'a', to: 'b' }]).get('a->b')!;
    expect(crossed(route, boxesOf(positions))).toEqual([]);
  });
});
