import { stepNames } from '../scenario/step-names.ts';
import type { RippleState, RunSegment, TimelineEvent } from '../store/types.ts';
import { formatMs, statusText } from './event-text.ts';

// What the Gantt draws, folded once per run from the timeline's events: attempts as bars,
// 424s and other instants as marks, retry waits and compensations as bars of their own kind.
//
// The run as of the playhead is the same model cut at the cursor (`cutRow`), row by row: each
// bar and mark keeps the timeline index of the events that open and close it, so a cursor move
// costs only the rows on screen that change at it, never a fold of the whole run (issue #9
// item 3, issue #15: at 2,000 steps folding the run again on every frame was the frame).

export type BarKind = 'ok' | 'fail' | 'timeout' | 'running' | 'wait' | 'comp-ok' | 'comp-fail' | 'comp-running';
/** `rolled-back`: R18, a member of an atomic group undone because another member failed (its 424). */
export type MarkKind = 'blocked' | 'rolled-back' | 'skipped' | 'cancelled' | 'reused';

export interface GanttBar {
  kind: BarKind;
  start: number;
  end: number;
  /** Tooltip: "attempt 2: 409 Conflict, 120–240 ms". */
  title: string;
  replay: boolean;
  /** Timeline index of the event that opens the bar (an attempt's `started`, a wait's `retry-scheduled`). */
  from: number;
  /** Timeline index of the event that closes it; the timeline's length when nothing does (drawn to the end). */
  to: number;
  /** Before `to`, with the playhead inside the bar: what it is while still open (an attempt `running`, a wait still a wait). */
  open: { kind: BarKind; title: string };
}

export interface GanttMark {
  kind: MarkKind;
  at: number;
  title: string;
  replay: boolean;
  /** Timeline index of its event. */
  index: number;
}

export interface GanttRow {
  id: string;
  /** What the row says: the step's label (its id when it has none). */
  label: string;
  bars: GanttBar[];
  marks: GanttMark[];
  /** Timeline index of the row's first event (Infinity when it has none): before it, the row is empty. */
  first: number;
  /** Timeline index of the event that closes the row's last bar or mark (-1 when none): from it on, the row is as in the whole run. */
  last: number;
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

/**
 * The whole run's Gantt, one row per step of the latest segment's scenario (in its order), then
 * any other step the events name. With `until`, every row cut at that moment (`cutRow`).
 * `duration` and the bars' times are virtual ms on the combined timeline.
 */
export function buildGantt(
  timeline: readonly TimelineEvent[],
  segments: readonly RunSegment[],
  duration: number,
  formatMs: Describe,
  statusText: StatusText,
  until?: GanttUntil,
): GanttModel {
  const whole = wholeGantt(timeline, segments, duration, formatMs, statusText);
  if (!until) return whole;
  const rows = whole.rows.map((row) => {
    const cut = cutRow(row, until);
    return { ...row, bars: cut.bars, marks: cut.marks };
  });
  return { rows, duration, replayStarts: replayStartsUntil(whole, until) };
}

/** The replays that have begun by `until` (all of them without one). */
export function replayStartsUntil(model: GanttModel, until: GanttUntil | null | undefined): number[] {
  return until ? model.replayStarts.filter((start) => start <= until.time) : model.replayStarts;
}

/**
 * What row `row` of a whole-run model shows with the playhead after timeline entry
 * `until.index` at `until.time` (virtual ms): bars and marks begun by then, a bar not yet closed
 * drawn to `until.time` as what it is while open (a running attempt, a rollback in progress, a
 * wait gone so far). The same arrays when the row is complete by then.
 */
export function cutRow(row: GanttRow, until: GanttUntil): { bars: GanttBar[]; marks: GanttMark[] } {
  if (until.index >= row.last) return row;
  const bars: GanttBar[] = [];
  for (const bar of row.bars) {
    if (bar.from > until.index) continue;
    if (bar.to <= until.index) bars.push(bar);
    else {
      const end = bar.kind === 'wait' ? Math.min(bar.end, Math.max(bar.start, until.time)) : until.time;
      bars.push({ ...bar, kind: bar.open.kind, title: bar.open.title, end });
    }
  }
  const marks = row.marks.filter((mark) => mark.index <= until.index);
  return { bars, marks };
}

/** Index of the first entry after `after` whose time is at least `time` (the timeline is in time order); its length when none. */
function firstAtOrAfter(timeline: readonly TimelineEvent[], time: number, after: number): number {
  let lo = after + 1;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid].at >= time) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function wholeGantt(
  timeline: readonly TimelineEvent[],
  segments: readonly RunSegment[],
  duration: number,
  describe: Describe,
  statusText: StatusText,
): GanttModel {
  // Every bar and mark is titled with its times: a 2,000-step retry storm's 50,000 titles name
  // only ~120 distinct moments, each said once here (issue #9 item 3: formatting them all was
  // ~60 ms of the task that draws the timeline).
  const said = new Map<number, string>();
  const formatMs = (ms: number) => {
    let text = said.get(ms);
    if (text === undefined) said.set(ms, (text = describe(ms)));
    return text;
  };
  const latest = segments[segments.length - 1];
  const rows = new Map<string, GanttRow>();
  const names = latest ? stepNames(latest.scenario) : new Map<string, string>();
  const newRow = (id: string, label: string): GanttRow => ({ id, label, bars: [], marks: [], first: Infinity, last: -1 });
  for (const [id, label] of names) rows.set(id, newRow(id, label));
  const rowOf = (id: string) => {
    let row = rows.get(id);
    if (!row) {
      row = newRow(id, id);
      rows.set(id, row);
    }
    return row;
  };
  const end = timeline.length;
  /** Adds `bar` to `id`'s row, opened at entry `from` and closed at entry `to`. */
  const addBar = (id: string, bar: GanttBar) => {
    const row = rowOf(id);
    row.bars.push(bar);
    row.first = Math.min(row.first, bar.from);
    row.last = Math.max(row.last, bar.to);
  };
  const addMark = (id: string, mark: GanttMark) => {
    const row = rowOf(id);
    row.marks.push(mark);
    row.first = Math.min(row.first, mark.index);
    row.last = Math.max(row.last, mark.index);
  };

  const openAttempt = new Map<string, { at: number; attempt: number; from: number }>();
  const openCompensation = new Map<string, { at: number; from: number }>();
  const span = (a: number, b: number) => (a === b ? formatMs(a) : `${formatMs(a)}–${formatMs(b)}`);
  let segmentOfOpen = -1;

  // A segment ended with attempts still open (should not happen), or the timeline did: draw
  // them to `at`, closed by entry `to` (the next segment's first, or none).
  const closeOpen = (at: number, to: number) => {
    const replay = segmentOfOpen > 0;
    for (const [id, open] of openAttempt) {
      const title = `attempt ${open.attempt}`;
      addBar(id, { kind: 'running', start: open.at, end: at, title, replay, from: open.from, to, open: { kind: 'running', title } });
    }
    for (const [id, open] of openCompensation) {
      const title = 'rolling back';
      addBar(id, { kind: 'comp-running', start: open.at, end: at, title, replay, from: open.from, to, open: { kind: 'comp-running', title } });
    }
    openAttempt.clear();
    openCompensation.clear();
  };

  timeline.forEach((entry, index) => {
    if (entry.segment !== segmentOfOpen) {
      closeOpen(entry.at, index);
      segmentOfOpen = entry.segment;
    }
    const { event, at } = entry;
    const replay = entry.segment > 0;
    const id = event.step;
    if (!id) return;
    const shift = at - event.t;
    switch (event.type) {
      case 'started':
        openAttempt.set(id, { at, attempt: event.attempt ?? 1, from: index });
        return;
      case 'succeeded':
      case 'failed':
      case 'timed-out': {
        const open = openAttempt.get(id);
        openAttempt.delete(id);
        const start = open?.at ?? at;
        const kind = event.type === 'succeeded' ? 'ok' : event.type === 'failed' ? 'fail' : 'timeout';
        addBar(id, {
          kind,
          start,
          end: at,
          title: `attempt ${event.attempt ?? open?.attempt ?? 1}: ${statusText(event.status ?? (kind === 'ok' ? 200 : null))}, ${span(start, at)}`,
          replay,
          from: open?.from ?? index,
          to: index,
          open: { kind: 'running', title: `attempt ${open?.attempt ?? 1}` },
        });
        return;
      }
      case 'retry-scheduled':
        if (event.nextAt !== undefined && event.nextAt + shift > at) {
          // Cut at the playhead, a wait is drawn only as far as it has gone (`cutRow`): it is
          // whole from the first entry at or after its end.
          const title = `waiting to retry, ${span(at, event.nextAt + shift)}`;
          const to = firstAtOrAfter(timeline, event.nextAt + shift, index);
          addBar(id, { kind: 'wait', start: at, end: event.nextAt + shift, title, replay, from: index, to, open: { kind: 'wait', title } });
        }
        return;
      case 'blocked':
      case 'rolled-back': {
        const prerequisite = event.failedPrerequisiteStep ? ` (${event.type === 'rolled-back' ? 'its group failed: ' : 'depends on '}${names.get(event.failedPrerequisiteStep) ?? event.failedPrerequisiteStep})` : '';
        const what = event.type === 'blocked' ? '424 Failed Dependency' : 'rolled back, 424 Failed Dependency';
        addMark(id, { kind: event.type, at, title: `${what} at ${formatMs(at)}${prerequisite}`, replay, index });
        return;
      }
      case 'skipped':
      case 'cancelled':
        addMark(id, { kind: event.type, at, title: `${event.type} at ${formatMs(at)}${event.message ? `: ${event.message}` : ''}`, replay, index });
        return;
      case 'reused':
        addMark(id, { kind: 'reused', at, title: 'kept from the previous run (reused)', replay, index });
        return;
      case 'compensation-started':
        openCompensation.set(id, { at, from: index });
        return;
      case 'compensation-succeeded':
      case 'compensation-failed': {
        const open = openCompensation.get(id);
        openCompensation.delete(id);
        const start = open?.at ?? at;
        const failed = event.type === 'compensation-failed';
        addBar(id, {
          kind: failed ? 'comp-fail' : 'comp-ok',
          start,
          end: at,
          title: `rollback ${failed ? `failed: ${statusText(event.status)}` : 'done'}, ${span(start, at)}`,
          replay,
          from: open?.from ?? index,
          to: index,
          open: { kind: 'comp-running', title: 'rolling back' },
        });
        return;
      }
      case 'run-started':
      case 'unblocked':
      case 'repair-requested':
      case 'replay-started':
      case 'run-finished':
        return;
    }
  });
  closeOpen(duration, end);
  const replayStarts = segments.slice(1).map((s) => s.offset);
  return { rows: [...rows.values()], duration, replayStarts };
}

// The whole-run model per timeline (so per store), folded once per run; the playhead's cut is
// made per row where it is drawn.
const ganttCache = new WeakMap<readonly TimelineEvent[], { segments: readonly RunSegment[]; model: GanttModel }>();

/** The Gantt's bars and marks for the whole run (cut at the playhead with `cutRow` and `selectGanttUntil`). */
export function selectGantt(state: RippleState): GanttModel {
  const { timeline, segments } = state;
  const cached = ganttCache.get(timeline);
  if (cached && cached.segments === segments) return cached.model;
  const model = wholeGantt(timeline, segments, state.duration, formatMs, statusText);
  ganttCache.set(timeline, { segments, model });
  return model;
}

/**
 * The timeline index the Gantt is cut after: the cursor, or -1 for the whole run (the
 * `wholeRun` pref, or the cursor at the end). A number, so a component selecting it re-renders
 * only when it changes.
 */
export function selectGanttCut(state: RippleState): number {
  const { timeline, cursor, wholeRun } = state;
  return wholeRun || cursor >= timeline.length - 1 ? -1 : cursor;
}
