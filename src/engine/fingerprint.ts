// A run's correlation id is a hash of what the scenario says, so the same scenario always gets
// the same id (traces stay byte-identical) and any change of behaviour gets a new one. Drawing
// positions are left out: moving a node does not change the run. FNV-1a style, 32 bits: tiny,
// fast, and plenty for telling runs apart (it is not a security boundary).
import type { Scenario } from '../scenario/types.ts';
import type { Graph } from './graph.ts';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

// Pure functions on a number, so the whole walk stays in registers.

/** Mixes a tag or 32-bit integer in one step (FNV's step over a whole word, then a shift so high bits reach the low ones). */
function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, PRIME);
  return h ^ (h >>> 15);
}

/** Strings go character by character; the length ends them, so ("ab", "c") and ("a", "bc") differ. */
export function mixStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return mix(h, s.length);
}

function mixNum(h: number, x: number): number {
  return (x | 0) === x ? mix(mix(h, 1), x) : mixStr(mix(h, 2), String(x));
}

/** Optional values: absent and present-but-empty must hash differently. */
function optStr(h: number, s: string | undefined): number {
  return s === undefined ? mix(h, 0) : mixStr(mix(h, 1), s);
}

function optNum(h: number, x: number | undefined): number {
  return x === undefined ? mix(h, 0) : mixNum(h, x);
}

function optBool(h: number, b: boolean | undefined): number {
  return mix(h, b === undefined ? 0 : b ? 2 : 1);
}

function optList(h: number, list: string[] | undefined): number {
  if (list === undefined) return mix(h, 0);
  h = mix(h, list.length + 1);
  for (const x of list) h = mixStr(h, x);
  return h;
}

/** An FNV-style hash, continued by `mixStr` etc.; `hex` renders it. */
export function hex(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Hashes every field the engine reads, in a fixed order, so key order in the file does not matter. */
export function fingerprintScenario(scenario: Scenario, g: Graph): number {
  // Not the format version: a version-1 scenario and its version-2 migration mean the same run
  // and keep their correlation id. Version-2 fields are hashed only when present, for the same reason.
  let h = mix(OFFSET, 1);
  h = optStr(mixStr(h, scenario.title), scenario.description);
  const p = scenario.policy;
  if (p === undefined) h = mix(h, 0);
  else {
    h = optBool(mix(h, 1), p.failFast);
    h = optStr(optStr(optStr(h, p.onFailure), p.compensation), p.retryMode);
    h = optNum(h, p.concurrency);
    if (p.compensationErrors !== undefined) h = mixStr(mix(h, 3), p.compensationErrors);
  }
  const steps = scenario.steps;
  h = mix(h, steps.length);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    h = mixStr(h, s.id);
    h = optStr(optStr(h, s.label), s.request);
    h = optNum(optNum(h, s.durationMs), s.timeoutMs);
    const f = s.fail;
    if (f === undefined) h = mix(h, 0);
    else h = optBool(optNum(optStr(optNum(mix(h, 1), f.status), f.message), f.times), f.timeout);
    const r = s.retry;
    if (r === undefined) h = mix(h, 0);
    else h = optNum(optNum(optNum(mix(h, 1), r.maxAttempts), r.delayMs), r.factor);
    const c = s.compensation;
    if (c === undefined) h = mix(h, 0);
    else {
      h = optNum(optStr(mix(h, 1), c.label), c.durationMs);
      h = c.fail === undefined ? mix(h, 0) : optStr(mixNum(mix(h, 1), c.fail.status), c.fail.message);
      if (c.evenIfFailed !== undefined) h = optBool(mix(h, 3), c.evenIfFailed);
    }
    h = optStr(optBool(h, s.idempotent), s.join);
    h = optList(optList(h, s.produces), s.consumes);
    // Version-2 fields, each behind its own tag so it cannot be confused with another.
    if (s.when !== undefined) h = mixStr(mix(h, 4), s.when);
    if (s.successStatus !== undefined) h = mixNum(mix(h, 5), s.successStatus);
    if (s.if !== undefined) h = mixStr(mix(h, 7), s.if);
    // Issue #11: the dialect flags (types.ts), one bit each, hashed only when one is true.
    const flags = (s.continueOnError ? 1 : 0) | (s.continueOnFailed ? 2 : 0) | (s.catch ? 4 : 0) | (s.failState ? 8 : 0);
    if (flags !== 0) h = mixNum(mix(h, 9), flags);
  }
  const groups = scenario.groups;
  if (groups !== undefined) {
    h = mix(mix(h, 6), groups.length);
    for (const group of groups) h = optList(optStr(mixStr(h, group.id), group.label), group.steps);
  }
  // Issue #11: the GitHub context, hashed only when present (names sorted: their order means nothing).
  const context = scenario.context;
  if (context !== undefined) {
    const keys = Object.keys(context).sort();
    h = mix(mix(h, 8), keys.length);
    for (const key of keys) h = mixStr(mixStr(h, key), context[key]);
  }
  // Dependencies by step index: the ids were hashed above, so this is the same information
  // for a fraction of the work.
  const m = g.depFrom.length;
  h = mix(h, m);
  for (let e = 0; e < m; e++) h = mix(mix(mix(h, g.depFrom[e]), g.depTo[e]), g.depCond[e]);
  return h;
}
