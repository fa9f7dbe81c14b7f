// `validate(input)`: is this a well-formed scenario (issue #2 §2; version 2 adds issue #10's
// `when`, `successStatus`, saga options and `groups`, #11's `dialect` and #12's `lesson`) that
// obeys R1? A version-1 document is read as it is (version 2 only adds fields) but may not use
// a version-2 field.
//
// Hand-written rather than a schema library so that it reports *every* problem in document
// order, each with its JSON path, an expectation and a "did you mean" where one helps; never
// throws, whatever the input; and checks 100,000 steps in well under a second. It reads only
// own properties, never serialises the input, and recurses only as deep as the format does,
// so deeply nested or hostile values cost nothing extra.
//
// The result is a fresh copy holding only the known fields (no prototype tricks or extra
// keys survive), with the author's values as written: defaults are not filled in (the engine
// does that with `resolveStep` / `resolvePolicy`) and not stripped (see `canonicalScenario`).
// Checks that need the whole graph (a `when` names only prerequisites; a path may not leave a
// group and come back) run after the dependencies, so they report after them.
import type {
  CompensationErrors,
  CompensationSpec,
  Dependency,
  DependencyCondition,
  DialectName,
  FailSpec,
  Group,
  Policy,
  Position,
  Problem,
  ProblemCode,
  RetrySpec,
  Scenario,
  Step,
  ValidationResult,
} from './types.ts';
import { DIALECT_NAMES, OLDEST_READABLE_VERSION, SCENARIO_VERSION } from './types.ts';
import { MAX_ATTEMPTS, MAX_DURATION_MS, MAX_PROBLEMS, MAX_RETRY_FACTOR } from './limits.ts';
import { adjacency, findCycles, topologicalOrder } from './graph-algorithms.ts';
import { WHEN_MAX_LENGTH, parseWhen } from './when.ts';
import { checkLesson } from './lesson.ts';
import { checkedClean, provideValidate } from './gate-loader.ts';
import { CONTEXT_LIMITS, contextKeyProblem, contextValueProblem } from './dialects/github-context.ts';
import {
  Suggester,
  codePointLength,
  describe,
  didYouMean,
  formatCount,
  joinPath,
  listChoices,
  quote,
} from './text.ts';

/** Step ids (and so dependency ends): 1–64 of these characters. */
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const LIMITS = Object.freeze({
  title: { min: 1, max: 120 },
  description: { max: 2000 },
  label: { max: 120 },
  request: { max: 200 },
  message: { max: 200 },
  artifact: { min: 1, max: 64 },
  durationMs: { min: 0, max: MAX_DURATION_MS },
  timeoutMs: { min: 1, max: MAX_DURATION_MS },
  maxAttempts: { min: 1, max: MAX_ATTEMPTS },
  delayMs: { min: 0, max: MAX_DURATION_MS },
  factor: { min: 1, max: MAX_RETRY_FACTOR },
  status: { min: 400, max: 599 },
  successStatus: { min: 200, max: 299 },
  when: { min: 1, max: WHEN_MAX_LENGTH },
});

const ROOT_KEYS = ['version', 'title', 'description', 'policy', 'steps', 'dependencies', 'groups', 'lesson', 'dialect', 'context'] as const;
const POLICY_KEYS = ['failFast', 'onFailure', 'compensation', 'retryMode', 'concurrency', 'compensationErrors'] as const;
const STEP_KEYS = [
  'id',
  'label',
  'request',
  'durationMs',
  'fail',
  'timeoutMs',
  'retry',
  'compensation',
  'idempotent',
  'join',
  'produces',
  'consumes',
  'position',
  'when',
  'successStatus',
  'if',
  'continueOnError',
  'continueOnFailed',
  'catch',
  'failState',
] as const;
const FAIL_KEYS = ['status', 'message', 'times', 'timeout'] as const;
const RETRY_KEYS = ['maxAttempts', 'delayMs', 'factor'] as const;
const COMPENSATION_KEYS = ['label', 'durationMs', 'fail', 'evenIfFailed'] as const;
const COMPENSATION_FAIL_KEYS = ['status', 'message'] as const;
const POSITION_KEYS = ['x', 'y'] as const;
const DEPENDENCY_KEYS = ['from', 'to', 'on'] as const;
const GROUP_KEYS = ['id', 'label', 'steps'] as const;

const ON_FAILURE = ['continue', 'abort'] as const;
const COMPENSATION_MODES = ['none', 'saga'] as const;
const RETRY_MODES = ['graph-aware', 'naive'] as const;
const JOINS = ['all', 'any'] as const;
const CONDITIONS = ['success', 'failure', 'always'] as const;
const COMPENSATION_ERRORS = ['continue', 'stop'] as const;

/**
 * The fields version 2 added, by where they sit: a version-1 document that uses one is
 * refused (`versionTwoFields`), since whoever wrote it expected a Ripple that ignores them.
 */
const V2_ROOT_KEYS = ['groups', 'lesson', 'dialect', 'context'] as const;
const V2_POLICY_KEYS = ['compensationErrors'] as const;
const V2_STEP_KEYS = ['when', 'successStatus', 'if', 'continueOnError', 'continueOnFailed', 'catch', 'failState'] as const;
/** Issue #11: the step flags each valid with one dialect only (`DIALECT_FLAG_OWNER`). */
const DIALECT_FLAGS = ['continueOnError', 'continueOnFailed', 'catch', 'failState'] as const;
const V2_COMPENSATION_KEYS = ['evenIfFailed'] as const;

/** A problem found by the checker; `repairable` ones the gate may fix (and report as warnings). */
export interface Finding extends Problem {
  repairable?: true;
  /** For a `cycle`: the step ids around it, starting from its first step (for importers' own words). */
  cycle?: string[];
}

/** What the full check found: every problem, and the clean copy (bad positions left out). */
export interface CheckReport {
  scenario: Scenario | null;
  /** Every problem in document order, capped at MAX_PROBLEMS (then a summary problem). */
  findings: Finding[];
  blocking: number;
  repairable: number;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function has(obj: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function range(min: number, max: number): string {
  return max >= Number.MAX_SAFE_INTEGER ? `≥ ${formatCount(min)}` : `${formatCount(min)}–${formatCount(max)}`;
}

function stringWhat(min: number, max: number): string {
  return min > 0 ? `a string of ${range(min, max)} characters` : `a string of at most ${formatCount(max)} characters`;
}

function numberWhat(min: number, max: number, integer: boolean): string {
  return `${integer ? 'an integer' : 'a number'} ${range(min, max)}`;
}

function arrow(ids: string[], from: number, to: number): string {
  return `(${quote(ids[from])} → ${quote(ids[to])})`;
}

/** Open-addressing hash set of (from, to) index pairs → first dependency index; no allocation per pair. */
class PairTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap * 2).fill(-1);
    this.values = new Int32Array(cap);
  }

  /** The value stored for (a, b), or stores `value` and returns -1. */
  getOrAdd(a: number, b: number, value: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.keys[h * 2];
      if (k === -1) {
        this.keys[h * 2] = a;
        this.keys[h * 2 + 1] = b;
        this.values[h] = value;
        return -1;
      }
      if (k === a && this.keys[h * 2 + 1] === b) return this.values[h];
      h = (h + 1) & this.mask;
    }
  }
}

/** The step or dependency a finding concerns, by index in the document. */
interface Concerning {
  step?: number;
  dependency?: number;
}

class Checker {
  readonly findings: Finding[] = [];
  blocking = 0;
  repairable = 0;
  /** The step or dependency being checked: every finding added meanwhile concerns it. */
  at: Concerning = {};
  private readonly keySuggesters = new Map<readonly string[], Suggester>();

  add(code: ProblemCode, path: string, message: string, repairable = false): void {
    if (repairable) this.repairable++;
    else this.blocking++;
    if (this.findings.length < MAX_PROBLEMS) {
      const finding: Finding = { code, path, message, ...this.at };
      if (repairable) finding.repairable = true;
      this.findings.push(finding);
    }
  }

  /** A cycle of dependencies, reported at the dependency `dep` that closes it. */
  addCycle(dep: number, ids: string[]): void {
    this.at = { dependency: dep };
    this.add('cycle', `dependencies[${dep}]`, `dependencies form a cycle: ${formatCycle(ids)}`);
    this.at = {};
    const last = this.findings[this.findings.length - 1];
    if (last?.code === 'cycle' && last.dependency === dep) last.cycle = ids;
  }

  /** Every own key not in `allowed` is an error: typos must not pass silently. */
  keys(obj: Obj, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if ((allowed as readonly string[]).includes(key)) continue;
      let suggester = this.keySuggesters.get(allowed);
      if (!suggester) {
        suggester = new Suggester(allowed);
        this.keySuggesters.set(allowed, suggester);
      }
      this.add('unknown-field', joinPath(path, key), `unknown field${didYouMean(suggester.suggest(key))}`);
    }
  }

  string(obj: Obj, key: string, path: string, min: number, max: number, required: boolean): string | undefined {
    if (!has(obj, key)) {
      if (required) this.add('missing-field', joinPath(path, key), `missing (expected ${stringWhat(min, max)})`);
      return undefined;
    }
    const v = obj[key];
    if (typeof v !== 'string') {
      this.add('wrong-type', joinPath(path, key), `expected ${stringWhat(min, max)}, got ${describe(v)}`);
      return undefined;
    }
    if (v.length > max) {
      const n = codePointLength(v);
      if (n > max) {
        this.add('too-long', joinPath(path, key), `too long: ${formatCount(n)} characters (at most ${formatCount(max)})`);
        return undefined;
      }
    }
    if (v.length < min) {
      this.add('empty', joinPath(path, key), `must not be empty (expected ${stringWhat(min, max)})`);
      return undefined;
    }
    return v;
  }

  number(
    obj: Obj,
    key: string,
    path: string,
    min: number,
    max: number,
    integer: boolean,
    required = false,
  ): number | undefined {
    if (!has(obj, key)) {
      if (required) this.add('missing-field', joinPath(path, key), `missing (expected ${numberWhat(min, max, integer)})`);
      return undefined;
    }
    const v = obj[key];
    const ok =
      typeof v === 'number' && (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) && v >= min && v <= max;
    if (!ok) {
      this.add(typeof v === 'number' ? 'out-of-range' : 'wrong-type', joinPath(path, key), `expected ${numberWhat(min, max, integer)}, got ${describe(v)}`);
      return undefined;
    }
    return v as number;
  }

  boolean(obj: Obj, key: string, path: string): boolean | undefined {
    if (!has(obj, key)) return undefined;
    const v = obj[key];
    if (typeof v !== 'boolean') {
      this.add('wrong-type', joinPath(path, key), `expected true or false, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  choice<T extends string>(obj: Obj, key: string, path: string, choices: readonly T[]): T | undefined {
    if (!has(obj, key)) return undefined;
    const v = obj[key];
    if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
    const hint = typeof v === 'string' ? didYouMean(new Suggester(choices).suggest(v)) : '';
    this.add(typeof v === 'string' ? 'out-of-range' : 'wrong-type', joinPath(path, key), `expected ${listChoices(choices)}, got ${describe(v)}${hint}`);
    return undefined;
  }

  /** An optional sub-object: absent → undefined; not an object → error and undefined. */
  object(obj: Obj, key: string, path: string, what: string): Obj | undefined {
    if (!has(obj, key)) return undefined;
    const v = obj[key];
    if (!isObject(v)) {
      this.add('wrong-type', joinPath(path, key), `expected ${what}, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }
}

function checkPolicy(c: Checker, root: Obj): Partial<Policy> | undefined {
  const p = c.object(root, 'policy', '', 'an object of policy settings');
  if (!p) return undefined;
  c.keys(p, POLICY_KEYS, 'policy');
  const out: Partial<Policy> = {};
  const failFast = c.boolean(p, 'failFast', 'policy');
  const onFailure = c.choice(p, 'onFailure', 'policy', ON_FAILURE);
  const compensation = c.choice(p, 'compensation', 'policy', COMPENSATION_MODES);
  const retryMode = c.choice(p, 'retryMode', 'policy', RETRY_MODES);
  const concurrency = c.number(p, 'concurrency', 'policy', 0, Number.MAX_SAFE_INTEGER, true);
  const compensationErrors = c.choice<CompensationErrors>(p, 'compensationErrors', 'policy', COMPENSATION_ERRORS);
  if (failFast !== undefined) out.failFast = failFast;
  if (onFailure !== undefined) out.onFailure = onFailure;
  if (compensation !== undefined) out.compensation = compensation;
  if (retryMode !== undefined) out.retryMode = retryMode;
  if (concurrency !== undefined) out.concurrency = concurrency;
  if (compensationErrors !== undefined) out.compensationErrors = compensationErrors;
  return out;
}

const STATUS_WHAT = 'an HTTP status 400–599 other than 424';

function checkStatus(c: Checker, obj: Obj, path: string, allow424: boolean): number | undefined {
  const p = joinPath(path, 'status');
  const v = obj.status;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 400 && v <= 599) {
    if (v === 424 && !allow424) {
      c.add(
        'reserved-status',
        p,
        '424 is what dependents answer when this step fails (Failed Dependency); give the failure its own status, e.g. 500, 502 or 503',
      );
      return undefined;
    }
    return v;
  }
  c.add(typeof v === 'number' ? 'out-of-range' : 'wrong-type', p, `expected ${allow424 ? 'an HTTP status 400–599' : STATUS_WHAT}, got ${describe(v)}`);
  return undefined;
}

function checkFail(c: Checker, step: Obj, path: string): FailSpec | undefined {
  const f = c.object(step, 'fail', path, `{ "status": ${STATUS_WHAT} } or { "timeout": true }`);
  if (!f) return undefined;
  const fp = joinPath(path, 'fail');
  c.keys(f, FAIL_KEYS, fp);
  const out: FailSpec = {};
  const timeout = c.boolean(f, 'timeout', fp);
  if (timeout === true) {
    if (has(f, 'status')) {
      c.add(
        'conflicting-fields',
        joinPath(fp, 'status'),
        'a timeout failure answers 504 by itself: give either a status or "timeout": true, not both',
      );
    }
    if (!has(step, 'timeoutMs')) {
      c.add('missing-field', joinPath(fp, 'timeout'), 'needs the step\'s "timeoutMs" (the attempt hangs until then and answers 504)');
    }
  } else if (has(f, 'status')) {
    const status = checkStatus(c, f, fp, false);
    if (status !== undefined) out.status = status;
  } else {
    c.add('missing-field', joinPath(fp, 'status'), `missing (expected ${STATUS_WHAT}, or "timeout": true)`);
  }
  if (timeout !== undefined) out.timeout = timeout;
  const message = c.string(f, 'message', fp, 0, LIMITS.message.max, false);
  if (message !== undefined) out.message = message;
  const times = c.number(f, 'times', fp, 1, Number.MAX_SAFE_INTEGER, true);
  if (times !== undefined) out.times = times;
  return out;
}

function checkRetry(c: Checker, step: Obj, path: string): RetrySpec | undefined {
  const r = c.object(step, 'retry', path, 'an object like { "maxAttempts": 3, "delayMs": 50, "factor": 2 }');
  if (!r) return undefined;
  const rp = joinPath(path, 'retry');
  c.keys(r, RETRY_KEYS, rp);
  const out: RetrySpec = {};
  const maxAttempts = c.number(r, 'maxAttempts', rp, LIMITS.maxAttempts.min, LIMITS.maxAttempts.max, true);
  const delayMs = c.number(r, 'delayMs', rp, LIMITS.delayMs.min, LIMITS.delayMs.max, false);
  const factor = c.number(r, 'factor', rp, LIMITS.factor.min, LIMITS.factor.max, false);
  if (maxAttempts !== undefined) out.maxAttempts = maxAttempts;
  if (delayMs !== undefined) out.delayMs = delayMs;
  if (factor !== undefined) out.factor = factor;
  return out;
}

function checkCompensation(c: Checker, step: Obj, path: string): CompensationSpec | undefined {
  const k = c.object(step, 'compensation', path, 'an object like { "label": "Refund", "durationMs": 50 }');
  if (!k) return undefined;
  const kp = joinPath(path, 'compensation');
  c.keys(k, COMPENSATION_KEYS, kp);
  const out: CompensationSpec = {};
  const label = c.string(k, 'label', kp, 0, LIMITS.label.max, false);
  const durationMs = c.number(k, 'durationMs', kp, LIMITS.durationMs.min, LIMITS.durationMs.max, true);
  if (label !== undefined) out.label = label;
  if (durationMs !== undefined) out.durationMs = durationMs;
  const f = c.object(k, 'fail', kp, '{ "status": an HTTP status 400–599 }');
  if (f) {
    const fp = joinPath(kp, 'fail');
    c.keys(f, COMPENSATION_FAIL_KEYS, fp);
    const status = has(f, 'status')
      ? checkStatus(c, f, fp, true)
      : (c.add('missing-field', joinPath(fp, 'status'), 'missing (expected an HTTP status 400–599)'), undefined);
    const message = c.string(f, 'message', fp, 0, LIMITS.message.max, false);
    if (status !== undefined) {
      out.fail = { status };
      if (message !== undefined) out.fail.message = message;
    }
  }
  const evenIfFailed = c.boolean(k, 'evenIfFailed', kp);
  if (evenIfFailed !== undefined) out.evenIfFailed = evenIfFailed;
  return out;
}

function checkArtifacts(c: Checker, step: Obj, key: 'produces' | 'consumes', path: string): string[] | undefined {
  if (!has(step, key)) return undefined;
  const v = step[key];
  const p = joinPath(path, key);
  const what = `a list of artifact names (${range(LIMITS.artifact.min, LIMITS.artifact.max)} characters each)`;
  if (!Array.isArray(v)) {
    c.add('wrong-type', p, `expected ${what}, got ${describe(v)}`);
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const name = v[i];
    const ok =
      typeof name === 'string' &&
      name.length >= LIMITS.artifact.min &&
      (name.length <= LIMITS.artifact.max || codePointLength(name) <= LIMITS.artifact.max);
    if (ok) out.push(name);
    else c.add(typeof name === 'string' ? 'too-long' : 'wrong-type', joinPath(p, i), `expected an artifact name of ${range(LIMITS.artifact.min, LIMITS.artifact.max)} characters, got ${describe(name)}`);
  }
  return out;
}

/** Positions only affect drawing, so a broken one is repairable: the gate drops it. */
function checkPosition(c: Checker, step: Obj, path: string): Position | undefined {
  if (!has(step, 'position')) return undefined;
  const v = step.position;
  const p = joinPath(path, 'position');
  if (!isObject(v)) {
    c.add('position-dropped', p, `expected { "x": number, "y": number }, got ${describe(v)}`, true);
    return undefined;
  }
  c.keys(v, POSITION_KEYS, p);
  let ok = true;
  for (const axis of POSITION_KEYS) {
    const n = own(v, axis);
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      c.add('position-dropped', joinPath(p, axis), has(v, axis) ? `expected a finite number, got ${describe(n)}` : 'missing (expected a finite number)', true);
      ok = false;
    }
  }
  return ok ? { x: v.x as number, y: v.y as number } : undefined;
}

function checkStep(c: Checker, raw: unknown, path: string): Step | undefined {
  if (!isObject(raw)) {
    c.add('wrong-type', path, `expected a step object like { "id": "charge-card" }, got ${describe(raw)}`);
    return undefined;
  }
  c.keys(raw, STEP_KEYS, path);
  let id: string | undefined;
  const idPath = joinPath(path, 'id');
  if (!has(raw, 'id')) c.add('missing-field', idPath, 'missing (expected 1–64 letters, digits, ".", "_" or "-")');
  else if (typeof raw.id !== 'string' || !ID_PATTERN.test(raw.id)) {
    c.add(
      typeof raw.id === 'string' ? 'invalid-id' : 'wrong-type',
      idPath,
      typeof raw.id === 'string'
        ? `${quote(raw.id)} is not a valid id: use 1–64 letters, digits, ".", "_" or "-"`
        : `expected an id of 1–64 letters, digits, ".", "_" or "-", got ${describe(raw.id)}`,
    );
  } else if (raw.id === '__proto__') {
    c.add('reserved-id', idPath, '"__proto__" is reserved: choose another id');
  } else id = raw.id;

  const out: Step = { id: id ?? '' };
  const label = c.string(raw, 'label', path, 0, LIMITS.label.max, false);
  if (label !== undefined) out.label = label;
  const request = c.string(raw, 'request', path, 0, LIMITS.request.max, false);
  if (request !== undefined) out.request = request;
  const durationMs = c.number(raw, 'durationMs', path, LIMITS.durationMs.min, LIMITS.durationMs.max, true);
  if (durationMs !== undefined) out.durationMs = durationMs;
  const fail = checkFail(c, raw, path);
  if (fail !== undefined) out.fail = fail;
  const timeoutMs = c.number(raw, 'timeoutMs', path, LIMITS.timeoutMs.min, LIMITS.timeoutMs.max, true);
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  const retry = checkRetry(c, raw, path);
  if (retry !== undefined) out.retry = retry;
  const compensation = checkCompensation(c, raw, path);
  if (compensation !== undefined) out.compensation = compensation;
  const idempotent = c.boolean(raw, 'idempotent', path);
  if (idempotent !== undefined) out.idempotent = idempotent;
  const join = c.choice(raw, 'join', path, JOINS);
  if (join !== undefined) out.join = join;
  const produces = checkArtifacts(c, raw, 'produces', path);
  if (produces !== undefined) out.produces = produces;
  const consumes = checkArtifacts(c, raw, 'consumes', path);
  if (consumes !== undefined) out.consumes = consumes;
  const position = checkPosition(c, raw, path);
  if (position !== undefined) out.position = position;
  // Parsed once the dependencies are known (`checkConditions`): it may name only prerequisites.
  const when = c.string(raw, 'when', path, LIMITS.when.min, LIMITS.when.max, false);
  if (when !== undefined) out.when = when;
  const successStatus = c.number(raw, 'successStatus', path, LIMITS.successStatus.min, LIMITS.successStatus.max, true);
  if (successStatus !== undefined) out.successStatus = successStatus;
  // Compiled (with GitHub's parser, lazily) when the scenario runs; here only its shape.
  const condition = c.string(raw, 'if', path, CONTEXT_LIMITS.if.min, CONTEXT_LIMITS.if.max, false);
  if (condition !== undefined) out.if = condition;
  for (const key of DIALECT_FLAGS) {
    const flag = c.boolean(raw, key, path);
    if (flag !== undefined) out[key] = flag;
  }
  return id === undefined ? undefined : out;
}

/**
 * Issue #11: the GitHub context values (`{ "github.ref": "refs/tags/v1" }`), each name and
 * value checked (github-context.ts). The copy is a null-prototype record (names are user text).
 */
function checkContext(c: Checker, input: Obj): Record<string, string> | undefined {
  if (!has(input, 'context')) return undefined;
  const v = input.context;
  if (!isObject(v)) {
    c.add('wrong-type', 'context', `expected a mapping of context values like { "github.ref": "refs/heads/main" }, got ${describe(v)}`);
    return undefined;
  }
  const keys = Object.keys(v);
  if (keys.length > CONTEXT_LIMITS.entries.max) {
    c.add('out-of-range', 'context', `${formatCount(keys.length)} context values; at most ${CONTEXT_LIMITS.entries.max}`);
    return undefined;
  }
  const out = Object.create(null) as Record<string, string>;
  for (const key of keys) {
    const path = `context[${JSON.stringify(key)}]`;
    const keyProblem = contextKeyProblem(key);
    if (keyProblem) {
      c.add('invalid-id', path, keyProblem);
      continue;
    }
    const valueProblem = contextValueProblem(v[key]);
    if (valueProblem) c.add(typeof v[key] === 'string' ? 'too-long' : 'wrong-type', path, valueProblem);
    else out[key] = v[key] as string;
  }
  return out;
}

/** `if` and `context` are written in GitHub's language: they need `dialect: "github-actions"`. */
function checkDialectFields(c: Checker, input: Obj, steps: Array<Step | undefined>, context: Record<string, string> | undefined): void {
  if (own(input, 'dialect') === 'github-actions') return;
  const why = (what: string) => `is a GitHub Actions ${what}: it needs "dialect": "github-actions" (the scenario's dialect is ${describe(own(input, 'dialect') ?? 'http')})`;
  steps.forEach((s, i) => {
    if (s?.if === undefined) return;
    c.at = { step: i };
    c.add('conflicting-fields', `steps[${i}].if`, `this if ${why('expression')}`);
  });
  c.at = {};
  if (context !== undefined) c.add('conflicting-fields', 'context', `this context ${why('context')}`);
}

/**
 * Issue #11: each step flag that only one orchestrator has (types.ts `Step.continueOnError` …),
 * by the dialect it needs and the system's own name for it, for the message.
 */
const DIALECT_FLAG_OWNER: Readonly<Record<(typeof DIALECT_FLAGS)[number], { dialect: DialectName; source: string }>> = {
  continueOnError: { dialect: 'github-actions', source: 'GitHub Actions `continue-on-error`' },
  continueOnFailed: { dialect: 'argo', source: 'Argo `continueOn.failed`' },
  catch: { dialect: 'step-functions', source: 'Step Functions `Catch`' },
  failState: { dialect: 'step-functions', source: 'Step Functions Fail state' },
};

/** A dialect flag on a step of another dialect is refused, naming its path and the dialect it needs. */
function checkDialectFlags(c: Checker, input: Obj, steps: Array<Step | undefined>): void {
  const dialect = own(input, 'dialect') ?? 'http';
  steps.forEach((s, i) => {
    if (s === undefined) return;
    for (const key of DIALECT_FLAGS) {
      const owner = DIALECT_FLAG_OWNER[key];
      if (s[key] === undefined || dialect === owner.dialect) continue;
      c.at = { step: i };
      c.add('conflicting-fields', `steps[${i}].${key}`, `\`${key}\` is the ${owner.source}: it needs "dialect": "${owner.dialect}" (the scenario's dialect is ${describe(dialect)})`);
    }
  });
  c.at = {};
}

/** Shortens a long cycle for a message: `a → b → … (996 more) → y → z → a`. */
export function formatCycle(ids: string[]): string {
  const closed = [...ids, ids[0]];
  if (closed.length <= 21) return closed.join(' → ');
  return [...closed.slice(0, 10), `… (${formatCount(closed.length - 14)} more)`, ...closed.slice(-4)].join(' → ');
}

/**
 * Reports one cycle per strongly connected component of the dependency graph, each as
 * `a → b → a` at the path of the dependency that closes it. Linear time (iterative Tarjan,
 * then a breadth-first search inside each component for the shortest cycle through its first
 * step), so 100,000 steps are no problem and deep graphs cannot overflow the stack.
 */
function checkCycles(c: Checker, ids: string[], edgeFrom: number[], edgeTo: number[], edgeDep: number[]): boolean {
  if (edgeFrom.length === 0) return true;
  // Kahn first: most graphs are acyclic and this proves it in one cheap pass.
  const adj = adjacency(ids.length, edgeFrom, edgeTo);
  const { count, remaining } = topologicalOrder(adj);
  if (count === ids.length) return true;
  const found = findCycles(adj, remaining).map((cycle) => ({ dep: edgeDep[cycle.closingEdge], ids: cycle.steps.map((v) => ids[v]) }));
  found.sort((a, b) => a.dep - b.dep);
  for (const f of found) c.addCycle(f.dep, f.ids);
  return false;
}

const suggesters = new WeakMap<string[], Suggester>();

/**
 * The step index a dependency end names, or -1 after reporting why it names none (not
 * reported when it names a step whose id was already refused).
 */
function stepEnd(
  c: Checker,
  d: Obj,
  key: 'from' | 'to',
  path: string,
  indexOf: Map<string, number>,
  ids: string[],
  invalid: ReadonlySet<string>,
): number {
  const v = own(d, key);
  if (typeof v === 'string') {
    const i = indexOf.get(v);
    if (i !== undefined) return i;
    if (invalid.has(v)) {
      // Still blocking (the step's id problem is), but said once, at the step.
      return -1;
    }
    let suggester = suggesters.get(ids);
    if (!suggester) {
      suggester = new Suggester(ids);
      suggesters.set(ids, suggester);
    }
    c.add('missing-step', `${path}.${key}`, `no step ${quote(v)}${didYouMean(suggester.suggest(v))}`);
  } else if (v === undefined) c.add('missing-field', `${path}.${key}`, 'missing (expected a step id)');
  else c.add('wrong-type', `${path}.${key}`, `expected a step id, got ${describe(v)}`);
  return -1;
}

/**
 * Ids of steps whose `id` was refused (already reported there): a dependency naming one is
 * not reported again as naming no step, so each problem is told once.
 */
function invalidIds(rawSteps: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(rawSteps)) return out;
  for (const raw of rawSteps) {
    if (!isObject(raw)) continue;
    const id = own(raw, 'id');
    if (typeof id === 'string' && (!ID_PATTERN.test(id) || id === '__proto__')) out.add(id);
  }
  return out;
}

/** The dependencies that passed, each with its index in the document, and whether they form no cycle. */
interface CheckedDependencies {
  list: Dependency[];
  /** `at[k]`: the index in the document of `list[k]`. */
  at: number[];
  acyclic: boolean;
}

function checkDependencies(c: Checker, root: Obj, steps: Array<Step | undefined>, invalid: ReadonlySet<string>): CheckedDependencies {
  const at: number[] = [];
  if (!has(root, 'dependencies')) return { list: [], at, acyclic: true };
  const raw = root.dependencies;
  if (!Array.isArray(raw)) {
    c.add('wrong-type', 'dependencies', `expected a list of dependencies like { "from": "a", "to": "b" }, got ${describe(raw)}`);
    return { list: [], at, acyclic: true };
  }
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const s of steps) if (s && !indexOf.has(s.id)) indexOf.set(s.id, ids.push(s.id) - 1);
  const out: Dependency[] = [];
  const seenPairs = new PairTable(raw.length);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeDep: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const d = raw[i];
    const path = `dependencies[${i}]`;
    c.at = { dependency: i };
    if (!isObject(d)) {
      c.add('wrong-type', path, `expected a dependency like { "from": "a", "to": "b" }, got ${describe(d)}`);
      continue;
    }
    c.keys(d, DEPENDENCY_KEYS, path);
    const from = stepEnd(c, d, 'from', path, indexOf, ids, invalid);
    const to = stepEnd(c, d, 'to', path, indexOf, ids, invalid);
    const on = c.choice<DependencyCondition>(d, 'on', path, CONDITIONS);
    if (from < 0 || to < 0) continue;
    if (from === to) {
      c.add('self-dependency', path, `a step cannot depend on itself ${arrow(ids, from, to)}`);
      continue;
    }
    const earlier = seenPairs.getOrAdd(from, to, i);
    if (earlier !== -1) {
      c.add('duplicate-dependency', path, `duplicate of dependencies[${earlier}] ${arrow(ids, from, to)}: one dependency per pair of steps`);
      continue;
    }
    edgeFrom.push(from);
    edgeTo.push(to);
    edgeDep.push(i);
    const dep: Dependency = { from: ids[from], to: ids[to] };
    if (on !== undefined) dep.on = on;
    out.push(dep);
    at.push(i);
  }
  c.at = {};
  const acyclic = checkCycles(c, ids, edgeFrom, edgeTo, edgeDep);
  return { list: out, at, acyclic };
}

/**
 * R14: each step's `when`, parsed against its direct prerequisites (every problem with its
 * column), and the `on` and `join` it replaces: a dependency into a `when` step may only be
 * on `success` (the default), and the step's `join` may only be `all` (the default).
 */
function checkConditions(c: Checker, root: Obj, steps: Array<Step | undefined>, deps: CheckedDependencies): void {
  const incoming = new Map<string, number[]>();
  deps.list.forEach((d, k) => {
    const list = incoming.get(d.to);
    if (list) list.push(k);
    else incoming.set(d.to, [k]);
  });
  const rawSteps = root.steps as unknown[];
  steps.forEach((step, i) => {
    if (!step || step.when === undefined) return;
    c.at = { step: i };
    const path = `steps[${i}]`;
    const into = incoming.get(step.id) ?? [];
    const parsed = parseWhen(step.when, step.id, into.map((k) => deps.list[k].from));
    if (!parsed.ok) for (const p of parsed.problems) c.add('invalid-condition', `${path}.when`, p.message);
    const join = own(rawSteps[i] as Obj, 'join');
    if (join !== undefined && join !== 'all') {
      c.add(
        'conflicting-fields',
        `${path}.join`,
        `"join": ${describe(join)} conflicts with "when", which replaces it: remove "join" and combine the prerequisites in the condition ("||" for any)`,
      );
    }
    for (const k of into) {
      const d = deps.list[k];
      if (d.on === undefined || d.on === 'success') continue;
      c.at = { dependency: deps.at[k] };
      const instead =
        d.on === 'failure'
          ? `write ${quote(`${d.from}.Failed`)} in the condition instead`
          : `remove "on" (a step with "when" waits for every prerequisite to end, whatever its result)`;
      c.add('conflicting-fields', `dependencies[${deps.at[k]}].on`, `"on": "${d.on}" conflicts with the "when" of ${step.id} (${path}.when), which replaces it: ${instead}`);
      c.at = { step: i };
    }
  });
  c.at = {};
}

/**
 * R18: the atomic groups. Ids follow the step-id rules and are unique across steps and
 * groups; each group names at least one existing step; a step is in at most one group.
 * Returns the groups that passed and each grouped step's group index.
 */
function checkGroups(
  c: Checker,
  root: Obj,
  steps: Array<Step | undefined>,
  invalid: ReadonlySet<string>,
): { groups: Group[]; groupOf: Map<string, number> } | undefined {
  if (!has(root, 'groups')) return undefined;
  const raw = root.groups;
  const groupOf = new Map<string, number>();
  if (!Array.isArray(raw)) {
    c.add('wrong-type', 'groups', `expected a list of groups like { "id": "changeset-1", "steps": ["a", "b"] }, got ${describe(raw)}`);
    return undefined;
  }
  const stepAt = new Map<string, number>();
  steps.forEach((s, i) => {
    if (s && !stepAt.has(s.id)) stepAt.set(s.id, i);
  });
  const stepIds = [...stepAt.keys()];
  let suggester: Suggester | undefined;
  const groupAt = new Map<string, number>();
  const out: Group[] = [];
  for (let i = 0; i < raw.length; i++) {
    const g = raw[i];
    const path = `groups[${i}]`;
    if (!isObject(g)) {
      c.add('wrong-type', path, `expected a group like { "id": "changeset-1", "steps": ["a", "b"] }, got ${describe(g)}`);
      continue;
    }
    c.keys(g, GROUP_KEYS, path);
    let id: string | undefined;
    const idPath = `${path}.id`;
    const rawId = own(g, 'id');
    if (rawId === undefined) c.add('missing-field', idPath, 'missing (expected 1–64 letters, digits, ".", "_" or "-")');
    else if (typeof rawId !== 'string') c.add('wrong-type', idPath, `expected an id of 1–64 letters, digits, ".", "_" or "-", got ${describe(rawId)}`);
    else if (!ID_PATTERN.test(rawId)) c.add('invalid-id', idPath, `${quote(rawId)} is not a valid id: use 1–64 letters, digits, ".", "_" or "-"`);
    else if (rawId === '__proto__') c.add('reserved-id', idPath, '"__proto__" is reserved: choose another id');
    else if (stepAt.has(rawId)) {
      c.add('duplicate-id', idPath, `${quote(rawId)} is already the id of steps[${stepAt.get(rawId)}]: ids must be unique across steps and groups`);
    } else if (groupAt.has(rawId)) {
      c.add('duplicate-id', idPath, `duplicate id ${quote(rawId)} (also groups[${groupAt.get(rawId)}].id): ids must be unique across steps and groups`);
    } else {
      id = rawId;
      groupAt.set(rawId, i);
    }
    const label = c.string(g, 'label', path, 0, LIMITS.label.max, false);
    const members: string[] = [];
    const membersPath = `${path}.steps`;
    const rawMembers = own(g, 'steps');
    if (rawMembers === undefined) c.add('missing-field', membersPath, 'missing (expected a list of at least one step id)');
    else if (!Array.isArray(rawMembers)) c.add('wrong-type', membersPath, `expected a list of at least one step id, got ${describe(rawMembers)}`);
    else if (rawMembers.length === 0) c.add('empty', membersPath, 'a group needs at least one member step');
    else {
      const here = new Set<string>();
      rawMembers.forEach((m, k) => {
        const mp = `${membersPath}[${k}]`;
        if (typeof m !== 'string') {
          c.add('wrong-type', mp, `expected a step id, got ${describe(m)}`);
        } else if (!stepAt.has(m)) {
          if (invalid.has(m)) return; // said once, at the step
          suggester ??= new Suggester(stepIds);
          c.add('missing-step', mp, `no step ${quote(m)}${didYouMean(suggester.suggest(m))}`);
        } else if (here.has(m)) {
          c.add('duplicate-id', mp, `${quote(m)} is listed twice in this group`);
        } else if (groupOf.has(m)) {
          const other = groupOf.get(m) as number;
          const name = out[other]?.id ? `group ${quote(out[other].id)} (groups[${other}])` : `groups[${other}]`;
          c.add('in-two-groups', mp, `${quote(m)} is already in ${name}: a step is in at most one group`);
        } else {
          here.add(m);
          members.push(m);
          groupOf.set(m, i);
        }
      });
    }
    const group: Group = { id: id ?? '', steps: members };
    if (label !== undefined) group.label = label;
    // Indexed like the document, so `groupOf` can name the group (an unusable one keeps its slot).
    out[i] = group;
  }
  return { groups: out, groupOf };
}

/**
 * R18: a dependency path that leaves a group and comes back into it (`a → x → b`) could never
 * commit: `x` waits for the group to commit, and the group for `b`. Found as a cycle once each
 * group is drawn together into one node, in linear time with the same Tarjan search as
 * `checkCycles`. Run only on an acyclic graph. The same search finds groups that wait on each
 * other (`a → c`, `d → b` with a, b in one group and c, d in another): neither can commit first,
 * and the engine, which assumes every group can be decided, would never finish the run. One
 * problem per cycle, at the group the cycle is first found through:
 * `groups: "changeset-1" and "changeset-2" wait on each other: a → c (in "changeset-2") … d → b`.
 */
function checkGroupPaths(c: Checker, steps: Array<Step | undefined>, deps: Dependency[], groups: Group[], groupOf: Map<string, number>): void {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const s of steps) if (s && !indexOf.has(s.id)) indexOf.set(s.id, ids.push(s.id) - 1);
  const n = ids.length;
  const node = (id: string): number => {
    const g = groupOf.get(id);
    return g === undefined ? (indexOf.get(id) as number) : n + g;
  };
  const from: number[] = [];
  const to: number[] = [];
  const edgeDep: number[] = [];
  deps.forEach((d, k) => {
    const a = node(d.from);
    const b = node(d.to);
    if (a === b) return;
    from.push(a);
    to.push(b);
    edgeDep.push(k);
  });
  const adj = adjacency(n + groups.length, from, to);
  const { count, remaining } = topologicalOrder(adj);
  if (count === adj.n) return;
  for (const cycle of findCycles(adj, remaining)) {
    const first = cycle.steps.findIndex((v) => v >= n);
    if (first < 0) continue;
    const around = [...cycle.steps.slice(first), ...cycle.steps.slice(0, first)];
    // One dependency for each hop between nodes, in order around the cycle.
    const hops = around.map((v, i) => {
      const w = around[(i + 1) % around.length];
      for (let k = adj.start[v]; k < adj.start[v + 1]; k++) if (adj.target[k] === w) return deps[edgeDep[adj.edge[k]]];
      return deps[edgeDep[adj.edge[adj.start[v]]]];
    });
    const g = around[0] - n;
    // Each hop enters the next node on the cycle; when that node is another group, the path
    // goes on from one of its members, which waits for that whole group to commit.
    const onCycle = around.filter((v) => v >= n);
    let text = hops[0].from;
    hops.forEach((d, i) => {
      if (i > 0 && hops[i - 1].to !== d.from) text += ` … ${d.from}`;
      text += ` → ${d.to}`;
      const entered = groupOf.get(d.to);
      if (onCycle.length > 1 && entered !== undefined && entered !== g) text += ` (in ${quote(groups[entered].id)})`;
    });
    if (onCycle.length === 1) {
      c.add('leaves-group', `groups[${g}]`, `group ${quote(groups[g].id)} could never commit: the dependency path ${text} leaves the group and comes back into it`);
    } else {
      const names = onCycle.map((v) => quote(groups[v - n].id));
      const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      c.add('leaves-group', `groups[${g}]`, `groups: ${listed} wait on each other: ${text}`);
    }
  }
}

/**
 * Paths of the version-2 fields a document uses (`steps[3].when`, `groups`), in document
 * order, each with the step it concerns: a version-1 document that uses any is refused, by
 * `validate` at each path and by the migration to version 2 as a whole.
 */
export function versionTwoFields(doc: Record<string, unknown>): Array<{ path: string; step?: number }> {
  const out: Array<{ path: string; step?: number }> = [];
  const policy = own(doc, 'policy');
  if (isObject(policy)) for (const k of V2_POLICY_KEYS) if (has(policy, k)) out.push({ path: `policy.${k}` });
  const steps = own(doc, 'steps');
  if (Array.isArray(steps)) {
    steps.forEach((s, i) => {
      if (!isObject(s)) return;
      const path = `steps[${i}]`;
      for (const k of V2_STEP_KEYS) if (has(s, k)) out.push({ path: `${path}.${k}`, step: i });
      const k = own(s, 'compensation');
      if (isObject(k)) for (const key of V2_COMPENSATION_KEYS) if (has(k, key)) out.push({ path: `${path}.compensation.${key}`, step: i });
    });
  }
  for (const k of V2_ROOT_KEYS) if (has(doc, k)) out.push({ path: k });
  return out;
}

/** The message for a version-1 document that uses version-2 fields (`fields`: their paths). */
export function versionTwoMessage(fields: string[]): string {
  const shown =
    fields.length > 3
      ? `${fields.slice(0, 3).join(', ')} and ${formatCount(fields.length - 3)} more`
      : fields.length > 1
        ? `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`
        : fields[0];
  return `this is a version-1 document, but ${shown} ${fields.length === 1 ? 'is a field' : 'are fields'} of version 2: set "version": 2 to use ${fields.length === 1 ? 'it' : 'them'}`;
}

function checkVersion(c: Checker, root: Obj): void {
  if (!has(root, 'version')) {
    c.add('missing-version', 'version', `missing (expected ${SCENARIO_VERSION})`);
    return;
  }
  const v = root.version;
  // Older versions validate as they are: every change since version 1 only adds fields
  // (src/scenario/migrations.ts), and the result carries SCENARIO_VERSION.
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= OLDEST_READABLE_VERSION && v <= SCENARIO_VERSION) return;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > SCENARIO_VERSION) {
    c.add('newer-version', 'version', newerVersionMessage(v));
  } else c.add('unknown-version', 'version', `expected ${SCENARIO_VERSION}, got ${describe(v)}`);
}

/** The message for a document from the future, shared by validate, migrate and the link decoder. */
export function newerVersionMessage(version: number | string): string {
  return `made by a newer Ripple (format version ${version}); this Ripple reads format version ${SCENARIO_VERSION} — open it in a newer Ripple`;
}

/**
 * Runs every check and reports every finding, marking those the gate may repair. Never throws
 * on any input (hostile getters included: the caller of last resort is `validate`).
 */
export function checkScenario(input: unknown): CheckReport {
  const c = new Checker();
  if (!isObject(input)) {
    c.add('not-a-scenario', '', `expected a scenario object like { "version": ${SCENARIO_VERSION}, "title": …, "steps": […] }, got ${describe(input)}`);
    return { scenario: null, findings: c.findings, blocking: c.blocking, repairable: c.repairable };
  }
  c.keys(input, ROOT_KEYS, '');
  checkVersion(c, input);
  if (own(input, 'version') === 1) {
    for (const f of versionTwoFields(input)) {
      c.at = f.step === undefined ? {} : { step: f.step };
      c.add('newer-field', f.path, 'a field of version 2 in a version-1 document: set "version": 2 to use it');
    }
    c.at = {};
  }
  const title = c.string(input, 'title', '', LIMITS.title.min, LIMITS.title.max, true);
  const description = c.string(input, 'description', '', 0, LIMITS.description.max, false);
  const policy = checkPolicy(c, input);

  const steps: Array<Step | undefined> = [];
  if (!has(input, 'steps')) c.add('missing-field', 'steps', 'missing (expected a list of steps)');
  else if (!Array.isArray(input.steps)) c.add('wrong-type', 'steps', `expected a list of steps, got ${describe(input.steps)}`);
  else {
    const first = new Map<string, number>();
    const list = input.steps;
    for (let i = 0; i < list.length; i++) {
      c.at = { step: i };
      const step = checkStep(c, list[i], `steps[${i}]`);
      if (step) {
        const earlier = first.get(step.id);
        if (earlier !== undefined) {
          c.add('duplicate-id', `steps[${i}].id`, `duplicate id ${quote(step.id)} (also steps[${earlier}].id): step ids must be unique`);
        } else first.set(step.id, i);
      }
      steps.push(step);
    }
    c.at = {};
  }
  const invalid = invalidIds(input.steps);
  const deps = checkDependencies(c, input, steps, invalid);
  checkConditions(c, input, steps, deps);
  const grouped = checkGroups(c, input, steps, invalid);
  if (grouped && deps.acyclic && c.blocking === 0) checkGroupPaths(c, steps, deps.list, grouped.groups, grouped.groupOf);
  let lesson: Scenario['lesson'];
  if (has(input, 'lesson')) {
    const stepIds = new Set<string>();
    for (const s of steps) if (s) stepIds.add(s.id);
    const checked = checkLesson(input.lesson, 'lesson', stepIds);
    for (const p of checked.problems) c.add(p.code, p.path, p.message);
    lesson = checked.lesson;
  }
  const dialect = c.choice<DialectName>(input, 'dialect', '', DIALECT_NAMES);
  const context = checkContext(c, input);
  checkDialectFields(c, input, steps, context);
  checkDialectFlags(c, input, steps);

  if (c.findings.length < c.blocking + c.repairable) {
    const more = c.blocking + c.repairable - c.findings.length;
    c.findings.push({ code: 'more-problems', path: '', message: `… and ${formatCount(more)} more problem${more === 1 ? '' : 's'}` });
  }
  let scenario: Scenario | null = null;
  const spotless = c.blocking + c.repairable === 0;
  if (spotless) clean.add(input);
  if (c.blocking === 0) {
    scenario = { version: SCENARIO_VERSION, title: title as string } as Scenario;
    if (description !== undefined) scenario.description = description;
    if (policy !== undefined) scenario.policy = policy;
    scenario.steps = steps as Step[];
    scenario.dependencies = deps.list;
    if (grouped) scenario.groups = grouped.groups;
    if (lesson !== undefined) scenario.lesson = lesson;
    if (dialect !== undefined) scenario.dialect = dialect;
    if (context !== undefined) scenario.context = context;
    if (spotless) clean.add(scenario);
  }
  return { scenario, findings: c.findings, blocking: c.blocking, repairable: c.repairable };
}

/** Scenarios found clean (gate-loader.ts says by whom). */
const clean = checkedClean;

/**
 * Step fields whose check involves other steps or the scenario's own fields (the ids, a `when`
 * and the `join` it replaces, a GitHub `if` and the dialect flags, which depend on the dialect):
 * a step changed in one of them is checked with the whole scenario.
 */
const CROSS_STEP_FIELDS: ReadonlySet<string> = new Set(['id', 'when', 'join', 'if', ...DIALECT_FLAGS]);

const hasOwn = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

/** The fields of step `a` and `b` that differ, an absent field differing from one present but undefined. */
function changedFields(a: Obj, b: Obj): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(b)) if (!hasOwn(a, key) || !Object.is(a[key], b[key])) changed.push(key);
  for (const key of Object.keys(a)) if (!hasOwn(b, key)) changed.push(key);
  return changed;
}

/** A position the full check takes without a word: { x, y }, both finite numbers, nothing else. */
function plainPosition(v: unknown): boolean {
  if (!isObject(v)) return false;
  return Object.keys(v).length === 2 && Number.isFinite(own(v, 'x')) && Number.isFinite(own(v, 'y'));
}

/**
 * Whether `after` is clean given that `before` is, from what changed alone: true when `after`
 * is `before` with only some steps changed, each keeping its id and place and changed only in
 * fields checked on the step alone (a label, a duration, a failure, a position…), and each such
 * step passing those checks. False when it cannot tell (then the full check decides).
 */
function cleanEdit(before: Scenario, after: Scenario): boolean {
  if (after.version !== SCENARIO_VERSION) return false;
  const b = before as unknown as Obj;
  const a = after as unknown as Obj;
  for (const key of changedFields(b, a)) if (key !== 'steps') return false;
  const was = before.steps;
  const now = after.steps;
  if (!Array.isArray(was) || !Array.isArray(now) || was.length !== now.length) return false;
  const c = new Checker();
  for (let i = 0; i < now.length; i++) {
    const old = was[i] as unknown;
    const step = now[i] as unknown;
    if (old === step) continue;
    if (!isObject(old) || !isObject(step)) return false;
    const changed = changedFields(old, step);
    if (changed.some((key) => CROSS_STEP_FIELDS.has(key))) return false;
    // Only moved (a drag, a layout): the common case for every step at once, checked at a glance.
    if (changed.length === 1 && changed[0] === 'position' && plainPosition(step.position)) continue;
    c.at = { step: i };
    checkStep(c, step, `steps[${i}]`);
    if (c.blocking + c.repairable > 0) return false;
  }
  return true;
}

/**
 * `validate(after)` for an edit of `before`: the same answer, found from what the edit changed
 * when `before` was checked clean (a rename does not check 2,000 steps and their cycles again:
 * issue #15, no long task while editing). When the steps it changed pass the checks that concern
 * them alone, `after` is clean and is returned as the scenario (it is its own clean copy: nothing
 * in it is dropped); otherwise, or when `before` is not known clean, or the edit touched ids,
 * dependencies, groups, conditions or the scenario's own fields, the full check runs, so every
 * message is the full check's. Never throws.
 *
 * @example validateEdit(checked, renameStep(checked, 'pay', 'Pay the bill')) // { ok: true, scenario: …, warnings: [] }
 */
export function validateEdit(before: Scenario, after: Scenario): ValidationResult {
  try {
    if (clean.has(before) && cleanEdit(before, after)) {
      clean.add(after);
      return { ok: true, scenario: after, warnings: [] };
    }
  } catch {
    // Whatever went wrong, the full check below answers (and says so).
  }
  return validate(after);
}

/** A finding as a public problem (without the gate's `repairable` mark). */
export function asProblem({ repairable: _repairable, cycle: _cycle, ...problem }: Finding): Problem {
  return problem;
}

/** Prefix of the message when a check failed in a way it should never (a bug, not bad input). */
export const INTERNAL_ERROR_PREFIX = 'Internal error while checking';

/**
 * Checks untrusted input against the scenario format (version 2, or version 1 without the
 * fields version 2 added) and rule R1, reporting every
 * problem with its JSON path. Never throws.
 *
 * @example
 * validate({ version: 1, title: 'Pay', steps: [{ id: 'pay', durationMS: 5 }], dependencies: [] })
 * // → { ok: false, problems: [{ path: 'steps[0].durationMS', message: 'unknown field (did you mean "durationMs"?)' }] }
 */
export function validate(input: unknown): ValidationResult {
  try {
    const report = checkScenario(input);
    if (report.scenario && report.findings.length === 0) return { ok: true, scenario: report.scenario, warnings: [] };
    return { ok: false, problems: report.findings.map(asProblem) };
  } catch (error) {
    return { ok: false, problems: [{ code: 'internal', path: '', message: `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}` }] };
  }
}

// The store's synchronous checks reach `validate` through gate-loader.ts (issue #15): from here on they have it.
provideValidate(validate, validateEdit);
