import { useMemo } from 'react';
import { liveTrack, moveTrack, type LiveTrack } from '../engine/state-at.ts';
import { LIVE_STATES } from '../engine/phases.ts';
import { CONCLUSION_NAMES, DIALECT_TITLES, RUN_STATUS_NAMES, dialectLiveWord, dialectRunningWord, dialectView, dialectViewOptions } from '../engine/dialect.ts';
import { selectDialect } from '../store/editor-slice.ts';
import type { LiveState, RunOutcome, RunResult, StepState } from '../engine/types.ts';
import type { DialectName } from '../scenario/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectCurrentResult, selectCurrentSegment } from '../store/selectors.ts';
import { selectAsOf, selectEventsLeftThisMoment, selectStepNames } from '../store/panel-selectors.ts';
import { eventsLeftText, formatMs, midSentence, statusText } from './event-text.ts';
import { formatCount } from '../scenario/text.ts';
import './playback.css';

// The run in numbers: outcome, steps per state, 424s that spared a request (fail-fast),
// retries, compensations, virtual duration. Everything is read off the engine's result, as of
// the playhead (the events up to it and `stateAt`) unless the person asked for the whole run.
// Spoken as another system ("Speak as", issue #11) it adds that system's conclusion (its running
// status before the end) and names each count by the system's word first.

const STATE_ORDER: StepState[] = ['succeeded', 'failed', 'blocked', 'rolled-back', 'skipped', 'cancelled', 'compensated', 'compensation-failed'];

const STATE_LABEL: Record<StepState, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  blocked: 'blocked (424)',
  skipped: 'skipped',
  cancelled: 'cancelled',
  compensated: 'compensated',
  'compensation-failed': 'compensation failed',
  'rolled-back': 'rolled back (424)',
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
  /** Steps per state: final states for the whole run, live ones (pending, running…) before its end. */
  counts: Record<LiveState, number>;
  /** Blocked steps whose request was never sent (fail-fast answered 424 for them). */
  notAttempted: number;
  retries: number;
  repairs: number;
  compensationsRun: number;
  compensationsFailed: number;
  reused: number;
}

/** The states a step can be in at a moment, in the order the summary lists them. */
const LIVE_ORDER: LiveState[] = [
  'pending',
  'running',
  ...STATE_ORDER.filter((s) => s !== 'compensated' && s !== 'compensation-failed'),
  'compensating',
  'compensated',
  'compensation-failed',
];

const LIVE_LABEL: Record<LiveState, string> = { ...STATE_LABEL, pending: 'not answered yet', running: 'running', compensating: 'rolling back' };

/** A count's name: the system's word first, then Ripple's ("Omitted · blocked (424)"), said once when they are the same word ("Succeeded"). */
function figureLabel(dialect: DialectName, state: LiveState): string {
  if (dialect === 'http') return LIVE_LABEL[state];
  const word = dialectLiveWord(dialect, state);
  return word.toLowerCase() === LIVE_LABEL[state].toLowerCase() ? word : `${word} · ${LIVE_LABEL[state]}`;
}

/**
 * The run's figures after its event `upTo` (an index into `result.events`; the whole run when
 * omitted): steps per state as of then, 424s that spared a request, retries, compensations.
 */
interface EventTallies {
  /** The index of each step's first `started` event. */
  firstStart: Map<string, number>;
  /** Counts over events [0, k]: retries, repairs, compensations run, compensations failed at index 4k…4k+3. */
  running: Uint32Array;
}

// Once per run: the playhead moves every frame, and counting the events up to it each time cost
// a pass over every event per frame (issue #15: the summary's share of playback at 2,000 steps).
const talliesByRun = new WeakMap<RunResult, EventTallies>();

function talliesOf(result: RunResult): EventTallies {
  let tallies = talliesByRun.get(result);
  if (!tallies) {
    const firstStart = new Map<string, number>();
    const running = new Uint32Array(result.events.length * 4);
    let retries = 0;
    let repairs = 0;
    let run = 0;
    let failed = 0;
    result.events.forEach((event, k) => {
      if (event.type === 'started' && event.step && !firstStart.has(event.step)) firstStart.set(event.step, k);
      else if (event.type === 'retry-scheduled') retries += 1;
      else if (event.type === 'repair-requested') repairs += 1;
      else if (event.type === 'compensation-started') run += 1;
      else if (event.type === 'compensation-failed') failed += 1;
      running.set([retries, repairs, run, failed], k * 4);
    });
    tallies = { firstStart, running };
    talliesByRun.set(result, tallies);
  }
  return tallies;
}

// The counts as of a playhead that moves a little at a time, per run: moving it re-counts only the
// steps whose events it passed (issue #15: a pass over every step and every event before it, on
// every cursor move, was the largest share of a playback frame at 2,000 steps).
interface MomentCounts {
  track: LiveTrack;
  /** The index of each step's first `started` event (Infinity: never started), by the track's step index. */
  firstStart: Float64Array;
  /** What each step adds now: its state's code, and 1 when it counts as not attempted / reused. */
  counted: Uint8Array;
  notAttemptedBy: Uint8Array;
  reusedBy: Uint8Array;
  /** Steps per state code (LIVE_STATES order), and the two totals. */
  counts: Uint32Array;
  notAttempted: number;
  reused: number;
}

const momentCounts = new WeakMap<RunResult, MomentCounts>();

function momentCountsOf(result: RunResult): MomentCounts {
  let m = momentCounts.get(result);
  if (!m) {
    const track = liveTrack(result);
    const n = track.ids.length;
    const { firstStart } = talliesOf(result);
    const counts = new Uint32Array(LIVE_STATES.length);
    // Before the first event every step is pending (code 0), attempted by no one, reused by none shown.
    counts[0] = n;
    m = {
      track,
      firstStart: Float64Array.from(track.ids, (id) => firstStart.get(id) ?? Infinity),
      counted: new Uint8Array(n),
      notAttemptedBy: new Uint8Array(n),
      reusedBy: new Uint8Array(n),
      counts,
      notAttempted: 0,
      reused: 0,
    };
    momentCounts.set(result, m);
  }
  return m;
}

/** Moves the counts to just after event `last`: only the steps whose events lie between are counted again. */
function countsAt(result: RunResult, last: number): MomentCounts {
  const m = momentCountsOf(result);
  const { track } = m;
  const touched = new Set<number>();
  moveTrack(track, last, (i) => touched.add(i));
  for (const i of touched) {
    const code = track.state[i];
    const state = LIVE_STATES[code];
    const notAttempted = state === 'blocked' && !(m.firstStart[i] <= last) ? 1 : 0;
    const reused = result.steps[track.ids[i]]?.reused && state !== 'pending' ? 1 : 0;
    m.counts[m.counted[i]] -= 1;
    m.counts[code] += 1;
    m.counted[i] = code;
    m.notAttempted += notAttempted - m.notAttemptedBy[i];
    m.notAttemptedBy[i] = notAttempted;
    m.reused += reused - m.reusedBy[i];
    m.reusedBy[i] = reused;
  }
  return m;
}

/**
 * The run's figures after its event `upTo` (an index into `result.events`; the whole run when
 * omitted): steps per state as of then, 424s that spared a request, retries, compensations.
 * Cost: the events between this `upTo` and the previous one asked of the same run.
 */
export function runFigures(result: RunResult, upTo = result.events.length - 1): RunFigures {
  const counts = Object.fromEntries(LIVE_ORDER.map((s) => [s, 0])) as Record<LiveState, number>;
  const last = Math.min(upTo, result.events.length - 1);
  const whole = last === result.events.length - 1;
  const { running } = talliesOf(result);
  const at = (i: number) => (last < 0 ? 0 : running[last * 4 + i]);
  const tallies = { retries: at(0), repairs: at(1), compensationsRun: at(2), compensationsFailed: at(3) };
  if (!whole) {
    const m = countsAt(result, last);
    LIVE_STATES.forEach((state, code) => (counts[state] = m.counts[code]));
    return { counts, notAttempted: m.notAttempted, reused: m.reused, ...tallies };
  }
  const { firstStart } = talliesOf(result);
  let notAttempted = 0;
  let reused = 0;
  for (const [id, step] of Object.entries(result.steps)) {
    counts[step.state] += 1;
    if (step.state === 'blocked' && !((firstStart.get(id) ?? Infinity) <= last)) notAttempted += 1;
    if (step.reused) reused += 1;
  }
  return { counts, notAttempted, reused, ...tallies };
}

/** " GitHub Actions workflow conclusion: failure." (or its status while running). */
function DialectConclusion({ dialect, word, ended }: { dialect: DialectName; word: string; ended: boolean }) {
  return (
    <span className="pb-dialect-word">
      {' '}
      {DIALECT_TITLES[dialect]} {midSentence((ended ? CONCLUSION_NAMES : RUN_STATUS_NAMES)[dialect])}: <code data-testid="summary-dialect-conclusion">{word}</code>.
    </span>
  );
}

/** The playhead's virtual time: the one part of the summary that changes on every frame of playback. */
function PlayheadTime() {
  const time = useRipple((s) => s.time);
  return formatMs(time);
}

export function RunSummary() {
  const result = useRipple(selectCurrentResult);
  const segment = useRipple(selectCurrentSegment);
  const names = useRipple(selectStepNames);
  const upTo = useRipple((s) => selectAsOf(s)?.index);
  const end = useRipple((s) => selectAsOf(s)?.end ?? true);
  const left = useRipple(selectEventsLeftThisMoment);
  const dialect = useRipple(selectDialect);
  const figures = useMemo(() => (result ? runFigures(result, upTo) : null), [result, upTo]);
  // The system's conclusion once the run has ended, its running status before (as dialectViewAt
  // tells it): worked out when that changes, not on every cursor move.
  const finished = result !== null && (upTo ?? result.events.length - 1) >= result.events.length - 1;
  const spoken = useMemo(
    () => (result && segment && dialect !== 'http' ? (finished ? dialectView(result, dialect, dialectViewOptions(segment.scenario)).conclusion : dialectRunningWord(dialect)) : null),
    [result, segment, dialect, finished],
  );
  if (!result || !figures) return <p className="pb-hint">Run the scenario to see its summary.</p>;
  const total = Object.keys(result.steps).length;
  const name = (id: string) => names.get(id) ?? id;
  const kind = segment?.kind === 'replay' ? 'Replay: ' : '';
  return (
    <div className="pb-summary">
      {end ? (
        <p className={`pb-outcome pb-outcome-${result.outcome}`}>
          {result.stopped ? (
            // Not an ordinary end: the run was cut at its work budget (issue #9 item 3), and the
            // steps not final then were cancelled. The notice above the log says which step to fix.
            <>
              <strong>{kind}Stopped at its work budget</strong> — after {formatCount(result.stopped.events)} events, at {formatMs(result.durationMs)} of virtual time; the batch
              answers {statusText(result.httpStatus)}.
            </>
          ) : (
            <>
              <strong>{kind}{outcomeText(result.outcome)}</strong> — the batch answers {statusText(result.httpStatus)} after {formatMs(result.durationMs)} of virtual time.
            </>
          )}
          {spoken !== null && <DialectConclusion dialect={dialect} word={spoken} ended />}
        </p>
      ) : (
        <p className="pb-outcome pb-outcome-running">
          {left !== null ? (
            // The run's last moment, its end a few events on (selectEventsLeftThisMoment).
            <>
              <strong>{kind}Ending</strong> — at <PlayheadTime />, the run’s last moment; {total - figures.counts.pending - figures.counts.running} of {total} steps have answered so
              far, and {eventsLeftText(left)}.
            </>
          ) : (
            <>
              <strong>{kind}Running</strong> — at <PlayheadTime />; {total - figures.counts.pending - figures.counts.running} of {total} steps have answered so far.
            </>
          )}
          {spoken !== null && <DialectConclusion dialect={dialect} word={spoken} ended={false} />}
        </p>
      )}
      <dl className="pb-figures">
        {LIVE_ORDER.filter((s) => figures.counts[s] > 0).map((s) => (
          <div key={s} className={`pb-figure pb-figure-${s}`}>
            <dt>{figureLabel(dialect, s)}</dt>
            <dd>{figures.counts[s]}<span className="pb-of"> of {total}</span></dd>
          </div>
        ))}
        {/* One rule for every row (tryout: "not attempted thanks to fail-fast 0" stood beside a
            hidden zero "blocked (424)" row): a count of zero is not listed, since a row that is not
            there already says "none". Two zeros are the point and stay: how many of the blocked
            steps fail-fast spared a request, listed with "blocked (424)", where 0 says that each
            of those 424s came after its request was sent (a group member waiting for its next
            attempt, R18); and the compensations when a step succeeded with no rollback handler,
            where 0 / 0 says nothing was undone. */}
        {figures.counts.blocked > 0 && (
          <div className="pb-figure">
            <dt>not attempted thanks to fail-fast</dt>
            <dd>{figures.notAttempted}</dd>
          </div>
        )}
        {(figures.retries > 0 || figures.repairs > 0) && (
          <div className="pb-figure">
            <dt>retries spent</dt>
            <dd>{figures.retries}{figures.repairs > 0 ? <span className="pb-of"> ({figures.repairs} {figures.repairs === 1 ? 'upstream repair' : 'upstream repairs'})</span> : null}</dd>
          </div>
        )}
        {(figures.compensationsRun > 0 || (end && result.uncompensated.length > 0)) && (
          <div className="pb-figure">
            <dt>compensations run / failed</dt>
            <dd>
              {figures.compensationsRun} / {figures.compensationsFailed}
            </dd>
          </div>
        )}
        {end && result.uncompensated.length > 0 && (
          <div className="pb-figure">
            <dt>succeeded with no rollback handler</dt>
            <dd>{result.uncompensated.map(name).join(', ')}</dd>
          </div>
        )}
        {figures.reused > 0 && (
          <div className="pb-figure">
            <dt>kept from the previous run</dt>
            <dd>{figures.reused}</dd>
          </div>
        )}
        {end && (
          <div className="pb-figure">
            <dt>virtual duration</dt>
            <dd>{formatMs(result.durationMs)}</dd>
          </div>
        )}
      </dl>
      {result.lint.length > 0 && (
        <details className="pb-details">
          <summary>{result.lint.length === 1 ? '1 warning' : `${result.lint.length} warnings`} before running</summary>
          <ul>
            {result.lint.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
