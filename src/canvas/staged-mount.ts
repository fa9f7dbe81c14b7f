import { useEffect, useMemo, useState } from 'react';

/**
 * How many steps a staged canvas gives React Flow per task after its first picture. React Flow
 * mounts the nodes it is given in one synchronous render (its store is read through
 * useSyncExternalStore, which React never splits): about 1 ms of main thread a step with its
 * edge, node and handles, and as much again to style and lay them out. 25 keeps each such task
 * near 30 ms; a 100-step graph is whole four frames after its first picture.
 */
export const MOUNT_STEPS_PER_TASK = 25;

/** The staging's state: how many chunks have followed the first picture, or ALL once every step is mounted. */
const ALL = -1;

interface Placed {
  id: string;
  type?: string;
  position: { x: number; y: number };
}

/**
 * The nodes and edges React Flow mounts, in stages (issue #9 item 3: no task over 200 ms). A
 * graph of up to VISIBLE_ONLY_ABOVE steps keeps every node in the DOM (Tab reaches each), but
 * one whose first view shows only its start (`start`, StepCanvas's `startOfGraph`: a 100-step
 * chain shows 4) need not mount the rest in the task that draws that view: 100 steps and 99
 * edges mounted at once kept the main thread busy for ~130 ms of CPU (230–280 ms by the clock
 * on a busy 2-core machine), then as long again to style and lay them out. Here the first
 * picture holds `start` alone; after it is painted the other steps follow MOUNT_STEPS_PER_TASK
 * at a time, nearest the start first, one task a frame, each edge with the later of its ends.
 * The end is the same graph. Staging happens once, from the canvas's first render: `staged`
 * false (a graph drawn visible-only, or one shown whole) gives `nodes` and `edges` back as they
 * are, and so does everything once the last stage is mounted. Group frames are never held back.
 *
 * @param painted whether the first picture is on screen (StepCanvas's `painted`): staging waits for it.
 * @example useStagedMount(flowNodes, edges, firstFit.nodes, !visibleOnly, painted) // 4 steps, then 29, 54, 79, 100
 */
export function useStagedMount<N extends Placed, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  start: readonly { id: string }[] | undefined,
  staged: boolean,
  painted: boolean,
): { nodes: N[]; edges: E[] } {
  const [stage, setStage] = useState(() => (staged && start && start.length > 0 ? 0 : ALL));
  const held = useMemo(() => (stage === ALL || !start ? null : heldBack(nodes, start, stage * MOUNT_STEPS_PER_TASK)), [nodes, start, stage]);
  // Every step mounted (or the graph shrank to its start): from now on the lists as they are.
  if (stage !== ALL && held === null) setStage(ALL);
  const mountedNodes = useMemo(() => (held ? nodes.filter((n) => !held.has(n.id)) : nodes), [nodes, held]);
  const mountedEdges = useMemo(() => (held ? edges.filter((e) => !held.has(e.source) && !held.has(e.target)) : edges), [edges, held]);
  useEffect(() => {
    if (stage === ALL || !painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is drawn, in a task of its own.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setStage((s) => (s === ALL ? s : s + 1)), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [stage, painted]);
  return { nodes: mountedNodes, edges: mountedEdges };
}

/** The ids of the steps not yet mounted: all but `start` and the `more` steps nearest it; null when none is held back. */
function heldBack(nodes: readonly Placed[], start: readonly { id: string }[], more: number): Set<string> | null {
  const first = new Set(start.map((n) => n.id));
  const anchor = nodes.find((n) => first.has(n.id))?.position;
  const rest = nodes.filter((n) => n.type === 'step' && !first.has(n.id));
  if (rest.length <= more || !anchor) return null;
  const distance = (n: Placed) => Math.hypot(n.position.x - anchor.x, n.position.y - anchor.y);
  const order = rest.map((n) => ({ id: n.id, d: distance(n) })).sort((a, b) => a.d - b.d);
  return new Set(order.slice(more).map((n) => n.id));
}
