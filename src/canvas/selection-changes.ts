import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { EdgeRef } from '../store/types.ts';

// The store holds the selection; React Flow only reports what the person did (a click, a
// selection box, Escape) as `select` changes. The canvas turns those into store actions and
// never copies React Flow's own idea of the selection back: that copy lags one update behind
// the store's, and feeding it back made the two swap values forever (React error #185) when a
// canvas mounted with a step already selected (Table → canvas, a link, the recovery screen).

/**
 * The selected step ids after React Flow's node changes: `current` with the `select` changes
 * applied, in the order the steps were picked. Returns `current` itself when no change selects
 * or unselects anything, so a caller can skip the store update.
 */
export function stepsAfterSelectChanges<N extends NodeChange>(current: readonly string[], changes: readonly N[]): readonly string[] {
  const ids = new Set(current);
  let changed = false;
  for (const change of changes) {
    if (change.type !== 'select' || ids.has(change.id) === change.selected) continue;
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
    changed = true;
  }
  return changed ? [...ids] : current;
}

/**
 * The selected dependency after React Flow's edge changes. The store holds one edge: an edge
 * selected wins, unselecting the current one clears it. `edgeOf` maps an edge id to its ends
 * (null for an id the canvas does not draw). Returns `current` itself when nothing changed.
 */
export function edgeAfterSelectChanges<E extends EdgeChange>(current: EdgeRef | null, changes: readonly E[], edgeOf: (id: string) => EdgeRef | null): EdgeRef | null {
  let next = current;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    const edge = edgeOf(change.id);
    if (!edge) continue;
    const isCurrent = next !== null && next.from === edge.from && next.to === edge.to;
    if (change.selected && !isCurrent) next = edge;
    else if (!change.selected && isCurrent) next = null;
  }
  return next;
}
