import { memo, useCallback, useRef } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectGantt, type GanttModel, type GanttRow } from './gantt-model.ts';
import { formatMs } from './event-text.ts';
import './playback.css';

// The Gantt: one row per step, sharing the cursor with the canvas. Rows are one SVG drawn once
// per run; on every frame only the cursor line moves (a CSS transform), so a 300-step run
// plays without re-rendering rows.

export const ROW_HEIGHT = 22;

const pct = (t: number, duration: number) => `${duration > 0 ? (t / duration) * 100 : 0}%`;

const Row = memo(function Row({ row, index, duration }: { row: GanttRow; index: number; duration: number }) {
  const y = index * ROW_HEIGHT;
  const mid = y + ROW_HEIGHT / 2;
  return (
    <g className="pb-gantt-row">
      {row.bars.map((bar, i) => (
        <rect
          key={`b${i}`}
          className={`pb-bar pb-bar-${bar.kind}${bar.replay ? ' pb-replayed' : ''}`}
          x={pct(bar.start, duration)}
          width={pct(bar.end - bar.start, duration)}
          y={bar.kind === 'wait' ? mid - 1.5 : y + 4}
          height={bar.kind === 'wait' ? 3 : ROW_HEIGHT - 8}
          rx={2}
        >
          <title>{`${row.label} — ${bar.title}`}</title>
        </rect>
      ))}
      {row.marks.map((mark, i) => {
        // Labels near the right edge go on the left of their mark, so they are not cut off.
        const late = duration > 0 && mark.at / duration > 0.8;
        const label = mark.kind === 'blocked' ? '424' : mark.kind === 'reused' ? 'reused' : null;
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
});

const Bars = memo(function Bars({ model }: { model: GanttModel }) {
  const height = model.rows.length * ROW_HEIGHT;
  return (
    <svg className="pb-gantt-svg" width="100%" height={height} aria-hidden="true" focusable="false">
      {axisTicks(model.duration).map((t) => (
        <line key={`g${t}`} className="pb-gantt-grid" x1={pct(t, model.duration)} x2={pct(t, model.duration)} y1={0} y2={height} />
      ))}
      {model.replayStarts.map((start) => (
        <rect key={start} className="pb-gantt-replay-band" x={pct(start, model.duration)} width={pct(model.duration - start, model.duration)} y={0} height={height} />
      ))}
      {model.rows.map((row, index) => (
        <Row key={row.id} row={row} index={index} duration={model.duration} />
      ))}
    </svg>
  );
});

const Labels = memo(function Labels({ rows, onSelect }: { rows: GanttRow[]; onSelect: (id: string) => void }) {
  return (
    <ul className="pb-gantt-labels" aria-label="Steps">
      {rows.map((row) => (
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

function SelectedRow({ rows }: { rows: GanttRow[] }) {
  const selected = useRipple((s) => s.selectedStepId);
  const index = selected ? rows.findIndex((r) => r.id === selected) : -1;
  if (index < 0) return null;
  return <div className="pb-gantt-selected" style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }} aria-hidden="true" />;
}

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

function Axis({ duration }: { duration: number }) {
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
}

export function Timeline() {
  const model = useRipple(selectGantt);
  const seekTime = useRipple((s) => s.seekTime);
  const selectStep = useRipple((s) => s.selectStep);
  const track = useRef<HTMLDivElement>(null);

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
      <div className="pb-gantt-scroll">
        <div className="pb-gantt-body" style={{ height: model.rows.length * ROW_HEIGHT }}>
          <Labels rows={model.rows} onSelect={selectStep} />
          <div
            ref={track}
            className="pb-gantt-track"
            data-testid="gantt-track"
            onPointerDown={(event) => {
              if (event.button === 0) seekAt(event.clientX);
            }}
          >
            <Bars model={model} />
            <SelectedRow rows={model.rows} />
            <CursorLine />
          </div>
        </div>
      </div>
      <GanttLegend />
    </section>
  );
}

function GanttLegend() {
  return (
    <ul className="pb-legend" aria-label="Timeline legend">
      <li><span className="pb-swatch pb-bar-ok" /> 2xx</li>
      <li><span className="pb-swatch pb-bar-fail" /> failed attempt</li>
      <li><span className="pb-swatch pb-swatch-blocked" /> 424</li>
      <li><span className="pb-swatch pb-bar-wait" /> retry wait</li>
      <li><span className="pb-swatch pb-bar-comp-ok" /> rollback</li>
      <li><span className="pb-swatch pb-swatch-replay" /> replay</li>
    </ul>
  );
}
