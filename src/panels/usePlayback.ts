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
 * line) moves every frame; the cursor, which redraws every node on the canvas, at most ~20
 * times a second. At 4× a 300-step run passes ~200 events a second: nobody reads them one by
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

/** Focus is somewhere typing or arrow keys mean something else. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  // A focused canvas node moves with the arrows; tabs, menus and sliders use them too.
  if (key !== ' ' && target.closest('.react-flow__node, .react-flow__edge, [role="tablist"], [role="menu"], [role="listbox"], [role="slider"], [role="grid"]')) {
    return true;
  }
  // Space on a focused button presses that button.
  if (key === ' ' && target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"]')) return true;
  return false;
}

/**
 * Keyboard shortcuts of the transport: Space play/pause, ←/→ one event, Shift+←/→ previous /
 * next failure; Ctrl+Enter runs (the toolbar may handle it first and prevent the default).
 */
export function usePlaybackKeys(): void {
  const store = useRippleStore();
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
      if (event.ctrlKey || state.timeline.length === 0 || ownsKeys(event.target, event.key)) return;
      let handled = true;
      switch (event.key) {
        case ' ':
          state.togglePlay();
          break;
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
