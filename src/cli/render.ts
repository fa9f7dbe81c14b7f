import { parseArgs } from 'node:util';
import { runScenario } from './run-scenario.ts';
import { renderAnimatedSvg, renderRunSvg, type RenderMoment } from '../export/render.ts';
import type { SvgTheme } from '../export/svg.ts';
import { MAX_LINK_CHARS } from '../scenario/limits.ts';
import { buildShareUrl } from '../scenario/link-codec.ts';
import { withoutAutoPositions } from '../store/auto-positions.ts';
import type { Source } from './args.ts';
import { CliError, UsageError } from './errors.ts';
import type { CliIo } from './main.ts';
import type { CliContext } from './subcommands.ts';

// `ripple render` (issue #14): the run as a picture for docs — a static SVG of one moment, an
// animated SVG that plays the run with CSS only (it moves inside a GitHub README's <img>), or
// a PNG through resvg. The drawing is src/export/render.ts's; this file reads the flags.

export const RENDER_HELP = `ripple render FILE|--preset NAME [--at end|MS] [--theme light|dark] [--animate]
                                [--format svg|png] [--out OUT] [--base URL]

Draws the run as the app's canvas does (same layout, states, 424 labels) with a legend, as a
self-contained SVG: no scripts, no external fonts or links. The SVG carries the scenario's
share link in its metadata, so dropping it on the app reopens the scenario.

  --at end|MS      the moment drawn: the end of the run (default) or MS milliseconds into it
  --theme T        light (default) or dark
  --animate        an SVG that plays the run on a loop with CSS keyframes (no script), pausing
                   on the end; with prefers-reduced-motion it shows the end only
  --format F       svg (default) or png (the static picture, rasterized by resvg; needs --out)
  --out OUT        write to the file OUT instead of standard output
  --base URL       the app's address for the link (default: $RIPPLE_BASE_URL, else
                   http://localhost:5173/)

Example: ripple render --preset payment-fails --animate --out docs/payment-fails.svg

Exit status: 0 when the picture was written, 2 for invalid input, 1 for anything else.`;

export interface RenderCommand {
  source: Source;
  at: RenderMoment;
  theme: SvgTheme;
  animate: boolean;
  format: 'svg' | 'png';
  out?: string;
  base?: string;
}

/**
 * `parseRender(['--preset', 'payment-fails', '--at', '120'])` →
 * `{ source: { kind: 'preset', name: 'payment-fails' }, at: 120, theme: 'light', animate: false, format: 'svg' }`.
 * Throws UsageError with a one-line message.
 */
export function parseRender(argv: readonly string[]): RenderCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        preset: { type: 'string' },
        at: { type: 'string' },
        theme: { type: 'string' },
        animate: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        base: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0];
  if (file !== undefined && v.preset !== undefined) throw new UsageError('give either FILE or --preset NAME, not both');
  if (file === undefined && v.preset === undefined) throw new UsageError('no scenario: give a FILE or --preset NAME (try "ripple render --help")');
  const source: Source = v.preset !== undefined ? { kind: 'preset', name: v.preset } : { kind: 'file', path: file! };

  let at: RenderMoment = 'end';
  if (v.at !== undefined && v.at !== 'end') {
    if (!/^\d+(\.\d+)?$/.test(v.at)) throw new UsageError(`--at: expected "end" or a number of milliseconds, got "${v.at}"`);
    at = Number(v.at);
  }
  const theme = v.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme: expected light or dark, got "${theme}"`);
  const format = v.format ?? 'svg';
  if (format !== 'svg' && format !== 'png') throw new UsageError(`--format: expected svg or png, got "${format}"`);
  const animate = Boolean(v.animate);
  if (animate && v.at !== undefined) throw new UsageError('--at draws one moment; --animate plays the whole run: give one of them');
  if (animate && format === 'png') throw new UsageError('a PNG cannot move: drop --animate, or use --format svg');
  if (format === 'png' && v.out === undefined) throw new UsageError('--format png writes a binary file: give --out FILE.png');
  if (v.out === '') throw new UsageError('--out needs a file name');
  return { source, at, theme, animate, format, ...(v.out !== undefined ? { out: v.out } : {}), ...(v.base !== undefined ? { base: v.base } : {}) };
}

/** Runs `ripple render …`: the picture to standard output or `--out`. */
export async function renderCommand(argv: readonly string[], io: CliIo, cli: CliContext): Promise<void> {
  const command = parseRender(argv);
  const scenario = cli.loadScenario(command.source, io);
  const run = runScenario(scenario);
  const base = cli.checkedBase(command.base ?? cli.defaultBase(io));
  const atMs = command.at === 'end' || command.animate ? run.durationMs : Math.min(command.at, run.durationMs);
  const url = buildShareUrl(base, withoutAutoPositions(scenario), { at: atMs });
  // As `--export svg`: a link longer than the app's gate opens is left out.
  const fits = url.length - url.indexOf('#') - 1 <= MAX_LINK_CHARS;
  if (!fits) io.stderr('warning: the scenario is too large for a link; the picture carries none\n');
  const options = { theme: command.theme, ...(fits ? { link: url } : {}) };
  const svg = command.animate ? renderAnimatedSvg(scenario, run, options) : renderRunSvg(scenario, run, { ...options, at: command.at });

  if (command.format === 'png') {
    const png = await rasterize(svg);
    write(command.out!, () => {
      if (!io.writeBytes) throw new Error('this output cannot take binary data');
      io.writeBytes(command.out!, png);
    });
    return;
  }
  if (command.out === undefined) {
    io.stdout(svg);
    return;
  }
  write(command.out, () => io.writeFile(command.out!, svg));
}

function write(path: string, doWrite: () => void): void {
  try {
    doWrite();
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** SVG → PNG at twice the size, through resvg (loaded only for --format png), with the system's fonts. */
async function rasterize(svg: string): Promise<Uint8Array> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (error) {
    throw new CliError(`--format png needs @resvg/resvg-js, which is not installed here (${error instanceof Error ? error.message : String(error)}); use --format svg`);
  }
  const image = new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'zoom', value: 2 } }).render();
  return image.asPng();
}
