import type { Position, Scenario } from '../../scenario/types.ts';
import { adjacency, longestPathRanks } from '../../scenario/graph-algorithms.ts';
import { LAYER_GAP_X, LAYER_GAP_Y } from './layout-constants.ts';
import { idRecord } from '../../engine/records.ts';

// A small synchronous left-to-right layered layout for scenarios that arrive without positions
// (files, CLI output). Rank = longest path from a root; within a layer, steps are ordered by the
// mean place of their prerequisites so edges cross less. The "Tidy" button uses dagre, loaded
// on demand (src/canvas/layout/auto-layout.ts), which does better on large graphs.
export function layeredLayout(scenario: Scenario): Record<string, Position> {
  const ids = scenario.steps.map((s) => s.id);
  const preds = new Map(ids.map((id) => [id, [] as string[]]));
  for (const d of scenario.dependencies) {
    preds.get(d.to)?.push(d.from);
  }
  // Longest-path ranks in topological order.
  const index = new Map(ids.map((id, i) => [id, i]));
  const known = scenario.dependencies.filter((d) => index.has(d.from) && index.has(d.to));
  const ranks = longestPathRanks(adjacency(ids.length, known.map((d) => index.get(d.from)!), known.map((d) => index.get(d.to)!)));
  const rank = new Map(ids.map((id) => [id, ranks[index.get(id)!]]));
  const layers: string[][] = [];
  for (const id of ids) (layers[rank.get(id)!] ??= []).push(id);
  const order = new Map<string, number>();
  layers.forEach((layer, r) => {
    if (r > 0) {
      // Each step's key once, not at every comparison (a layer of an imported DAG may hold hundreds).
      const keys = new Map<string, number>();
      for (const id of layer) {
        const p = preds.get(id)!.filter((x) => order.has(x));
        keys.set(id, p.length ? p.reduce((sum, x) => sum + order.get(x)!, 0) / p.length : Infinity);
      }
      layer.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
    layer.forEach((id, i) => order.set(id, i));
  });
  const tallest = Math.max(0, ...layers.map((l) => l?.length ?? 0));
  const out = idRecord<Position>();
  layers.forEach((layer, r) => {
    const offset = ((tallest - layer.length) * LAYER_GAP_Y) / 2;
    layer.forEach((id, i) => {
      out[id] = { x: r * LAYER_GAP_X, y: Math.round(offset + i * LAYER_GAP_Y) };
    });
  });
  return out;
}

export function needsLayout(scenario: Scenario): boolean {
  return scenario.steps.some((s) => !s.position);
}

/** The scenario with every step placed by `positions`. */
export function withPositions(scenario: Scenario, positions: Record<string, Position>): Scenario {
  return { ...scenario, steps: scenario.steps.map((s) => (positions[s.id] ? { ...s, position: positions[s.id] } : s)) };
}
