/**
 * How many steps a staged canvas gives React Flow per picture after its first. React Flow
 * mounts the nodes it is given in one synchronous render (its store is read through
 * useSyncExternalStore, which React never splits): about 1 ms of main thread a step with its
 * edge, node and handles, and as much again to style and lay them out. 25 keeps each such task
 * near 30 ms; a 100-step graph is whole four frames after its first picture.
 */
export const MOUNT_STEPS_PER_PICTURE = 25;

/**
 * How many steps a graph drawn only where it is in view (over VISIBLE_ONLY_ABOVE steps) gives
 * React Flow per picture after its first. Off the view a step is no DOM, only React Flow's
 * intake (its node lookup, internals, the edges' connection lookup): 2,000 steps taken at once
 * were one task of ~22 ms of thread CPU on the 2-core bench machine of issue #9 item 3 (60–80 ms
 * on a slower day), the largest of a 2,000-step storm link's but the first render's. 400 a picture
 * makes a 2,000-step graph whole five frames after its first picture, each adding ~5 ms.
 */
export const MOUNT_OFF_VIEW_STEPS_PER_PICTURE = 400;

/**
 * The steps a large graph's first view can show: those placed within `view` (px) at the fit's
 * `minZoom` (StepCanvas's, else React Flow's floor there, 0.2) of the box around its `start`
 * (StepCanvas's `startOfGraph`), in each direction, plus a step's size — more than the view a fit
 * on `start` shows, so none in view is held back (an unplaced step counts as near). The first
 * picture of a staged mount (`stagedMount`'s `start`).
 *
 * @example nearStart(chainOf2000, [{ id: 's0' }, …, { id: 's3' }], { width: 1280, height: 720 }, { minZoom: 0.6 }, size) // s0 to s12
 */
export function nearStart<S extends { id: string; position?: { x: number; y: number } }>(
  steps: readonly S[],
  start: readonly { id: string }[],
  view: { width: number; height: number },
  { minZoom = 0.2 }: { minZoom?: number },
  stepSize: { width: number; height: number },
): { id: string }[] {
  const ids = new Set(start.map((n) => n.id));
  const at = steps.filter((s) => s.position && ids.has(s.id)).map((s) => s.position!);
  const dx = view.width / minZoom + stepSize.width;
  const dy = view.height / minZoom + stepSize.height;
  const x = at.map((p) => p.x);
  const y = at.map((p) => p.y);
  // No step of `start` placed: every bound is ±Infinity and nothing but `start` is near.
  const [left, right, top, bottom] = [Math.min(...x) - dx, Math.max(...x) + dx, Math.min(...y) - dy, Math.max(...y) + dy];
  return steps.filter(({ id, position: p }) => ids.has(id) || !p || (p.x >= left && p.x <= right && p.y >= top && p.y <= bottom)).map(({ id }) => ({ id }));
}

/**
 * What React Flow mounts of a graph whose first view shows only its start, `painted` pictures
 * after it took its nodes (issue #9 item 3: no task over 200 ms). A graph of up to
 * VISIBLE_ONLY_ABOVE steps keeps every node in the DOM (Tab reaches each), but one whose first
 * view shows only its start (`start`, StepCanvas's `startOfGraph`: a 100-step chain shows 4)
 * need not mount the rest in the task that draws that view: 100 steps and 99 edges mounted at
 * once kept the main thread busy for ~130 ms of CPU (230–280 ms by the clock on a busy 2-core
 * machine), then as long again to style and lay them out. So the first picture holds `start`
 * alone, and each later one MOUNT_STEPS_PER_PICTURE more steps in the canvas's order (its tab
 * order, step-order.ts: prerequisites first, left to right, so from the start on); an edge comes
 * with the later of its ends. Group frames are never held back. A graph drawn only where it is
 * in view is staged the same way, `perPicture` MOUNT_OFF_VIEW_STEPS_PER_PICTURE, from the steps
 * near its start (`nearStart`): React Flow otherwise takes all its steps, off the view too, in the
 * task after the first render.
 * Null once nothing is held back (then every node and edge), or with no `start` (a graph shown whole).
 *
 * @example stagedMount(nodes, edges, [{ id: 's0' }, …, { id: 's3' }], 1) // s0–s28 and the edges between them
 */
export function stagedMount<N extends { id: string; type?: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  start: readonly { id: string }[] | undefined,
  painted: number,
  perPicture = MOUNT_STEPS_PER_PICTURE,
): { nodes: N[]; edges: E[] } | null {
  if (!start) return null;
  const first = new Set(start.map((n) => n.id));
  let more = painted * perPicture;
  const kept = nodes.filter((n) => n.type !== 'step' || first.has(n.id) || more-- > 0);
  if (kept.length === nodes.length) return null;
  const ids = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
