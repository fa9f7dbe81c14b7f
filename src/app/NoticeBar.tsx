import { useEffect } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';

/** Refusals ("that would make a cycle …") and notes ("your draft is kept"), announced politely. */
export function NoticeBar() {
  const store = useRippleStore();
  const notice = useRipple((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => store.getState().dismissNotice(), 8000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  return (
    <div role="status" aria-live="polite" className="notice-region">
      {notice && (
        <div className={`notice notice--${notice.kind}`} key={notice.seq}>
          <span className="notice__text">{notice.text}</span>
          <button type="button" className="btn btn--small btn--quiet" aria-label="Dismiss" onClick={() => store.getState().dismissNotice()}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
