import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useRippleStore } from '../store/context.tsx';
import type { Position, Scenario } from '../scenario/types.ts';
import { LAYER_GAP_X, NODE_HEIGHT, NODE_WIDTH } from './layout/layout-constants.ts';

/** Move `at` down until it does not sit on another step. */
export function freeSpot(scenario: Scenario, at: Position): Position {
  const x = at.x;
  let y = at.y;
  const taken = (px: number, py: number) =>
    scenario.steps.some((s) => s.position && Math.abs(s.position.x - px) < NODE_WIDTH * 0.6 && Math.abs(s.position.y - py) < NODE_HEIGHT * 0.8);
  for (let i = 0; i < 50 && taken(x, y); i++) y += NODE_HEIGHT + 26;
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * Add a step and start naming it (toolbar, key N): to the right of the selected step, so
 * pressing N repeatedly lays a chain out left to right, or else in the middle of the view.
 * The view pans to the new step if it is outside.
 */
export function useAddStep(): () => void {
  const store = useRippleStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(() => {
    const state = store.getState();
    if (state.readOnly) return;
    let position: Position | undefined;
    const dom = flowStore.getState().domNode;
    const rect = dom?.isConnected ? dom.getBoundingClientRect() : null;
    const selected = state.scenario.steps.find((s) => s.id === state.selectedStepId);
    if (selected?.position) {
      position = freeSpot(state.scenario, { x: selected.position.x + LAYER_GAP_X, y: selected.position.y });
    } else if (rect && rect.width > 0) {
      const centre = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      position = freeSpot(state.scenario, { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 });
    }
    const id = state.addStep({ position });
    if (!id) return;
    store.getState().startRename(id);
    if (position && rect && rect.width > 0) {
      const topLeft = flow.flowToScreenPosition(position);
      const bottomRight = flow.flowToScreenPosition({ x: position.x + NODE_WIDTH, y: position.y + NODE_HEIGHT });
      const visible = topLeft.x >= rect.left && topLeft.y >= rect.top && bottomRight.x <= rect.right && bottomRight.y <= rect.bottom;
      if (!visible) void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom: flow.getZoom(), duration: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 200 });
    }
  }, [store, flow, flowStore]);
}
