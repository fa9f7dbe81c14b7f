import { lazy, Suspense, useEffect } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectHasRun } from '../store/selectors.ts';
import { usePlaybackClock, usePlaybackKeys } from './usePlayback.ts';
import './playback.css';

// OWNER: playback engineer. The app mounts <RunSidePanel/> in the side panel and
// <PlaybackDock/> below the canvas.

// The side panel's run sections are only ever shown after a run, so they load on demand,
// out of the main bundle (the dock's transport bar, timeline and log stay: they draw playback).
const loadRunSideSections = () => import('./RunSideSections.tsx');
const RunSideSections = lazy(loadRunSideSections);
// So does what the dock shows of a run: transport bar, Gantt and log (issue #15, first load).
const loadRunDock = () => import('./RunDock.tsx');
const RunDock = lazy(loadRunDock);

/**
 * Fetches the run panels' chunks while a run is being made, so the task that shows its result
 * (a large graph's whole canvas) does not also insert their preload tags and styles (issue #9
 * item 3). Each chunk in an idle moment of its own: inserting a chunk's tags costs a large page
 * a style pass, and the canvas of a link just opened is still settling. A failed load is left to
 * the panels' own import, which tries again.
 */
function useRunPanelsWarm(running: boolean) {
  useEffect(() => {
    if (!running) return undefined;
    const loads = [loadRunSideSections, loadRunDock];
    let cancel = () => {};
    const next = () => {
      const load = loads.shift();
      if (!load) return;
      cancel = whenIdle(() => {
        load().catch(() => undefined);
        next();
      });
    };
    next();
    return () => cancel();
  }, [running]);
}

/** Calls `then` in an idle moment (a timer where the browser has no idle callbacks); returns its cancel. */
function whenIdle(then: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(then, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(then, 0);
  return () => clearTimeout(id);
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
  return (
    <div className="pb-side">
      {!hasRun ? (
        <p className="pb-hint pb-side-empty">Press <strong>Run</strong><span className="keys-hint"> (Ctrl+Enter)</span> to simulate the scenario and watch what answers 424.</p>
      ) : (
        <Suspense fallback={<p className="pb-hint" role="status">Loading the run panels…</p>}>
          <RunSideSections />
        </Suspense>
      )}
    </div>
  );
}

/** Below the canvas: transport bar, Gantt timeline and event log. */
export function PlaybackDock() {
  usePlaybackClock();
  usePlaybackKeys();
  const hasRun = useRipple(selectHasRun);
  const running = useRipple((s) => s.running);
  useRunPanelsWarm(running);
  return (
    <section className={`pb-dock${hasRun ? '' : ' pb-dock-empty'}`} aria-label="Playback" aria-busy={running}>
      {running && (
        <p className="pb-hint" role="status" data-testid="run-running">
          Running the simulation…
        </p>
      )}
      {hasRun ? (
        <Suspense fallback={<p className="pb-hint">Loading playback…</p>}>
          <RunDock />
        </Suspense>
      ) : (
        !running && (
          <>
            <p className="pb-hint">No run yet. Press Run<span className="keys-hint"> (Ctrl+Enter)</span> to simulate the scenario; playback, the timeline and the event log appear here.</p>
            <RunProblems />
          </>
        )
      )}
    </section>
  );
}
