// The editor's way into compare mode: "Compare with…" in the toolbar, and the comparison itself
// while one is open (from the menu or a comparison link). Both load on demand.
import { lazy, Suspense, useState } from 'react';
import { useRipple } from '../../store/context.tsx';

const CompareMenu = lazy(() => import('./CompareMenu.tsx'));
const CompareView = lazy(() => import('./CompareView.tsx'));

export function CompareEntry() {
  const comparing = useRipple((s) => s.compare !== null);
  const hasSteps = useRipple((s) => s.scenario.steps.length > 0);
  const [menu, setMenu] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--collapsible"
        aria-label="Compare with…"
        title="Compare with a variant: the same graph under another choice"
        aria-haspopup="dialog"
        disabled={!hasSteps}
        onClick={() => setMenu(true)}
      >
        <span className="btn__icon" aria-hidden="true">
          {/* Two panes side by side, drawn like the toolbar's other icons (src/canvas/icons.tsx). */}
          <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
            <path d="M1.8 3h5.4v10H1.8zM8.8 3h5.4v10H8.8z" />
          </svg>
        </span>
        <span className="btn__text">Compare</span>
      </button>
      {menu && (
        <Suspense fallback={null}>
          <CompareMenu onClose={() => setMenu(false)} />
        </Suspense>
      )}
      {comparing && (
        <Suspense fallback={null}>
          <CompareView />
        </Suspense>
      )}
    </>
  );
}
