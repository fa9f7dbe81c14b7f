import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../../scenario/types.ts';
import { LAYER_GAP_X, LAYER_GAP_Y, NODE_HEIGHT, NODE_WIDTH } from './layout-constants.ts';

// "Tidy": left-to-right layers with dagre. Loaded on demand (dynamic import from the editor
// slice), so dagre stays out of the main bundle.

/** Every step's top-left position in a left-to-right layered layout (integers). */
export function computeLayout(scenario: Scenario): Record<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: LAYER_GAP_Y - NODE_HEIGHT, ranksep: LAYER_GAP_X - NODE_WIDTH, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const step of scenario.steps) g.setNode(step.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const d of scenario.dependencies) if (g.hasNode(d.from) && g.hasNode(d.to)) g.setEdge(d.from, d.to);
  dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const step of scenario.steps) {
    const n = g.node(step.id);
    out[step.id] = { x: Math.round(n.x - NODE_WIDTH / 2), y: Math.round(n.y - NODE_HEIGHT / 2) };
  }
  return out;
}
