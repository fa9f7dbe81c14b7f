import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../scenario/types.ts';

// Left-to-right layers with dagre. Node size matches StepNode's CSS width and typical height,
// so layers do not overlap once drawn.
export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 84;

export function needsLayout(scenario: Scenario): boolean {
  return scenario.steps.some((s) => !s.position);
}

/** Every step's top-left position in a left-to-right layered layout (integers). */
export function computeLayout(scenario: Scenario): Record<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 26, ranksep: 40, marginx: 0, marginy: 0 });
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

export function withLayout(scenario: Scenario): Scenario {
  if (scenario.steps.length === 0) return scenario;
  const positions = computeLayout(scenario);
  return { ...scenario, steps: scenario.steps.map((s) => ({ ...s, position: positions[s.id] })) };
}
