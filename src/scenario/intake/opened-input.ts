// What a person drops, picks or pastes, turned into a scenario — or a clear reason why not.
// Recognised: a scenario JSON or YAML file, a JSON $batch request body, an SVG or PNG exported by
// Ripple (their link is in the metadata), and a share link as text. Pure: bytes and text in,
// a result out; reading a File and putting the result into the store are the app's part
// (src/app/share/open-input.ts). Imports the link decoder: load this module on demand.
import { importGraphBatch } from '../graph-batch.ts';
import { decodeScenarioLink, parseShareUrl, type DecodeResult, type LinkExtras } from '../link-codec.ts';
import { MAX_JSON_BYTES } from '../limits.ts';
import { foreignFormatMessage, openScenario, recogniseForeignFormat } from '../open-scenario.ts';
import type { Problem, Scenario } from '../types.ts';
import { readJsonText } from './json-text.ts';
import { isPng, LINK_KEYWORD, readPngText } from './png-text.ts';
import { readSvgLink } from './svg-link.ts';
import { isYamlFileName, looksLikeYaml } from './yaml.ts';

/** Images carry the drawing as well as the link, so they may be larger than a scenario file. */
export const MAX_IMAGE_BYTES = 20_000_000;

/** A scenario with its link extras and where it came from (`'SVG image'`), or why it did not open. */
export type OpenedInput =
  | { ok: true; scenario: Scenario; extras: LinkExtras; warnings: Problem[]; source: string }
  | { ok: false; message: string; problems: Problem[] };

function fail(message: string, problems: Problem[] = []): OpenedInput {
  return { ok: false, message, problems };
}

/** `formatBytes(3_000_000)` → `3.0 MB`; `950` → `950 bytes`. */
export function formatBytes(n: number): string {
  if (n < 1_000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1_000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

function fromLink(result: DecodeResult, source: string): OpenedInput {
  if (result.ok) return { ok: true, scenario: result.scenario, extras: result.extras, warnings: result.warnings, source };
  return fail(result.error.message, result.error.problems ?? []);
}

/** A share link as text: a whole URL, or just its fragment (with or without `#`). */
export function openLinkText(text: string, source = 'link'): OpenedInput {
  const link = text.trim();
  return fromLink(link.includes('#') ? parseShareUrl(link) : decodeScenarioLink(link), source);
}

function isBatchBody(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { requests?: unknown }).requests) && !('steps' in value);
}

/** A JSON $batch request body: each request becomes a step, `dependsOn` its dependencies. */
export function openBatchText(text: string): OpenedInput {
  return openBatch(text);
}

function openBatch(input: unknown): OpenedInput {
  const result = importGraphBatch(input);
  if (!result.ok) return fail(result.message, result.problems);
  const n = result.requests.length;
  return { ok: true, scenario: result.scenario, extras: {}, warnings: result.warnings, source: `JSON $batch body (${n} request${n === 1 ? '' : 's'})` };
}

function openJsonText(text: string): OpenedInput {
  const read = readJsonText(text, { what: 'scenario text' });
  if (!read.ok) return fail(read.error.message, [{ code: read.error.kind, path: '', message: read.error.message }]);
  if (isBatchBody(read.value)) return openBatch(read.value);
  const opened = openScenario(read.value);
  if (!opened.ok) return fail(opened.message, opened.problems);
  return { ok: true, scenario: opened.scenario, extras: {}, warnings: opened.warnings, source: 'scenario file' };
}

function openYamlText(text: string): OpenedInput {
  const opened = openScenario(text, { format: 'yaml' });
  if (!opened.ok) return fail(opened.message, opened.problems);
  return { ok: true, scenario: opened.scenario, extras: {}, warnings: opened.warnings, source: 'YAML scenario' };
}

function openSvgText(text: string): OpenedInput {
  const link = readSvgLink(text);
  const format = link === null ? recogniseForeignFormat(text) : null;
  if (format) return fail(foreignFormatMessage(format));
  if (link === null) return fail('This SVG carries no Ripple link: only images exported by Ripple can be opened.');
  return openLinkText(link, 'SVG image');
}

/**
 * Text of any kind Ripple reads; the first characters decide which. Never throws.
 *
 * @example
 * openText('hello') // → { ok: false, message: 'This is not something Ripple opens: …', problems: [] }
 */
export function openText(text: string, name?: string): OpenedInput {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  if (isYamlFileName(name)) return openYamlText(text);
  if (head.startsWith('<')) return openSvgText(text);
  if (head.startsWith('{') || head.startsWith('[')) return openJsonText(text);
  if (/^(https?:\/\/\S*#|#)?r\d+\./.test(head)) return openLinkText(text);
  if (looksLikeYaml(text)) return openYamlText(text);
  return fail(
    'This is not something Ripple opens: expected a scenario (.json, .yaml), a GitHub Actions workflow, an Argo Workflow, an Airflow task list, a Step Functions state machine, an OData multipart or JSON $batch body, a Ripple SVG or PNG, or a share link.',
  );
}

/** The bytes of a file: a PNG is searched for its link, anything else is read as UTF-8 text. */
export function openBytes(bytes: Uint8Array, name?: string): OpenedInput {
  if (isPng(bytes)) {
    const link = readPngText(bytes, LINK_KEYWORD);
    if (link === null) return fail('This PNG carries no Ripple link: only images exported by Ripple can be opened.');
    return openLinkText(link, 'PNG image');
  }
  return openText(new TextDecoder().decode(bytes), name);
}

/**
 * Why a file of this name, type and size (bytes) is refused before it is read, or null.
 * Scenario and batch files may be MAX_JSON_BYTES, exported images MAX_IMAGE_BYTES.
 */
export function refuseFileSize(file: { name?: string; type: string; size: number }): OpenedInput | null {
  const image = /\.(png|svg)$/i.test(file.name ?? '') || file.type === 'image/png' || file.type === 'image/svg+xml';
  const limit = image ? MAX_IMAGE_BYTES : MAX_JSON_BYTES;
  if (file.size <= limit) return null;
  return fail(
    `This file is ${formatBytes(file.size)}; Ripple opens scenario and batch files up to ${formatBytes(MAX_JSON_BYTES)} and exported images up to ${formatBytes(MAX_IMAGE_BYTES)}.`,
  );
}
