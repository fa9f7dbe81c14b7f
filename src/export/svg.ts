import type { LiveState } from '../engine/types.ts';
import { conditionOf } from '../scenario/defaults.ts';
import type { DependencyCondition, Position, Scenario } from '../scenario/types.ts';
import { RIPPLE_NS } from '../scenario/intake/svg-link.ts';
import { escapeXml } from './xml.ts';
import type { AnimationStyle } from './animation.ts';
import { labelPoint, roundedPath, routeAll, type Point } from '../canvas/layout/edge-routes.ts';

// The graph drawn as a standalone SVG from the model (not a screenshot of the canvas), so
// the CLI, the Share menu and documentation get the same picture. All scenario text is
// escaped. The optional share link goes into <metadata> so a dropped SVG reopens the
// scenario (`readSvgLink`, in the intake gate: src/scenario/intake/svg-link.ts); the image
// makes no network reference of any kind.

/** A step's state at the chosen moment: the bare state, or what `stateAt` / `run.steps` give. */
export type SvgStepState = LiveState | { state: LiveState; status?: number | null };

export interface SvgOptions {
  /** The scenario's share link, stored in the SVG's metadata. */
  link?: string;
  /** Colours: the app's light (default) or dark theme. */
  theme?: SvgTheme;
}

export type SvgTheme = 'light' | 'dark';

/**
 * How a picture is drawn beyond the states: the geometry, the words on a box, and what goes
 * around the graph. `toSvg` uses the export's own defaults; src/export/render.ts passes the
 * canvas's geometry (src/canvas/layout/*), its state words, a legend and, for an animation,
 * a step's states over time.
 */
export interface SvgDrawing {
  positions: Map<string, Position>;
  node: { width: number; height: number };
  /** Where an edge leaves and enters a box: px outside its right/left side, and down from its top. */
  handles: { out: number; in: number; y: number };
  /** The words under the request line for a step's view: `state` as is, or the app's `424 blocked`. */
  stateWords: (view: SvgView) => string;
  /** Shown right of the title (the moment drawn: `at 200 ms of 200 ms`); for an animation, one text per window. */
  caption?: string | { text: string; from: number; to: number }[];
  /** Extra rows of SVG under the graph (a legend), with their height (px); drawn at y = the graph's bottom. */
  footer?: { height: number; draw: (x: number, y: number, width: number, theme: SvgTheme) => string[] };
  /**
   * Per step, what it shows over one loop of an animation: `from`/`to` are fractions of the
   * loop in [0, 1]. Absent: the single state of `states`. `animation` must be given with it.
   */
  frames?: Map<string, SvgFrame[]>;
  /** The class of each window and the `<style>` text for them all (src/export/animation.ts). */
  animation?: AnimationStyle;
}

/** A step's state as a box draws it. */
export interface SvgView {
  state: LiveState;
  status: number | null;
  attempt?: number;
}

/** One state of a step during part of an animation loop. */
export interface SvgFrame {
  view: SvgView | undefined;
  from: number;
  to: number;
}

export { RIPPLE_NS, readSvgLink } from '../scenario/intake/svg-link.ts';

const NODE_W = 180;
const NODE_H = 76;
const COLUMN = 220;
const ROW = 110;
const PAD = 24;
/** How far outside its boxes an edge is routed from and to (px): more than half the router's margin. */
const END_GAP = 10;

interface Palette {
  fill: string;
  stroke: string;
  text: string;
}

const NEUTRAL: Palette = { fill: '#ffffff', stroke: '#94a3b8', text: '#475569' };
const NEUTRAL_DARK: Palette = { fill: '#181b21', stroke: '#8c95a5', text: '#a9b0bc' };

/** The picture's own colours (background, text, edges) in each theme; dark follows the app's tokens (src/app/styles.css). */
export function inkOf(theme: SvgTheme): { background: string; title: string; text: string; request: string; edge: string; broken: string; halo: string; label: string } {
  return theme === 'dark'
    ? { background: '#0f1115', title: '#eceef2', text: '#eceef2', request: '#a9b0bc', edge: '#8c95a5', broken: '#ff8a80', halo: '#0f1115', label: '#a9b0bc' }
    : { background: '#ffffff', title: '#0f172a', text: '#0f172a', request: '#334155', edge: '#64748b', broken: '#dc2626', halo: '#ffffff', label: '#475569' };
}

/** A state's box colours; dark ones are the app's `--state-*` tokens. */
export function paletteOf(state: LiveState, theme: SvgTheme = 'light'): Palette {
  return theme === 'dark' ? darkPaletteOf(state) : lightPaletteOf(state);
}

function darkPaletteOf(state: LiveState): Palette {
  switch (state) {
    case 'pending':
      return { fill: '#20242b', stroke: '#a9b0bc', text: '#a9b0bc' };
    case 'running':
      return { fill: '#172544', stroke: '#7aa7ff', text: '#7aa7ff' };
    case 'succeeded':
      return { fill: '#10301d', stroke: '#5fd38a', text: '#5fd38a' };
    case 'failed':
      return { fill: '#3d1513', stroke: '#ff8a80', text: '#ff8a80' };
    case 'blocked':
      return { fill: '#3b2708', stroke: '#ffbe5c', text: '#ffbe5c' };
    case 'skipped':
      return { fill: '#1b1e24', stroke: '#a9b0bc', text: '#a9b0bc' };
    case 'cancelled':
      return { fill: '#2a2f38', stroke: '#c8ced8', text: '#c8ced8' };
    case 'compensating':
      return { fill: '#2a1d4d', stroke: '#b69cff', text: '#b69cff' };
    case 'compensated':
      return { fill: '#2a1d4d', stroke: '#c9b6ff', text: '#c9b6ff' };
    case 'compensation-failed':
      return { fill: '#42132a', stroke: '#ff8fbf', text: '#ff8fbf' };
    case 'rolled-back':
      return { fill: '#3b2708', stroke: '#ffbe5c', text: '#ffbe5c' };
  }
}

function lightPaletteOf(state: LiveState): Palette {
  switch (state) {
    case 'pending':
      return { fill: '#f8fafc', stroke: '#94a3b8', text: '#475569' };
    case 'running':
      return { fill: '#eff6ff', stroke: '#2563eb', text: '#1d4ed8' };
    case 'succeeded':
      return { fill: '#ecfdf5', stroke: '#059669', text: '#047857' };
    case 'failed':
      return { fill: '#fef2f2', stroke: '#dc2626', text: '#b91c1c' };
    case 'blocked':
    case 'rolled-back':
      return { fill: '#fff7ed', stroke: '#ea580c', text: '#c2410c' };
    case 'skipped':
      return { fill: '#f1f5f9', stroke: '#64748b', text: '#475569' };
    case 'cancelled':
      return { fill: '#f1f5f9', stroke: '#64748b', text: '#475569' };
    case 'compensating':
      return { fill: '#faf5ff', stroke: '#9333ea', text: '#7e22ce' };
    case 'compensated':
      return { fill: '#f5f3ff', stroke: '#7c3aed', text: '#6d28d9' };
    case 'compensation-failed':
      return { fill: '#fdf2f8', stroke: '#db2777', text: '#be185d' };
  }
}

/** Failed and blocked prerequisites break `success` edges: those are drawn in red. */
function breaksSuccess(state: LiveState | undefined): boolean {
  return state === 'failed' || state === 'blocked' || state === 'rolled-back';
}

/**
 * `toSvg(scenario, run.steps, { link })` → `<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>`:
 * a box per step (label, request line, status chip, state), an arrow per dependency
 * (dashed and labelled for `failure` / `always`).
 */
export function toSvg(scenario: Scenario, states?: Record<string, SvgStepState>, options: SvgOptions = {}): string {
  const drawing: SvgDrawing = {
    positions: layout(scenario),
    node: { width: NODE_W, height: NODE_H },
    handles: { out: END_GAP, in: END_GAP, y: NODE_H / 2 },
    stateWords: (view) => view.state,
  };
  return drawSvg(scenario, states, drawing, options);
}

function viewOf(s: SvgStepState | undefined): SvgView | undefined {
  if (s === undefined) return undefined;
  return typeof s === 'string' ? { state: s, status: null } : { ...s, status: s.status ?? null };
}

/**
 * The picture with a chosen geometry and extras (`SvgDrawing`): what `toSvg` and
 * `renderRunSvg` (src/export/render.ts) both draw. All scenario text is escaped; nothing
 * refers outside the file.
 */
export function drawSvg(scenario: Scenario, states: Record<string, SvgStepState> | undefined, drawing: SvgDrawing, options: SvgOptions = {}): string {
  const theme = options.theme ?? 'light';
  const ink = inkOf(theme);
  const { positions, node } = drawing;
  const NODE_W = node.width;
  const NODE_H = node.height;
  const framesOf = (id: string): SvgFrame[] => drawing.frames?.get(id) ?? [{ view: viewOf(states?.[id]), from: 0, to: 1 }];
  // Animated frames are wrapped in a group whose class runs its window; a whole-loop frame is not.
  // Hidden by a presentation attribute, which the animation overrides while it runs: without
  // animation (reduced motion, a renderer with no CSS) only the last frames show.
  const framed = (frame: { from: number; to: number }, body: string[]): string[] =>
    frame.from === 0 && frame.to === 1
      ? body
      : [`<g class="${drawing.animation!.classOf(frame.from, frame.to)}"${frame.to < 1 ? ' opacity="0"' : ''}>`, ...body, '</g>'];

  const xs = scenario.steps.map((s) => positions.get(s.id)!.x);
  const ys = scenario.steps.map((s) => positions.get(s.id)!.y);
  const minX = (xs.length ? Math.min(...xs) : 0) - PAD;
  const minY = (ys.length ? Math.min(...ys) : 0) - PAD - 28; // room for the title line
  const width = (xs.length ? Math.max(...xs) + NODE_W : 240) + PAD - minX;
  const graphHeight = (ys.length ? Math.max(...ys) + NODE_H : 40) + PAD - minY;
  const height = graphHeight + (drawing.footer?.height ?? 0);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
  );
  out.push(`<title>${escapeXml(scenario.title)}</title>`);
  if (scenario.description) out.push(`<desc>${escapeXml(scenario.description)}</desc>`);
  if (options.link !== undefined) {
    out.push(`<metadata><ripple:link xmlns:ripple="${RIPPLE_NS}">${escapeXml(options.link)}</ripple:link></metadata>`);
  }
  // The style goes here, filled in at the end, once every window has its class.
  const styleAt = out.length;
  out.push(
    '<defs>',
    `<marker id="ripple-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${ink.edge}"/></marker>`,
    `<marker id="ripple-arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${ink.broken}"/></marker>`,
    '</defs>',
  );
  out.push(`<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="${ink.background}"/>`);
  out.push(`<text x="${num(minX + PAD)}" y="${num(minY + PAD + 6)}" font-size="15" font-weight="600" fill="${ink.title}">${escapeXml(truncate(scenario.title, 90))}</text>`);
  const captions = typeof drawing.caption === 'string' ? [{ text: drawing.caption, from: 0, to: 1 }] : (drawing.caption ?? []);
  for (const c of captions) {
    out.push(...framed(c, [`<text x="${num(minX + width - PAD)}" y="${num(minY + PAD + 6)}" font-size="12" text-anchor="end" fill="${ink.request}">${escapeXml(c.text)}</text>`]));
  }

  // Condition labels go in a layer above the boxes: between tightly spaced columns they
  // would otherwise be hidden under a box edge.
  // Edges go around the boxes by the same router the canvas uses (src/canvas/layout/edge-routes.ts).
  const labels: string[] = [];
  const keyed = scenario.dependencies.map((dep, i) => ({ dep, id: String(i), from: dep.from, to: dep.to }));
  // The router wants ends a little outside the boxes (as the canvas's handles are); the arrows
  // still start and end on the box borders.
  const { handles } = drawing;
  const routes = routeAll(positions, node, handles, keyed);
  out.push('<g class="edges">');
  for (const { dep, id } of keyed) {
    const routed = routes.get(id);
    if (!routed) continue;
    const first = routed[0];
    const last = routed[routed.length - 1];
    const route = [{ x: first.x - handles.out, y: first.y }, ...routed, { x: last.x + handles.in, y: last.y }];
    const on = conditionOf(dep);
    // A success edge is drawn broken while its prerequisite is failed or blocked: one path per
    // stretch of the loop with the same look.
    for (const stretch of brokenStretches(framesOf(dep.from), on)) {
      const drawn = edge(route, on, stretch.broken, ink);
      out.push(...framed(stretch, [drawn.path]));
      if (drawn.label && stretch.from === 0) labels.push(drawn.label);
    }
  }
  out.push('</g>');

  out.push('<g class="steps">');
  for (const step of scenario.steps) {
    const p = positions.get(step.id)!;
    const frames = framesOf(step.id);
    const final = frames[frames.length - 1].view;
    const label = step.label ?? step.id;
    const tooltip = [label, step.request, final ? `${final.state}${final.status !== null ? ` ${final.status}` : ''}` : undefined]
      .filter((s): s is string => Boolean(s))
      .join(' — ');
    out.push(`<g class="step" transform="translate(${num(p.x)} ${num(p.y)})">`);
    out.push(`<title>${escapeXml(tooltip)}</title>`);
    for (const frame of frames) {
      const view = frame.view;
      const palette = view ? paletteOf(view.state, theme) : theme === 'dark' ? NEUTRAL_DARK : NEUTRAL;
      const dashed = view && (view.state === 'skipped' || view.state === 'cancelled') ? ' stroke-dasharray="5 4"' : '';
      out.push(...framed(frame, [`<rect width="${NODE_W}" height="${NODE_H}" rx="8" fill="${palette.fill}" stroke="${palette.stroke}" stroke-width="1.5"${dashed}/>`]));
    }
    out.push(`<text x="12" y="22" font-size="13" font-weight="600" fill="${ink.text}">${escapeXml(truncate(label, Math.round(NODE_W / 8.2)))}</text>`);
    if (step.request) {
      out.push(`<text x="12" y="42" font-size="11" font-family="ui-monospace, Menlo, Consolas, monospace" fill="${ink.request}">${escapeXml(truncate(step.request, Math.round(NODE_W / 7.5)))}</text>`);
    }
    for (const frame of frames) {
      const view = frame.view;
      const palette = view ? paletteOf(view.state, theme) : theme === 'dark' ? NEUTRAL_DARK : NEUTRAL;
      const chip = view ? (view.status !== null ? String(view.status) : null) : configuredFailure(step.fail);
      const body: string[] = [];
      if (view) {
        body.push(`<text x="12" y="${NODE_H - 12}" font-size="11" fill="${palette.text}">${escapeXml(drawing.stateWords(view))}</text>`);
      }
      if (chip) {
        const chipW = 10 + chip.length * 7;
        const chipColour = view ? palette.stroke : theme === 'dark' ? '#8c95a5' : '#64748b';
        const chipText = theme === 'dark' ? '#0f1115' : '#ffffff';
        body.push(`<rect x="${NODE_W - 8 - chipW}" y="${NODE_H - 26}" width="${chipW}" height="18" rx="9" fill="${chipColour}"/>`);
        body.push(`<text x="${NODE_W - 8 - chipW / 2}" y="${NODE_H - 13}" font-size="11" font-weight="600" text-anchor="middle" fill="${chipText}">${escapeXml(chip)}</text>`);
      }
      if (body.length) out.push(...framed(frame, body));
    }
    out.push('</g>');
  }
  out.push('</g>');
  if (labels.length) out.push('<g class="edge-labels">', ...labels, '</g>');
  if (drawing.footer) out.push(...drawing.footer.draw(minX + PAD, minY + graphHeight, width - 2 * PAD, theme));
  out.push('</svg>');
  if (drawing.animation) out.splice(styleAt, 0, `<style>${drawing.animation.css()}</style>`);
  return `${out.join('\n')}\n`;
}

/** Failed and blocked prerequisites break `success` edges: those are drawn in red. */
function brokenStretches(frames: readonly SvgFrame[], on: DependencyCondition): { broken: boolean; from: number; to: number }[] {
  const out: { broken: boolean; from: number; to: number }[] = [];
  for (const f of frames) {
    const broken = on === 'success' && breaksSuccess(f.view?.state);
    const last = out[out.length - 1];
    if (last && last.broken === broken) last.to = f.to;
    else out.push({ broken, from: f.from, to: f.to });
  }
  return out;
}

/** What the step is set up to answer, shown when no run is drawn: `402`, `timeout`. */
function configuredFailure(fail: Scenario['steps'][number]['fail']): string | null {
  if (!fail) return null;
  if (fail.timeout) return 'timeout';
  return fail.status !== undefined ? String(fail.status) : null;
}

function edge(route: readonly Point[], on: DependencyCondition, broken: boolean, ink: ReturnType<typeof inkOf>): { path: string; label?: string } {
  const d = roundedPath(route);
  const colour = broken ? ink.broken : ink.edge;
  const marker = broken ? 'ripple-arrow-broken' : 'ripple-arrow';
  const dash = on === 'success' ? '' : ' stroke-dasharray="6 4"';
  const path = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#${marker})"/>`;
  if (on === 'success') return { path };
  const text = on === 'failure' ? 'on failure' : 'always';
  const at = labelPoint(route);
  const label = `<text x="${num(at.x)}" y="${num(at.y - 5)}" font-size="10" text-anchor="middle" fill="${ink.label}" paint-order="stroke" stroke="${ink.halo}" stroke-width="3">${text}</text>`;
  return { path, label };
}

/**
 * Every step's top-left corner: the scenario's own positions when every step has one, else a
 * layered layout (column = longest dependency path from a source, rows in scenario order).
 */
export function layout(scenario: Scenario): Map<string, Position> {
  const positions = new Map<string, Position>();
  const valid = (p: Position | undefined): p is Position => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
  if (scenario.steps.every((s) => valid(s.position))) {
    for (const s of scenario.steps) positions.set(s.id, { x: s.position!.x, y: s.position!.y });
    return positions;
  }
  const ids = new Set(scenario.steps.map((s) => s.id));
  const incoming = new Map<string, string[]>(scenario.steps.map((s) => [s.id, []]));
  for (const d of scenario.dependencies) {
    if (ids.has(d.from) && ids.has(d.to) && d.from !== d.to) incoming.get(d.to)!.push(d.from);
  }
  // Longest path by memoised depth-first search; a cycle (invalid input) is cut where it closes.
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let d = 0;
    for (const p of incoming.get(id) ?? []) d = Math.max(d, depth(p) + 1);
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  const rows = new Map<number, number>();
  for (const s of scenario.steps) {
    const col = depth(s.id);
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    positions.set(s.id, { x: col * COLUMN, y: row * ROW });
  }
  return positions;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Numbers with at most two decimals, so the output is stable and compact. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
