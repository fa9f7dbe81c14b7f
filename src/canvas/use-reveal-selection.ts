import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { selectHighlightPath } from '../store/selectors.ts';
import { STEP_NODE_SIZE } from './build-graph.ts';
import type { FlowBox } from './reveal.ts';
import { noteRevealSeen, revealSeen } from './reveal-memory.ts';

/** Whether React Flow has no fit waiting (the canvas's first picture, a new layout's): a reveal moves the view it leaves. */
const selectFitDone = (flow: ReactFlowState) => !flow.fitViewQueued;

/**
 * Pans the canvas to a step selected from outside it (`revealSeq`, see selection-slice.ts) when
 * that step is off screen, zooming out only as far as `minZoom` to show its highlighted
 * dependency path too (`revealViewport`). A selection made on the canvas does not move it.
 * `onRevealed` runs when the view moves (the canvas then keeps it on a resize, as it keeps a
 * view the person chose). A step picked while the canvas was away (the Table view in its place)
 * is brought into view when it comes back, after its first fit, at once: an animated move slid
 * the steps from under a click just after Table → canvas. A step React Flow has not taken yet (a
 * staged mount holds it back a few frames, staged-mount.ts) is revealed once it has: revealed
 * before, it was not found and the view stayed on the start (tryout: Step 77 of a 100-step chain).
 */
export function useRevealSelection({ minZoom, reducedMotion, onRevealed }: { minZoom: number; reducedMotion: boolean; onRevealed: () => void }): void {
  const store = useRippleStore();
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  const revealSeq = useRipple((s) => s.revealSeq);
  const fitDone = useStore(selectFitDone);
  const selectedId = useRipple((s) => s.selectedStepId);
  const selectMounted = useCallback((flow: ReactFlowState) => selectedId !== null && flow.nodeLookup.has(selectedId), [selectedId]);
  const targetMounted = useStore(selectMounted);
  // A selection made before this store's first canvas (a linked moment's step) is not revealed:
  // the canvas's first picture is its own (StepCanvas's first fit). One made since a canvas or
  // the table last showed this store (a step picked in the table) is.
  const [seenAtMount] = useState(() => revealSeen(store) ?? store.getState().revealSeq);
  const handled = useRef(seenAtMount);
  const cameBack = useRef(seenAtMount !== store.getState().revealSeq);
  useEffect(() => {
    if (revealSeq === handled.current) {
      noteRevealSeen(store, revealSeq);
      return;
    }
    // After the fit React Flow has queued: it would move the view from where the reveal puts it.
    if (!fitDone) return;
    // Not mounted yet (staged-mount.ts): this runs again when it is.
    if (selectedId !== null && !targetMounted) return;
    handled.current = revealSeq;
    noteRevealSeen(store, revealSeq);
    const instant = cameBack.current || reducedMotion;
    cameBack.current = false;
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
      void setViewport(next, { duration: instant ? 0 : 300 });
    }, () => undefined); // Its chunk did not load (offline after a deploy): the view stays.
  }, [revealSeq, fitDone, selectedId, targetMounted, store, flow, setViewport, minZoom, reducedMotion, onRevealed]);
}
