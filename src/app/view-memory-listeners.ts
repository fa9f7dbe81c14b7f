// The page's side of the editor's view memory (src/store/view-memory.ts): its listeners, in the
// chunk src/app/use-view-memory.ts loads after the first canvas, so the main chunk carries none
// of it (issue #15).
import { keepView, restoreView, takeDraftFromOtherTab } from '../store/view-memory.ts';
import { DRAFT_KEY } from '../store/persistence.ts';
import type { PanelTab, RippleStore } from '../store/types.ts';

/**
 * The editor's view memory at work (src/app/use-view-memory.ts loads this chunk): restores the
 * view once (`restoreView`), keeps it as the page is hidden or left (`keepView`, on `pagehide`
 * and `visibilitychange` to hidden), and takes the draft another tab of the editor stores
 * (`takeDraftFromOtherTab`, on the `storage` event for `DRAFT_KEY`, fired only in the other tabs
 * of this origin). Returns a function that removes the listeners. The listeners live here, not
 * in the hook, so the main chunk carries none of it (issue #15).
 */
export function attachViewMemory(store: RippleStore, shownFirst: { panelTab: PanelTab }): () => void {
  restoreView(store, shownFirst);
  const keep = () => keepView(store);
  const onVisibility = () => document.visibilityState === 'hidden' && keep();
  const onStorage = (event: StorageEvent) => event.key === DRAFT_KEY && event.newValue && void takeDraftFromOtherTab(store).catch(() => undefined);
  window.addEventListener('storage', onStorage);
  window.addEventListener('pagehide', keep);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pagehide', keep);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
