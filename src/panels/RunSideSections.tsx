// The side panel's sections for a run: Why 424?, Responses, Run summary, Replay. Loaded on
// demand by RunSidePanel (RunPanels.tsx), once there is a run to show.
import { useState, type ReactNode } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectCurrentResult, selectCurrentSegment, selectLatestSegment } from '../store/selectors.ts';
import { selectSelectedProgress } from '../store/panel-selectors.ts';
import type { RippleState } from '../store/store.ts';
import type { StepState } from '../engine/types.ts';
import { ReplayPanel } from './ReplayPanel.tsx';
import { ResponseViewer } from './ResponseViewer.tsx';
import { RunSummary } from './RunSummary.tsx';
import { WhyPanel } from './WhyPanel.tsx';
import { DialectPanel } from './DialectPanel.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import { DIALECT_TITLES, dialectWord } from '../engine/dialect-words.ts';
import { dialectViewOptions } from '../engine/dialect.ts';
import type { DialectName } from '../scenario/types.ts';

/**
 * The Why section's heading, for the selected step: "Why 424?" for a step that answered 424
 * (or before one is chosen), "What happened" for a step told with another ending; spoken as
 * another system, with that system's word for the step beside it ("Why 424? (Argo: Omitted)",
 * "What happened (Argo: Failed)"). `step`: the selected step's final state once the panel tells
 * it, `'untold'` for a step selected whose ending is not shown yet (no word: it has none yet),
 * null with no step selected (the word for a 424: what the panel invites the person to pick).
 *
 * @example whyTitle('argo', 'failed') // → 'What happened (Argo: Failed)'
 */
export function whyTitle(dialect: DialectName, step: StepState | 'untold' | null = null, caught = false): string {
  const blocked = step === null || step === 'untold' || step === 'blocked' || step === 'rolled-back';
  const title = blocked ? 'Why 424?' : 'What happened';
  if (dialect === 'http' || step === 'untold') return title;
  return `${title} (${DIALECT_TITLES[dialect]}: ${dialectWord(dialect, step ?? 'blocked', caught)})`;
}

/** `whyTitle` for the store's selected step at the playhead (a string: the heading redraws only when it changes). */
function selectWhyTitle(s: RippleState): string {
  const dialect = selectDialect(s);
  const id = s.selectedStepId;
  if (!id) return whyTitle(dialect);
  const state = selectSelectedProgress(s) === 'told' ? selectCurrentResult(s)?.steps[id]?.state : undefined;
  if (!state) return whyTitle(dialect, 'untold');
  // The flag as every panel reads it (dialectViewOptions), and only where it changes the word.
  const segment = dialect === 'step-functions' && state === 'failed' ? selectCurrentSegment(s) : null;
  const caught = segment !== null && (dialectViewOptions(segment.scenario).caught ?? []).includes(id);
  return whyTitle(dialect, state, caught);
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
  const title = useRipple(selectWhyTitle);
  return (
    <>
      <WholeRunToggle />
      <Section title={title} testId="why-section">
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
