import { useEffect } from 'react';
import { useRippleStore } from '../store/context.tsx';

/**
 * A reload keeps the run shown, its playhead and the selected step (src/store/view-memory.ts, a
 * chunk of its own: not needed for the first canvas): restored once as the editor first shows,
 * kept as the page is hidden. Mount once, in the editor.
 */
export function useViewMemory(): void {
  const store = useRippleStore();
  useEffect(() => {
    let gone = false;
    let keep: (() => void) | null = null;
    // The tab the editor first shows: one the person picks before the chunk arrives is theirs.
    const shownFirst = { panelTab: store.getState().panelTab };
    const onPageHide = () => keep?.();
    const onVisibility = () => document.visibilityState === 'hidden' && keep?.();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    import('../store/view-memory.ts').then(
      ({ keepView, restoreView }) => {
        if (gone) return;
        restoreView(store, shownFirst);
        keep = () => keepView(store);
      },
      () => undefined, // Offline after a deploy: a reload shows the scenario without its run, as it used to.
    );
    return () => {
      gone = true;
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);
}
