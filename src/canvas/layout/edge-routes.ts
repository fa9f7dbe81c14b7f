// Edge routes that never pass under a step. Pure and deterministic: the same boxes and ends give
// the same points, so the canvas (src/canvas/build-graph.ts → DependencyEdge) and the exported
// SVG (src/export/svg.ts) draw every dependency along the same route, recomputed from positions
// rather than stored in the scenario.
//
// An edge leaves its prerequisite's right side and enters its dependent's left side. When the
// plain shape (a straight line between close rows, else a right-angled step through the middle
// column) clears every other box, that is the route. Otherwise it is an orthogonal route found by
// a shortest-path search over a sparse grid made of the box edges (grown by a margin) and the two
// ends — the classic orthogonal connector router — with each bend costing extra, so routes keep
// few corners. Unlike dagre's edge points, this also works for hand-placed positions.
//
// Big graphs (issue #15): boxes are found through a bucket grid (`BoxIndex`), the search grid's
// free cells are painted box by box instead of testing every box at every cell, and the search
// over every box (when the search near the two ends finds nothing clear) is made only for
// graphs of at most GLOBAL_SEARCH_MAX boxes: past that, the nearby route or the plain one is
// drawn. At 2,000 steps the old way took tens of seconds on the main thread.

import type { Point } from './edge-path.ts';

export { labelPoint, roundedPath, type Point } from './edge-path.ts';

/** A node's box: top-left corner and size, in the same units as the points (px). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a route and any box it goes around (px); handles sit further out than half of it. */
export const ROUTE_MARGIN = 14;
/** The straight run out of a source and into a target before a route may turn (px). */
const STUB = 16;
/** Rows closer than this are joined by a straight (slightly sloped) line, not a tiny hook (px). */
const STRAIGHT_BELOW = 18;
/** What one bend costs, in px of length. */
const BEND_COST = 60;
/** How far around the two ends a route may wander before the search widens to every box (px). */
const WINDOW = 240;
/** Graphs with more boxes than this are never searched as a whole: a route found near its ends, or the plain one, is drawn. */
export const GLOBAL_SEARCH_MAX = 150;
/** A search over a grid of more points than this is not made (the route falls back as if none were found). */
export const MAX_GRID_POINTS = 20_000;
/** Grid points `routeAll` may search in all; past them the remaining edges take their plain routes. */
export const ROUTE_ALL_BUDGET = 200_000;
/** In a graph of more than GLOBAL_SEARCH_MAX boxes, ends farther apart than this area (px², about 1,100 px square with the window) take the plain route. */
export const MAX_SEARCH_AREA = 1_200_000;
/** Side of a bucket of the box index (px). */
const BUCKET = 400;

const inside = (p: Point, b: Box, grow: number) => p.x > b.x - grow && p.x < b.x + b.width + grow && p.y > b.y - grow && p.y < b.y + b.height + grow;

/** Whether the segment a→b passes through the box grown by `grow` (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box, grow = 0): boolean {
  const minX = box.x - grow;
  const maxX = box.x + box.width + grow;
  const minY = box.y - grow;
  const maxY = box.y + box.height + grow;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx, a.x - minX) || !clip(dx, maxX - a.x) || !clip(-dy, a.y - minY) || !clip(dy, maxY - a.y)) return false;
  // Touching the border only (a zero-length overlap) does not count.
  return t1 - t0 > 1e-9 || (t0 === t1 && inside({ x: a.x + t0 * dx, y: a.y + t0 * dy }, box, grow));
}

function pathClear(points: readonly Point[], index: BoxIndex, grow: number): boolean {
  for (let i = 0; i + 1 < points.length; i++) if (index.segmentHits(points[i], points[i + 1], grow)) return false;
  return true;
}

/**
 * Boxes by the BUCKET-px squares they cover, to find those overlapping an area without reading
 * them all. `overlapping` answers exactly what filtering every box with `overlaps` would, in
 * the boxes' own order.
 */
export class BoxIndex {
  readonly boxes: readonly Box[];
  // Buckets are keyed by number ((i - minI) * rows + (j - minJ)): a string key per bucket made
  // and hashed at every look-up cost more than the look-up itself at 2,000 steps (issue #15).
  private readonly buckets = new Map<number, number[]>();
  private readonly minI: number;
  private readonly maxI: number;
  private readonly minJ: number;
  private readonly maxJ: number;
  private readonly rows: number;
  /** Per box, the number of the last look-up that found it: a box in several buckets is taken once. */
  private readonly seen: Uint32Array;
  private query = 0;
  constructor(boxes: readonly Box[]) {
    this.boxes = boxes;
    let minI = Infinity;
    let maxI = -Infinity;
    let minJ = Infinity;
    let maxJ = -Infinity;
    for (const b of boxes) {
      minI = Math.min(minI, Math.floor(b.x / BUCKET));
      maxI = Math.max(maxI, Math.floor((b.x + b.width) / BUCKET));
      minJ = Math.min(minJ, Math.floor(b.y / BUCKET));
      maxJ = Math.max(maxJ, Math.floor((b.y + b.height) / BUCKET));
    }
    this.minI = minI;
    this.maxI = maxI;
    this.minJ = minJ;
    this.maxJ = maxJ;
    this.rows = maxJ - minJ + 1;
    this.seen = new Uint32Array(boxes.length);
    boxes.forEach((b, k) => {
      for (let i = Math.floor(b.x / BUCKET); i <= Math.floor((b.x + b.width) / BUCKET); i++) {
        for (let j = Math.floor(b.y / BUCKET); j <= Math.floor((b.y + b.height) / BUCKET); j++) {
          const key = (i - minI) * this.rows + (j - minJ);
          const list = this.buckets.get(key);
          if (list) list.push(k);
          else this.buckets.set(key, [k]);
        }
      }
    });
  }

  /**
   * Calls `visit` with the index of each box overlapping `area` (each once, in no set order)
   * until it returns true; whether one did.
   */
  private some(area: Box, visit: (k: number) => boolean): boolean {
    const i0 = Math.max(this.minI, Math.floor(area.x / BUCKET));
    const i1 = Math.min(this.maxI, Math.floor((area.x + area.width) / BUCKET));
    const j0 = Math.max(this.minJ, Math.floor(area.y / BUCKET));
    const j1 = Math.min(this.maxJ, Math.floor((area.y + area.height) / BUCKET));
    if (i0 > i1 || j0 > j1) return false;
    const { boxes } = this;
    // An area wider than the index: reading every box is cheaper than every bucket.
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.buckets.size) {
      for (let k = 0; k < boxes.length; k++) if (overlaps(boxes[k], area) && visit(k)) return true;
      return false;
    }
    const stamp = ++this.query;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      this.query = 0;
    }
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const list = this.buckets.get((i - this.minI) * this.rows + (j - this.minJ));
        if (!list) continue;
        for (const k of list) {
          if (this.seen[k] === stamp) continue;
          this.seen[k] = stamp;
          if (overlaps(boxes[k], area) && visit(k)) return true;
        }
      }
    }
    return false;
  }

  overlapping(area: Box): Box[] {
    const found: number[] = [];
    this.some(area, (k) => {
      found.push(k);
      return false;
    });
    return found.sort((a, b) => a - b).map((k) => this.boxes[k]);
  }

  /** Whether the segment a→b passes through any box grown by `grow` (see `segmentHitsBox`). */
  segmentHits(a: Point, b: Point, grow: number): boolean {
    const area = {
      x: Math.min(a.x, b.x) - grow - 1,
      y: Math.min(a.y, b.y) - grow - 1,
      width: Math.abs(b.x - a.x) + 2 * grow + 2,
      height: Math.abs(b.y - a.y) + 2 * grow + 2,
    };
    return this.some(area, (k) => segmentHitsBox(a, b, this.boxes[k], grow));
  }
}

/** The route drawn when nothing is in the way: straight between close rows, else a right-angled step. */
export function plainRoute(start: Point, end: Point): Point[] {
  if (Math.abs(end.y - start.y) < STRAIGHT_BELOW) return [start, end];
  const mid = end.x - start.x >= 2 * STUB ? (start.x + end.x) / 2 : start.x + STUB;
  return [start, { x: mid, y: start.y }, { x: mid, y: end.y }, end];
}

/** Points in order, without repeats and without middle points of straight runs. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2];
      if ((a.x === last.x && last.x === p.x) || (a.y === last.y && last.y === p.y)) out.pop();
    }
    out.push(p);
  }
  return out;
}

/** A coordinate to 1/100 px, so that grid lines a rounding error apart are one line. */
const rounded = (v: number) => Math.round(v * 100) / 100;
const roundedSet = (values: readonly number[]) => new Set(values.map(rounded));

/** A small binary heap of states by cost. */
class Queue {
  private costs: number[] = [];
  private states: number[] = [];
  get size() {
    return this.costs.length;
  }
  push(cost: number, state: number) {
    const { costs, states } = this;
    let i = costs.length;
    costs.push(cost);
    states.push(state);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (costs[parent] <= cost) break;
      costs[i] = costs[parent];
      states[i] = states[parent];
      i = parent;
    }
    costs[i] = cost;
    states[i] = state;
  }
  /** Takes the state of least cost (the earliest pushed among equals is not promised). */
  pop(): number {
    const { costs, states } = this;
    const top = states[0];
    const cost = costs.pop()!;
    const state = states.pop()!;
    if (costs.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= costs.length) break;
        if (child + 1 < costs.length && costs[child + 1] < costs[child]) child++;
        if (costs[child] >= cost) break;
        costs[i] = costs[child];
        states[i] = states[child];
        i = child;
      }
      costs[i] = cost;
      states[i] = state;
    }
    return top;
  }
}

/** Grid points searched so far, against a limit (`routeAll`'s budget). */
interface Spent {
  points: number;
  limit: number;
}

/**
 * The orthogonal route from `start` to `end` around `boxes`, or null when the grid has none,
 * or has more than MAX_GRID_POINTS points, or would pass `spent`'s limit.
 */
function searchRoute(start: Point, end: Point, boxes: readonly Box[], frame: Box, spent: Spent): Point[] | null {
  // The ends are grid points themselves (they sit just outside their boxes); the stubs are
  // preferred places to turn, when there is room.
  const xSet = roundedSet([start.x, end.x, start.x + STUB, end.x - STUB, (start.x + end.x) / 2, frame.x, frame.x + frame.width]);
  const ySet = roundedSet([start.y, end.y, frame.y, frame.y + frame.height]);
  for (const b of boxes) {
    xSet.add(rounded(b.x - ROUTE_MARGIN)).add(rounded(b.x + b.width + ROUTE_MARGIN));
    ySet.add(rounded(b.y - ROUTE_MARGIN)).add(rounded(b.y + b.height + ROUTE_MARGIN));
  }
  const W = xSet.size;
  const H = ySet.size;
  // Reading the boxes costs too, searched or not.
  spent.points += W + H;
  if (W * H > MAX_GRID_POINTS || spent.points + W * H > spent.limit) return null;
  spent.points += W * H;
  // Distinct values, so a numeric sort gives the one ascending order.
  const xs = Float64Array.from(xSet).sort();
  const ys = Float64Array.from(ySet).sort();
  // A grid point is usable when outside every box (grown a little less than the margin, so the
  // margin lines themselves stay usable); a grid segment when both its ends are and its middle
  // is too. The middle suffices: every box's margin lines are grid lines, so a segment between
  // neighbouring grid lines that crosses a box either ends inside it or spans it.
  // Each box paints the points strictly inside it (grown) as blocked: the same test as
  // `inside` at every point, made box by box over the sorted coordinates.
  const grow = ROUTE_MARGIN / 2;
  const midXs = xs.subarray(1).map((x, i) => (xs[i] + x) / 2);
  const midYs = ys.subarray(1).map((y, j) => (ys[j] + y) / 2);
  const blockedAt = new Uint8Array(W * H);
  const blockedRight = new Uint8Array(W * H);
  const blockedDown = new Uint8Array(W * H);
  const paint = (into: Uint8Array, cols: Float64Array, rows: Float64Array, b: Box) => {
    const i0 = firstAbove(cols, b.x - grow);
    const j0 = firstAbove(rows, b.y - grow);
    for (let j = j0; j < rows.length && rows[j] < b.y + b.height + grow; j++) {
      for (let i = i0; i < cols.length && cols[i] < b.x + b.width + grow; i++) into[j * W + i] = 1;
    }
  };
  for (const b of boxes) {
    paint(blockedAt, xs, ys, b);
    paint(blockedRight, midXs, ys, b);
    paint(blockedDown, xs, midYs, b);
  }
  // openRight[c]: the segment from cell c to its right neighbour; openDown[c]: to the one below.
  const openRight = new Uint8Array(W * H);
  const openDown = new Uint8Array(W * H);
  const free = (c: number) => blockedAt[c] === 0;
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const c = j * W + i;
      if (!free(c)) continue;
      if (i + 1 < W && free(c + 1) && !blockedRight[c]) openRight[c] = 1;
      if (j + 1 < H && free(c + W) && !blockedDown[c]) openDown[c] = 1;
    }
  }
  const key = (p: Point) => {
    const i = xs.indexOf(rounded(p.x));
    const j = ys.indexOf(rounded(p.y));
    return j * W + i;
  };
  const source = key(start);
  const target = key(end);
  if (!free(source) || !free(target)) return null;
  // A* over states = grid point × the direction it was entered in (0 horizontal, 1 vertical),
  // ordered by cost so far plus the Manhattan distance left: no route is shorter than that, and
  // no move shortens it by more than it costs, so the first time a state is taken its cost is its
  // least and the route found is a cheapest one, as a plain shortest-path search would find, but
  // without spreading over the whole grid first (issue #15: most of the time of a 2,000-step
  // graph's routes went there).
  const targetX = xs[target % W];
  const targetY = ys[Math.floor(target / W)];
  const best = new Float64Array(W * H * 2).fill(Infinity);
  const prev = new Int32Array(W * H * 2).fill(-1);
  const done = new Uint8Array(W * H * 2);
  const queue = new Queue();
  best[source * 2] = 0;
  queue.push(Math.abs(targetX - start.x) + Math.abs(targetY - start.y), source * 2);
  // The four moves in a fixed order (right, left, down, up): ties between equal costs are
  // broken the same way every time, so the same boxes give the same route.
  const STEP_I = [1, -1, 0, 0];
  const STEP_J = [0, 0, 1, -1];
  let reached = -1;
  while (queue.size > 0) {
    const state = queue.pop();
    if (done[state]) continue;
    done[state] = 1;
    const cost = best[state];
    const cell = state >> 1;
    const dir = state & 1;
    if (cell === target) {
      reached = state;
      break;
    }
    const i = cell % W;
    const j = (cell - i) / W;
    for (let move = 0; move < 4; move++) {
      const di = STEP_I[move];
      const dj = STEP_J[move];
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue;
      const next = nj * W + ni;
      const open = di === 1 ? openRight[cell] : di === -1 ? openRight[next] : dj === 1 ? openDown[cell] : openDown[next];
      if (!open) continue;
      const nextDir = di !== 0 ? 0 : 1;
      // Entering the target vertically means one more bend into its left side.
      const bends = (nextDir !== dir ? 1 : 0) + (next === target && nextDir === 1 ? 1 : 0);
      const nextCost = cost + Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]) + bends * BEND_COST;
      const nextState = next * 2 + nextDir;
      if (nextCost < best[nextState]) {
        best[nextState] = nextCost;
        prev[nextState] = state;
        queue.push(nextCost + Math.abs(targetX - xs[ni]) + Math.abs(targetY - ys[nj]), nextState);
      }
    }
  }
  if (reached < 0) return null;
  const cells: Point[] = [];
  for (let s = reached; s >= 0; s = prev[s]) {
    const cell = s >> 1;
    cells.push({ x: xs[cell % W], y: ys[Math.floor(cell / W)] });
  }
  cells.reverse();
  return simplify(cells);
}

/** Index of the first of the ascending `values` above `v` (their length when none). */
function firstAbove(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function boundsOf(points: readonly Point[], grow: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - grow;
  const y = Math.min(...ys) - grow;
  return { x, y, width: Math.max(...xs) + grow - x, height: Math.max(...ys) + grow - y };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * `routeEdge({x: 188, y: 38}, {x: 869, y: 38}, boxes)` → `[start, …bends, end]`: the points of a
 * route from a source handle to a target handle that passes under none of `boxes` (the source's
 * and target's own boxes included: the ends sit just outside them). px in, px out. Falls back to
 * `plainRoute` when no route exists: an end within ROUTE_MARGIN / 2 of another box (steps
 * dragged on top of each other).
 */
export function routeEdge(start: Point, end: Point, boxes: readonly Box[] | BoxIndex, spent: Spent = { points: 0, limit: Infinity }): Point[] {
  const index = boxes instanceof BoxIndex ? boxes : new BoxIndex(boxes);
  const plain = plainRoute(start, end);
  if (pathClear(plain, index, 0)) return plain;
  // Search near the two ends first (fast on big graphs), then over every box.
  const local = boundsOf([start, end], WINDOW);
  // A big graph searches only near ends that are close, while the budget lasts.
  const big = index.boxes.length > GLOBAL_SEARCH_MAX;
  if (big && (spent.points >= spent.limit || local.width * local.height > MAX_SEARCH_AREA)) return plain;
  const localBoxes = index.overlapping(local);
  const frameOf = (bs: readonly Box[]) =>
    boundsOf([start, end, ...bs.flatMap((b) => [{ x: b.x, y: b.y }, { x: b.x + b.width, y: b.y + b.height }])], ROUTE_MARGIN * 3);
  const frame = frameOf(localBoxes);
  const first = searchRoute(start, end, index.overlapping(frame), frame, spent);
  if (first && pathClear(first, index, 0)) return first;
  // Over every box: a grid of twice as many lines as boxes each way, so only for small graphs.
  if (index.boxes.length > GLOBAL_SEARCH_MAX) return first ?? plain;
  return searchRoute(start, end, index.boxes, frameOf(index.boxes), spent) ?? plain;
}

/** A dependency to route: its id, the ids of its two steps. */
export interface RoutedEdge {
  id: string;
  from: string;
  to: string;
}

/** How a node's handles sit on its box: the source on the right side, the target on the left (px beyond the box). */
export interface HandleOffsets {
  /** The source handle's x beyond the box's right side. */
  out: number;
  /** The target handle's x before the box's left side. */
  in: number;
  /** Both handles' y below the box's top. */
  y: number;
}

/**
 * Every edge's route, by edge id, for nodes of one size placed at `positions` (top-left
 * corners). Edges whose steps have no position are left out. The searches made in all are
 * bounded (ROUTE_ALL_BUDGET grid points, in edge order), so a big graph costs a bounded time:
 * past the budget, and for an edge whose search grid would pass MAX_GRID_POINTS, the plain
 * route is drawn even where it passes under a step.
 */
export function routeAll(
  positions: ReadonlyMap<string, Point>,
  size: { width: number; height: number },
  handles: HandleOffsets,
  edges: readonly RoutedEdge[],
): Map<string, Point[]> {
  const boxes = new BoxIndex([...positions.values()].map((p) => ({ x: p.x, y: p.y, width: size.width, height: size.height })));
  const routes = new Map<string, Point[]>();
  const spent: Spent = { points: 0, limit: ROUTE_ALL_BUDGET };
  for (const edge of edges) {
    const a = positions.get(edge.from);
    const b = positions.get(edge.to);
    if (!a || !b) continue;
    routes.set(edge.id, routeEdge({ x: a.x + size.width + handles.out, y: a.y + handles.y }, { x: b.x - handles.in, y: b.y + handles.y }, boxes, spent));
  }
  return routes;
}
