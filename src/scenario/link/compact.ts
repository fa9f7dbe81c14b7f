// The compact layout of link formats r1 and r2: the scenario as a short JSON array, driven by
// one table of fields per record (step, fail, compensation, policy). Adding a field to the link
// format is one line in its table — appended, so existing links keep their meaning.
//
//   [title, steps, deps, ons, description, policy, extras, groups, dialect, lesson, context]
//                         (trailing absent parts left out, absent parts before a present one are 0;
//                          r1 ends at extras and carries a version-1 scenario, r2 a version-2 one)
//   steps   step | "id" (a step with nothing but an id)
//   step    [id, mask, ...values in bit order]: STEP_FIELDS, bit i = 1 << i
//   fail    status (a number) | [mask, ...values]: FAIL_FIELDS
//   retry   [maxAttempts, delayMs, factor], trailing defaults left out (1, 0, 1 fill the gaps)
//   compensation  0 (default handler) | [mask, ...values]: COMPENSATION_FIELDS
//   deps    flat step indices [from0, to0, from1, to1, …]
//   ons     flat [dependencyIndex, 1 = "failure" | 2 = "always", …] for dependencies not on "success"
//   policy  [mask, ...values]: POLICY_FIELDS
//   extras  [mask, ...]: 1 at (virtual ms), 2 select (step index), 4 play (no value)
//   groups  [group, …], group = [id, [member step indices], label?]         (r2)
//   dialect the dialect's name; lesson the lesson block as it is             (r2)
//   context the GitHub context values as a record, names sorted              (r2, issue #11)
//
// r2 only appends (step bits 4096 `when`, 8192 `successStatus`, 16384 `if`, 32768
// `continueOnError`, 65536 `continueOnFailed`, 131072 `catch`, 262144 `failState`; compensation bit 8
// `evenIfFailed`; policy bit 32 `compensationErrors: "stop"`; the last three parts), so one
// reader reads both: the format number only says which scenario version the document is,
// and the gate refuses an r1 link that uses a version-2 field like a version-1 file.
//
// `extras.at` is a moment of the run in virtual milliseconds (the state after every event at
// or before that time), not an event index: it means the same thing whatever events a later
// engine emits, and it is what a person reads off the timeline.
import type { CompensationSpec, Dependency, FailSpec, Group, Policy, Problem, RetrySpec, Scenario, Step } from '../types.ts';
import { MAX_STEPS } from '../limits.ts';
import { DEFAULT_RETRY } from '../defaults.ts';

/** Optional parts of a link: a moment of the run, a selected step, and whether to play. */
export interface LinkExtras {
  /** Virtual time in ms to open the run at (≥ 0). */
  at?: number;
  /** Id of the step to select. */
  select?: string;
  /** Start playing on open. */
  play?: boolean;
}

/** Thrown inside the compact reader only; the codec catches it at its boundary (`corrupt`). */
export class Malformed extends Error {}

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

/** Reads values in flag order from a masked record `[..., mask, ...values]` starting at `from`. */
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

// ---------------------------------------------------------------------------------------------
// Field tables

/** How one field of a record `T` is written after the mask and read back. */
interface FieldCodec<T> {
  /** The field's value to write, FLAG for a flag (its bit alone says it), or ABSENT. */
  write(record: T): unknown;
  /** Sets the field on `record`, taking its value (if any) from `values`. */
  read(record: T, values: Cursor, where: string): void;
}

const ABSENT: unique symbol = Symbol('absent');
const FLAG: unique symbol = Symbol('flag');

/** A value written as it is (the gate checks it after reading). */
function plain<T, K extends keyof T & string>(key: K): FieldCodec<T> {
  return {
    write: (r) => (r[key] === undefined ? ABSENT : r[key]),
    read: (r, values) => {
      r[key] = values.next() as T[K];
    },
  };
}

/** A field that is either absent or exactly `value`: the bit alone carries it. */
function flag<T, K extends keyof T & string>(key: K, value: T[K]): FieldCodec<T> {
  return {
    write: (r) => (r[key] === value ? FLAG : ABSENT),
    read: (r) => {
      r[key] = value;
    },
  };
}

/** A value with its own compact form. */
function nested<T, K extends keyof T & string>(
  key: K,
  encode: (value: NonNullable<T[K]>) => unknown,
  decode: (value: unknown, where: string) => T[K],
): FieldCodec<T> {
  return {
    write: (r) => (r[key] === undefined ? ABSENT : encode(r[key] as NonNullable<T[K]>)),
    read: (r, values, where) => {
      r[key] = decode(values.next(), `${where}.${key}`);
    },
  };
}

/** `record` as a mask of the fields present (bit i for `fields[i]`) and their values in bit order. */
function writeMasked<T>(fields: readonly FieldCodec<T>[], record: T): { mask: number; values: unknown[] } {
  let mask = 0;
  const values: unknown[] = [];
  fields.forEach((field, bit) => {
    const v = field.write(record);
    if (v === ABSENT) return;
    mask |= 1 << bit;
    if (v !== FLAG) values.push(v);
  });
  return { mask, values };
}

/** Reads the fields of `mask` from `list` (values from index `from`) into `record`; nothing may be left over. */
function readMasked<T>(fields: readonly FieldCodec<T>[], record: T, mask: number, list: unknown[], from: number, where: string): T {
  const values = new Cursor(list, from, where);
  fields.forEach((field, bit) => {
    if (mask & (1 << bit)) field.read(record, values, where);
  });
  values.done();
  return record;
}

/** A masked record `[mask, ...values]` on its own (fail, compensation, policy). */
function readRecord<T>(fields: readonly FieldCodec<T>[], v: unknown, where: string): T {
  const list = arrayAt(v, where);
  return readMasked(fields, {} as T, maskAt(list[0], where, fields.length), list, 1, where);
}

const FAIL_FIELDS: readonly FieldCodec<FailSpec>[] = [
  plain('status'), //          1
  flag('timeout', true), //    2
  plain('message'), //         4
  plain('times'), //           8
];

function encodeFail(f: FailSpec): unknown {
  if (f.status !== undefined && f.timeout === undefined && f.message === undefined && f.times === undefined) return f.status;
  const { mask, values } = writeMasked(FAIL_FIELDS, f);
  return [mask, ...values];
}

function readFail(v: unknown, where: string): FailSpec {
  return typeof v === 'number' ? { status: v } : readRecord(FAIL_FIELDS, v, where);
}

const RETRY_DEFAULTS = [DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY.delayMs, DEFAULT_RETRY.factor];

function encodeRetry(r: RetrySpec): unknown[] {
  const out = [r.maxAttempts ?? RETRY_DEFAULTS[0], r.delayMs ?? RETRY_DEFAULTS[1], r.factor ?? RETRY_DEFAULTS[2]];
  while (out.length > 0 && out[out.length - 1] === RETRY_DEFAULTS[out.length - 1]) out.pop();
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

type CompensationFail = NonNullable<CompensationSpec['fail']>;

const COMPENSATION_FIELDS: readonly FieldCodec<CompensationSpec>[] = [
  plain('label'), //           1
  plain('durationMs'), //      2
  nested('fail', (f: CompensationFail) => (f.message === undefined ? f.status : [f.status, f.message]), readCompensationFail), // 4
  flag('evenIfFailed', true), //  8 (r2)
];

function readCompensationFail(f: unknown, where: string): CompensationFail {
  if (typeof f === 'number') return { status: f };
  const pair = arrayAt(f, where);
  if (pair.length !== 2) malformed(where, '[status, message]');
  return { status: pair[0] as number, message: pair[1] as string };
}

function encodeCompensation(k: CompensationSpec): unknown {
  const { mask, values } = writeMasked(COMPENSATION_FIELDS, k);
  return mask === 0 ? 0 : [mask, ...values];
}

function readCompensation(v: unknown, where: string): CompensationSpec {
  return v === 0 ? {} : readRecord(COMPENSATION_FIELDS, v, where);
}

/** The step's fields in link order: bit i is `1 << i`. Append new fields; never reorder. */
const STEP_FIELDS: readonly FieldCodec<Step>[] = [
  nested('position', (p) => [p.x, p.y], readPosition), //  1
  plain('label'), //                                       2
  plain('request'), //                                     4
  plain('durationMs'), //                                  8
  nested('fail', encodeFail, readFail), //                 16
  nested('retry', encodeRetry, readRetry), //              32
  plain('timeoutMs'), //                                   64
  nested('compensation', encodeCompensation, readCompensation), // 128
  flag('idempotent', false), //                            256
  flag('join', 'any'), //                                  512
  plain('produces'), //                                    1024
  plain('consumes'), //                                    2048
  plain('when'), //                                        4096 (r2)
  plain('successStatus'), //                               8192 (r2)
  plain('if'), //                                          16384 (r2, issue #11)
  flag('continueOnError', true), //                        32768 (r2, issue #11)
  flag('continueOnFailed', true), //                       65536 (r2, issue #11)
  flag('catch', true), //                                  131072 (r2, issue #11)
  flag('failState', true), //                              262144 (r2, issue #11)
];

function readPosition(v: unknown, where: string): Step['position'] {
  const p = arrayAt(v, where);
  if (p.length !== 2) malformed(where, '[x, y]');
  return { x: p[0] as number, y: p[1] as number };
}

function encodeStep(s: Step): unknown {
  const { mask, values } = writeMasked(STEP_FIELDS, s);
  return mask === 0 ? s.id : [s.id, mask, ...values];
}

function readStep(v: unknown, where: string): Step {
  if (typeof v === 'string') return { id: v };
  const list = arrayAt(v, where);
  const mask = maskAt(list[1], where, STEP_FIELDS.length);
  return readMasked(STEP_FIELDS, { id: list[0] as string }, mask, list, 2, where);
}

/** The policy's settings in link order (only what differs from the defaults is written). */
const POLICY_FIELDS: readonly FieldCodec<Partial<Policy>>[] = [
  flag('failFast', false), //          1
  flag('onFailure', 'abort'), //       2
  flag('compensation', 'saga'), //    4
  flag('retryMode', 'naive'), //       8
  plain('concurrency'), //             16
  flag('compensationErrors', 'stop'), // 32 (r2)
];

function encodePolicy(p: Partial<Policy> | undefined): unknown {
  if (!p) return 0;
  const { mask, values } = writeMasked(POLICY_FIELDS, p);
  return [mask, ...values];
}

function readPolicy(v: unknown): Partial<Policy> | undefined {
  if (v === 0 || v === undefined) return undefined;
  return readRecord(POLICY_FIELDS, v, 'policy');
}

// ---------------------------------------------------------------------------------------------
// The whole layout

const ON_CODES = { success: 0, failure: 1, always: 2 } as const;
const ON_NAMES = ['success', 'failure', 'always'] as const;

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

function encodeGroups(groups: Group[] | undefined, indexOf: Map<string, number>): unknown {
  if (!groups || groups.length === 0) return 0;
  return groups.map((g) => {
    const members = g.steps.map((id) => indexOf.get(id) as number);
    return g.label === undefined ? [g.id, members] : [g.id, members, g.label];
  });
}

/** Groups back to the document; member indices must name steps, the rest the gate checks. */
function readGroups(v: unknown, steps: Step[]): unknown[] {
  return arrayAt(v, 'groups').map((raw, i) => {
    const where = `groups[${i}]`;
    const g = arrayAt(raw, where);
    if (g.length !== 2 && g.length !== 3) malformed(where, '[id, members, label?]');
    const members = arrayAt(g[1], `${where}.steps`).map((m) => steps[indexAt(m, `${where}.steps`, steps.length)].id);
    return g.length === 3 ? { id: g[0], label: g[2], steps: members } : { id: g[0], steps: members };
  });
}

/**
 * The compact layout of a canonical, valid scenario. Throws a RangeError for impossible
 * extras (a programming error: untrusted input never reaches here). The parts after extras
 * (groups, dialect, lesson) exist only in format r2.
 */
export function toCompact(s: Scenario, extras: LinkExtras): unknown[] {
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
    encodeGroups(s.groups, indexOf),
    s.dialect ?? 0,
    s.lesson ?? 0,
    s.context ?? 0,
  ];
  while (out.length > 3 && out[out.length - 1] === 0) out.pop();
  return out;
}

/** Parts of the layout each link format may have (r1 ends at extras). */
const MAX_PARTS: Readonly<Record<number, number>> = { 1: 7, 2: 11 };

/**
 * The compact layout of link format `format` (1 or 2) back to a scenario document of that
 * version (still unvalidated: the gate migrates and checks it). Leaf values are passed through
 * as they are, so the gate names their real paths. Throws `Malformed` when the layout itself
 * is broken. More than MAX_STEPS steps are counted, not read.
 */
export function fromCompact(root: unknown, format: 1 | 2): { doc: Record<string, unknown>; extras: unknown; stepCount: number } {
  const top = arrayAt(root, 'the link payload');
  const parts = MAX_PARTS[format];
  if (top.length < 3 || top.length > parts) malformed('the link payload', `a list of 3 to ${parts} parts`);
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
  // Link format r1 carries version-1 scenarios: the gate migrates them like any version-1 file.
  const doc: Record<string, unknown> = { version: format, title: top[0] };
  if (top[4] !== undefined && top[4] !== 0) doc.description = top[4];
  const policy = readPolicy(top[5]);
  if (policy) doc.policy = policy;
  doc.steps = steps;
  doc.dependencies = dependencies;
  if (top[7] !== undefined && top[7] !== 0) doc.groups = readGroups(top[7], steps);
  if (top[8] !== undefined && top[8] !== 0) doc.dialect = top[8];
  if (top[9] !== undefined && top[9] !== 0) doc.lesson = top[9];
  if (top[10] !== undefined && top[10] !== 0) doc.context = top[10];
  return { doc, extras: top[6], stepCount: steps.length };
}

/** The extras of a decoded link; what cannot be used is dropped with a warning (the scenario still opens). */
export function readExtras(v: unknown, steps: Step[], warnings: Problem[]): LinkExtras {
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
