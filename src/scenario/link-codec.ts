// Share links: the whole scenario in the URL fragment (never sent to a server).
//
// A link is `r1.` or `r2.` + a frame (src/scenario/link/framing.ts: base64url, varint length, CRCs,
// bounded inflate) around the compact layout (src/scenario/link/compact.ts: one table of
// fields per record). The decoded scenario goes through the gate (`openScenario`), then
// `canonicalScenario`, so decodeScenarioLink(encodeScenarioLink(s)).scenario deep-equals
// canonicalScenario(s).
import type { Problem, Scenario } from './types.ts';
import { MAX_STEPS } from './limits.ts';
import { canonicalScenario } from './canonical.ts';
import { openScenarioValue as openScenario, problemCount } from './open-value.ts';
import { INTERNAL_ERROR_PREFIX, validate, versionTwoFields } from './validate.ts';
import { formatCount, formatProblem } from './text.ts';
import { COPY_WHOLE, frame, unframe } from './link/framing.ts';
import { Malformed, fromCompact, readExtras, toCompact, type LinkExtras } from './link/compact.ts';

export { LINK_FORMAT, LINK_PREFIX, OLDEST_LINK_FORMAT, inflateLimited } from './link/framing.ts';
export type { Inflated } from './link/framing.ts';
export type { LinkExtras } from './link/compact.ts';

export type LinkErrorKind = 'truncated' | 'unknown-version' | 'newer-version' | 'too-large' | 'corrupt' | 'invalid';

export interface LinkError {
  kind: LinkErrorKind;
  /** A plain sentence for the recovery screen. */
  message: string;
  /** For `invalid`: every problem of the scenario, with its path. */
  problems?: Problem[];
  /** For `invalid`: the decoded scenario JSON, so the person can still copy the raw text. */
  text?: string;
}

export type DecodeResult =
  | { ok: true; scenario: Scenario; extras: LinkExtras; warnings: Problem[] }
  | { ok: false; error: LinkError };

/**
 * For tests and the fuzzer only: wraps any payload text in a well-formed frame (r1 unless
 * `format` says otherwise), so that hostile payloads (wrong types, deep nesting, bombs) reach
 * the layers behind the checksum.
 */
export function frameLinkPayload(payload: string, format: 1 | 2 = 1): string {
  return frame(payload, format);
}

/**
 * Encodes a valid scenario as a share-link fragment (without `#`). The scenario is carried in
 * canonical form, in link format r1 when it uses no version-2 field (so older Ripples open it,
 * and the link is as short as before) and r2 otherwise. Throws a TypeError for an invalid scenario and a RangeError for bad extras:
 * those are programming errors (validate first) — untrusted input never reaches here.
 *
 * @example
 * encodeScenarioLink(scenario, { at: 550, select: 'charge-card' }) // → 'r1.DcxBCs…'
 */
export function encodeScenarioLink(scenario: Scenario, extras: LinkExtras = {}): string {
  const checked = validate(scenario);
  if (!checked.ok) {
    const first = checked.problems.slice(0, 3).map(formatProblem).join('; ');
    throw new TypeError(`encodeScenarioLink: the scenario is not valid (${first}${checked.problems.length > 3 ? '; …' : ''})`);
  }
  const canonical = canonicalScenario(checked.scenario);
  const format = versionTwoFields(canonical as unknown as Record<string, unknown>).length === 0 ? 1 : 2;
  return frame(JSON.stringify(toCompact(canonical, extras)), format);
}

// ---------------------------------------------------------------------------------------------
// Decoding

function failure(kind: LinkErrorKind, message: string, extra: Partial<LinkError> = {}): DecodeResult {
  return { ok: false, error: { kind, message, ...extra } };
}

/**
 * Decodes a share-link fragment (with or without the leading `#`, or a whole URL) through
 * the gate. Never throws: every failure is a typed error whose message can be shown as is.
 *
 * @example
 * decodeScenarioLink('r1.Dc') // → { ok: false, error: { kind: 'truncated', message: 'This link ends 5 characters after the #, inside its header. …' } }
 */
export function decodeScenarioLink(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch (error) {
    return failure('corrupt', `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

function decode(input: string): DecodeResult {
  if (typeof input !== 'string') return failure('corrupt', 'A link must be text.');
  const unframed = unframe(input);
  if (!unframed.ok) return failure(unframed.error.kind, unframed.error.message);
  const json = unframed.payload;
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return failure('corrupt', 'The link is damaged: its content is not readable data.');
  }

  let compact: ReturnType<typeof fromCompact>;
  try {
    compact = fromCompact(root, unframed.format);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return failure('corrupt', `The link's content is not a Ripple scenario (${error.message}).`);
  }
  if (compact.stepCount > MAX_STEPS) {
    return failure('too-large', `The link's scenario has ${formatCount(compact.stepCount)} steps; Ripple opens at most ${formatCount(MAX_STEPS)}.`);
  }

  const opened = openScenario(compact.doc);
  if (!opened.ok) {
    switch (opened.kind) {
      case 'too-large':
      case 'newer-version':
      case 'unknown-version':
        return failure(opened.kind, opened.message, { problems: opened.problems });
      case 'not-json':
      case 'not-yaml':
        return failure('corrupt', opened.message);
      case 'invalid':
        return failure('invalid', `The link's scenario is not valid: ${problemCount(opened.count)}.`, {
          problems: opened.problems,
          text: rawText(compact.doc),
        });
    }
  }
  const warnings = [...opened.warnings];
  const extras = readExtras(compact.extras, opened.scenario.steps, warnings);
  return { ok: true, scenario: canonicalScenario(opened.scenario), extras, warnings };
}

/** Whether `value` nests no deeper than `limit` (iterative: hostile depth cannot overflow). */
function shallow(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * The decoded document as JSON for "copy the raw text", indented. Left out when the document
 * nests deeper than any scenario can: indenting hostile depth costs quadratic time, and
 * serialising it at all may overflow the stack.
 */
function rawText(doc: unknown): string | undefined {
  if (!shallow(doc, 8)) return undefined;
  try {
    return JSON.stringify(doc, null, 2);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Whole URLs

/**
 * `buildShareUrl('https://ripple.example/app/', s, { at: 120 })` →
 * `https://ripple.example/app/#r1.…` (any fragment already on `base` is replaced).
 */
export function buildShareUrl(base: string, scenario: Scenario, extras: LinkExtras = {}): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeScenarioLink(scenario, extras)}`;
}

/** Decodes the scenario carried by a whole share URL. Never throws. */
export function parseShareUrl(url: string): DecodeResult {
  if (typeof url !== 'string') return failure('corrupt', 'A link must be text.');
  const hash = url.indexOf('#');
  if (hash < 0) {
    return failure('truncated', `This address holds no scenario (nothing follows "#"). ${COPY_WHOLE}`);
  }
  return decodeScenarioLink(url.slice(hash + 1));
}
