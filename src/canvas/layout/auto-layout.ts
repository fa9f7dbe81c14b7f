import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../../scenario/types.ts';
import { LAYER_GAP_X, LAYER_GAP_Y, NODE_HEIGHT, NODE_WIDTH } from './layout-constants.ts';
import { idRecord } from '../../engine/records.ts';

// "Tidy": left-to-right layers with dagre. Loaded on demand (dynamic import from the editor
// slice), so dagre stays out of the main bundle.

/** Every step's top-left position in a left-to-right layered layout (integers). */
export function computeLayout(scenario: Scenario): Record<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: LAYER_GAP_Y - NODE_HEIGHT, ranksep: LAYER_GAP_X - NODE_WIDTH, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // graphlib keys plain objects by node name, so a step id such as "constructor" would read an
  // inherited function: dagre sees each id behind a '#', which no Object.prototype name starts with.
  const name = (id: string) => `#${id}`;
  for (const step of scenario.steps) g.setNode(name(step.id), { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const d of scenario.dependencies) if (g.hasNode(name(d.from)) && g.hasNode(name(d.to))) g.setEdge(name(d.from), name(d.to));
  dagre.layout(g);
  const out = idRecord<Position>();
  for (const step of scenario.steps) {
    const n = g.node(name(step.id));
    out[step.id] = { x: Math.round(n.x - NODE_WIDTH / 2), y: Math.round(n.y - NODE_HEIGHT / 2) };
  }
  return out;
}
