import { stepNames } from '../scenario/step-names.ts';
import type { RippleState, RunSegment, TimelineEvent } from '../store/types.ts';
import { formatMs, statusText } from './event-text.ts';

// What the Gantt draws, folded once per run from the timeline's events: attempts as bars,
// 424s and other instants as marks, retry waits and compensations as bars of their own kind.

export type BarKind = 'ok' | 'fail' | 'timeout' | 'running' | 'wait' | 'comp-ok' | 'comp-fail' | 'comp-running';
export type MarkKind = 'blocked' | 'skipped' | 'cancelled' | 'reused';

export interface GanttBar {
  kind: BarKind;
  start: number;
  end: number;
  /** Tooltip: "attempt 2: 409 Conflict, 120–240 ms". */
  title: string;
  replay: boolean;
}

export interface GanttMark {
  kind: MarkKind;
  at: number;
  title: string;
  replay: boolean;
}

export interface GanttRow {
  id: string;
  /** What the row says: the step's label (its id when it has none). */
  label: string;
  bars: GanttBar[];
  marks: GanttMark[];
}

export interface GanttModel {
  rows: GanttRow[];
  duration: number;
  /** Where each replay starts, in virtual ms. */
  replayStarts: number[];
}

type Describe = (ms: number) => string;
/** Where the Gantt stops: after the timeline's entry `index`, bars still open drawn to `time` (virtual ms). */
export interface GanttUntil {
  index: number;
  time: number;
}
type StatusText = (status: number | null | undefined) => string;

export function buildGantt(
  timeline: readonly TimelineEvent[],
  segments: readonly RunSegment[],
  duration: number,
  formatMs: Describe,
  statusText: StatusText,
  until?: GanttUntil,
): GanttModel {
  const latest = segments[segments.length - 1];
  const rows = new Map<string, GanttRow>();
  const names = latest ? stepNames(latest.scenario) : new Map<string, string>();
  for (const [id, label] of names) rows.set(id, { id, label, bars: [], marks: [] });
  const rowOf = (id: string) => {
    let row = rows.get(id);
    if (!row) {
      row = { id, label: id, bars: [], marks: [] };
      rows.set(id, row);
    }
    return row;
  };

  const openAttempt = new Map<string, { at: number; attempt: number }>();
  const openCompensation = new Map<string, number>();
  const span = (a: number, b: number) => (a === b ? formatMs(a) : `${formatMs(a)}–${formatMs(b)}`);
  let segmentOfOpen = -1;

  const closeOpen = (end: number) => {
    // A segment ended with attempts still open (should not happen): draw them to its end.
    for (const [id, open] of openAttempt) rowOf(id).bars.push({ kind: 'running', start: open.at, end, title: `attempt ${open.attempt}`, replay: segmentOfOpen > 0 });
    for (const [id, at] of openCompensation) rowOf(id).bars.push({ kind: 'comp-running', start: at, end, title: 'rolling back', replay: segmentOfOpen > 0 });
    openAttempt.clear();
    openCompensation.clear();
  };

  const shown = until ? timeline.slice(0, until.index + 1) : timeline;
  for (const entry of shown) {
    if (entry.segment !== segmentOfOpen) {
      closeOpen(entry.at);
      segmentOfOpen = entry.segment;
    }
    const { event, at } = entry;
    const replay = entry.segment > 0;
    const id = event.step;
    if (!id) continue;
    const shift = at - event.t;
    switch (event.type) {
      case 'started':
        openAttempt.set(id, { at, attempt: event.attempt ?? 1 });
        break;
      case 'succeeded':
      case 'failed':
      case 'timed-out': {
        const open = openAttempt.get(id);
        openAttempt.delete(id);
        const start = open?.at ?? at;
        const kind = event.type === 'succeeded' ? 'ok' : event.type === 'failed' ? 'fail' : 'timeout';
        rowOf(id).bars.push({
          kind,
          start,
          end: at,
          title: `attempt ${event.attempt ?? open?.attempt ?? 1}: ${statusText(event.status ?? (kind === 'ok' ? 200 : null))}, ${span(start, at)}`,
          replay,
        });
        break;
      }
      case 'retry-scheduled':
        if (event.nextAt !== undefined && event.nextAt + shift > at) {
          // As of the playhead, a wait is drawn only as far as it has gone.
          const end = until ? Math.min(event.nextAt + shift, Math.max(at, until.time)) : event.nextAt + shift;
          rowOf(id).bars.push({ kind: 'wait', start: at, end, title: `waiting to retry, ${span(at, event.nextAt + shift)}`, replay });
        }
        break;
      case 'blocked':
        rowOf(id).marks.push({
          kind: 'blocked',
          at,
          title: `424 Failed Dependency at ${formatMs(at)}${event.failedPrerequisiteStep ? ` (depends on ${names.get(event.failedPrerequisiteStep) ?? event.failedPrerequisiteStep})` : ''}`,
          replay,
        });
        break;
      case 'skipped':
      case 'cancelled':
        rowOf(id).marks.push({ kind: event.type, at, title: `${event.type} at ${formatMs(at)}${event.message ? `: ${event.message}` : ''}`, replay });
        break;
      case 'reused':
        rowOf(id).marks.push({ kind: 'reused', at, title: 'kept from the previous run (reused)', replay });
        break;
      case 'compensation-started':
        openCompensation.set(id, at);
        break;
      case 'compensation-succeeded':
      case 'compensation-failed': {
        const start = openCompensation.get(id) ?? at;
        openCompensation.delete(id);
        const failed = event.type === 'compensation-failed';
        rowOf(id).bars.push({
          kind: failed ? 'comp-fail' : 'comp-ok',
          start,
          end: at,
          title: `rollback ${failed ? `failed: ${statusText(event.status)}` : 'done'}, ${span(start, at)}`,
          replay,
        });
        break;
      }
      case 'run-started':
      case 'unblocked':
      case 'repair-requested':
      case 'replay-started':
      case 'run-finished':
        break;
    }
  }
  closeOpen(until ? until.time : duration);
  const replayStarts = segments.slice(1).map((s) => s.offset).filter((start) => !until || start <= until.time);
  return { rows: [...rows.values()], duration, replayStarts };
}

// The last model per timeline (so per store), redrawn when the cursor moves only while the
// Gantt shows the run as of the playhead; a whole-run Gantt is folded once.
const ganttCache = new WeakMap<readonly TimelineEvent[], { segments: readonly RunSegment[]; key: number; model: GanttModel }>();

/**
 * The Gantt's bars and marks: what has happened by the cursor (bars still running drawn to it),
 * or the whole run with the `wholeRun` pref or the cursor at the end.
 */
export function selectGantt(state: RippleState): GanttModel {
  const { timeline, segments, cursor, wholeRun } = state;
  const whole = wholeRun || cursor >= timeline.length - 1;
  const key = whole ? -1 : cursor;
  const cached = ganttCache.get(timeline);
  if (cached && cached.segments === segments && cached.key === key) return cached.model;
  const until = whole ? undefined : { index: cursor, time: timeline[cursor]?.at ?? 0 };
  const model = buildGantt(timeline, segments, state.duration, formatMs, statusText, until);
  ganttCache.set(timeline, { segments, key, model });
  return model;
}
