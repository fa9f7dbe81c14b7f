// `ripple render` (issue #14): the run drawn as the app's canvas draws it — the canvas's layout
// (src/canvas/layout/simple-layout.ts when the scenario has no positions), its node size and
// edge routes (src/canvas/layout/edge-routes.ts), its state words ("424 blocked",
// src/canvas/state-meta.ts) — with a legend, as one self-contained SVG: a moment of the run, or
// the whole run played by CSS keyframes (src/export/animation.ts). Pure: scenario and run in,
// SVG text out; drawing is src/export/svg.ts's `drawSvg`, shared with the Export menu's SVG.
import { stateAt } from '../engine/state-at.ts';
import type { LiveState, RunResult } from '../engine/types.ts';
import { LIVE_STATES } from '../engine/phases.ts';
import { layeredLayout } from '../canvas/layout/simple-layout.ts';
import { NODE_WIDTH } from '../canvas/layout/layout-constants.ts';
import { STATE_META, stateText } from '../canvas/state-meta.ts';
import type { Position, Scenario } from '../scenario/types.ts';
import { animationStyle } from './animation.ts';
import { drawSvg, inkOf, paletteOf, type SvgDrawing, type SvgFrame, type SvgTheme, type SvgView } from './svg.ts';
import { escapeXml } from './xml.ts';

/** The moment drawn: the run's end, or a virtual time in ms (the state after every event at or before it). */
export type RenderMoment = 'end' | number;

export interface RenderOptions {
  /** Default `'end'`. */
  at?: RenderMoment;
  /** Default `'light'`. */
  theme?: SvgTheme;
  /** A share link stored in the SVG's metadata, so the image reopens the scenario when dropped on the app. */
  link?: string;
}

export interface AnimateOptions {
  theme?: SvgTheme;
  link?: string;
}

/** The canvas's step box: NODE_WIDTH wide, 76 px tall, handles 11 px outside at 38 px down (src/canvas/build-graph.ts). */
const CANVAS_NODE = { width: NODE_WIDTH, height: 76 } as const;
const CANVAS_HANDLES = { out: 11, in: 11, y: 38 } as const;

/** Wall-clock parts of one animation loop (ms): a still start, the run, a pause on the end. */
export const LOOP_LEAD_MS = 600;
export const LOOP_HOLD_MS = 2_500;
/** The run plays 12× slower than its virtual time, within these bounds (ms). */
const PLAY_MIN_MS = 2_500;
const PLAY_MAX_MS = 9_000;
/** Most distinct moments an animation draws; later moments in the same slice of the loop win. */
const MAX_MOMENTS = 400;

/**
 * Every step's top-left corner as the canvas places it: the scenario's positions when every
 * step has one, else the layered layout the editor gives a scenario without positions
 * (src/store/editor-slice.ts).
 */
export function canvasPositions(scenario: Scenario): Map<string, Position> {
  const valid = (p: Position | undefined): p is Position => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
  const placed = scenario.steps.every((s) => valid(s.position));
  const laid = placed ? null : layeredLayout(scenario);
  return new Map(scenario.steps.map((s) => [s.id, placed ? { x: s.position!.x, y: s.position!.y } : laid![s.id]]));
}

/** The index of the last event at or before `ms` (-1: before the first). */
function eventIndexAt(run: RunResult, ms: number): number {
  let i = -1;
  while (i + 1 < run.events.length && run.events[i + 1].t <= ms) i++;
  return i;
}

/** `1200` → `1,200 ms`. */
function ms(n: number): string {
  return `${Math.round(n).toLocaleString('en-US')} ms`;
}

/**
 * A moment of the run as the canvas shows it, with a legend of the states drawn.
 *
 * @example
 * renderRunSvg(scenario, simulate(scenario), { at: 'end', theme: 'dark' })
 * // → '<svg xmlns="http://www.w3.org/2000/svg" …>…424 blocked…</svg>\n'
 */
export function renderRunSvg(scenario: Scenario, run: RunResult, options: RenderOptions = {}): string {
  const at = options.at ?? 'end';
  const start = run.startedAt ?? 0;
  const end = start + run.durationMs;
  const states: Record<string, SvgView> =
    at === 'end' ? run.steps : stateAt(run, eventIndexAt(run, start + Math.max(0, at))).steps;
  const caption = at === 'end' || start + at >= end ? `end of the run: ${ms(run.durationMs)} · ${run.httpStatus}` : `at ${ms(Math.max(0, at))} of ${ms(run.durationMs)}`;
  const shown = new Set<LiveState>(scenario.steps.map((s) => states[s.id]?.state).filter((s): s is LiveState => s !== undefined));
  const drawing = canvasDrawing(scenario, shown, caption);
  return drawSvg(scenario, states, drawing, { theme: options.theme ?? 'light', ...(options.link !== undefined ? { link: options.link } : {}) });
}

/**
 * The whole run, played on a loop by CSS keyframes (no script): a still start, the run at
 * 12× slower than its virtual time (2.5–9 s), then a 2.5 s pause on the end. With
 * `prefers-reduced-motion: reduce`, or where CSS animations do not run, it shows the end.
 *
 * @example
 * renderAnimatedSvg(scenario, simulate(scenario)) // → '<svg …><style>.a{animation-duration:…'
 */
export function renderAnimatedSvg(scenario: Scenario, run: RunResult, options: AnimateOptions = {}): string {
  const start = run.startedAt ?? 0;
  const playMs = Math.min(PLAY_MAX_MS, Math.max(PLAY_MIN_MS, run.durationMs * 12));
  const loopMs = LOOP_LEAD_MS + playMs + LOOP_HOLD_MS;
  const fractionOf = (t: number) => (LOOP_LEAD_MS + (run.durationMs > 0 ? ((t - start) / run.durationMs) * playMs : 0)) / loopMs;

  // The moments: before the first event, then after the last event of each distinct time.
  const moments: { from: number; index: number; t: number }[] = [{ from: 0, index: -1, t: start }];
  for (let i = 0; i < run.events.length; i++) {
    const e = run.events[i];
    if (i + 1 < run.events.length && run.events[i + 1].t === e.t) continue;
    const from = Math.round(fractionOf(e.t) * MAX_MOMENTS) / MAX_MOMENTS;
    const last = moments[moments.length - 1];
    if (from <= last.from) moments[moments.length - 1] = { ...last, index: i, t: e.t };
    else moments.push({ from, index: i, t: e.t });
  }
  // The end is always a moment of its own, held through the pause.
  const final = moments[moments.length - 1];
  if (final.index !== run.events.length - 1 || final.from === 0) moments.push({ from: Math.max(final.from + 1 / MAX_MOMENTS, fractionOf(start + run.durationMs)), index: run.events.length - 1, t: start + run.durationMs });

  const frames = new Map<string, SvgFrame[]>(scenario.steps.map((s) => [s.id, []]));
  const shown = new Set<LiveState>();
  moments.forEach((m, k) => {
    const to = k + 1 < moments.length ? moments[k + 1].from : 1;
    // The end is the run's own result (authoritative, e.g. for a run stopped at its budget).
    const views: Record<string, SvgView> =
      m.index === run.events.length - 1
        ? Object.fromEntries(Object.entries(run.steps).map(([id, r]) => [id, { state: r.state, status: r.status, attempt: r.attempts }]))
        : stateAt(run, m.index).steps;
    for (const step of scenario.steps) {
      const view: SvgView | undefined = Object.prototype.hasOwnProperty.call(views, step.id) ? views[step.id] : undefined;
      if (view) shown.add(view.state);
      const list = frames.get(step.id)!;
      const prev = list[list.length - 1];
      if (prev && sameView(prev.view, view)) prev.to = to;
      else list.push({ view, from: m.from, to });
    }
  });
  const captions = moments.map((m, k) => ({
    text: k === moments.length - 1 ? `end of the run: ${ms(run.durationMs)} · ${run.httpStatus}` : `${ms(m.t - start)}`,
    from: m.from,
    to: k + 1 < moments.length ? moments[k + 1].from : 1,
  }));
  const drawing: SvgDrawing = { ...canvasDrawing(scenario, shown, captions), frames, animation: animationStyle(loopMs) };
  return drawSvg(scenario, undefined, drawing, { theme: options.theme ?? 'light', ...(options.link !== undefined ? { link: options.link } : {}) });
}

function sameView(a: SvgView | undefined, b: SvgView | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.state === b.state && a.status === b.status && (a.attempt ?? 0) === (b.attempt ?? 0);
}

function canvasDrawing(scenario: Scenario, shown: ReadonlySet<LiveState>, caption: SvgDrawing['caption']): SvgDrawing {
  const entries = LIVE_STATES.filter((s) => shown.has(s));
  const legend = legendLayout(entries);
  return {
    positions: canvasPositions(scenario),
    node: CANVAS_NODE,
    handles: CANVAS_HANDLES,
    stateWords: (view) => stateText({ state: view.state, attempt: view.attempt ?? 1, status: view.status }),
    ...(caption !== undefined ? { caption } : {}),
    ...(entries.length ? { footer: { height: legend.rows * LEGEND_ROW + 12, draw: (x, y, width, theme) => drawLegend(entries, x, y, width, theme) } } : {}),
  };
}

const LEGEND_ROW = 22;
/** Rough width of a character of the legend's 11 px text (px), for wrapping. */
const LEGEND_CHAR = 6.2;
const LEGEND_WRAP = 640;

/** What each state means, in a few words for the legend; the words on the boxes are STATE_META's. */
function gloss(state: LiveState): string {
  switch (state) {
    case 'pending':
      return 'not started yet';
    case 'running':
      return 'in progress';
    case 'succeeded':
      return 'answered 2xx';
    case 'failed':
      return 'its own request failed: a root failure';
    case 'blocked':
      return 'not performed: a prerequisite failed (424 Failed Dependency)';
    case 'skipped':
      return 'its condition did not apply';
    case 'cancelled':
      return 'cancelled by the abort policy';
    case 'compensating':
      return 'being undone';
    case 'compensated':
      return 'undone by its compensation';
    case 'compensation-failed':
      return 'its compensation failed';
    case 'rolled-back':
      return 'undone with its atomic group: answers 424';
  }
}

function entryText(state: LiveState): string {
  return `${STATE_META[state].text}: ${gloss(state)}`;
}

function entryWidth(state: LiveState): number {
  return 22 + entryText(state).length * LEGEND_CHAR + 18;
}

function legendLayout(entries: readonly LiveState[]): { rows: number } {
  let rows = entries.length ? 1 : 0;
  let x = 0;
  for (const e of entries) {
    const w = entryWidth(e);
    if (x > 0 && x + w > LEGEND_WRAP) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return { rows };
}

function drawLegend(entries: readonly LiveState[], left: number, top: number, _width: number, theme: SvgTheme): string[] {
  const ink = inkOf(theme);
  const out = ['<g class="legend">'];
  let x = 0;
  let y = 0;
  for (const state of entries) {
    const w = entryWidth(state);
    if (x > 0 && x + w > LEGEND_WRAP) {
      y += LEGEND_ROW;
      x = 0;
    }
    const p = paletteOf(state, theme);
    out.push(`<rect x="${left + x}" y="${top + y}" width="14" height="14" rx="3" fill="${p.fill}" stroke="${p.stroke}" stroke-width="1.5"/>`);
    out.push(`<text x="${left + x + 20}" y="${top + y + 11}" font-size="11" fill="${ink.text}">${escapeXml(entryText(state))}</text>`);
    x += w;
  }
  out.push('</g>');
  return out;
}
