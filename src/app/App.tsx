// OWNER: editor engineer. Layout: toolbar on top, canvas in the middle, a side panel
// (editor panels + <RunSidePanel/>), and <PlaybackDock/> (transport, timeline, log) below.
// The dock comes before the side panel in the DOM (so in the tab order): on a phone the
// panels stack in that order — graph, then Play, then the inspector — and on a wide screen
// the grid puts the dock under both (styles.css, .workspace).
import { lazy, Suspense, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { PlaybackDock } from '../panels/RunPanels.tsx';
import { useRipple } from '../store/context.tsx';
import { StepCanvas } from '../canvas/StepCanvas.tsx';
import { EmptyCanvas } from '../canvas/EmptyCanvas.tsx';
import { useAddStep } from '../canvas/use-add-step.ts';
import { Toolbar } from './Toolbar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { usePrefs, useTheme } from './use-prefs.ts';
import { useEditorShortcuts } from './use-shortcuts.ts';
import { useViewMemory } from './use-view-memory.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PresenterHost } from '../lessons/ui/PresenterHost.tsx';

// Not needed for the first canvas, so out of the main bundle (issue #15): the table view and the gallery.
const StepTable = lazy(() => import('../panels/StepTable.tsx').then((m) => ({ default: m.StepTable })));
const Gallery = lazy(() => import('../panels/Gallery.tsx').then((m) => ({ default: m.Gallery })));

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}

function firstVisit(seenGallery: boolean, readOnly: boolean): boolean {
  // A link being opened (#…) shows its own scenario, not the gallery.
  return !seenGallery && !readOnly && (typeof location === 'undefined' || location.hash === '');
}

function Editor() {
  const [prefs, setPrefs] = usePrefs();
  const theme = useTheme(prefs.theme);
  const readOnly = useRipple((s) => s.readOnly);
  const empty = useRipple((s) => s.scenario.steps.length === 0);
  const [galleryOpen, setGalleryOpen] = useState(() => firstVisit(prefs.seenGallery, readOnly));
  const addStep = useAddStep();
  useEditorShortcuts({ addStep });
  useViewMemory();

  const openGallery = () => setGalleryOpen(true);
  const closeGallery = () => {
    setGalleryOpen(false);
    if (!prefs.seenGallery) setPrefs({ seenGallery: true });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#side-panel">
        Skip to the panels
      </a>
      <Toolbar onOpenGallery={openGallery} onAddStep={addStep} prefs={prefs} setPrefs={setPrefs} />
      <main className="workspace">
        <section className="canvas-area" aria-label={prefs.view === 'table' ? 'Steps (table)' : 'Step graph'}>
          {/* Keyed by the view: switching views is a fresh start after an error. */}
          <ErrorBoundary key={prefs.view} what={prefs.view === 'table' ? 'drawing the table' : 'drawing the canvas'}>
            {prefs.view === 'table' ? (
              <Suspense fallback={null}>
                <StepTable onOpenGallery={openGallery} onAddStep={addStep} />
              </Suspense>
            ) : (
              <StepCanvas colorMode={theme} />
            )}
          </ErrorBoundary>
          {/* The Table view has its own empty state, under its header row (StepTable.tsx). */}
          {empty && !readOnly && prefs.view !== 'table' && <EmptyCanvas onOpenGallery={openGallery} onAddStep={addStep} />}
          <NoticeBar />
        </section>
        <ErrorBoundary what="showing the run">
          <PlaybackDock />
        </ErrorBoundary>
        <aside className="side-panel" id="side-panel" aria-label="Inspector and run">
          <ErrorBoundary what="showing this panel">
            <SidePanel />
          </ErrorBoundary>
        </aside>
      </main>
      {galleryOpen && (
        <Suspense fallback={null}>
          <Gallery onClose={closeGallery} />
        </Suspense>
      )}
      <PresenterHost theme={theme} />
    </div>
  );
}
