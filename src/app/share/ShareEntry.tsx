// The toolbar's Share and Import / Export buttons, drawn at once; what they do (the menu, the
// dialogs, opening files) is ShareMenu, a chunk of its own loaded right after the first canvas
// (issue #15). Until it arrives the buttons show, disabled and busy, and a file dropped on the
// page is kept and opened when it does. If it cannot load (offline after a new deploy), a
// press on either button says so.
import { lazy, Suspense, useState } from 'react';
import { useFileDrop } from './useFileDrop.ts';
import { ImportExportFace, ShareFace } from './button-faces.tsx';
import './share.css';

const ShareMenu = lazy(() =>
  import('./ShareMenu.tsx').then(
    (m) => ({ default: m.ShareMenu }),
    () => ({ default: Unavailable }),
  ),
);

/** The buttons as ShareMenu draws them. `onPress` null: disabled (while loading). */
function ShareButtons({ onPress }: { onPress: (() => void) | null }) {
  return (
    <>
      <button type="button" className="btn" disabled={!onPress} onClick={onPress ?? undefined}>
        <ShareFace />
      </button>
      <button type="button" className="btn btn--collapsible" disabled={!onPress} onClick={onPress ?? undefined} aria-haspopup="menu">
        <ImportExportFace />
      </button>
    </>
  );
}

/** ShareMenu's chunk did not load (offline after a new deploy): pressing a button says so. */
function Unavailable() {
  const [said, setSaid] = useState(false);
  return (
    <div className="share-menu">
      <ShareButtons onPress={() => setSaid(true)} />
      {said && (
        <div className="share-toast share-toast--error" role="alert">
          <div>Sharing, import and export could not load. Reload the page to use them; your draft is kept.</div>
          <button type="button" className="btn btn--quiet" aria-label="Dismiss" onClick={() => setSaid(false)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** Catches files dropped before ShareMenu has loaded (its own drop target replaces this one). */
function Waiting({ onFiles }: { onFiles: (files: File[]) => void }) {
  useFileDrop(onFiles);
  return (
    <div className="share-menu" aria-busy="true">
      <ShareButtons onPress={null} />
    </div>
  );
}

export function ShareEntry() {
  const [early, setEarly] = useState<File[]>([]);
  return (
    <Suspense fallback={<Waiting onFiles={setEarly} />}>
      <ShareMenu droppedEarly={early} />
    </Suspense>
  );
}
