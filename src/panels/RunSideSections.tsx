// The side panel's sections for a run: Why 424?, Responses, Run summary, Replay. Loaded on
// demand by RunSidePanel (RunPanels.tsx), once there is a run to show.
import { useState, type ReactNode } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectLatestSegment } from '../store/selectors.ts';
import { ReplayPanel } from './ReplayPanel.tsx';
import { ResponseViewer } from './ResponseViewer.tsx';
import { RunSummary } from './RunSummary.tsx';
import { WhyPanel } from './WhyPanel.tsx';
import { DialectPanel } from './DialectPanel.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import { DIALECT_TITLES, dialectWord } from '../engine/dialect-words.ts';
import type { DialectName } from '../scenario/types.ts';

/**
 * "Why 424?", with the system's own word for a 424 when the run is spoken as another system
 * ("Why 424? (GitHub Actions: skipped)"): Ripple's rule stays, the person's word is beside it.
 */
export function whyTitle(dialect: DialectName): string {
  return dialect === 'http' ? 'Why 424?' : `Why 424? (${DIALECT_TITLES[dialect]}: ${dialectWord(dialect, 'blocked')})`;
}

// A closed section renders nothing inside: its panel would otherwise follow the playhead on
// every frame unseen (issue #15: "Speak as", closed by default, redrew a row per step per frame).
function Section({ title, defaultOpen = true, children, testId }: { title: string; defaultOpen?: boolean; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="pb-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={testId}>
      <summary>
        <h2>{title}</h2>
      </summary>
      <div className="pb-section-body">{open && children}</div>
    </details>
  );
}

/** The `wholeRun` pref: the panels tell the run as of the playhead, or the whole run with its ending. */
export function WholeRunToggle() {
  const wholeRun = useRipple((s) => s.wholeRun);
  const setWholeRun = useRipple((s) => s.setWholeRun);
  return (
    <label className="pb-check pb-check-prose">
      <input type="checkbox" checked={wholeRun} onChange={(event) => setWholeRun(event.currentTarget.checked)} />
      Show the end of the run (otherwise: as of the playhead)
    </label>
  );
}

export default function RunSideSections() {
  const failed = useRipple((s) => (selectLatestSegment(s)?.result.outcome ?? 'succeeded') !== 'succeeded');
  const dialect = useRipple(selectDialect);
  return (
    <>
      <WholeRunToggle />
      <Section title={whyTitle(dialect)} testId="why-section">
        <WhyPanel />
      </Section>
      <Section title="Responses" testId="responses-section">
        <ResponseViewer />
      </Section>
      <Section title="Run summary" testId="summary-section">
        <RunSummary />
      </Section>
      <Section title="Speak as" defaultOpen={false} testId="dialect-section">
        <DialectPanel />
      </Section>
      <Section title="Replay" defaultOpen={failed} testId="replay-section">
        <ReplayPanel />
      </Section>
    </>
  );
}
