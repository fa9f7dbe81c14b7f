// The embed page's options, read from its query string (`embed.html?theme=dark&panel=log#…`).
// Docs authors write these by hand, so anything unknown or malformed falls back to the default
// instead of failing: an embed with a typo still shows its scenario.
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions, type EmbedPanel, type EmbedTheme } from '../app/share/snippets.ts';

export interface EmbedParams extends EmbedOptions {
  /** Start playing once loaded; undefined = as the link says. */
  autoplay?: boolean;
  /** Moment to open at, in virtual ms; undefined = as the link says. */
  t?: number;
  /** Echoed in every message to the host, so one listener can tell several embeds apart. */
  id?: string;
  /** `compare=1`: show a comparison link's two sides (issue #13); otherwise only its A. */
  compare?: boolean;
  /** `lesson=1`: show the link's lesson (predict, find the cause) under the graph (issue #12). */
  lesson?: boolean;
}

const THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];
const PANELS: readonly EmbedPanel[] = ['none', 'timeline', 'log'];

function flag(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  if (['', '1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  return undefined;
}

function oneOf<T extends string>(value: string | null, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value?.toLowerCase());
}

/** `parseEmbedParams('?controls=0&autoplay&t=250')` → `{ controls: false, autoplay: true, t: 250, theme: 'auto', panel: 'none' }`. */
export function parseEmbedParams(search: string): EmbedParams {
  const query = new URLSearchParams(search);
  const t = Number(query.get('t') ?? Number.NaN);
  const id = query.get('id');
  const params: EmbedParams = {
    controls: flag(query.get('controls')) ?? DEFAULT_EMBED_OPTIONS.controls,
    theme: oneOf(query.get('theme'), THEMES) ?? DEFAULT_EMBED_OPTIONS.theme,
    panel: oneOf(query.get('panel'), PANELS) ?? DEFAULT_EMBED_OPTIONS.panel,
  };
  const autoplay = flag(query.get('autoplay'));
  if (autoplay !== undefined) params.autoplay = autoplay;
  if (Number.isFinite(t) && t >= 0) params.t = t;
  if (id) params.id = id.slice(0, 200);
  if (flag(query.get('compare')) === true) params.compare = true;
  if (flag(query.get('lesson')) === true) params.lesson = true;
  return params;
}
