import { useEffect } from 'react';
import { useRippleStore } from '../store/context.tsx';
import { DRAFT_KEY } from '../store/persistence.ts';

/**
 * A reload keeps the run shown, its playhead and the selected step (src/store/view-memory.ts, a
 * chunk of its own: not needed for the first canvas): restored once as the editor first shows,
 * kept as the page is hidden. With that chunk, the draft another tab of the editor stores is
 * shown here too (store/draft-from-other-tab.ts), so this tab's next edit builds on it instead of
 * writing an older scenario over it. Mount once, in the editor.
 */
export function useViewMemory(): void {
  const store = useRippleStore();
  useEffect(() => {
    let gone = false;
    let keep: (() => void) | null = null;
    let take: (() => void) | null = null;
    // The tab the editor first shows: one the person picks before the chunk arrives is theirs.
    const shownFirst = { panelTab: store.getState().panelTab };
    const onPageHide = () => keep?.();
    const onVisibility = () => document.visibilityState === 'hidden' && keep?.();
    // Fired only in the other tabs of this origin, never in the one that wrote.
    const onStorage = (event: StorageEvent) => event.key === DRAFT_KEY && event.newValue && take?.();
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    import('../store/view-memory.ts').then(
      ({ keepView, restoreView, takeDraftFromOtherTab }) => {
        if (gone) return;
        restoreView(store, shownFirst);
        keep = () => keepView(store);
        take = () => void takeDraftFromOtherTab(store).catch(() => undefined);
      },
      () => undefined, // Offline after a deploy: a reload shows the scenario without its run, as it used to.
    );
    return () => {
      gone = true;
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);
}
