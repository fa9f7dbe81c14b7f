// `embed.html?compare=1#<comparison link>` (issue #13): a docs page shows the contrast itself —
// both sides under one playhead, the differing steps and the sentence, read-only. The host
// protocol (ready, height, moment) is the single embed's; this view does not speak it yet.
import type { ReactNode } from 'react';
import CompareView from '../app/compare/CompareView.tsx';
import { linkProblem } from '../app/share/links.ts';
import { decodeCompareLink, isCompareFragment } from '../scenario/compare-link.ts';
import { RippleProvider } from '../store/context.tsx';
import { createRippleStore } from '../store/store.ts';
import { EmbedError } from './EmbedError.tsx';

/**
 * The embed for a comparison link in `fragment`: the comparison paused at the link's moment, or
 * the error page saying what is wrong. Null when `fragment` is no comparison link.
 */
export function embedComparison(fragment: string, href: string, appUrl: string): ReactNode | null {
  if (!isCompareFragment(fragment)) return null;
  const decoded = decodeCompareLink(fragment);
  if (!decoded.ok) return <EmbedError problem={linkProblem(decoded.error, href)} appUrl={appUrl} />;
  const store = createRippleStore({ scenario: decoded.a, readOnly: true, persist: false });
  const { at, select } = decoded.extras;
  const opened = store.getState().openCompare(decoded.b.scenario, {
    label: decoded.b.label ?? 'B',
    ...(decoded.b.replay ? { replay: true } : {}),
    at: at ?? 0,
    ...(select !== undefined ? { select } : {}),
  });
  if (!opened) {
    const problems = store.getState().compareProblems ?? [];
    return <EmbedError problem={{ kind: 'invalid', message: 'The comparison cannot run.', problems, raw: href }} appUrl={appUrl} />;
  }
  return (
    <RippleProvider store={store}>
      <CompareView embedded />
    </RippleProvider>
  );
}
