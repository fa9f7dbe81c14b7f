import { useMemo } from 'react';
import { recentDrafts, withRecentDraft } from '../store/autosave.ts';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { SavedDraft } from '../store/persistence.ts';
import { fileBase } from '../export/file-name.ts';
import { Dialog } from './Dialog.tsx';
import { downloadText } from './share/download.ts';

// "Recent drafts" (issue 9 §6): the last few drafts a load or restore replaced, newest first,
// each with its title and when it was replaced; any of them can be restored or downloaded.

/** `Replaced 30 Nov 2026, 10:50`; "time unknown" for drafts saved without one. */
function whenText(savedAt: number): string {
  return savedAt > 0 ? `Replaced ${new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : 'Time unknown';
}

export function RecentDrafts({ onClose }: { onClose: () => void }) {
  const store = useRippleStore();
  const previous = useRipple((s) => s.previousDraft);
  // Read once per opening (and when the store's previous draft changes): storage is not reactive.
  const drafts = useMemo(() => (previous ? withRecentDraft(recentDrafts(), previous) : recentDrafts()), [previous]);

  const restore = (draft: SavedDraft) => {
    if (draft === previous) store.getState().restorePreviousDraft();
    else store.getState().loadScenario(draft.scenario, { label: 'restore draft' });
    onClose();
  };
  const download = (draft: SavedDraft) =>
    downloadText(`${JSON.stringify(draft.scenario, null, 2)}\n`, `${fileBase(draft.scenario.title) || 'draft'}.json`, 'application/json');

  return (
    <Dialog title="Recent drafts" description="Drafts replaced by opening or restoring another scenario, newest first." onClose={onClose}>
      {drafts.length === 0 ? (
        <p>No replaced drafts are kept in this browser.</p>
      ) : (
        <ul className="recent-drafts" aria-label="Recent drafts">
          {drafts.map((draft) => (
            <li key={`${draft.savedAt}:${draft.scenario.title}`} className="recent-drafts__item">
              <span className="recent-drafts__title">{draft.scenario.title}</span>
              <span className="recent-drafts__when">
                {whenText(draft.savedAt)} · {draft.scenario.steps.length} steps
              </span>
              <span className="recent-drafts__actions">
                <button type="button" className="btn btn--small" aria-label={`Restore “${draft.scenario.title}”`} onClick={() => restore(draft)}>
                  Restore
                </button>
                <button type="button" className="btn btn--small btn--quiet" aria-label={`Download “${draft.scenario.title}”`} onClick={() => download(draft)}>
                  Download
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
