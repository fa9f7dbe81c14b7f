// The editor's way into compare mode: "Compare with…" in the toolbar, and the comparison itself
// while one is open (from the menu or a comparison link). Both load on demand.
import { lazy, Suspense } from 'react';
import { useRipple } from '../../store/context.tsx';

const CompareMenu = lazy(() => import('./CompareMenu.tsx'));
const CompareView = lazy(() => import('./CompareView.tsx'));

/** Two panes side by side, drawn like the toolbar's other icons (src/canvas/icons.tsx). */
export function CompareIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
      <path d="M1.8 3h5.4v10H1.8zM8.8 3h5.4v10H8.8z" />
    </svg>
  );
}

/**
 * `menu` / `setMenu`: whether the Compare with… dialog is open, kept by the toolbar, whose More
 * menu on a phone opens it too. `className`: the button's extra class (the toolbar's).
 */
export function CompareEntry({ menu, setMenu, className = '' }: { menu: boolean; setMenu: (open: boolean) => void; className?: string }) {
  const comparing = useRipple((s) => s.compare !== null);
  const hasSteps = useRipple((s) => s.scenario.steps.length > 0);
  return (
    <>
      <button
        type="button"
        className={`btn btn--collapsible ${className}`}
        aria-label="Compare with…"
        title="Compare with a variant: the same graph under another choice"
        aria-haspopup="dialog"
        disabled={!hasSteps}
        onClick={() => setMenu(true)}
      >
        <span className="btn__icon" aria-hidden="true">
          <CompareIcon />
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
