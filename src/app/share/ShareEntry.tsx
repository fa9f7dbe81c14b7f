// The toolbar's Share and Import / Export buttons, drawn at once; what they do (the menu, the
// dialogs, opening files) is ShareMenu, a chunk of its own loaded right after the first canvas
// (issue #15). Until it arrives the buttons show, disabled and busy, and a file dropped on the
// page is kept and opened when it does. If it cannot load (offline after a new deploy), the
// buttons stay disabled and say why.
import { lazy, Suspense, useState } from 'react';
import { Icon } from '../../canvas/icons.tsx';
import { useFileDrop } from './useFileDrop.ts';
import './share.css';

const ShareMenu = lazy(() =>
  import('./ShareMenu.tsx').then(
    (m) => ({ default: m.ShareMenu }),
    () => ({ default: () => <ShareButtons note="Sharing could not load: reload the page to share, import or export." /> }),
  ),
);

/** The buttons as ShareMenu draws them, disabled: `note` says why (also to screen readers, as their description). */
function ShareButtons({ note }: { note: string }) {
  return (
    <div className="share-menu" aria-busy={note === LOADING}>
      <button type="button" className="btn" disabled title={note}>
        <span className="btn__icon" aria-hidden="true">
          <Icon name="external" />
        </span>
        <span className="btn__text">Share</span>
      </button>
      <button type="button" className="btn btn--collapsible" disabled title={note} aria-haspopup="menu">
        <span className="btn__icon" aria-hidden="true">
          <Icon name="import-export" />
        </span>
        <span className="btn__text">Import / Export</span>
        <span className="btn__caret" aria-hidden="true">
          <Icon name="caret" />
        </span>
      </button>
    </div>
  );
}

const LOADING = 'Loading…';

/** Catches files dropped before ShareMenu has loaded (its own drop target replaces this one). */
function Waiting({ onFiles }: { onFiles: (files: File[]) => void }) {
  useFileDrop(onFiles);
  return <ShareButtons note={LOADING} />;
}

export function ShareEntry() {
  const [early, setEarly] = useState<File[]>([]);
  return (
    <Suspense fallback={<Waiting onFiles={setEarly} />}>
      <ShareMenu droppedEarly={early} />
    </Suspense>
  );
}
