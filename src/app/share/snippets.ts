import { fileBase } from '../../export/file-name.ts';

// Download names come from the exporters, so the app and the CLI name files alike.
export { fileBase };

// Text the Share dialog offers to copy: the embed's address, an <iframe> snippet and Markdown.
// A scenario's title is untrusted text (it came from someone's link), so it is escaped for the
// language it lands in: HTML attributes here, Markdown link text there.

export type EmbedTheme = 'auto' | 'light' | 'dark';
export type EmbedPanel = 'none' | 'timeline' | 'log';

export interface EmbedOptions {
  /** Show the transport bar (play, step, scrubber). */
  controls: boolean;
  theme: EmbedTheme;
  panel: EmbedPanel;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { controls: true, theme: 'auto', panel: 'none' };

/**
 * The embed page's address for a share link: same folder, `embed.html`, the same fragment, and
 * the embed options in the query (only those that differ from the defaults).
 * `embedUrl('https://x.org/ripple/#v1.abc', { …, theme: 'dark' })` → `https://x.org/ripple/embed.html?theme=dark#v1.abc`.
 */
export function embedUrl(shareUrl: string, options: EmbedOptions): string {
  const share = new URL(shareUrl);
  const url = new URL('embed.html', share);
  if (!options.controls) url.searchParams.set('controls', '0');
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) url.searchParams.set('theme', options.theme);
  if (options.panel !== DEFAULT_EMBED_OPTIONS.panel) url.searchParams.set('panel', options.panel);
  url.hash = share.hash;
  return url.href;
}

/** The app's address for an embed's address: what "Open in Ripple ↗" points at. */
export function appUrlFromEmbed(embedHref: string): string {
  const embed = new URL(embedHref);
  const url = new URL('./', embed);
  url.hash = embed.hash;
  return url.href;
}

export function escapeHtmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Height that fits the canvas, the transport bar and the chosen panel without scrolling. */
export function embedHeight(options: EmbedOptions): number {
  return 360 + (options.controls ? 56 : 0) + (options.panel === 'none' ? 0 : 200);
}

/** A complete <iframe> for documentation pages. */
export function iframeSnippet(src: string, title: string, options: EmbedOptions): string {
  const label = `Ripple: ${title.trim() || 'scenario'}`;
  return (
    `<iframe src="${escapeHtmlAttribute(src)}" title="${escapeHtmlAttribute(label)}" ` +
    `width="100%" height="${embedHeight(options)}" loading="lazy" style="border:0"></iframe>`
  );
}

/** Markdown link text: brackets, emphasis and HTML-ish characters are escaped, newlines flattened. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()<>#!|~]/g, (c) => `\\${c}`);
}

/** The file name the SVG export suggests, so the Markdown image points at what the person saved. */
export function svgFileName(title: string): string {
  return `${fileBase(title)}.svg`;
}

/**
 * Markdown for READMEs and wikis: a plain link, then an image that links to the same scenario
 * for places without iframes (GitHub renders the exported SVG; commit it next to the file).
 */
export function markdownSnippet(url: string, title: string): string {
  const text = escapeMarkdownText(title) || 'Ripple scenario';
  // Parentheses in a URL would end a Markdown link early; a share link has none, but be sure.
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${text} — open in Ripple](${safeUrl})\n\n[![${text}](${svgFileName(title)})](${safeUrl})`;
}

/** The file name the animated SVG download suggests: `order-pipeline-animated.svg`. */
export function animatedSvgFileName(title: string): string {
  return `${fileBase(title)}-animated.svg`;
}

/**
 * Markdown for the animated SVG (issue #14): an image of the run playing, which links to the
 * scenario. It moves wherever Markdown shows images (a GitHub README: CSS only, no script).
 */
export function animatedMarkdownSnippet(url: string, title: string): string {
  const text = escapeMarkdownText(title) || 'Ripple scenario';
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[![${text} — the run, animated](${animatedSvgFileName(title)})](${safeUrl})`;
}
