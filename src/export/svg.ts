import type { LiveState } from '../engine/types.ts';
import { conditionOf } from '../scenario/defaults.ts';
import type { DependencyCondition, Position, Scenario } from '../scenario/types.ts';
import { RIPPLE_NS } from '../scenario/intake/svg-link.ts';
import { escapeXml } from './xml.ts';
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

function paletteOf(state: LiveState): Palette {
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
  const positions = layout(scenario);
  const stateOf = (id: string): { state: LiveState; status: number | null } | undefined => {
    const s = states?.[id];
    if (s === undefined) return undefined;
    return typeof s === 'string' ? { state: s, status: null } : { state: s.state, status: s.status ?? null };
  };

  const xs = scenario.steps.map((s) => positions.get(s.id)!.x);
  const ys = scenario.steps.map((s) => positions.get(s.id)!.y);
  const minX = (xs.length ? Math.min(...xs) : 0) - PAD;
  const minY = (ys.length ? Math.min(...ys) : 0) - PAD - 28; // room for the title line
  const width = (xs.length ? Math.max(...xs) + NODE_W : 240) + PAD - minX;
  const height = (ys.length ? Math.max(...ys) + NODE_H : 40) + PAD - minY;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
  );
  out.push(`<title>${escapeXml(scenario.title)}</title>`);
  if (scenario.description) out.push(`<desc>${escapeXml(scenario.description)}</desc>`);
  if (options.link !== undefined) {
    out.push(`<metadata><ripple:link xmlns:ripple="${RIPPLE_NS}">${escapeXml(options.link)}</ripple:link></metadata>`);
  }
  out.push(
    '<defs>',
    '<marker id="ripple-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker>',
    '<marker id="ripple-arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#dc2626"/></marker>',
    '</defs>',
  );
  out.push(`<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`);
  out.push(`<text x="${num(minX + PAD)}" y="${num(minY + PAD + 6)}" font-size="15" font-weight="600" fill="#0f172a">${escapeXml(truncate(scenario.title, 90))}</text>`);

  // Condition labels go in a layer above the boxes: between tightly spaced columns they
  // would otherwise be hidden under a box edge.
  // Edges go around the boxes by the same router the canvas uses (src/canvas/layout/edge-routes.ts).
  const labels: string[] = [];
  const keyed = scenario.dependencies.map((dep, i) => ({ dep, id: String(i), from: dep.from, to: dep.to }));
  // The router wants ends a little outside the boxes (as the canvas's handles are); the arrows
  // still start and end on the box borders.
  const routes = routeAll(positions, { width: NODE_W, height: NODE_H }, { out: END_GAP, in: END_GAP, y: NODE_H / 2 }, keyed);
  out.push('<g class="edges">');
  for (const { dep, id } of keyed) {
    const routed = routes.get(id);
    if (!routed) continue;
    const first = routed[0];
    const last = routed[routed.length - 1];
    const route = [{ x: first.x - END_GAP, y: first.y }, ...routed, { x: last.x + END_GAP, y: last.y }];
    const on = conditionOf(dep);
    const broken = on === 'success' && breaksSuccess(stateOf(dep.from)?.state);
    const drawn = edge(route, on, broken);
    out.push(drawn.path);
    if (drawn.label) labels.push(drawn.label);
  }
  out.push('</g>');

  out.push('<g class="steps">');
  for (const step of scenario.steps) {
    const p = positions.get(step.id)!;
    const view = stateOf(step.id);
    const palette = view ? paletteOf(view.state) : NEUTRAL;
    const label = step.label ?? step.id;
    const chip = view ? (view.status !== null ? String(view.status) : null) : configuredFailure(step.fail);
    const tooltip = [label, step.request, view ? `${view.state}${view.status !== null ? ` ${view.status}` : ''}` : undefined]
      .filter((s): s is string => Boolean(s))
      .join(' — ');
    const dashed = view && (view.state === 'skipped' || view.state === 'cancelled') ? ' stroke-dasharray="5 4"' : '';
    out.push(`<g class="step" transform="translate(${num(p.x)} ${num(p.y)})">`);
    out.push(`<title>${escapeXml(tooltip)}</title>`);
    out.push(`<rect width="${NODE_W}" height="${NODE_H}" rx="8" fill="${palette.fill}" stroke="${palette.stroke}" stroke-width="1.5"${dashed}/>`);
    out.push(`<text x="12" y="22" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(truncate(label, 22))}</text>`);
    if (step.request) {
      out.push(`<text x="12" y="42" font-size="11" font-family="ui-monospace, Menlo, Consolas, monospace" fill="#334155">${escapeXml(truncate(step.request, 24))}</text>`);
    }
    if (view) {
      out.push(`<text x="12" y="64" font-size="11" fill="${palette.text}">${escapeXml(view.state)}</text>`);
    }
    if (chip) {
      const chipW = 10 + chip.length * 7;
      const chipColour = view ? palette.stroke : '#64748b';
      out.push(`<rect x="${NODE_W - 8 - chipW}" y="${NODE_H - 26}" width="${chipW}" height="18" rx="9" fill="${chipColour}"/>`);
      out.push(`<text x="${NODE_W - 8 - chipW / 2}" y="${NODE_H - 13}" font-size="11" font-weight="600" text-anchor="middle" fill="#ffffff">${escapeXml(chip)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</g>');
  if (labels.length) out.push('<g class="edge-labels">', ...labels, '</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** What the step is set up to answer, shown when no run is drawn: `402`, `timeout`. */
function configuredFailure(fail: Scenario['steps'][number]['fail']): string | null {
  if (!fail) return null;
  if (fail.timeout) return 'timeout';
  return fail.status !== undefined ? String(fail.status) : null;
}

function edge(route: readonly Point[], on: DependencyCondition, broken: boolean): { path: string; label?: string } {
  const d = roundedPath(route);
  const colour = broken ? '#dc2626' : '#64748b';
  const marker = broken ? 'ripple-arrow-broken' : 'ripple-arrow';
  const dash = on === 'success' ? '' : ' stroke-dasharray="6 4"';
  const path = `<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#${marker})"/>`;
  if (on === 'success') return { path };
  const text = on === 'failure' ? 'on failure' : 'always';
  const at = labelPoint(route);
  const label = `<text x="${num(at.x)}" y="${num(at.y - 5)}" font-size="10" text-anchor="middle" fill="#475569" paint-order="stroke" stroke="#ffffff" stroke-width="3">${text}</text>`;
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
