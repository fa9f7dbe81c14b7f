import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { TimelineLegend } from './TimelineLegend.tsx';
import { useRipple } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import { cutRow, replayStartsUntil, selectGantt, selectGanttCut, type GanttModel, type GanttRow, type GanttUntil } from './gantt-model.ts';
import { formatMs } from './event-text.ts';
import './playback.css';

// The Gantt: one row per step, sharing the cursor with the canvas. Rows are one SVG drawn once
// per run; on every frame the cursor line moves (a CSS transform) and, while the Gantt shows the
// run as of the playhead, only the rows the playhead is inside are cut again (`cutRow`): rows
// done by then, or not begun, keep what they drew. What is drawn is bounded by what is on screen (issue #9
// item 3): past ROWS_WINDOW_FROM rows only the rows in view (and a few around) are drawn, and
// past THIN_FROM bars and marks, in a row those of one kind closer than a thousandth of the
// width (under a pixel) are drawn once, so a step tried 2,000 times costs no more than the
// width it covers.

export const ROW_HEIGHT = 22;
/** Timelines with at least this many rows are windowed. */
export const ROWS_WINDOW_FROM = 60;
/** Past this many bars and marks in all, each row's are thinned out (`thinOut`). */
const THIN_FROM = 2_000;
/** Rows drawn above and below the visible ones. */
const ROW_OVERSCAN = 10;
/** The scroll box's height before layout has measured it (jsdom, a hidden panel). */
const FALLBACK_VIEW_PX = 600;
/** Bars or marks of one kind in the same thousandth of the width are drawn once. */
const SLOTS = 1000;

/** The rows [from, to) to draw for a body scrolled to `scrollTop` showing `viewPx` px. */
export function rowWindow(count: number, scrollTop: number, viewPx: number): { from: number; to: number } {
  if (count < ROWS_WINDOW_FROM) return { from: 0, to: count };
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const visible = Math.ceil((viewPx > 0 ? viewPx : FALLBACK_VIEW_PX) / ROW_HEIGHT);
  return { from: Math.max(0, first - ROW_OVERSCAN), to: Math.min(count, first + visible + ROW_OVERSCAN) };
}

/** The items worth drawing: the first of each kind in each thousandth of the width. */
export function thinOut<T extends { kind: string }>(items: readonly T[], at: (item: T) => number, duration: number): T[] {
  if (duration <= 0) return items as T[];
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const key = `${item.kind} ${Math.floor((at(item) / duration) * SLOTS)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

const pct = (t: number, duration: number) => `${duration > 0 ? (t / duration) * 100 : 0}%`;

const thinned = new WeakMap<GanttModel, boolean>();

/** Whether a model has so many bars and marks that rows draw one per thousandth of the width. */
function needsThinning(model: GanttModel): boolean {
  let thin = thinned.get(model);
  if (thin === undefined) {
    let items = 0;
    for (const row of model.rows) items += row.bars.length + row.marks.length;
    thin = items > THIN_FROM;
    thinned.set(model, thin);
  }
  return thin;
}

/** A row's cut when the playhead is before its first event: nothing drawn yet. */
const NOT_BEGUN: GanttUntil = Object.freeze({ index: -1, time: 0 });

/** Where `row` is cut: null when the whole row shows (no cut, or the row is done by then). */
function rowCut(row: GanttRow, until: GanttUntil | null): GanttUntil | null {
  if (until === null || until.index >= row.last) return null;
  return until.index < row.first ? NOT_BEGUN : until;
}

interface RowProps {
  row: GanttRow;
  index: number;
  duration: number;
  thin: boolean;
  /** The playhead, for a row it is inside (`rowCut`); null draws the whole row. */
  cut: GanttUntil | null;
}

const sameCut = (a: GanttUntil | null, b: GanttUntil | null) => a === b || (a !== null && b !== null && a.index === b.index && a.time === b.time);

const Row = memo(function Row({ row, index, duration, thin, cut }: RowProps) {
  const y = index * ROW_HEIGHT;
  const mid = y + ROW_HEIGHT / 2;
  const shown = cut ? cutRow(row, cut) : row;
  const bars = thin ? thinOut(shown.bars, (bar) => bar.start, duration) : shown.bars;
  const marks = thin ? thinOut(shown.marks, (mark) => mark.at, duration) : shown.marks;
  return (
    <g className="pb-gantt-row">
      {bars.map((bar, i) => (
        <rect
          key={`b${i}`}
          className={`pb-bar pb-bar-${bar.kind}${bar.replay ? ' pb-replayed' : ''}`}
          x={pct(bar.start, duration)}
          // A bar of no length yet (an attempt that starts at the playhead) still shows: 2 px.
          width={bar.end > bar.start ? pct(bar.end - bar.start, duration) : 2}
          y={bar.kind === 'wait' ? mid - 1.5 : y + 4}
          height={bar.kind === 'wait' ? 3 : ROW_HEIGHT - 8}
          rx={2}
        >
          <title>{`${row.label} — ${bar.title}`}</title>
        </rect>
      ))}
      {marks.map((mark, i) => {
        // Labels near the right edge go on the left of their mark, so they are not cut off.
        const late = duration > 0 && mark.at / duration > 0.8;
        const label = mark.kind === 'blocked' || mark.kind === 'rolled-back' ? '424' : mark.kind === 'reused' ? 'reused' : null;
        return (
          <g key={`m${i}`} className={`pb-mark pb-mark-${mark.kind}`}>
            <line x1={pct(mark.at, duration)} x2={pct(mark.at, duration)} y1={y + 2} y2={y + ROW_HEIGHT - 2} />
            {label && (
              <text x={pct(mark.at, duration)} dx={late ? -4 : 4} y={mid} dominantBaseline="central" textAnchor={late ? 'end' : 'start'}>
                {label}
              </text>
            )}
            <title>{`${row.label} — ${mark.title}`}</title>
          </g>
        );
      })}
    </g>
  );
}, (a, b) => a.row === b.row && a.index === b.index && a.duration === b.duration && a.thin === b.thin && sameCut(a.cut, b.cut));

const Bars = memo(function Bars({ model, from, to, until }: { model: GanttModel; from: number; to: number; until: GanttUntil | null }) {
  const height = model.rows.length * ROW_HEIGHT;
  const thin = needsThinning(model);
  return (
    <svg className="pb-gantt-svg" width="100%" height={height} aria-hidden="true" focusable="false">
      {axisTicks(model.duration).map((t) => (
        <line key={`g${t}`} className="pb-gantt-grid" x1={pct(t, model.duration)} x2={pct(t, model.duration)} y1={0} y2={height} />
      ))}
      {replayStartsUntil(model, until).map((start) => (
        <rect key={start} className="pb-gantt-replay-band" x={pct(start, model.duration)} width={pct(model.duration - start, model.duration)} y={0} height={height} />
      ))}
      {model.rows.slice(from, to).map((row, k) => (
        <Row key={row.id} row={row} index={from + k} duration={model.duration} thin={thin} cut={rowCut(row, until)} />
      ))}
    </svg>
  );
});

const Labels = memo(function Labels({ rows, from, to, onSelect }: { rows: GanttRow[]; from: number; to: number; onSelect: (id: string) => void }) {
  const style = from > 0 || to < rows.length ? { paddingTop: from * ROW_HEIGHT, paddingBottom: (rows.length - to) * ROW_HEIGHT } : undefined;
  return (
    <ul className="pb-gantt-labels" aria-label="Steps" style={style}>
      {rows.slice(from, to).map((row) => (
        <li key={row.id} style={{ height: ROW_HEIGHT }}>
          <button type="button" tabIndex={-1} className="pb-gantt-label" title={row.label} onClick={() => onSelect(row.id)}>
            {row.label}
          </button>
        </li>
      ))}
    </ul>
  );
});

function CursorLine() {
  const time = useRipple((s) => s.time);
  const duration = useRipple((s) => s.duration);
  return (
    <div className="pb-gantt-cursor" style={{ transform: `translateX(${pct(time, duration)})` }} aria-hidden="true">
      <span />
    </div>
  );
}

const SelectedRow = memo(function SelectedRow({ rows }: { rows: GanttRow[] }) {
  const selected = useRipple((s) => s.selectedStepId);
  const index = selected ? rows.findIndex((r) => r.id === selected) : -1;
  if (index < 0) return null;
  return <div className="pb-gantt-selected" style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }} aria-hidden="true" />;
});

/** Round tick values (1, 2 or 5 × 10^k apart), about four to six of them across the run. */
export function axisTicks(duration: number): number[] {
  if (duration <= 0) return [0];
  const rough = duration / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push(Math.round(t));
  return ticks;
}

const Axis = memo(function Axis({ duration }: { duration: number }) {
  return (
    <div className="pb-gantt-axis" aria-hidden="true">
      <div className="pb-gantt-axis-spacer" />
      <div className="pb-gantt-axis-track">
        {axisTicks(duration).map((t) => {
          const f = duration > 0 ? t / duration : 0;
          return (
            <span key={t} style={{ left: `${f * 100}%` }} className={f > 0.93 ? 'pb-tick-last' : t === 0 ? 'pb-tick-first' : undefined}>
              {formatMs(t)}
            </span>
          );
        })}
      </div>
    </div>
  );
});

const selectTimeline = (s: RippleState) => s.timeline;
const selectTime = (s: RippleState) => s.time;

/**
 * The bars as of the playhead: cut after the cursor's entry, with bars still open drawn to the
 * playhead's time (paused between two events, a running attempt reaches the playhead line).
 * Only this part follows the playhead's time; rows the playhead is not inside stay as drawn.
 */
function BarsAtPlayhead({ model, from, to }: { model: GanttModel; from: number; to: number }) {
  const cut = useRipple(selectGanttCut);
  const timeline = useRipple(selectTimeline);
  const time = useRipple(selectTime);
  const until = useMemo(() => (cut < 0 ? null : { index: cut, time: Math.max(timeline[cut]?.at ?? 0, time) }), [cut, timeline, time]);
  return <Bars model={model} from={from} to={to} until={until} />;
}

export function Timeline() {
  const model = useRipple(selectGantt);
  const seekTime = useRipple((s) => s.seekTime);
  const selectStep = useRipple((s) => s.selectStep);
  const track = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const windowed = model.rows.length >= ROWS_WINDOW_FROM;
  const { from, to } = rowWindow(model.rows.length, view.top, view.height);

  const seekAt = useCallback(
    (clientX: number) => {
      const box = track.current?.getBoundingClientRect();
      if (!box || box.width <= 0) return;
      const fraction = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
      seekTime(fraction * model.duration);
    },
    [model.duration, seekTime],
  );

  if (model.rows.length === 0) return null;
  return (
    <section className="pb-gantt" aria-label="Timeline (Gantt): each step's attempts over virtual time">
      <Axis duration={model.duration} />
      <div
        className="pb-gantt-scroll"
        onScroll={
          windowed
            ? (event) => {
                const box = event.currentTarget;
                setView({ top: box.scrollTop, height: box.clientHeight });
              }
            : undefined
        }
      >
        <div className="pb-gantt-body" style={{ height: model.rows.length * ROW_HEIGHT }}>
          <Labels rows={model.rows} from={from} to={to} onSelect={selectStep} />
          <div
            ref={track}
            className="pb-gantt-track"
            data-testid="gantt-track"
            onPointerDown={(event) => {
              if (event.button === 0) seekAt(event.clientX);
            }}
          >
            <BarsAtPlayhead model={model} from={from} to={to} />
            <SelectedRow rows={model.rows} />
            <CursorLine />
          </div>
        </div>
      </div>
      <TimelineLegend />
    </section>
  );
}

