import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { selectHighlightPath } from '../store/selectors.ts';
import { STEP_NODE_SIZE } from './build-graph.ts';
import type { FlowBox } from './reveal.ts';

/**
 * Pans the canvas to a step selected from outside it (`revealSeq`, see selection-slice.ts) when
 * that step is off screen, zooming out only as far as `minZoom` to show its highlighted
 * dependency path too (`revealViewport`). A selection made on the canvas does not move it.
 * `onRevealed` runs when the view moves (the canvas then keeps it on a resize, as it keeps a
 * view the person chose).
 */
export function useRevealSelection({ minZoom, reducedMotion, onRevealed }: { minZoom: number; reducedMotion: boolean; onRevealed: () => void }): void {
  const store = useRippleStore();
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  const revealSeq = useRipple((s) => s.revealSeq);
  // A selection made before this canvas mounted (in the table view) is not revealed: the
  // canvas's first picture is its own (StepCanvas's first fit).
  const handled = useRef(revealSeq);
  useEffect(() => {
    if (revealSeq === handled.current) return;
    handled.current = revealSeq;
    const state = store.getState();
    const { nodeLookup, width, height, transform } = flow.getState();
    const boxOf = (id: string): FlowBox | null => {
      const node = nodeLookup.get(id);
      if (!node) return null;
      const at = node.internals.positionAbsolute;
      return { x: at.x, y: at.y, width: node.measured.width ?? STEP_NODE_SIZE.width, height: node.measured.height ?? STEP_NODE_SIZE.height };
    };
    const target = state.selectedStepId ? boxOf(state.selectedStepId) : null;
    if (!target) return;
    const path = selectHighlightPath(state)
      .map(boxOf)
      .filter((box): box is FlowBox => box !== null);
    // The placement maths is a chunk of its own, loaded at the first reveal (main JS, issue #15);
    // a later selection made meanwhile wins.
    void import('./reveal.ts').then(({ revealViewport }) => {
      if (handled.current !== revealSeq) return;
      const next = revealViewport(target, path, { x: transform[0], y: transform[1], zoom: transform[2] }, { width, height }, minZoom);
      if (!next) return;
      onRevealed();
      void setViewport(next, { duration: reducedMotion ? 0 : 300 });
    }, () => undefined); // Its chunk did not load (offline after a deploy): the view stays.
  }, [revealSeq, store, flow, setViewport, minZoom, reducedMotion, onRevealed]);
}
