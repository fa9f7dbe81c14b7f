// `ripple/remark`: a remark plugin (https://github.com/remarkjs/remark) that turns a fenced
// code block with the language `ripple` into a live Ripple embed, or into a picture of the run
// made at build time — so a docs writer keeps the scenario as text beside the prose, as with
// Mermaid (issue #14).
//
//   ```ripple
//   { "version": 2, "title": "Pay", "steps": [ … ], "dependencies": [ … ] }
//   ```
//   ```ripple panel=timeline theme=dark
//   https://ripple.example/#r1.…
//   ```
//
// A fence holds a scenario (JSON, or YAML where the gate reads it) or a share link. Options
// after the language, `key=value`: `theme` (auto|light|dark), `panel` (none|timeline|log),
// `controls` (0|1), `render` (embed|svg|animated). A broken fence becomes a visible error box naming
// the problem; the build fails only with `failOnError: true`. No network: everything is
// computed from the fence's text.
import { visit } from 'unist-util-visit';
import type { Code, Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { openScenario } from '../scenario/open-scenario.ts';
import { buildShareUrl, parseShareUrl } from '../scenario/link-codec.ts';
import { formatProblem } from '../scenario/text.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulate } from '../engine/index.ts';
import { renderAnimatedSvg, renderRunSvg } from '../export/render.ts';
import { DEFAULT_EMBED_OPTIONS, embedUrl, escapeHtmlAttribute, iframeSnippet, type EmbedOptions, type EmbedPanel, type EmbedTheme } from '../app/share/snippets.ts';

/** `embed`: a live iframe; `svg`: the run at its end as a picture; `animated`: the run played by CSS keyframes (no script). */
export type RippleRender = 'embed' | 'svg' | 'animated';

export interface RemarkRippleOptions {
  /** Where Ripple is served (the embed's folder), e.g. `https://ripple.example/`. Required for `render: 'embed'`. */
  app?: string;
  /** Default for fences that do not say: `embed` (an iframe), `svg` (the run's end) or `animated` (the run played), inline. */
  render?: RippleRender;
  /** Stop the build at the first broken fence instead of showing an error box. */
  failOnError?: boolean;
}

const MAX_SHOWN_PROBLEMS = 5;
const THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];
const PANELS: readonly EmbedPanel[] = ['none', 'timeline', 'log'];

interface FenceOptions {
  embed: EmbedOptions;
  render?: RippleRender;
}

/** Reads `theme=dark panel=log controls=0 render=svg` from the fence's meta; unknown words are problems. */
function readMeta(meta: string | null | undefined): { options: FenceOptions; problems: string[] } {
  const options: FenceOptions = { embed: { ...DEFAULT_EMBED_OPTIONS } };
  const problems: string[] = [];
  for (const word of (meta ?? '').split(/\s+/).filter(Boolean)) {
    const [key, value = ''] = word.split('=', 2);
    if (key === 'theme' && (THEMES as readonly string[]).includes(value)) options.embed.theme = value as EmbedTheme;
    else if (key === 'panel' && (PANELS as readonly string[]).includes(value)) options.embed.panel = value as EmbedPanel;
    else if (key === 'controls' && (value === '0' || value === '1')) options.embed.controls = value === '1';
    else if (key === 'render' && (value === 'embed' || value === 'svg' || value === 'animated')) options.render = value;
    else problems.push(`unknown fence option "${word}" (use theme=auto|light|dark, panel=none|timeline|log, controls=0|1, render=embed|svg|animated)`);
  }
  return { options, problems };
}

type Read = { ok: true; scenario: Scenario } | { ok: false; message: string; problems: string[] };

/** The fence's scenario: a share link (one line starting with http(s)://) or a scenario document. */
function readFence(text: string): Read {
  const trimmed = text.trim();
  if (/^https?:\/\/\S+$/.test(trimmed)) {
    const decoded = parseShareUrl(trimmed);
    return decoded.ok ? { ok: true, scenario: decoded.scenario } : { ok: false, message: decoded.error.message, problems: [] };
  }
  const opened = openScenario(text);
  if (opened.ok) return { ok: true, scenario: opened.scenario };
  return { ok: false, message: opened.message, problems: opened.problems.slice(0, MAX_SHOWN_PROBLEMS).map(formatProblem) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function errorBox(message: string, problems: string[]): string {
  const items = problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<div class="ripple-error" role="alert"><p><strong>Ripple:</strong> ${escapeHtml(message)}</p>${items ? `<ul>${items}</ul>` : ''}</div>`;
}

/** The run at its end, or played, as a self-contained SVG (the `ripple render` picture) inside a figure. */
function svgFigure(scenario: Scenario, link: string | undefined, animated: boolean, dark: boolean): string {
  const run = simulate(scenario);
  const options = { theme: dark ? ('dark' as const) : ('light' as const), ...(link === undefined ? {} : { link }) };
  const svg = animated ? renderAnimatedSvg(scenario, run, options) : renderRunSvg(scenario, run, options);
  const open = link === undefined ? '' : `<figcaption><a href="${escapeHtmlAttribute(link)}">Open in Ripple</a></figcaption>`;
  return `<figure class="ripple-figure">${svg}${open}</figure>`;
}

/** What a fence became: HTML, and the problem if it was broken (then `html` is the error box). */
export interface RenderedFence {
  html: string;
  error?: string;
}

/**
 * Renders one `ripple` fence — its text and the words after the language (`panel=log`) — to
 * HTML: an `<iframe>` of `embed.html` carrying the scenario in its fragment, or, with
 * `render=svg`, `<figure><svg>…</svg></figure>` of the run at its end. A broken fence gives an
 * error box (`<div class="ripple-error" role="alert">`) and `error`. Never throws. For
 * Markdown hosts other than remark (VitePress's markdown-it: docs/docs-writers.md).
 */
export function renderRippleFence(text: string, metaText: string | null | undefined, options: RemarkRippleOptions = {}): RenderedFence {
  const meta = readMeta(metaText);
  const render = meta.options.render ?? options.render ?? 'embed';
  const read = readFence(text);
  if (!read.ok || meta.problems.length > 0) {
    const problems = read.ok ? meta.problems : [...meta.problems, ...read.problems];
    const message = read.ok ? 'this fence has options Ripple does not know' : read.message;
    return { html: errorBox(message, problems), error: problems.length ? `${message}: ${problems.join('; ')}` : message };
  }
  if (render !== 'embed') {
    const link = options.app ? buildShareUrl(options.app, read.scenario) : undefined;
    return { html: svgFigure(read.scenario, link, render === 'animated', meta.options.embed.theme === 'dark') };
  }
  if (!options.app) {
    const message = 'render=embed needs the plugin option `app` (where Ripple is served)';
    return { html: errorBox(message, []), error: message };
  }
  const src = embedUrl(buildShareUrl(options.app, read.scenario), meta.options.embed);
  return { html: iframeSnippet(src, read.scenario.title, meta.options.embed) };
}

/**
 * The plugin. `unified().use(remarkParse).use(remarkRipple, { app: 'https://ripple.example/' })`
 * replaces each ```` ```ripple ```` fence with raw HTML (an `html` node, see
 * `renderRippleFence`). Pass `allowDangerousHtml` on to remark-rehype / rehype-stringify (or
 * use rehype-raw) to keep it. A broken fence becomes an error box and a vfile message
 * (`file.messages`) naming the fence's line; with `failOnError` the build fails instead.
 */
export default function remarkRipple(options: RemarkRippleOptions = {}) {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'ripple' || parent === undefined || index === undefined) return;
      const rendered = renderRippleFence(node.value, node.meta, options);
      if (rendered.error !== undefined) {
        const where = node.position ? ` (line ${node.position.start.line})` : '';
        if (options.failOnError) file.fail(`ripple fence${where}: ${rendered.error}`, node);
        file.message(`ripple fence${where}: ${rendered.error}`, node);
      }
      const replacement: Html = { type: 'html', value: rendered.html };
      parent.children[index] = replacement;
    });
  };
}
