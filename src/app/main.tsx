import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import { App } from './App.tsx';
import { LinkGate } from './share/LinkGate.tsx';
import { RippleProvider } from '../store/context.tsx';
import { readPrefs } from '../store/persistence.ts';
import { resolveTheme } from './use-prefs.ts';
import { createOffThreadSimulator } from '../worker/off-thread.ts';

// Set the theme before the first paint, so a dark-mode visitor never sees a white flash.
document.documentElement.dataset.theme = resolveTheme(readPrefs().theme, window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RippleProvider options={{ persist: true, simulateOffThread: createOffThreadSimulator() ?? undefined }}>
      <LinkGate>
        <App />
      </LinkGate>
    </RippleProvider>
  </StrictMode>,
);
