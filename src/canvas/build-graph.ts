import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { DependencyCondition, Scenario, Step } from '../scenario/types.ts';
import type { LiveStepView } from '../store/run-slice.ts';
import type { EdgeRef } from '../store/editor-slice.ts';
import { orderedSteps } from '../store/graph.ts';
import { conditionOf } from '../scenario/defaults.ts';
import { STATE_META, stateText } from './state-meta.ts';
import { stepMarks } from './step-marks.ts';

// Scenario + run moment → React Flow nodes and edges. Pure: what the canvas draws is decided
// here and tested without a DOM.

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  live: LiveStepView | null;
  /** Lint messages about this step. */
  lint: string[];
  highlighted: boolean;
  renaming: boolean;
  readOnly: boolean;
}
export type StepFlowNode = Node<StepNodeData, 'step'>;

export interface DependencyEdgeData extends Record<string, unknown> {
  condition: DependencyCondition;
  /** The prerequisite's failure travelled along this edge: it failed or was blocked, and the dependent is blocked for it. */
  carried: boolean;
  highlighted: boolean;
}
export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

export interface GraphInputs {
  scenario: Scenario;
  live: Record<string, LiveStepView> | null;
  highlightPath: readonly string[];
  lint: Readonly<Record<string, string[]>>;
  selectedStepIds: readonly string[];
  selectedEdge: EdgeRef | null;
  renamingStepId: string | null;
  readOnly: boolean;
}

export const edgeId = (from: string, to: string) => `${from}->${to}`;

/** The accessible name of a node: everything it shows, in words. */
export function nodeAriaLabel(step: Step, live: LiveStepView | null, lint: string[]): string {
  const parts = [step.label ?? step.id];
  if (step.request) parts.push(step.request);
  if (live) parts.push(stateText(live));
  for (const m of stepMarks(step)) parts.push(m.title);
  if (lint.length) parts.push(`${lint.length} warning${lint.length > 1 ? 's' : ''}: ${lint.join(' ')}`);
  return parts.join('. ');
}

export function buildNodes(input: GraphInputs): StepFlowNode[] {
  const selected = new Set(input.selectedStepIds);
  const highlighted = new Set(input.highlightPath);
  // Dependency order is the DOM order, and so the Tab order of the nodes.
  return orderedSteps(input.scenario).map((step) => {
    const live = input.live?.[step.id] ?? null;
    const lint = input.lint[step.id] ?? [];
    return {
      id: step.id,
      type: 'step',
      position: step.position ?? { x: 0, y: 0 },
      selected: selected.has(step.id),
      ariaLabel: nodeAriaLabel(step, live, lint),
      data: {
        step,
        live,
        lint,
        highlighted: highlighted.has(step.id),
        renaming: input.renamingStepId === step.id,
        readOnly: input.readOnly,
      },
    };
  });
}

function carried(live: Record<string, LiveStepView> | null, from: string, to: string): boolean {
  const target = live?.[to];
  if (!target || target.state !== 'blocked') return false;
  if (target.failedPrerequisiteStep) return target.failedPrerequisiteStep === from;
  const source = live?.[from]?.state;
  return source === 'failed' || source === 'blocked';
}

const MARKER_COLOR: Record<'success' | 'failure' | 'always' | 'carried' | 'highlighted', string> = {
  success: 'var(--edge)',
  failure: 'var(--state-failed)',
  always: 'var(--text-muted)',
  carried: 'var(--state-blocked)',
  highlighted: 'var(--accent)',
};

export function buildEdges(input: GraphInputs): DependencyFlowEdge[] {
  const path = input.highlightPath;
  const onPath = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) onPath.add(edgeId(path[i], path[i + 1]));
  const labels = new Map(input.scenario.steps.map((s) => [s.id, s.label ?? s.id]));
  return input.scenario.dependencies.map((d) => {
    const id = edgeId(d.from, d.to);
    const condition = conditionOf(d);
    const data: DependencyEdgeData = { condition, carried: carried(input.live, d.from, d.to), highlighted: onPath.has(id) };
    const look = data.highlighted ? 'highlighted' : data.carried ? 'carried' : condition;
    const sentence =
      condition === 'success' ? 'depends on' : condition === 'failure' ? 'runs if this fails:' : 'runs after, whatever happens to';
    return {
      id,
      type: 'dependency',
      source: d.from,
      target: d.to,
      selected: !!input.selectedEdge && input.selectedEdge.from === d.from && input.selectedEdge.to === d.to,
      markerEnd: { type: MarkerType.ArrowClosed, color: MARKER_COLOR[look], width: 16, height: 16, markerUnits: 'userSpaceOnUse' },
      ariaLabel: `${labels.get(d.to)} ${sentence} ${labels.get(d.from)}${data.carried ? ` (${STATE_META.blocked.text}: the failure came this way)` : ''}`,
      data,
    };
  });
}
