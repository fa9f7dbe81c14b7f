// A comparison as a share link (issue #13): scenario A as an ordinary link, then `~` and B's
// difference from A, so a comparison of one policy change costs a few characters more than A's
// own link.
//
//   <A's link: r1.…>~<base64url(raw deflate(JSON of the difference))>
//
// The difference is taken between the canonical forms of A and B (src/scenario/canonical.ts):
//   { "p": { policy field: value | null },      changed policy fields (null: back to default)
//     "t": { top-level field: value | null },   title, description, groups, lesson, dialect
//     "s": [[step id, patch | step | null], …], a changed step as a JSON merge patch of A's
//                                               (RFC 7396), an added step whole; null: removed
//     "o": [step id, …],                        B's step order, when applying leaves another
//     "d": [dependency, …],                     B's dependencies whole, when they differ
//     "r": 1,                                   B runs as a replay of A's run (R13)
//     "n": "label" }                            what B is ("Fail-fast guard on")
// A is read by the link codec; B is A with the difference applied, then through the gate
// (`openScenario`) like any other untrusted scenario.
import { deflateSync } from 'fflate';
import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from './bytes.ts';
import { canonicalScenario } from './canonical.ts';
import { decodeScenarioLink, encodeScenarioLink, inflateLimited, type LinkError, type LinkExtras } from './link-codec.ts';
import { MAX_DECOMPRESSED_BYTES } from './limits.ts';
import { openScenarioValue as openScenario, problemCount } from './open-value.ts';
import type { Problem, Scenario } from './types.ts';

/** Separates A's link from B's difference; not a base64url character, and kept as is in a URL fragment. */
export const COMPARE_SEPARATOR = '~';

/** Side B of a comparison link. */
export interface CompareB {
  scenario: Scenario;
  /** B runs as a replay of A's run ("the root cause fixed"). */
  replay?: boolean;
  /** What B is, shown over its canvas. */
  label?: string;
}

export type CompareDecodeResult =
  | { ok: true; a: Scenario; b: CompareB; extras: LinkExtras; warnings: Problem[] }
  | { ok: false; error: LinkError; side: 'a' | 'b' };

/** Top-level fields carried whole when they differ (steps, dependencies and policy have their own entries). */
const TOP_FIELDS = ['title', 'description', 'groups', 'lesson', 'dialect'] as const;
type TopField = (typeof TOP_FIELDS)[number];

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/**
 * B's difference from A as the JSON object the link carries (see the file's head). Both must be
 * valid; steps are matched by id.
 *
 * @example
 * scenarioDifference(a, { ...a, policy: { failFast: false } }) // → { p: { failFast: false } }
 */
export function scenarioDifference(a: Scenario, b: Scenario): Record<string, unknown> {
  const ca = canonicalScenario(a);
  const cb = canonicalScenario(b);
  const out: Record<string, unknown> = {};

  const pa: Record<string, unknown> = { ...ca.policy };
  const pb: Record<string, unknown> = { ...cb.policy };
  const p: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) if (!same(pa[key], pb[key])) p[key] = pb[key] ?? null;
  if (Object.keys(p).length > 0) out.p = p;

  const t: Record<string, unknown> = {};
  for (const key of TOP_FIELDS) if (!same(ca[key], cb[key])) t[key] = cb[key] ?? null;
  if (Object.keys(t).length > 0) out.t = t;

  const stepsA = new Map(ca.steps.map((s) => [s.id, s]));
  const idsB = new Set(cb.steps.map((s) => s.id));
  const s: [string, unknown][] = [];
  for (const step of cb.steps) {
    const before = stepsA.get(step.id);
    if (!before) s.push([step.id, step]);
    else if (!same(before, step)) s.push([step.id, mergePatch(before, step)]);
  }
  for (const step of ca.steps) if (!idsB.has(step.id)) s.push([step.id, null]);
  if (s.length > 0) out.s = s;
  const applied = applyStepOrder(ca.steps.map((x) => x.id), s);
  const order = cb.steps.map((x) => x.id);
  if (!same(applied, order)) out.o = order;

  if (!same(ca.dependencies, cb.dependencies)) out.d = cb.dependencies;
  return out;
}

/** RFC 7396 JSON merge patch turning `from` into `to` (objects field by field, anything else whole). */
function mergePatch(from: object, to: object): Record<string, unknown> {
  const x = from as Record<string, unknown>;
  const y = to as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (same(x[key], y[key])) continue;
    patch[key] = isRecord(x[key]) && isRecord(y[key]) ? mergePatch(x[key], y[key]) : (y[key] ?? null);
  }
  return patch;
}

/**
 * RFC 7396 §2 MergePatch(target, patch), on untrusted data: nested no deeper than `depth`, and
 * built on null-prototype objects so a key `__proto__` stays a key (the gate reports it).
 */
function applyMergePatch(target: unknown, patch: unknown, depth = 0): unknown {
  if (!isRecord(patch)) return patch;
  check(depth < 8, 'a step patch nests too deep');
  const out = Object.assign(Object.create(null) as Record<string, unknown>, isRecord(target) ? target : {});
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value, depth + 1);
  }
  return out;
}

/** A's step ids after the step entries: changed ones in place, removed ones gone, added ones at the end. */
function applyStepOrder(idsA: readonly string[], entries: readonly [string, unknown][]): string[] {
  const removed = new Set(entries.filter(([, v]) => v === null).map(([id]) => id));
  const known = new Set(idsA);
  const ids = idsA.filter((id) => !removed.has(id));
  for (const [id, v] of entries) if (v !== null && !known.has(id)) ids.push(id);
  return ids;
}

/**
 * The fragment (without `#`) of a comparison link: A (with the link's `extras`: the shared
 * playhead's `at`, the selected step) and B's difference. Both scenarios must be valid:
 * like `encodeScenarioLink`, throws a TypeError otherwise.
 *
 * @example
 * encodeCompareLink(a, { scenario: b, label: 'Saga off' }) // → 'r1.DcxBCs…~q1YqSk…'
 */
export function encodeCompareLink(a: Scenario, b: CompareB, extras: LinkExtras = {}): string {
  encodeScenarioLink(b.scenario); // the same refusal of an invalid B as of an invalid A
  const difference = scenarioDifference(a, b.scenario);
  if (b.replay) difference.r = 1;
  if (b.label !== undefined) difference.n = b.label;
  const bytes = deflateSync(utf8Encode(JSON.stringify(difference)), { level: 9 });
  return `${encodeScenarioLink(a, extras)}${COMPARE_SEPARATOR}${toBase64Url(bytes)}`;
}

/** Whether a link fragment is a comparison (A's link, `~`, B's difference). */
export function isCompareFragment(fragment: string): boolean {
  return fragment.includes(COMPARE_SEPARATOR);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thrown inside the difference reader only; `decodeCompareLink` turns it into a `corrupt` error. */
class BadDifference extends Error {}

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new BadDifference(what);
}

/** A (canonical) with the difference applied: the untrusted document the gate then checks. */
function applyDifference(a: Scenario, diff: unknown): { doc: Record<string, unknown>; replay: boolean; label?: string } {
  check(isRecord(diff), 'the difference is not an object');
  const doc: Record<string, unknown> = { ...a };
  const known = new Set(['p', 't', 's', 'o', 'd', 'r', 'n']);
  for (const key of Object.keys(diff)) check(known.has(key), `unknown entry "${key}"`);

  if (diff.p !== undefined) {
    check(isRecord(diff.p), '"p" is not an object');
    // Null prototype: a key "__proto__" from the link is a field the gate reports, not a prototype.
    const policy = Object.assign(Object.create(null) as Record<string, unknown>, a.policy);
    for (const [key, value] of Object.entries(diff.p)) {
      if (value === null) delete policy[key];
      else policy[key] = value;
    }
    doc.policy = policy;
  }
  if (diff.t !== undefined) {
    check(isRecord(diff.t), '"t" is not an object');
    for (const [key, value] of Object.entries(diff.t)) {
      check((TOP_FIELDS as readonly string[]).includes(key), `"t" names "${key}", not a top-level field`);
      if (value === null) delete doc[key as TopField];
      else doc[key] = value;
    }
  }
  if (diff.s !== undefined || diff.o !== undefined) {
    const steps = new Map<string, unknown>(a.steps.map((s) => [s.id, s]));
    const entries = diff.s ?? [];
    check(Array.isArray(entries), '"s" is not a list');
    for (const entry of entries) {
      check(Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string', '"s" holds an entry that is not [id, step]');
      const [id, step] = entry as [string, unknown];
      if (step === null) steps.delete(id);
      else steps.set(id, steps.has(id) ? applyMergePatch(steps.get(id), step) : step);
    }
    let order = [...steps.keys()];
    if (diff.o !== undefined) {
      check(Array.isArray(diff.o) && diff.o.every((id) => typeof id === 'string' && steps.has(id)) && diff.o.length === steps.size, '"o" is not an order of B\'s steps');
      order = diff.o as string[];
    }
    doc.steps = order.map((id) => steps.get(id));
  }
  if (diff.d !== undefined) doc.dependencies = diff.d;
  check(diff.r === undefined || diff.r === 1, '"r" is not 1');
  check(diff.n === undefined || (typeof diff.n === 'string' && diff.n.length <= 200), '"n" is not a short text');
  return { doc, replay: diff.r === 1, ...(typeof diff.n === 'string' ? { label: diff.n } : {}) };
}

/**
 * Decodes a comparison link's fragment (with or without `#`): A through the link codec, B as A
 * with the difference applied, through the gate. Never throws; `side` says which half is wrong.
 *
 * @example
 * decodeCompareLink(encodeCompareLink(a, { scenario: b })) // → { ok: true, a: canonical a, b: { scenario: canonical b, replay: false }, … }
 */
export function decodeCompareLink(fragment: string): CompareDecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const at = text.indexOf(COMPARE_SEPARATOR);
  if (at < 0) return { ok: false, side: 'b', error: { kind: 'truncated', message: 'This comparison link has no second scenario (nothing follows "~").' } };
  const decodedA = decodeScenarioLink(text.slice(0, at));
  if (!decodedA.ok) return { ok: false, side: 'a', error: decodedA.error };

  const corrupt = (why: string): CompareDecodeResult => ({
    ok: false,
    side: 'b',
    error: { kind: 'corrupt', message: `The comparison's second scenario is damaged: ${why}.` },
  });
  const bytes = fromBase64Url(text.slice(at + 1));
  if (!bytes.ok) return corrupt('it is not base64url text');
  const inflated = inflateLimited(bytes.bytes, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) return inflated.kind === 'too-large' ? { ok: false, side: 'b', error: { kind: 'too-large', message: inflated.message } } : corrupt('its data does not inflate');
  const json = utf8Decode(inflated.bytes);
  if (json === null) return corrupt('it is not UTF-8 text');
  let diff: unknown;
  try {
    diff = JSON.parse(json);
  } catch {
    return corrupt('it is not readable data');
  }
  let applied: ReturnType<typeof applyDifference>;
  try {
    applied = applyDifference(decodedA.scenario, diff);
  } catch (error) {
    if (!(error instanceof BadDifference)) throw error;
    return corrupt(error.message);
  }
  const opened = openScenario(applied.doc);
  if (!opened.ok) {
    return {
      ok: false,
      side: 'b',
      error: { kind: 'invalid', message: `The comparison's second scenario is not valid: ${problemCount(opened.count)}.`, problems: opened.problems },
    };
  }
  return {
    ok: true,
    a: decodedA.scenario,
    b: { scenario: canonicalScenario(opened.scenario), ...(applied.replay ? { replay: true } : {}), ...(applied.label !== undefined ? { label: applied.label } : {}) },
    extras: decodedA.extras,
    warnings: [...decodedA.warnings, ...opened.warnings.map((w) => ({ ...w, path: `B: ${w.path}` }))],
  };
}
