import { useMemo } from 'react';
import type { RunOutcome, RunResult, StepState } from '../engine/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectCurrentResult, selectCurrentSegment } from '../store/selectors.ts';
import { formatMs, statusText } from './event-text.ts';
import './playback.css';

// The run in numbers: outcome, steps per state, 424s that spared a request (fail-fast),
// retries, compensations, virtual duration. Everything is read off the engine's result.

const STATE_ORDER: StepState[] = ['succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'compensated', 'compensation-failed'];

const STATE_LABEL: Record<StepState, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  blocked: 'blocked (424)',
  skipped: 'skipped',
  cancelled: 'cancelled',
  compensated: 'compensated',
  'compensation-failed': 'compensation failed',
};

function outcomeText(outcome: RunOutcome): string {
  switch (outcome) {
    case 'succeeded':
      return 'Succeeded';
    case 'failed':
      return 'Failed';
    case 'compensated':
      return 'Failed, rolled back';
    case 'compensation-failed':
      return 'Failed, rollback incomplete';
  }
}

export interface RunFigures {
  counts: Record<StepState, number>;
  /** Blocked steps whose request was never sent (fail-fast answered 424 for them). */
  notAttempted: number;
  retries: number;
  repairs: number;
  compensationsRun: number;
  compensationsFailed: number;
  reused: number;
}

export function runFigures(result: RunResult): RunFigures {
  const counts = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as Record<StepState, number>;
  let notAttempted = 0;
  let reused = 0;
  const started = new Set<string>();
  for (const event of result.events) if (event.type === 'started' && event.step) started.add(event.step);
  for (const [id, step] of Object.entries(result.steps)) {
    counts[step.state] += 1;
    if (step.state === 'blocked' && !started.has(id)) notAttempted += 1;
    if (step.reused) reused += 1;
  }
  let retries = 0;
  let repairs = 0;
  let compensationsRun = 0;
  let compensationsFailed = 0;
  for (const event of result.events) {
    if (event.type === 'retry-scheduled') retries += 1;
    else if (event.type === 'repair-requested') repairs += 1;
    else if (event.type === 'compensation-started') compensationsRun += 1;
    else if (event.type === 'compensation-failed') compensationsFailed += 1;
  }
  return { counts, notAttempted, retries, repairs, compensationsRun, compensationsFailed, reused };
}

export function RunSummary() {
  const result = useRipple(selectCurrentResult);
  const segment = useRipple(selectCurrentSegment);
  const figures = useMemo(() => (result ? runFigures(result) : null), [result]);
  if (!result || !figures) return <p className="pb-hint">Run the scenario to see its summary.</p>;
  const total = Object.keys(result.steps).length;
  return (
    <div className="pb-summary">
      <p className={`pb-outcome pb-outcome-${result.outcome}`}>
        <strong>{segment?.kind === 'replay' ? 'Replay: ' : ''}{outcomeText(result.outcome)}</strong> — the batch answers {statusText(result.httpStatus)} after {formatMs(result.durationMs)} of virtual time.
      </p>
      <dl className="pb-figures">
        {STATE_ORDER.filter((s) => figures.counts[s] > 0).map((s) => (
          <div key={s} className={`pb-figure pb-figure-${s}`}>
            <dt>{STATE_LABEL[s]}</dt>
            <dd>{figures.counts[s]}<span className="pb-of"> of {total}</span></dd>
          </div>
        ))}
        <div className="pb-figure">
          <dt>not attempted thanks to fail-fast</dt>
          <dd>{figures.notAttempted}</dd>
        </div>
        <div className="pb-figure">
          <dt>retries spent</dt>
          <dd>{figures.retries}{figures.repairs > 0 ? <span className="pb-of"> ({figures.repairs} upstream repairs)</span> : null}</dd>
        </div>
        {(figures.compensationsRun > 0 || result.uncompensated.length > 0) && (
          <div className="pb-figure">
            <dt>compensations run / failed</dt>
            <dd>
              {figures.compensationsRun} / {figures.compensationsFailed}
            </dd>
          </div>
        )}
        {result.uncompensated.length > 0 && (
          <div className="pb-figure">
            <dt>succeeded with no rollback handler</dt>
            <dd>{result.uncompensated.join(', ')}</dd>
          </div>
        )}
        {figures.reused > 0 && (
          <div className="pb-figure">
            <dt>kept from the previous run</dt>
            <dd>{figures.reused}</dd>
          </div>
        )}
        <div className="pb-figure">
          <dt>virtual duration</dt>
          <dd>{formatMs(result.durationMs)}</dd>
        </div>
      </dl>
      {result.lint.length > 0 && (
        <details className="pb-details">
          <summary>{result.lint.length === 1 ? '1 warning' : `${result.lint.length} warnings`} before running</summary>
          <ul>
            {result.lint.map((w, i) => (
              <li key={i}>
                <strong>{w.step}</strong>: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
