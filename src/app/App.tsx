// OWNER: editor engineer. Layout: toolbar on top, canvas in the middle, a side panel
// (editor panels + <RunSidePanel/>), and <PlaybackDock/> (transport, timeline, log) below.
import { RunSidePanel, PlaybackDock } from '../panels/RunPanels.tsx';
import { ShareMenu } from './share/ShareMenu.tsx';

export function App() {
  return (
    <div className="app">
      <header className="toolbar">
        <h1>Ripple</h1>
        <ShareMenu />
      </header>
      <main className="workspace">
        <section className="canvas-area" aria-label="Step graph" />
        <aside className="side-panel">
          <RunSidePanel />
        </aside>
      </main>
      <PlaybackDock />
    </div>
  );
}
