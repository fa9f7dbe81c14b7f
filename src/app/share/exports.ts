// The Export menu's work: the run in the batch formats and as a trace, the graph as SVG and
// PNG. The converters are pure (src/export); this file picks the run, names the files and
// hands the bytes to the browser. Nothing here makes a network request.
import type { RunResult } from '../../engine/types.ts';
import { simulate } from '../../engine/index.ts';
import { exportFile, type ExportedFile, type ExportKind } from '../../export/export-file.ts';
import { selectCurrentSegment, selectLiveStates } from '../../store/selectors.ts';
import type { RippleState } from '../../store/store.ts';
import { downloadBlob, downloadText } from './download.ts';
import { makeShareUrl } from './share-url.ts';
import { addPngText, LINK_KEYWORD } from './png-text.ts';
import { animatedSvgFileName, fileBase } from './snippets.ts';
import { renderAnimatedSvg } from '../../export/render.ts';
import type { SvgTheme } from '../../export/svg.ts';
import { dialectExportFile, type DialectExportFormat } from '../../export/dialects/index.ts';

/**
 * The run the exports describe: the run or replay under the cursor when it was made from the
 * scenario as it is now, otherwise a fresh simulation (exports never describe a stale run).
 */
export function runForExport(state: RippleState): RunResult {
  const segment = selectCurrentSegment(state);
  if (segment && segment.scenario === state.scenario) return segment.result;
  return simulate(state.scenario);
}

/**
 * The file a run export downloads: `exportFile` from src/export, the very function
 * `npm run simulate -- --export KIND` calls, so both give the same bytes.
 */
export function runExport(state: RippleState, kind: Exclude<ExportKind, 'svg'>): ExportedFile {
  return exportFile(kind, { scenario: state.scenario, run: runForExport(state) });
}

function download(file: ExportedFile): void {
  downloadText(file.text, file.filename, file.mime);
}

export function exportBatchResponse(state: RippleState): void {
  download(runExport(state, 'graph-batch'));
}

export function exportWebDav(state: RippleState): void {
  download(runExport(state, 'webdav'));
}

export function exportChromeTrace(state: RippleState): void {
  download(runExport(state, 'chrome-trace'));
}

/** The link an image carries: at the moment shown when there is a run, so the image reopens as drawn. */
function imageLink(state: RippleState): string | undefined {
  const hasRun = state.timeline.length > 0;
  const link = makeShareUrl(state.scenario, hasRun ? { at: state.time, ...(state.selectedStepId ? { select: state.selectedStepId } : {}) } : {});
  return link.ok ? link.url : undefined;
}

/** The graph at the moment shown (the design when there is no run), with its link in the metadata. */
export function svgForExport(state: RippleState): { svg: string; link: string | undefined; file: ExportedFile } {
  const link = imageLink(state);
  const states = state.timeline.length > 0 ? (selectLiveStates(state) ?? null) : null;
  const file = exportFile('svg', { scenario: state.scenario, states, ...(link ? { link } : {}) });
  return { svg: file.text, link, file };
}

/**
 * Downloads the scenario as `format`'s own file (issue #11, export back), the bytes
 * `ripple export --format` writes. Returns the warnings (what the file leaves out or
 * approximates); throws with the reason when the system cannot say the scenario's conditions.
 */
export function exportForOrchestrator(state: RippleState, format: DialectExportFormat): string[] {
  const file = dialectExportFile(format, state.scenario);
  if (!file.ok) throw new Error(file.message);
  downloadText(file.text, file.filename, file.mime);
  return file.warnings;
}

export function exportSvg(state: RippleState): void {
  download(svgForExport(state).file);
}

/**
 * The run played as an animated SVG (CSS keyframes, no script), as `ripple render --animate`
 * draws it, with the scenario's link (at the run's end) in its metadata.
 */
export function animatedSvgForExport(state: RippleState, theme: SvgTheme): ExportedFile {
  const run = runForExport(state);
  const link = makeShareUrl(state.scenario, { at: run.durationMs });
  const text = renderAnimatedSvg(state.scenario, run, { theme, ...(link.ok ? { link: link.url } : {}) });
  return { filename: animatedSvgFileName(state.scenario.title), mime: 'image/svg+xml', text };
}

export function exportAnimatedSvg(state: RippleState, theme: SvgTheme): void {
  download(animatedSvgForExport(state, theme));
}

// Chromium refuses canvases above about 16k pixels a side or 268M pixels in all; stay well under.
const MAX_SIDE = 16_000;
const MAX_PIXELS = 100_000_000;

/** The scale to draw at: 2× unless that would pass the browser's canvas limits. */
export function pngScale(width: number, height: number, wanted = 2): number {
  const bySide = MAX_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_PIXELS / Math.max(width * height, 1));
  return Math.min(wanted, bySide, byArea);
}

/** Draws an SVG text onto a canvas at `scale` and returns the PNG bytes. */
export async function svgToPng(svg: string, scale: number): Promise<{ bytes: Uint8Array; scale: number }> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || 800;
    const height = image.naturalHeight || 600;
    const used = pngScale(width, height, scale);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * used));
    canvas.height = Math.max(1, Math.round(height * used));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The browser could not encode the PNG.');
    return { bytes: new Uint8Array(await blob.arrayBuffer()), scale: used };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PNG at 2× with the scenario link in a tEXt chunk, so the image can be dropped back onto Ripple. */
export async function exportPng(state: RippleState): Promise<{ scale: number }> {
  const { svg, link } = svgForExport(state);
  const { bytes, scale } = await svgToPng(svg, 2);
  const withLink = link ? addPngText(bytes, LINK_KEYWORD, link) : bytes;
  downloadBlob(new Blob([withLink as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `${fileBase(state.scenario.title)}.png`);
  return { scale };
}
