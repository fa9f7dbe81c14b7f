// Compare mode (issue #13): A and B side by side (stacked on a phone) under one playhead, the
// steps that differ marked on both canvases and listed, and the difference in one sentence.
// Loaded on demand (CompareEntry.tsx), so the editor's main chunk does not carry it.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import type { RippleState } from '../../store/types.ts';
import { CopyField } from '../share/CopyField.tsx';
import { writeLinkToAddressBar } from '../share/useLinkSync.ts';
import { CompareSide } from './CompareSide.tsx';
import { CompareTransport } from './CompareTransport.tsx';
import { DiffTable } from './DiffTable.tsx';
import { diffMarksCss } from './diff-marks.ts';
import { onCompareKey, useCompareClock } from './useCompareClock.ts';
import './compare.css';

const selectView = (s: RippleState) => ({
  a: s.compare?.a,
  b: s.compare?.b,
  diff: s.compare?.diff,
  summary: s.compare?.summary,
  editable: s.compare?.editable ?? false,
  replay: s.compare?.replay ?? false,
  problems: s.compareProblems,
});

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function colorModeNow(): 'light' | 'dark' {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** The comparison's share link: A's link plus B's difference, at the playhead, with the selection. */
function ShareComparison() {
  const store = useRippleStore();
  const [link, setLink] = useState<string | null>(null);
  const make = async () => {
    const { encodeCompareLink } = await import('../../scenario/compare-link.ts');
    const session = store.getState().compare;
    if (!session) return;
    const b = session.b.store.getState().scenario;
    const fragment = encodeCompareLink(
      session.a.store.getState().scenario,
      { scenario: b, label: session.b.label, ...(session.replay ? { replay: true } : {}) },
      { at: Math.round(session.time), ...(session.selectedStepId !== null ? { select: session.selectedStepId } : {}) },
    );
    setLink(`${location.href.split('#')[0]}#${fragment}`);
  };
  return (
    <div className="compare-share">
      <button type="button" className="btn" onClick={() => void make()}>
        Link to this comparison
      </button>
      {link !== null && <CopyField label="Comparison link (both scenarios, this moment)" value={link} buttonLabel="Copy" rows={2} />}
    </div>
  );
}

/**
 * The comparison, over the editor (a modal: Escape or Close leaves compare mode), or filling an
 * embed frame (`embedded`: no Close, no link).
 */
export default function CompareView({ embedded = false }: { embedded?: boolean }) {
  const store = useRippleStore();
  const view = useRipple(useShallow(selectView));
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [colorMode] = useState(colorModeNow);
  useCompareClock();

  useEffect(() => {
    if (embedded) return undefined;
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (opener && document.contains(opener)) opener.focus();
    };
  }, [embedded]);

  const { a, b, diff } = view;
  if (!a || !b || !diff) return null;
  const close = () => {
    store.getState().closeCompare();
    // Opened from a comparison link: the address bar goes back to A's own link.
    if (location.hash.includes('~')) void writeLinkToAddressBar(store);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && !embedded) {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key === 'Tab' && !embedded && ref.current) {
      // A modal: Tab stays inside, as in the editor's dialogs (Dialog.tsx).
      const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      const first = items[0];
      const last = items[items.length - 1];
      if (first && event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (last && !event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    onCompareKey(event, store);
  };

  const content = (
    <div
      ref={ref}
      className={embedded ? 'compare compare--embedded' : 'compare'}
      role={embedded ? 'region' : 'dialog'}
      aria-modal={embedded ? undefined : true}
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="compare-view"
    >
      <style>{diffMarksCss(Object.keys(diff.steps))}</style>
      <header className="compare__head">
        <h2 id={titleId}>
          Compare: A vs B — {b.label}
          {view.replay && <span className="compare__note"> (B replays A&apos;s run)</span>}
        </h2>
        {!embedded && (
          <button type="button" className="btn" onClick={close} data-autofocus>
            Close
          </button>
        )}
      </header>
      <p className="compare__summary" role="status" data-testid="compare-summary">
        {view.summary}
      </p>
      <CompareTransport />
      {view.editable && (
        <div className="compare__rerun">
          <button type="button" className="btn btn--primary" onClick={() => store.getState().rerunCompare()}>
            Run both again
          </button>
          <span className="compare__hint">Edit B below (its canvas, “Edit this copy”), then run both again.</span>
          {view.problems && (
            <ul className="compare__problems" role="alert">
              {view.problems.map((p, i) => (
                <li key={i}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="compare__sides">
        <CompareSide tag="A" side={a} durationMs={diff.summary.durationMs[0]} editable={false} colorMode={colorMode} />
        <CompareSide tag="B" side={b} durationMs={diff.summary.durationMs[1]} editable={view.editable} colorMode={colorMode} />
      </div>
      <DiffTable />
      {!embedded && <ShareComparison />}
    </div>
  );
  return embedded ? content : createPortal(content, document.body);
}
