// A run's correlation id is a hash of what the scenario says, so the same scenario always gets
// the same id (traces stay byte-identical) and any change of behaviour gets a new one. Drawing
// positions are left out: moving a node does not change the run. FNV-1a style, 32 bits: tiny,
// fast, and plenty for telling runs apart (it is not a security boundary).
import type { Scenario, Step } from '../scenario/types.ts';
import type { Graph } from './graph.ts';

/** What the hash reads of the graph: the dependencies as step indices, in scenario order. */
export type DependencyColumns = Pick<Graph, 'depFrom' | 'depTo' | 'depCond'>;

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
export function fingerprintScenario(scenario: Scenario, g: DependencyColumns): number {
  const steps = scenario.steps;
  let h = fingerprintHead(scenario);
  for (let i = 0; i < steps.length; i++) h = fingerprintStep(h, steps[i]);
  return fingerprintTail(h, scenario, g);
}

/** `fingerprintScenario`'s head: title, description, policy and the number of steps. */
function fingerprintHead(scenario: Scenario): number {
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
  return mix(h, scenario.steps.length);
}

/** Continues hash `h` with step `s`'s fields (see `fingerprintHead`). */
function fingerprintStep(h: number, s: Step): number {
  // Only the fields a step has are read: steps of many shapes make every read of a field by
  // name a slow (megamorphic) lookup, and most of the twenty fields below are absent (issue
  // #15). The hash is the same as reading each field in turn: an absent field reads undefined.
  let label: string | undefined;
  let request: string | undefined;
  let durationMs: number | undefined;
  let timeoutMs: number | undefined;
  let f: Step['fail'];
  let r: Step['retry'];
  let c: Step['compensation'];
  let idempotent: boolean | undefined;
  let join: string | undefined;
  let produces: string[] | undefined;
  let consumes: string[] | undefined;
  let when: string | undefined;
  let successStatus: number | undefined;
  let condition: string | undefined;
  let flags = 0;
  for (const key in s) {
    switch (key) {
      case 'label':
        label = s.label;
        break;
      case 'request':
        request = s.request;
        break;
      case 'durationMs':
        durationMs = s.durationMs;
        break;
      case 'timeoutMs':
        timeoutMs = s.timeoutMs;
        break;
      case 'fail':
        f = s.fail;
        break;
      case 'retry':
        r = s.retry;
        break;
      case 'compensation':
        c = s.compensation;
        break;
      case 'idempotent':
        idempotent = s.idempotent;
        break;
      case 'join':
        join = s.join;
        break;
      case 'produces':
        produces = s.produces;
        break;
      case 'consumes':
        consumes = s.consumes;
        break;
      case 'when':
        when = s.when;
        break;
      case 'successStatus':
        successStatus = s.successStatus;
        break;
      case 'if':
        condition = s.if;
        break;
      case 'continueOnError':
        if (s.continueOnError) flags |= 1;
        break;
      case 'continueOnFailed':
        if (s.continueOnFailed) flags |= 2;
        break;
      case 'catch':
        if (s.catch) flags |= 4;
        break;
      case 'failState':
        if (s.failState) flags |= 8;
        break;
      default:
        // The id is hashed first, below; positions and unknown fields change no run.
        break;
    }
  }
  h = mixStr(h, s.id);
  h = optStr(optStr(h, label), request);
  h = optNum(optNum(h, durationMs), timeoutMs);
  if (f === undefined) h = mix(h, 0);
  else h = optBool(optNum(optStr(optNum(mix(h, 1), f.status), f.message), f.times), f.timeout);
  if (r === undefined) h = mix(h, 0);
  else h = optNum(optNum(optNum(mix(h, 1), r.maxAttempts), r.delayMs), r.factor);
  if (c === undefined) h = mix(h, 0);
  else {
    h = optNum(optStr(mix(h, 1), c.label), c.durationMs);
    h = c.fail === undefined ? mix(h, 0) : optStr(mixNum(mix(h, 1), c.fail.status), c.fail.message);
    if (c.evenIfFailed !== undefined) h = optBool(mix(h, 3), c.evenIfFailed);
  }
  h = optStr(optBool(h, idempotent), join);
  h = optList(optList(h, produces), consumes);
  // Version-2 fields, each behind its own tag so it cannot be confused with another.
  if (when !== undefined) h = mixStr(mix(h, 4), when);
  if (successStatus !== undefined) h = mixNum(mix(h, 5), successStatus);
  if (condition !== undefined) h = mixStr(mix(h, 7), condition);
  // Issue #11: the dialect flags (types.ts), one bit each, hashed only when one is true.
  if (flags !== 0) h = mixNum(mix(h, 9), flags);
  return h;
}

/** Ends hash `h` with the scenario's groups, context and dependencies (see `fingerprintHead`). */
function fingerprintTail(h: number, scenario: Scenario, g: DependencyColumns): number {
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

/**
 * A run's correlation id, `run-` and 8 hex digits: the hash of every field the engine reads
 * (`fingerprintScenario`), and for a replay its previous run's id and salt, so a replay never
 * shares its run's id. The result makes it on first read (result.ts): at 10,000 steps hashing
 * every step was about a tenth of a run (issue #15).
 *
 * @example
 * correlationIdOf(scenario, graph, null) // → 'run-1a2b3c4d'
 */
export function correlationIdOf(scenario: Scenario, g: DependencyColumns, replay: { replayOf: string; salt: string } | null): string {
  let h = fingerprintScenario(scenario, g);
  if (replay) h = mixStr(mixStr(h, replay.replayOf), replay.salt);
  return `run-${hex(h)}`;
}
