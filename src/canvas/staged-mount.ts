/**
 * How many steps a staged canvas gives React Flow per picture after its first. React Flow
 * mounts the nodes it is given in one synchronous render (its store is read through
 * useSyncExternalStore, which React never splits): about 1 ms of main thread a step with its
 * edge, node and handles, and as much again to style and lay them out. 25 keeps each such task
 * near 30 ms; a 100-step graph is whole four frames after its first picture.
 */
export const MOUNT_STEPS_PER_PICTURE = 25;

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
 * with the later of its ends. Group frames are never held back.
 * Null once nothing is held back (then every node and edge), or with no `start` (a graph shown whole).
 *
 * @example stagedMount(nodes, edges, [{ id: 's0' }, …, { id: 's3' }], 1) // s0–s28 and the edges between them
 */
export function stagedMount<N extends { id: string; type?: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  start: readonly { id: string }[] | undefined,
  painted: number,
): { nodes: N[]; edges: E[] } | null {
  if (!start) return null;
  const first = new Set(start.map((n) => n.id));
  let more = painted * MOUNT_STEPS_PER_PICTURE;
  const kept = nodes.filter((n) => n.type !== 'step' || first.has(n.id) || more-- > 0);
  if (kept.length === nodes.length) return null;
  const ids = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
