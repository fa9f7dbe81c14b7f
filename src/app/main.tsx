import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { RippleProvider } from '../store/context.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RippleProvider options={{ persist: true }}>
      <App />
    </RippleProvider>
  </StrictMode>,
);
