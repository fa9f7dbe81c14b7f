import { useEffect } from 'react';
import { virtualPerReal } from '../../panels/playback-clock.ts';
import { MIN_CURSOR_INTERVAL_MS, spaceBelongsTo } from '../../panels/usePlayback.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';

// The shared clock of compare mode: the editor's playback clock (usePlayback.ts) driving the
// compare slice's one playhead instead of a single run's. The speed mapping is the editor's
// (playback-clock.ts), over the longer run; the canvases redraw at most ~20 times a second.

/** Longest real gap one frame may cover: a tab left in the background does not jump to the end. */
const MAX_FRAME_MS = 100;

export function useCompareClock(): void {
  const store = useRippleStore();
  const playing = useRipple((s) => s.compare?.playing ?? false);
  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last: number | null = null;
    let lastMove = -Infinity;
    const loop = (now: number) => {
      const dt = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
      last = now;
      const { compare, compareTick, comparePause } = store.getState();
      if (!compare?.playing) return;
      // Both runs take no time: every moment is at 0, already shown.
      if (compare.duration <= 0) {
        comparePause();
        return;
      }
      const due = now - lastMove >= MIN_CURSOR_INTERVAL_MS;
      if (due) lastMove = now;
      compareTick(compare.time + dt * virtualPerReal(compare.duration, compare.speed), due);
      if (store.getState().compare?.playing) frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

/**
 * Compare mode's keys, inside its dialog: Space plays or pauses the shared playhead (unless a
 * button or field owns it), ← / → step to the previous / next moment on either side.
 */
export function onCompareKey(event: React.KeyboardEvent, store: ReturnType<typeof useRippleStore>): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const state = store.getState();
  if (event.key === ' ' && !event.shiftKey && !spaceBelongsTo(event.target)) {
    event.preventDefault();
    if (!event.repeat) state.compareTogglePlay();
    return;
  }
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, .react-flow__node, [role="slider"]')) return;
  if (event.key === 'ArrowRight') state.compareStep(1);
  else if (event.key === 'ArrowLeft') state.compareStep(-1);
  else return;
  event.preventDefault();
}
