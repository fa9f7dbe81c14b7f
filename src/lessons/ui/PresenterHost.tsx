import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useRipple } from '../../store/context.tsx';

// Where presenter mode mounts: at the app's root (src/app/App.tsx), not inside the Lessons tab,
// so a run that opens the Run tab cannot unmount it. The presenter itself loads on first use.
const Presenter = lazy(() => import('./Presenter.tsx'));

/** Presenter mode over the whole page while the store's `presenting` is on; nothing otherwise. */
export function PresenterHost({ theme }: { theme: 'light' | 'dark' }) {
  const presenting = useRipple((s) => s.presenting);
  if (!presenting) return null;
  return createPortal(
    <Suspense fallback={null}>
      <Presenter theme={theme} />
    </Suspense>,
    document.body,
  );
}
