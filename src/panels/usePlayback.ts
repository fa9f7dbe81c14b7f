import { useEffect } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { REAL_MS_PER_EVENT_WHEN_INSTANT, virtualPerReal } from './playback-clock.ts';

// The playback clock: while `playing`, each animation frame moves the playhead by the virtual
// time that passed (see playback-clock.ts for the mapping). Only the store's `time` / `cursor`
// change per frame; components that draw rows read neither, so they do not re-render.

/** Longest real gap one frame may cover: a tab left in the background does not jump to the end. */
const MAX_FRAME_MS = 100;

/**
 * Fewest real ms between two cursor moves while playing. The playhead (clock, scrubber, Gantt
 * line) moves every frame; the cursor, which redraws the canvas nodes whose state changed and
 * the run panels, at most ~20 times a second. At 4× a 300-step run passes ~200 events a second: nobody reads them one by
 * one at that pace, and the canvas stays smooth.
 */
export const MIN_CURSOR_INTERVAL_MS = 50;

export function usePlaybackClock(): void {
  const store = useRippleStore();
  const playing = useRipple((state) => state.playing);

  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last: number | null = null;
    let instantCarry = 0;
    let lastCursorMove = -Infinity;
    const loop = (now: number) => {
      const dt = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
      last = now;
      const state = store.getState();
      if (!state.playing || state.timeline.length === 0) return;
      const entry = state.timeline[state.cursor];
      const segment = state.segments[entry.segment];
      const segmentDuration = segment.result.durationMs;
      if (segmentDuration <= 0) {
        // A run with no duration steps through its events one by one.
        instantCarry += dt * state.speed;
        if (instantCarry >= REAL_MS_PER_EVENT_WHEN_INSTANT) {
          instantCarry = 0;
          if (state.cursor >= state.timeline.length - 1) state.pause();
          else state.setCursor(state.cursor + 1);
        }
      } else {
        const next = state.time + dt * virtualPerReal(segmentDuration, state.speed);
        const following = state.timeline[state.cursor + 1];
        const crosses = following !== undefined && following.at <= next;
        const due = now - lastCursorMove >= MIN_CURSOR_INTERVAL_MS;
        if (crosses && due) lastCursorMove = now;
        state.tick(next, !crosses || due);
      }
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

/** Focus is somewhere the arrow keys mean something else. */
function ownsArrows(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  // A focused canvas node moves with the arrows; tabs, menus and sliders use them too.
  return target.closest('.react-flow__node, .react-flow__edge, [role="tablist"], [role="menu"], [role="listbox"], [role="slider"], [role="grid"]') !== null;
}

/**
 * Whether Space keeps its own meaning at `target`: it types in a text field (a range slider is
 * not one: Space does nothing there) and presses a focused button, link, checkbox, tab or menu
 * item. Everywhere else — the page, the canvas and its steps, the timeline, the scrubber —
 * Space is the play key.
 */
export function spaceBelongsTo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const field = target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (field) return !(field instanceof HTMLInputElement && field.type === 'range');
  return target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [role="menuitem"], [role="option"]') !== null;
}

/**
 * Keyboard shortcuts of the transport: Space play/pause, ←/→ one event, Shift+←/→ previous /
 * next failure; Ctrl+Enter runs (the toolbar may handle it first and prevent the default).
 *
 * Space is taken on the way down (the window's capture phase), before anything inside the page
 * sees it: a focused canvas step would otherwise select itself as well (React Flow selects on
 * Space), and a pan key would cancel it. Enter selects a step.
 */
export function usePlaybackKeys(): void {
  const store = useRippleStore();
  useEffect(() => {
    const onSpace = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (document.querySelector('[aria-modal="true"]') || spaceBelongsTo(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      const state = store.getState();
      if (!event.repeat && state.timeline.length > 0) state.togglePlay();
    };
    window.addEventListener('keydown', onSpace, { capture: true });
    return () => window.removeEventListener('keydown', onSpace, { capture: true });
  }, [store]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.metaKey) return;
      // Nothing fires behind an open dialog.
      if (document.querySelector('[aria-modal="true"]')) return;
      const state = store.getState();
      if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        state.runScenario();
        return;
      }
      if (event.ctrlKey || state.timeline.length === 0 || ownsArrows(event.target)) return;
      let handled = true;
      switch (event.key) {
        case 'ArrowRight':
          if (event.shiftKey) state.nextFailure();
          else state.stepForward();
          break;
        case 'ArrowLeft':
          if (event.shiftKey) state.prevFailure();
          else state.stepBack();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
