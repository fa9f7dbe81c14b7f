import { describe, expect, test, vi } from 'vitest';
import { routeAll, type Point, type RoutedEdge } from '../../src/canvas/layout/edge-routes.ts';
import { answerRouteRequest, packRouteRequest, unpackRoutes, type PackedRoutes, type RouteRequestBody } from '../../src/worker/route-transfer.ts';
import { createRouteCache, SYNC_ROUTE_MAX } from '../../src/worker/routes-off-thread.ts';
import { scenario } from '../store/helpers.ts';

// The canvas's edge routes of a large graph are made in the route worker (issue #9 item 3: no
// page task over 200 ms; routing 2,000 steps takes hundreds of ms). What comes back must be the
// very routes routeAll makes on the page, and the canvas must be told when they are here.

// The canvas's node size and handle places (src/canvas/build-graph.ts).
const SIZE = { width: 168, height: 76 };
const HANDLES = { out: 11, in: 11, y: 38 };

/** A chain of `n` steps in one row (220 px apart) where each step also depends on the one 7 back: those edges must go around 6 steps. */
function tangled(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const deps: [string, string][] = [];
  for (let i = 1; i < n; i++) {
    deps.push([ids[i - 1], ids[i]]);
    if (i >= 7) deps.push([ids[i - 7], ids[i]]);
  }
  const s = scenario(ids, deps);
  const positions = new Map<string, Point>(s.steps.map((step) => [step.id, step.position!]));
  const edges: RoutedEdge[] = s.dependencies.map((d) => ({ id: `${d.from}->${d.to}`, from: d.from, to: d.to }));
  return { positions, edges };
}

describe('the route worker answers', () => {
  test('with the routes routeAll makes on the page, point for point, edge order kept', () => {
    const { positions, edges } = tangled(60);
    const expected = routeAll(positions, SIZE, HANDLES, edges);
    const got = unpackRoutes(answerRouteRequest(routeAll, structuredClone(packRouteRequest(positions, SIZE, HANDLES, edges))), edges);
    expect([...got]).toEqual([...expected]);
    // Not only plain steps: some route bends around a step.
    expect([...got.values()].some((route) => route.length > 4)).toBe(true);
  });

  test('leaving out an edge to a step with no position, as routeAll does', () => {
    const { positions, edges } = tangled(12);
    positions.delete('s3');
    const expected = routeAll(positions, SIZE, HANDLES, edges);
    const got = unpackRoutes(answerRouteRequest(routeAll, packRouteRequest(positions, SIZE, HANDLES, edges)), edges);
    expect(got.has('s2->s3')).toBe(false);
    expect([...got]).toEqual([...expected]);
  });

  test('a reply for another number of edges is refused with a message, not misread', () => {
    const { positions, edges } = tangled(12);
    const packed = answerRouteRequest(routeAll, packRouteRequest(positions, SIZE, HANDLES, edges));
    expect(() => unpackRoutes(packed, edges.slice(1))).toThrow(/answered for \d+ edges, not \d+/);
  });
});

/** A worker stand-in: keeps each request until `answer()`, then replies as the route worker would. */
function fakeWorker() {
  const requests: { body: RouteRequestBody; resolve: (routes: PackedRoutes) => void; reject: (error: Error) => void }[] = [];
  const ask = vi.fn(
    (body: RouteRequestBody) =>
      new Promise<PackedRoutes>((resolve, reject) => requests.push({ body: structuredClone(body), resolve, reject })),
  );
  const answer = async () => {
    const request = requests.shift()!;
    request.resolve(answerRouteRequest(routeAll, request.body));
    await Promise.resolve();
  };
  const fail = async () => {
    requests.shift()!.reject(new Error('the route worker failed: it could not be loaded'));
    await Promise.resolve();
  };
  return { ask, answer, fail, requests };
}

describe('a canvas routing through the worker (createRouteCache)', () => {
  test(`a graph of at most ${SYNC_ROUTE_MAX} steps is routed at once on the page: no picture waits for a worker`, () => {
    const worker = fakeWorker();
    const cache = createRouteCache(routeAll, worker.ask);
    const { positions, edges } = tangled(SYNC_ROUTE_MAX);
    expect([...cache.routes(positions, SIZE, HANDLES, edges)]).toEqual([...routeAll(positions, SIZE, HANDLES, edges)]);
    expect(worker.ask).not.toHaveBeenCalled();
  });

  test('a bigger graph: plain edges first, then, when told, the routes routeAll makes; one request for repeated asks', async () => {
    const worker = fakeWorker();
    const cache = createRouteCache(routeAll, worker.ask);
    const told = vi.fn();
    cache.subscribe(told);
    const { positions, edges } = tangled(SYNC_ROUTE_MAX + 20);
    expect(cache.routes(positions, SIZE, HANDLES, edges).size).toBe(0);
    expect(cache.routes(new Map(positions), SIZE, HANDLES, [...edges]).size).toBe(0);
    expect(worker.ask).toHaveBeenCalledTimes(1);
    expect(told).not.toHaveBeenCalled();
    await worker.answer();
    expect(told).toHaveBeenCalledTimes(1);
    expect(cache.version()).toBe(1);
    expect([...cache.routes(positions, SIZE, HANDLES, edges)]).toEqual([...routeAll(positions, SIZE, HANDLES, edges)]);
    expect(worker.ask).toHaveBeenCalledTimes(1);
  });

  test('a step dragged while routes are made: its edges are drawn plain, the others keep their routes, and the latest positions are routed next', async () => {
    const worker = fakeWorker();
    const cache = createRouteCache(routeAll, worker.ask);
    const { positions, edges } = tangled(SYNC_ROUTE_MAX + 20);
    cache.routes(positions, SIZE, HANDLES, edges);
    await worker.answer();
    const before = cache.routes(positions, SIZE, HANDLES, edges);

    const moved = new Map(positions);
    moved.set('s10', { x: positions.get('s10')!.x + 3, y: positions.get('s10')!.y + 500 });
    const further = new Map(moved);
    further.set('s10', { x: positions.get('s10')!.x + 6, y: positions.get('s10')!.y + 900 });
    const meanwhile = cache.routes(moved, SIZE, HANDLES, edges);
    cache.routes(further, SIZE, HANDLES, edges);
    // One request out at a time: the second drag waits.
    expect(worker.ask).toHaveBeenCalledTimes(2);
    const touching = edges.filter((e) => e.from === 's10' || e.to === 's10').map((e) => e.id);
    expect(touching.length).toBeGreaterThan(0);
    for (const id of touching) expect(meanwhile.has(id)).toBe(false);
    for (const edge of edges) if (!touching.includes(edge.id)) expect(meanwhile.get(edge.id)).toBe(before.get(edge.id));

    // The answer for `moved` is out of date when it lands: only the latest positions are routed and told.
    const told = vi.fn();
    cache.subscribe(told);
    await worker.answer();
    expect(told).not.toHaveBeenCalled();
    expect(worker.ask).toHaveBeenCalledTimes(3);
    await worker.answer();
    expect(told).toHaveBeenCalledTimes(1);
    expect([...cache.routes(further, SIZE, HANDLES, edges)]).toEqual([...routeAll(further, SIZE, HANDLES, edges)]);
  });

  test('a worker that fails: the routes are made on the page from then on, and the canvas is told to ask again', async () => {
    const worker = fakeWorker();
    const cache = createRouteCache(routeAll, worker.ask);
    const told = vi.fn();
    cache.subscribe(told);
    const { positions, edges } = tangled(SYNC_ROUTE_MAX + 20);
    cache.routes(positions, SIZE, HANDLES, edges);
    await worker.fail();
    expect(told).toHaveBeenCalledTimes(1);
    expect([...cache.routes(positions, SIZE, HANDLES, edges)]).toEqual([...routeAll(positions, SIZE, HANDLES, edges)]);
    expect(worker.ask).toHaveBeenCalledTimes(1);
  });

  test('without a worker (Node, jsdom) every graph is routed on the page', () => {
    const cache = createRouteCache(routeAll, null);
    const { positions, edges } = tangled(SYNC_ROUTE_MAX + 20);
    expect([...cache.routes(positions, SIZE, HANDLES, edges)]).toEqual([...routeAll(positions, SIZE, HANDLES, edges)]);
  });
});
