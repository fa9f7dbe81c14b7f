import { useEffect } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { downloadText } from './share/download.ts';

/**
 * Refusals ("that would make a cycle …") and notes ("your draft is kept"), announced politely.
 * A notice with a `download` (a draft that could not be read or saved) offers it as a file.
 */
export function NoticeBar() {
  const store = useRippleStore();
  const notice = useRipple((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => store.getState().dismissNotice(), 8000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  const download = notice?.download;
  return (
    <div role="status" aria-live="polite" className="notice-region">
      {notice && (
        <div className={`notice notice--${notice.kind}`} key={notice.seq}>
          <span className="notice__text">{notice.text}</span>
          {download && (
            <button type="button" className="btn btn--small" onClick={() => downloadText(download.text, download.filename, download.type)}>
              {download.label}
            </button>
          )}
          <button type="button" className="btn btn--small btn--quiet" aria-label="Dismiss" onClick={() => store.getState().dismissNotice()}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
