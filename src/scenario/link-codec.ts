// Share links: the whole scenario in the URL fragment (never sent to a server).
//
// Format `r1` (the fragment, without `#`):
//
//   r1.<base64url(frame)>
//   frame   = varint(N) · crc8(varint) · deflated[N] · crc32(deflated), big-endian
//   payload = UTF-8 JSON of the compact layout below, raw-deflated (fflate, level 9)
//
// - `r1.` is the link format version. Every format ever shipped keeps its decoder, so old links
//   keep opening; `r2.`… says "made by a newer Ripple" instead of failing obscurely.
// - N (the deflated length) lets a cut link be told apart from a damaged one: fewer bytes
//   than announced is `truncated` ("ask the sender to copy the whole link"); a header that
//   fails its CRC-8, deflated bytes that fail their CRC-32 (so no flipped bit goes unnoticed,
//   not even one deflate would ignore), bad base64 or bad deflate is `corrupt`.
// - Inflating stops as soon as the output passes MAX_DECOMPRESSED_BYTES (no decompression
//   bombs); links over MAX_LINK_CHARS are refused before any decoding.
// - The decoded scenario goes through the gate (`openScenario`), then `canonicalScenario`, so
//   decodeScenarioLink(encodeScenarioLink(s)).scenario deep-equals canonicalScenario(s).
//
// Compact layout of r1 (a JSON array; trailing absent parts are left out, absent parts
// before a present one are written 0):
//
//   [title, steps, deps, ons, description, policy, extras]
//   steps   step | "id" (a step with nothing but an id)
//   step    [id, mask, ...values in bit order]
//           1 position [x, y]      2 label        4 request      8 durationMs
//           16 fail                32 retry       64 timeoutMs   128 compensation
//           256 idempotent: false (no value)      512 join: "any" (no value)
//           1024 produces [names]  2048 consumes [names]
//   fail    status (a number) | [mask, ...]: 1 status, 2 timeout: true (no value), 4 message, 8 times
//   retry   [maxAttempts, delayMs, factor], trailing defaults left out (1, 0, 1 fill the gaps)
//   compensation  0 (default handler) | [mask, ...]: 1 label, 2 durationMs, 4 fail (status | [status, message])
//   deps    flat step indices [from0, to0, from1, to1, …]
//   ons     flat [dependencyIndex, 1 = "failure" | 2 = "always", …] for dependencies not on "success"
//   policy  [mask, concurrency?]: 1 failFast: false, 2 onFailure: "abort", 4 compensation: "saga",
//           8 retryMode: "naive", 16 concurrency (value follows)
//   extras  [mask, ...]: 1 at (virtual ms), 2 select (step index), 4 play (no value)
//
// `extras.at` is a moment of the run in virtual milliseconds (the state after every event at
// or before that time), not an event index: it means the same thing whatever events a later
// engine emits, and it is what a person reads off the timeline.
import { Inflate, deflateSync } from 'fflate';
import type { CompensationSpec, Dependency, FailSpec, Policy, Problem, RetrySpec, Scenario, Step } from './types.ts';
import { SCENARIO_VERSION } from './types.ts';
import { MAX_DECOMPRESSED_BYTES, MAX_LINK_CHARS, MAX_STEPS } from './limits.ts';
import { canonicalScenario } from './canonical.ts';
import { openScenario, problemCount } from './open-scenario.ts';
import { INTERNAL_ERROR_PREFIX, validate } from './validate.ts';
import { crc32, crc8, fromBase64Url, readVarint, toBase64Url, utf8Decode, utf8Encode, writeVarint } from './bytes.ts';
import { formatCount, formatProblem } from './text.ts';

/** The link format this Ripple writes. */
export const LINK_FORMAT = 1;
export const LINK_PREFIX = `r${LINK_FORMAT}.`;

/** Optional parts of a link: a moment of the run, a selected step, and whether to play. */
export interface LinkExtras {
  /** Virtual time in ms to open the run at (≥ 0). */
  at?: number;
  /** Id of the step to select. */
  select?: string;
  /** Start playing on open. */
  play?: boolean;
}

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

// ---------------------------------------------------------------------------------------------
// Encoding

const ON_CODES = { success: 0, failure: 1, always: 2 } as const;
const ON_NAMES = ['success', 'failure', 'always'] as const;

function encodeFail(f: FailSpec): unknown {
  if (f.status !== undefined && f.timeout === undefined && f.message === undefined && f.times === undefined) return f.status;
  const out: unknown[] = [0];
  let mask = 0;
  if (f.status !== undefined) {
    mask |= 1;
    out.push(f.status);
  }
  if (f.timeout === true) mask |= 2;
  if (f.message !== undefined) {
    mask |= 4;
    out.push(f.message);
  }
  if (f.times !== undefined) {
    mask |= 8;
    out.push(f.times);
  }
  out[0] = mask;
  return out;
}

function encodeRetry(r: RetrySpec): unknown[] {
  const out = [r.maxAttempts ?? 1, r.delayMs ?? 0, r.factor ?? 1];
  while (out.length > 0 && out[out.length - 1] === [1, 0, 1][out.length - 1]) out.pop();
  return out;
}

function encodeCompensation(k: CompensationSpec): unknown {
  const out: unknown[] = [0];
  let mask = 0;
  if (k.label !== undefined) {
    mask |= 1;
    out.push(k.label);
  }
  if (k.durationMs !== undefined) {
    mask |= 2;
    out.push(k.durationMs);
  }
  if (k.fail) {
    mask |= 4;
    out.push(k.fail.message === undefined ? k.fail.status : [k.fail.status, k.fail.message]);
  }
  if (mask === 0) return 0;
  out[0] = mask;
  return out;
}

function encodeStep(s: Step): unknown {
  const values: unknown[] = [];
  let mask = 0;
  if (s.position) {
    mask |= 1;
    values.push([s.position.x, s.position.y]);
  }
  if (s.label !== undefined) {
    mask |= 2;
    values.push(s.label);
  }
  if (s.request !== undefined) {
    mask |= 4;
    values.push(s.request);
  }
  if (s.durationMs !== undefined) {
    mask |= 8;
    values.push(s.durationMs);
  }
  if (s.fail) {
    mask |= 16;
    values.push(encodeFail(s.fail));
  }
  if (s.retry) {
    mask |= 32;
    values.push(encodeRetry(s.retry));
  }
  if (s.timeoutMs !== undefined) {
    mask |= 64;
    values.push(s.timeoutMs);
  }
  if (s.compensation) {
    mask |= 128;
    values.push(encodeCompensation(s.compensation));
  }
  if (s.idempotent === false) mask |= 256;
  if (s.join === 'any') mask |= 512;
  if (s.produces) {
    mask |= 1024;
    values.push(s.produces);
  }
  if (s.consumes) {
    mask |= 2048;
    values.push(s.consumes);
  }
  return mask === 0 ? s.id : [s.id, mask, ...values];
}

function encodePolicy(p: Partial<Policy> | undefined): unknown {
  if (!p) return 0;
  let mask = 0;
  if (p.failFast === false) mask |= 1;
  if (p.onFailure === 'abort') mask |= 2;
  if (p.compensation === 'saga') mask |= 4;
  if (p.retryMode === 'naive') mask |= 8;
  if (p.concurrency !== undefined) return [mask | 16, p.concurrency];
  return [mask];
}

function encodeExtras(extras: LinkExtras, indexOf: Map<string, number>): unknown {
  const out: unknown[] = [0];
  let mask = 0;
  if (extras.at !== undefined) {
    if (typeof extras.at !== 'number' || !Number.isFinite(extras.at) || extras.at < 0) {
      throw new RangeError(`encodeScenarioLink: extras.at must be a virtual time in ms ≥ 0, got ${String(extras.at)}`);
    }
    mask |= 1;
    out.push(extras.at === 0 ? 0 : extras.at);
  }
  if (extras.select !== undefined) {
    const i = indexOf.get(extras.select);
    if (i === undefined) throw new RangeError(`encodeScenarioLink: extras.select names no step ("${extras.select}")`);
    mask |= 2;
    out.push(i);
  }
  if (extras.play === true) mask |= 4;
  out[0] = mask;
  return mask === 0 ? 0 : out;
}

/** The compact layout (see the file comment) of a canonical scenario. */
function toCompact(s: Scenario, extras: LinkExtras): unknown[] {
  const indexOf = new Map<string, number>();
  s.steps.forEach((step, i) => indexOf.set(step.id, i));
  const deps: number[] = [];
  const ons: number[] = [];
  s.dependencies.forEach((d, i) => {
    deps.push(indexOf.get(d.from) as number, indexOf.get(d.to) as number);
    const code = ON_CODES[d.on ?? 'success'];
    if (code !== 0) ons.push(i, code);
  });
  const out: unknown[] = [
    s.title,
    s.steps.map(encodeStep),
    deps,
    ons.length > 0 ? ons : 0,
    s.description ?? 0,
    encodePolicy(s.policy),
    encodeExtras(extras, indexOf),
  ];
  while (out.length > 3 && out[out.length - 1] === 0) out.pop();
  return out;
}

/** Frames a payload text: varint length, CRC-8 of it, deflated bytes, CRC-32 of those bytes. */
function frame(payload: string): string {
  const raw = utf8Encode(payload);
  const deflated = deflateSync(raw, { level: 9 });
  const length = writeVarint(deflated.length);
  const bytes = new Uint8Array(length.length + 1 + deflated.length + 4);
  bytes.set(length, 0);
  bytes[length.length] = crc8(length);
  bytes.set(deflated, length.length + 1);
  const sum = crc32(deflated);
  const end = bytes.length - 4;
  bytes[end] = sum >>> 24;
  bytes[end + 1] = (sum >>> 16) & 255;
  bytes[end + 2] = (sum >>> 8) & 255;
  bytes[end + 3] = sum & 255;
  return LINK_PREFIX + toBase64Url(bytes);
}

/**
 * For tests and the fuzzer only: wraps any payload text in a well-formed r1 frame, so that
 * hostile payloads (wrong types, deep nesting, bombs) reach the layers behind the checksum.
 */
export function frameLinkPayload(payload: string): string {
  return frame(payload);
}

/**
 * Encodes a valid scenario as a share-link fragment (without `#`). The scenario is carried in
 * canonical form. Throws a TypeError for an invalid scenario and a RangeError for bad extras:
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
  return frame(JSON.stringify(toCompact(canonicalScenario(checked.scenario), extras)));
}

// ---------------------------------------------------------------------------------------------
// Decoding

const COPY_WHOLE = 'Ask the sender to copy the whole link — some apps cut long links short.';

function failure(kind: LinkErrorKind, message: string, extra: Partial<LinkError> = {}): DecodeResult {
  return { ok: false, error: { kind, message, ...extra } };
}

/** Thrown inside the compact reader only; caught at its boundary and turned into `corrupt`. */
class Malformed extends Error {}

function malformed(where: string, expected: string): never {
  throw new Malformed(`${where}: expected ${expected}`);
}

function arrayAt(v: unknown, where: string): unknown[] {
  return Array.isArray(v) ? v : malformed(where, 'a list');
}

function maskAt(v: unknown, where: string, bits: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= 1 << bits) malformed(where, `a flag number below ${1 << bits}`);
  return v;
}

function indexAt(v: unknown, where: string, count: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= count) malformed(where, `a step index below ${count}`);
  return v;
}

/** Reads values in flag order from a masked record `[mask, ...values]` starting at `from`. */
class Cursor {
  private i: number;
  constructor(
    private readonly list: unknown[],
    from: number,
    private readonly where: string,
  ) {
    this.i = from;
  }
  next(): unknown {
    if (this.i >= this.list.length) malformed(this.where, 'more values for its flags');
    return this.list[this.i++];
  }
  done(): void {
    if (this.i !== this.list.length) malformed(this.where, 'no values beyond its flags');
  }
}

function readFail(v: unknown, where: string): FailSpec {
  if (typeof v === 'number') return { status: v };
  const list = arrayAt(v, where);
  const mask = maskAt(list[0], where, 4);
  const c = new Cursor(list, 1, where);
  const out: FailSpec = {};
  if (mask & 1) out.status = c.next() as number;
  if (mask & 2) out.timeout = true;
  if (mask & 4) out.message = c.next() as string;
  if (mask & 8) out.times = c.next() as number;
  c.done();
  return out;
}

function readRetry(v: unknown, where: string): RetrySpec {
  const list = arrayAt(v, where);
  if (list.length > 3) malformed(where, 'at most 3 values');
  const out: RetrySpec = {};
  if (list.length > 0) out.maxAttempts = list[0] as number;
  if (list.length > 1) out.delayMs = list[1] as number;
  if (list.length > 2) out.factor = list[2] as number;
  return out;
}

function readCompensation(v: unknown, where: string): CompensationSpec {
  if (v === 0) return {};
  const list = arrayAt(v, where);
  const mask = maskAt(list[0], where, 3);
  const c = new Cursor(list, 1, where);
  const out: CompensationSpec = {};
  if (mask & 1) out.label = c.next() as string;
  if (mask & 2) out.durationMs = c.next() as number;
  if (mask & 4) {
    const f = c.next();
    if (typeof f === 'number') out.fail = { status: f };
    else {
      const pair = arrayAt(f, `${where}.fail`);
      if (pair.length !== 2) malformed(`${where}.fail`, '[status, message]');
      out.fail = { status: pair[0] as number, message: pair[1] as string };
    }
  }
  c.done();
  return out;
}

function readStep(v: unknown, where: string): Step {
  if (typeof v === 'string') return { id: v };
  const list = arrayAt(v, where);
  const mask = maskAt(list[1], where, 12);
  const c = new Cursor(list, 2, where);
  const out: Step = { id: list[0] as string };
  if (mask & 1) {
    const p = arrayAt(c.next(), `${where}.position`);
    if (p.length !== 2) malformed(`${where}.position`, '[x, y]');
    out.position = { x: p[0] as number, y: p[1] as number };
  }
  if (mask & 2) out.label = c.next() as string;
  if (mask & 4) out.request = c.next() as string;
  if (mask & 8) out.durationMs = c.next() as number;
  if (mask & 16) out.fail = readFail(c.next(), `${where}.fail`);
  if (mask & 32) out.retry = readRetry(c.next(), `${where}.retry`);
  if (mask & 64) out.timeoutMs = c.next() as number;
  if (mask & 128) out.compensation = readCompensation(c.next(), `${where}.compensation`);
  if (mask & 256) out.idempotent = false;
  if (mask & 512) out.join = 'any';
  if (mask & 1024) out.produces = c.next() as string[];
  if (mask & 2048) out.consumes = c.next() as string[];
  c.done();
  return out;
}

function readPolicy(v: unknown): Partial<Policy> | undefined {
  if (v === 0 || v === undefined) return undefined;
  const list = arrayAt(v, 'policy');
  const mask = maskAt(list[0], 'policy', 5);
  const out: Partial<Policy> = {};
  if (mask & 1) out.failFast = false;
  if (mask & 2) out.onFailure = 'abort';
  if (mask & 4) out.compensation = 'saga';
  if (mask & 8) out.retryMode = 'naive';
  if (mask & 16) out.concurrency = list[1] as number;
  if (list.length !== (mask & 16 ? 2 : 1)) malformed('policy', 'no values beyond its flags');
  return out;
}

/**
 * The compact layout back to a scenario document (still unvalidated: the gate checks it).
 * Leaf values are passed through as they are, so the gate names their real paths.
 */
function fromCompact(root: unknown): { doc: Record<string, unknown>; extras: unknown; stepCount: number } {
  const top = arrayAt(root, 'the link payload');
  if (top.length < 3 || top.length > 7) malformed('the link payload', 'a list of 3 to 7 parts');
  const rawSteps = arrayAt(top[1], 'steps');
  if (rawSteps.length > MAX_STEPS) return { doc: { steps: rawSteps }, extras: 0, stepCount: rawSteps.length };
  const steps = rawSteps.map((s, i) => readStep(s, `steps[${i}]`));
  const rawDeps = arrayAt(top[2], 'dependencies');
  if (rawDeps.length % 2 !== 0) malformed('dependencies', 'pairs of step indices');
  const dependencies: Dependency[] = [];
  for (let i = 0; i < rawDeps.length; i += 2) {
    const where = `dependencies[${i / 2}]`;
    const from = indexAt(rawDeps[i], where, steps.length);
    const to = indexAt(rawDeps[i + 1], where, steps.length);
    dependencies.push({ from: steps[from].id, to: steps[to].id });
  }
  if (top[3] !== undefined && top[3] !== 0) {
    const ons = arrayAt(top[3], 'dependency conditions');
    if (ons.length % 2 !== 0) malformed('dependency conditions', 'pairs');
    for (let i = 0; i < ons.length; i += 2) {
      const d = indexAt(ons[i], 'dependency conditions', dependencies.length);
      const code = ons[i + 1];
      if (code !== 1 && code !== 2) malformed('dependency conditions', '1 (failure) or 2 (always)');
      dependencies[d].on = ON_NAMES[code];
    }
  }
  const doc: Record<string, unknown> = { version: SCENARIO_VERSION, title: top[0] };
  if (top[4] !== undefined && top[4] !== 0) doc.description = top[4];
  const policy = readPolicy(top[5]);
  if (policy) doc.policy = policy;
  doc.steps = steps;
  doc.dependencies = dependencies;
  return { doc, extras: top[6], stepCount: steps.length };
}

function readExtras(v: unknown, steps: Step[], warnings: Problem[]): LinkExtras {
  const extras: LinkExtras = {};
  if (v === undefined || v === 0) return extras;
  if (!Array.isArray(v) || typeof v[0] !== 'number' || !Number.isInteger(v[0]) || v[0] < 0 || v[0] > 7) {
    warnings.push({ code: 'ignored', path: 'extras', message: 'the link\'s moment and selection could not be read and were ignored' });
    return extras;
  }
  const mask = v[0];
  let i = 1;
  if (mask & 1) {
    const at = v[i];
    i++;
    if (typeof at === 'number' && Number.isFinite(at) && at >= 0) extras.at = at;
    else warnings.push({ code: 'ignored', path: 'extras.at', message: 'the moment to open at is not a time in ms ≥ 0 and was ignored' });
  }
  if (mask & 2) {
    const sel = v[i];
    if (typeof sel === 'number' && Number.isInteger(sel) && sel >= 0 && sel < steps.length) extras.select = steps[sel].id;
    else warnings.push({ code: 'ignored', path: 'extras.select', message: 'the selected step does not exist and was ignored' });
  }
  if (mask & 4) extras.play = true;
  return extras;
}

/** On failure, `inflated` is how many bytes came out before inflating stopped. */
type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; kind: 'too-large' | 'corrupt'; message: string; inflated: number };

/** Raw inflate that stops as soon as the output passes `limit` bytes. */
export function inflateLimited(data: Uint8Array, limit: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) {
      over = true;
      throw new Malformed('limit');
    }
    chunks.push(chunk);
  });
  // Small input slices bound how far one push can overshoot the limit (deflate expands at
  // most ~1032×, so 512 bytes in can never be more than ~0.5 MB out).
  const SLICE = 512;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) {
      const end = Math.min(i + SLICE, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (error) {
    if (over) {
      return {
        ok: false,
        kind: 'too-large',
        message: `The link's scenario is larger than ${formatCount(limit)} bytes once unpacked; Ripple opens at most 1 MB.`,
        inflated: total,
      };
    }
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, kind: 'corrupt', message: `The link is damaged: its compressed data cannot be unpacked (${detail}).`, inflated: total };
  }
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes };
}

/**
 * Decodes a share-link fragment (with or without the leading `#`, or a whole URL) through
 * the gate. Never throws: every failure is a typed error whose message can be shown as is.
 *
 * @example
 * decodeScenarioLink('r1.DcxB') // → { ok: false, error: { kind: 'truncated', message: 'This link is cut off …' } }
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
  if (input.length > MAX_LINK_CHARS * 2) {
    return failure('too-large', `This link is ${formatCount(input.length)} characters long; Ripple opens links of at most ${formatCount(MAX_LINK_CHARS)}.`);
  }
  const hash = input.indexOf('#');
  let text = (hash >= 0 ? input.slice(hash + 1) : input).trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return failure('corrupt', 'The link is damaged: it contains a broken %-escape.');
    }
  }
  if (text.length > MAX_LINK_CHARS) {
    return failure('too-large', `This link is ${formatCount(text.length)} characters long; Ripple opens links of at most ${formatCount(MAX_LINK_CHARS)}.`);
  }
  if (text === '' || /^r\d{0,6}$/.test(text)) {
    return failure('truncated', `This link holds no scenario: it ends where the scenario should begin. ${COPY_WHOLE}`);
  }
  const version = /^r(\d{1,9})\./.exec(text);
  if (!version) {
    return failure('unknown-version', 'This is not a Ripple scenario link (it does not start with a known format such as "r1.").');
  }
  const n = Number(version[1]);
  if (n > LINK_FORMAT && version[1][0] !== '0') {
    return failure(
      'newer-version',
      `This link was made by a newer Ripple (link format r${n}; this Ripple reads r${LINK_FORMAT}). Open it in a newer Ripple.`,
    );
  }
  if (n !== LINK_FORMAT || version[1] !== String(LINK_FORMAT)) {
    return failure('unknown-version', `This link uses format "r${version[1]}", which no Ripple writes.`);
  }

  const body = text.slice(version[0].length);
  const b64 = fromBase64Url(body);
  if (!b64.ok) {
    const at = version[0].length + b64.badChar;
    return failure('corrupt', `The link is damaged: character ${formatCount(at + 1)} is not part of a Ripple link.`);
  }
  const bytes = b64.bytes;
  const head = readVarint(bytes, 0, 4);
  if (!head || bytes.length < head.length + 1) {
    if (bytes.length < 5) return failure('truncated', `This link is cut off after ${formatCount(text.length)} characters. ${COPY_WHOLE}`);
    return failure('corrupt', 'The link is damaged: its header cannot be read.');
  }
  if (crc8(bytes.subarray(0, head.length)) !== bytes[head.length]) {
    return failure('corrupt', 'The link is damaged: its header does not match its checksum.');
  }
  const start = head.length + 1;
  const expected = start + head.value + 4;
  if (head.value === 0 || head.value > MAX_LINK_CHARS) return failure('corrupt', 'The link is damaged: its header announces an impossible length.');
  const expectedChars = version[0].length + Math.ceil((expected * 4) / 3);
  if (bytes.length < expected) {
    return failure(
      'truncated',
      `This link is cut off: it has ${formatCount(text.length)} of its ${formatCount(expectedChars)} characters. ${COPY_WHOLE}`,
    );
  }
  if (bytes.length > expected || b64.dangling) {
    return failure('corrupt', `The link is damaged: it has ${formatCount(text.length - expectedChars)} extra characters at the end.`);
  }
  if (b64.strayBits) return failure('corrupt', 'The link is damaged: its last character is not one a Ripple link ends with.');
  const deflated = bytes.subarray(start, start + head.value);
  const sum = ((bytes[expected - 4] << 24) | (bytes[expected - 3] << 16) | (bytes[expected - 2] << 8) | bytes[expected - 1]) >>> 0;
  if (crc32(deflated) !== sum) return failure('corrupt', 'The link is damaged: its content does not match its checksum.');

  const inflated = inflateLimited(deflated, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) return failure(inflated.kind, inflated.message);
  const json = utf8Decode(inflated.bytes);
  if (json === null) return failure('corrupt', 'The link is damaged: its content is not valid text.');
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return failure('corrupt', 'The link is damaged: its content is not readable data.');
  }

  let compact: ReturnType<typeof fromCompact>;
  try {
    compact = fromCompact(root);
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
