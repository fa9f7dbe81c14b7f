import { useEffect } from 'react';
import { useRippleStore } from '../store/context.tsx';

/**
 * A reload keeps the run shown, its playhead and the selected step (src/store/view-memory.ts, with
 * its listeners in view-memory-listeners.ts, a chunk of its own: not needed for the first canvas): restored once as the editor first shows,
 * kept as the page is hidden. With that chunk, the draft another tab of the editor stores is
 * shown here too (store/draft-from-other-tab.ts), so this tab's next edit builds on it instead of
 * writing an older scenario over it. Mount once, in the editor.
 */
export function useViewMemory(): void {
  const store = useRippleStore();
  useEffect(() => {
    let detach: (() => void) | null = null;
    let gone = false;
    // The tab the editor first shows: one the person picks before the chunk arrives is theirs.
    const shownFirst = { panelTab: store.getState().panelTab };
    import('./view-memory-listeners.ts').then(
      ({ attachViewMemory }) => {
        if (!gone) detach = attachViewMemory(store, shownFirst);
      },
      () => undefined, // Offline after a deploy: a reload shows the scenario without its run, as it used to.
    );
    return () => {
      gone = true;
      detach?.();
    };
  }, [store]);
}
