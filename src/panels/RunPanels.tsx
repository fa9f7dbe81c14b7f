import { useState, type ReactNode } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectHasRun, selectLatestSegment } from '../store/selectors.ts';
import { EventLog } from './EventLog.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';
import { ResponseViewer } from './ResponseViewer.tsx';
import { RunSummary } from './RunSummary.tsx';
import { Timeline } from './Timeline.tsx';
import { TransportBar } from './TransportBar.tsx';
import { usePlaybackClock, usePlaybackKeys } from './usePlayback.ts';
import { WhyPanel } from './WhyPanel.tsx';
import './playback.css';

// OWNER: playback engineer. The app mounts <RunSidePanel/> in the side panel and
// <PlaybackDock/> below the canvas.

function Section({ title, defaultOpen = true, children, testId }: { title: string; defaultOpen?: boolean; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="pb-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={testId}>
      <summary>
        <h2>{title}</h2>
      </summary>
      <div className="pb-section-body">{children}</div>
    </details>
  );
}

function RunProblems() {
  const problems = useRipple((s) => s.runProblems);
  if (!problems || problems.length === 0) return null;
  return (
    <div className="pb-problems" role="alert">
      <p>The scenario cannot run yet:</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path && <code>{p.path}</code>} {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Side panel: Why 424?, Responses, Run summary, Replay. */
export function RunSidePanel() {
  const hasRun = useRipple(selectHasRun);
  const failed = useRipple((s) => (selectLatestSegment(s)?.result.outcome ?? 'succeeded') !== 'succeeded');
  return (
    <div className="pb-side">
      {!hasRun ? (
        <p className="pb-hint pb-side-empty">Press <strong>Run</strong> (Ctrl+Enter) to simulate the scenario and watch what answers 424.</p>
      ) : (
        <>
          <Section title="Why 424?" testId="why-section">
            <WhyPanel />
          </Section>
          <Section title="Responses" testId="responses-section">
            <ResponseViewer />
          </Section>
          <Section title="Run summary" testId="summary-section">
            <RunSummary />
          </Section>
          <Section title="Replay" defaultOpen={failed} testId="replay-section">
            <ReplayPanel />
          </Section>
        </>
      )}
    </div>
  );
}

/** Below the canvas: transport bar, Gantt timeline and event log. */
export function PlaybackDock() {
  usePlaybackClock();
  usePlaybackKeys();
  const hasRun = useRipple(selectHasRun);
  return (
    <section className={`pb-dock${hasRun ? '' : ' pb-dock-empty'}`} aria-label="Playback">
      {hasRun ? (
        <>
          <TransportBar />
          <div className="pb-dock-body">
            <Timeline />
            <EventLog />
          </div>
        </>
      ) : (
        <>
          <p className="pb-hint">No run yet. Press Run (Ctrl+Enter) to simulate the scenario; playback, the timeline and the event log appear here.</p>
          <RunProblems />
        </>
      )}
    </section>
  );
}
