import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './App.tsx';
import { decodeLinkEarly, LinkGate } from './share/LinkGate.tsx';
import { RippleProvider } from '../store/context.tsx';
import { DRAFT_KEY, loadDraftUnpacking, PREVIOUS_DRAFT_KEY, readItem, readPrefs } from '../store/persistence.ts';
import { loadScenarioGate } from '../scenario/gate-loader.ts';
import { loadLessonWorkings } from '../store/lesson-slice.ts';
import { resolveTheme } from './use-prefs.ts';
import { isAnchorFragment } from './share/links.ts';
import type { SimulateOffThread } from '../worker/off-thread.ts';

// Set the theme before the first paint, so a dark-mode visitor never sees a white flash.
document.documentElement.dataset.theme = resolveTheme(readPrefs().theme, window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);

/**
 * Runs in the simulate worker, whose client (src/worker/off-thread.ts) loads with the first run,
 * not the page (issue #15). A failed load rejects that run, so the store makes it on the page
 * (src/store/run-slice.ts); the next run tries the load again. Undefined where there is no `Worker`.
 */
function lazyOffThreadSimulator(): SimulateOffThread | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let client: Promise<SimulateOffThread | null> | null = null;
  return (scenario) => {
    client ??= import('../worker/off-thread.ts').then(
      (m) => m.createOffThreadSimulator(),
      (error: unknown) => {
        client = null;
        throw error;
      },
    );
    return client.then((simulate) => (simulate ? simulate(scenario) : Promise.reject(new Error('this browser has no Worker'))));
  };
}

// Fields commit on blur (src/panels/fields.tsx): a reload or a tab closed while one is being
// typed in commits it first, so the draft and the link, written on the same `pagehide`
// (store/context.tsx, share/useLinkSync.ts), keep it. Registered before those, so it runs first.
window.addEventListener('pagehide', () => {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur();
});

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <RippleProvider options={{ persist: true, simulateOffThread: lazyOffThreadSimulator() }}>
        <LinkGate>
          <App />
        </LinkGate>
      </RippleProvider>
    </StrictMode>,
  );

// The scenario gate's checks are a chunk of their own (src/scenario/gate-loader.ts, issue #15):
// a first visit draws its canvas without them, and they load meanwhile for the first edit. A
// stored draft is restored through them as the store is created, so a returning visitor's first
// canvas waits for them: it never shows an unchecked draft. Should they fail to load, the store
// keeps the draft untouched under its own key and says so (autosave.ts, issue #9 §6).
const gate = loadScenarioGate();
// A link in the address bar is opened by LinkGate after the first render: its codec starts
// loading now, beside the gate, so the chunks come in one wave rather than two.
// A long link is decoded in the text worker: that starts now too (LinkGate.tsx, decodeLinkEarly).
if (location.hash.length > 1 && !isAnchorFragment(location.hash.slice(1))) {
  decodeLinkEarly(location.href);
  void import('./share/boot-link.ts').catch(() => undefined);
}
// A stored draft is read back through the gate, and a packed one (persistence.ts) through its unpacking.
if ([DRAFT_KEY, PREVIOUS_DRAFT_KEY].some((key) => (readItem(key) ?? '') !== '')) void Promise.allSettled([gate, loadDraftUnpacking()]).then(render);
else {
  render();
  gate.catch(() => undefined);
}
// A lesson's workings too (src/store/lesson-workings.ts): a lesson link opens one as soon as it is decoded.
loadLessonWorkings().catch(() => undefined);
