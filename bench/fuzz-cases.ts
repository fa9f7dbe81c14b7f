// The fuzzer's case generator and runner, shared by `npm run fuzz` (bench/fuzz.ts, 100,000
// cases) and the Vitest suite (test/scenario/fuzz.test.ts, a few thousand). Every case feeds
// untrusted input to one of the gate's entry points — decodeScenarioLink or openScenario —
// and the only acceptable outcomes are a valid scenario or a typed error. A throw, an
// "internal error" answer, an untyped error or an accepted scenario that fails `validate`
// is a failure. The `open:groups` cases (random atomic groups and run conditions over a small
// pipeline) also simulate what the gate accepts: the engine assumes validated input, so a
// scenario it cannot finish (a step not final at the end) is a gate failure too.
import { deflateSync, inflateSync } from 'fflate';
import { decodeScenarioLink, encodeScenarioLink, frameLinkPayload } from '../src/scenario/link-codec.ts';
import { openScenario } from '../src/scenario/open-scenario.ts';
import { INTERNAL_ERROR_PREFIX, validate } from '../src/scenario/validate.ts';
import { crc8, fromBase64Url, readVarint, toBase64Url, writeVarint } from '../src/scenario/bytes.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { simulate } from '../src/engine/simulate.ts';
import { generatedScenario, prng, sagaScenario } from './sample-scenarios.ts';

export type FuzzTarget = 'link' | 'open';

/** Results of a finished run: every step ends in one of these (src/engine/phases.ts, `final`). */
const FINAL_STATES = new Set(['succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'compensated', 'compensation-failed', 'rolled-back']);

export interface FuzzCase {
  target: FuzzTarget;
  /** How the input was made: `link:truncate`, `open:wrong-type`, … */
  mutation: string;
  input: unknown;
  /** Also simulate the scenario when the gate accepts it. */
  simulate?: boolean;
}

const LINK_KINDS = new Set(['truncated', 'unknown-version', 'newer-version', 'too-large', 'corrupt', 'invalid']);
// openScenario's kinds (OpenErrorKind): a string that starts like YAML and is not YAML is 'not-yaml'.
const OPEN_KINDS = new Set(['too-large', 'not-json', 'not-yaml', 'newer-version', 'unknown-version', 'invalid']);

/** Valid material to mutate, built once per process (the big inputs are the slow part). */
interface Pool {
  scenarios: Scenario[];
  texts: string[];
  links: string[];
  payloads: string[];
  bomb: string;
  hugeText: string;
  tooManySteps: string;
}

let cachedPool: Pool | undefined;

/** The compact JSON payload inside a valid r1 link. */
export function payloadOf(link: string): string {
  const b64 = fromBase64Url(link.slice(3));
  if (!b64.ok) throw new Error('not a valid link');
  const head = readVarint(b64.bytes, 0) as { value: number; length: number };
  const start = head.length + 1;
  return new TextDecoder().decode(inflateSync(b64.bytes.subarray(start, start + head.value)));
}

/** The first valid scenario `withGroupsAndWhen` makes from seeds 1, 2, … with two groups and a condition: links with groups to mutate. */
function validGroupedScenario(): Scenario {
  for (let seed = 1; ; seed++) {
    const s = withGroupsAndWhen(prng(seed), generatedScenario(9, seed));
    const check = validate(s);
    if (check.ok && (s.groups?.length ?? 0) >= 2 && s.steps.some((st) => st.when !== undefined)) return check.scenario;
  }
}

function pool(): Pool {
  if (cachedPool) return cachedPool;
  const scenarios = [sagaScenario(), generatedScenario(1, 3), generatedScenario(5, 5), generatedScenario(20, 20), generatedScenario(64), generatedScenario(40, 7)];
  scenarios.push({ version: 2, title: 'Empty', steps: [], dependencies: [] });
  scenarios.push(validGroupedScenario());
  const links = scenarios.flatMap((s) => [
    encodeScenarioLink(s),
    encodeScenarioLink(s, { at: 120, play: true, ...(s.steps[0] ? { select: s.steps[0].id } : {}) }),
  ]);
  // A payload of 3 MB of zeros deflates to a few kB: a decompression bomb behind a valid frame.
  const bomb = frameLinkPayload(`["bomb",[${'0,'.repeat(1_500_000)}0],[]]`);
  const big = generatedScenario(2_500, 9);
  cachedPool = {
    scenarios,
    texts: scenarios.map((s) => JSON.stringify(s)),
    links,
    payloads: links.map(payloadOf),
    bomb,
    hugeText: JSON.stringify({ ...big, description: 'x'.repeat(1_100_000) }),
    tooManySteps: JSON.stringify(big),
  };
  return cachedPool;
}

type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const pick = <T>(rand: Rand, list: readonly T[]): T => list[int(rand, list.length)];

/**
 * The scenario with up to three random atomic groups (members drawn at random, sometimes a
 * missing id or a step twice) and random `when` conditions (sometimes naming a step that is
 * not a prerequisite, or in a condition over a dependency that keeps its `on`). Nothing is
 * checked: groups that wait on each other, paths that leave a group and come back, and bad
 * conditions are all for the gate to find.
 */
function withGroupsAndWhen(rand: Rand, base: Scenario): Scenario {
  const s = JSON.parse(JSON.stringify(base)) as Scenario;
  const ids = s.steps.map((st) => st.id);
  const TERMS = ['Succeeded', 'Failed', 'Blocked', 'Skipped', 'Cancelled'];
  for (const step of s.steps) {
    if (rand() < 0.3) step.fail = { status: pick(rand, [400, 409, 500, 503]) };
    const prerequisites = s.dependencies.filter((d) => d.to === step.id).map((d) => d.from);
    if (prerequisites.length > 0 && rand() < 0.3) {
      const term = () => {
        const id = rand() < 0.05 ? pick(rand, ids) : pick(rand, prerequisites);
        return rand() < 0.3 ? id : `${rand() < 0.2 ? '!' : ''}${id}.${pick(rand, TERMS)}`;
      };
      step.when = rand() < 0.5 ? term() : `${term()} ${pick(rand, ['&&', '||'])} (${term()} || ${term()})`;
    }
  }
  for (const d of s.dependencies) if (rand() < 0.1) d.on = pick(rand, ['failure', 'always'] as const);
  // Members are drawn without replacement, so most documents get past the membership checks
  // to the path checks; one draw in 50 repeats a step or names a missing one.
  const free = [...ids];
  const groups: NonNullable<Scenario['groups']> = [];
  for (let g = 0, count = int(rand, 4); g < count && free.length > 0; g++) {
    const members: string[] = [];
    for (let k = 0, size = 2 + int(rand, 3); k < size && free.length > 0; k++) {
      const odd = rand();
      if (odd < 0.01) members.push('no-such-step');
      else if (odd < 0.02) members.push(pick(rand, ids));
      else members.push(free.splice(int(rand, free.length), 1)[0]);
    }
    groups.push({ id: `changeset-${g + 1}`, steps: members });
  }
  if (groups.length > 0) s.groups = groups;
  if (rand() < 0.3) s.policy = { ...s.policy, onFailure: 'abort' };
  if (rand() < 0.2) s.policy = { ...s.policy, failFast: false };
  return s;
}

const ALPHABETS = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#%&=+/ r',
  '{}[]":,0123456789.-eE truefalsnul\\\n',
];

function randomString(rand: Rand, max: number): string {
  const n = int(rand, max);
  if (rand() < 0.2) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(int(rand, 0x10000));
    return s;
  }
  const alphabet = pick(rand, ALPHABETS);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[int(rand, alphabet.length)];
  return s;
}

/** A random JSON-like value, at most `depth` deep. */
function randomValue(rand: Rand, depth: number): unknown {
  const r = int(rand, depth > 0 ? 10 : 7);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick(rand, [0, -0, -1, 1, 424, 599, 1.5, 1e308, -1e308, 2 ** 53, 3_600_001, Number.MAX_SAFE_INTEGER + 2]);
    case 3:
      return int(rand, 1000) - 100;
    case 4:
      return randomString(rand, 12);
    case 5:
      return pick(rand, ['', 'a', '__proto__', 'constructor', 'success', 'any', '<script>', 'r1.', 'x'.repeat(300)]);
    case 6:
      return undefined;
    case 7:
    case 8: {
      const n = int(rand, 4);
      return Array.from({ length: n }, () => randomValue(rand, depth - 1));
    }
    default: {
      const o: Record<string, unknown> = {};
      const keys = ['id', 'from', 'to', 'x', 'y', 'status', 'timeout', 'label', 'steps', '__proto__', 'durationMS', 'on'];
      for (let i = int(rand, 4); i > 0; i--) o[pick(rand, keys)] = randomValue(rand, depth - 1);
      return o;
    }
  }
}

/** Replaces one random node of a JSON tree (a fresh copy) with a random value. */
function mutateTree(rand: Rand, root: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  const holders: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const stack: unknown[] = [copy];
  while (stack.length > 0 && holders.length < 5_000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        holders.push({ parent: node, key: i });
        stack.push(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        holders.push({ parent: node as Record<string, unknown>, key: k });
        stack.push(child);
      }
    }
  }
  if (holders.length === 0) return randomValue(rand, 2);
  for (let edits = 1 + int(rand, 3); edits > 0; edits--) {
    const { parent, key } = pick(rand, holders);
    const action = int(rand, 4);
    if (action === 0 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
    else if (action === 1 && !Array.isArray(parent)) (parent as Record<string, unknown>)[pick(rand, ['durationMS', 'extra', '__proto__', 'Id'])] = randomValue(rand, 1);
    else (parent as Record<string | number, unknown>)[key] = randomValue(rand, 2);
  }
  return copy;
}

function nested(rand: Rand): string {
  const depth = 1 + int(rand, rand() < 0.02 ? 200_000 : 2_000);
  return rand() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function bitFlipChar(rand: Rand, s: string): string {
  const i = int(rand, s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << int(rand, 7))) + s.slice(i + 1);
}

function bitFlipBytes(rand: Rand, link: string): string {
  const b64 = fromBase64Url(link.slice(3));
  if (!b64.ok) return link;
  const bytes = b64.bytes.slice();
  const flips = 1 + int(rand, 3);
  for (let k = 0; k < flips; k++) bytes[int(rand, bytes.length)] ^= 1 << int(rand, 8);
  return link.slice(0, 3) + toBase64Url(bytes);
}

function linkCase(rand: Rand, p: Pool): FuzzCase {
  const link = pick(rand, p.links);
  const r = int(rand, 100);
  const c = (mutation: string, input: string): FuzzCase => ({ target: 'link', mutation: `link:${mutation}`, input });
  if (r < 8) return c('random', randomString(rand, 200));
  if (r < 14) return c('random-body', 'r1.' + randomString(rand, 300).replace(/[^A-Za-z0-9_-]/g, 'A'));
  if (r < 26) return c('truncate', link.slice(0, int(rand, link.length)));
  if (r < 36) return c('bit-flip-char', bitFlipChar(rand, link));
  if (r < 48) return c('bit-flip-bytes', bitFlipBytes(rand, link));
  if (r < 54) return c('swap-version', pick(rand, ['r0.', 'r2.', 'r9.', 'r10.', 'r01.', 'x1.', 'R1.', '', 'r1', 'v1.']) + link.slice(3));
  if (r < 58) return c('repeat', rand() < 0.5 ? link + link : link + link.slice(3));
  if (r < 60) return c('huge', 'r1.' + 'A'.repeat(150_000 + int(rand, 150_000)));
  if (r < 61) return c('bomb', p.bomb);
  if (r < 64) return c('deep-nesting', frameLinkPayload(nested(rand)));
  if (r < 67) {
    const d = 1 + int(rand, 5_000);
    return c('deep-in-label', frameLinkPayload(`["t",[["a",2,${'['.repeat(d)}${']'.repeat(d)}]],[]]`));
  }
  if (r < 80) return c('wrong-types', frameLinkPayload(JSON.stringify(mutateTree(rand, JSON.parse(pick(rand, p.payloads)))) ?? 'null'));
  if (r < 85) return c('random-json', frameLinkPayload(JSON.stringify(randomValue(rand, 4)) ?? 'null'));
  if (r < 88) {
    // A well-formed header around data that is not deflate, or deflate that fails its CRC-32.
    const data = rand() < 0.5 ? Uint8Array.from({ length: 1 + int(rand, 200) }, () => int(rand, 256)) : deflateSync(new TextEncoder().encode(randomString(rand, 100)));
    const length = writeVarint(data.length);
    const bytes = new Uint8Array([...length, crc8(length), ...data, int(rand, 256), int(rand, 256), int(rand, 256), int(rand, 256)]);
    return c('random-deflate', 'r1.' + toBase64Url(bytes));
  }
  if (r < 92) return c('url', pick(rand, ['https://r.example/#', 'https://r.example/?q=1#', '#', '']) + link);
  if (r < 95) return c('percent', link.slice(0, int(rand, link.length)) + pick(rand, ['%', '%E0%A4%A', '%25', '%41']) + link.slice(int(rand, link.length)));
  return c('valid', link);
}

function openCase(rand: Rand, p: Pool): FuzzCase {
  const i = int(rand, p.scenarios.length);
  const r = int(rand, 100);
  const c = (mutation: string, input: unknown): FuzzCase => ({ target: 'open', mutation: `open:${mutation}`, input });
  if (r < 10) return c('random-text', randomString(rand, 200));
  if (r < 20) return c('truncate-text', p.texts[i].slice(0, int(rand, p.texts[i].length)));
  if (r < 26) return c('bit-flip-text', bitFlipChar(rand, p.texts[i]));
  if (r < 50) return c('wrong-types', mutateTree(rand, p.scenarios[i]));
  if (r < 58) return c('wrong-types-text', JSON.stringify(mutateTree(rand, p.scenarios[i])) ?? '');
  if (r < 63) return c('deep-nesting', nested(rand));
  if (r < 70) return c('random-value', randomValue(rand, 4));
  if (r < 76) {
    return c('version', { ...p.scenarios[i], version: pick(rand, [0, 2, 99, -1, 1.5, '1', null, undefined, 2 ** 60]) });
  }
  if (r < 78) return c('huge-text', p.hugeText);
  if (r < 79) return c('too-many-steps', p.tooManySteps);
  if (r < 84) {
    const s = p.scenarios[i];
    const mangled = { ...s, steps: s.steps.map((st) => ({ ...st, position: randomValue(rand, 1) })) };
    return c('positions', mangled);
  }
  if (r < 90) return c('proto-keys', p.texts[i].replace('"title"', '"__proto__":{"polluted":1},"constructor":{},"title"'));
  if (r < 95) {
    const base = generatedScenario(3 + int(rand, 10), 1 + int(rand, 1_000));
    return { ...c('groups', withGroupsAndWhen(rand, base)), simulate: true };
  }
  return c('valid', rand() < 0.5 ? p.scenarios[i] : p.texts[i]);
}

/** `count` cases from `seed`, alternating evenly between the two entry points. */
export function* fuzzCases(seed: number, count: number): Generator<FuzzCase> {
  const rand = prng(seed);
  const p = pool();
  for (let n = 0; n < count; n++) yield rand() < 0.5 ? linkCase(rand, p) : openCase(rand, p);
}

export interface FuzzFailure {
  mutation: string;
  problem: string;
  /** The start of the input, to reproduce by hand. */
  input: string;
}

export interface FuzzStats {
  cases: number;
  accepted: number;
  /** Rejected with a typed error (a known kind and a message). */
  rejected: number;
  /** Threw instead of answering: must be 0. */
  threw: number;
  /** Answered, but wrongly: internal errors, unknown kinds, accepted-but-invalid scenarios. Must be 0. */
  wrong: number;
  byKind: Record<string, number>;
  byMutation: Record<string, { accepted: number; rejected: number; failed: number }>;
  failures: FuzzFailure[];
  ms: number;
}

function preview(input: unknown): string {
  if (typeof input === 'string') return input.length > 120 ? `${input.slice(0, 120)}… (${input.length} chars)` : input;
  try {
    const s = JSON.stringify(input) ?? String(input);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  } catch {
    return '(unprintable)';
  }
}

/** Runs one case; returns what happened. */
export function runCase(fc: FuzzCase): { outcome: 'accepted' | 'rejected' | 'threw' | 'wrong'; kind?: string; problem?: string } {
  let result: ReturnType<typeof decodeScenarioLink> | ReturnType<typeof openScenario>;
  try {
    result = fc.target === 'link' ? decodeScenarioLink(fc.input as string) : openScenario(fc.input);
  } catch (error) {
    return { outcome: 'threw', problem: `threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
  }
  if (result.ok) {
    const check = validate(result.scenario);
    if (!check.ok) return { outcome: 'wrong', problem: `accepted an invalid scenario: ${check.problems[0].path}: ${check.problems[0].message}` };
    if (fc.simulate) {
      let run: ReturnType<typeof simulate>;
      try {
        run = simulate(result.scenario);
      } catch (error) {
        return { outcome: 'threw', problem: `the engine threw on an accepted scenario: ${error instanceof Error ? error.message : String(error)}` };
      }
      const open = result.scenario.steps.find((st) => !FINAL_STATES.has(run.steps[st.id]?.state));
      if (open) return { outcome: 'wrong', problem: `step ${open.id} ended ${run.steps[open.id]?.state ?? 'without a result'}` };
    }
    return { outcome: 'accepted' };
  }
  const { kind, message } = 'error' in result ? result.error : result;
  const kinds = fc.target === 'link' ? LINK_KINDS : OPEN_KINDS;
  if (!kinds.has(kind)) return { outcome: 'wrong', problem: `unknown error kind ${String(kind)}` };
  if (typeof message !== 'string' || message.length === 0) return { outcome: 'wrong', problem: 'error without a message' };
  if (message.startsWith(INTERNAL_ERROR_PREFIX)) return { outcome: 'wrong', problem: message };
  return { outcome: 'rejected', kind };
}

/** Runs `count` cases from `seed`. `now` is injected so this module stays clock-free in tests. */
export function runFuzz(seed: number, count: number, now: () => number = () => 0): FuzzStats {
  const stats: FuzzStats = { cases: 0, accepted: 0, rejected: 0, threw: 0, wrong: 0, byKind: {}, byMutation: {}, failures: [], ms: 0 };
  const start = now();
  for (const fc of fuzzCases(seed, count)) {
    const r = runCase(fc);
    stats.cases++;
    const m = (stats.byMutation[fc.mutation] ??= { accepted: 0, rejected: 0, failed: 0 });
    if (r.outcome === 'accepted') {
      stats.accepted++;
      m.accepted++;
    } else if (r.outcome === 'rejected') {
      stats.rejected++;
      m.rejected++;
      const key = `${fc.target}:${r.kind}`;
      stats.byKind[key] = (stats.byKind[key] ?? 0) + 1;
    } else {
      if (r.outcome === 'threw') stats.threw++;
      else stats.wrong++;
      m.failed++;
      if (stats.failures.length < 20) stats.failures.push({ mutation: fc.mutation, problem: r.problem ?? '', input: preview(fc.input) });
    }
  }
  stats.ms = now() - start;
  return stats;
}
