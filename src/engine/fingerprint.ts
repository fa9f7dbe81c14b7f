// A run's correlation id is a hash of what the scenario says, so the same scenario always gets
// the same id (traces stay byte-identical) and any change of behaviour gets a new one. Drawing
// positions are left out: moving a node does not change the run. FNV-1a style, 32 bits: tiny,
// fast, and plenty for telling runs apart (it is not a security boundary).
import type { Scenario } from '../scenario/types.ts';
import type { Graph } from './graph.ts';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

export class Fnv {
  h = OFFSET;

  /**
   * Mixes a tag or 32-bit integer in one step (FNV's step over a whole word, then a shift so
   * high bits reach the low ones); strings, the bulk of a scenario, go character by character.
   */
  int(x: number): this {
    const h = Math.imul(this.h ^ x, PRIME);
    this.h = h ^ (h >>> 15);
    return this;
  }

  str(s: string): this {
    let h = this.h;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
    // The length ends the string, so ("ab", "c") and ("a", "bc") differ.
    this.h = h;
    return this.int(s.length);
  }

  num(x: number): this {
    if ((x | 0) === x) return this.int(1).int(x);
    return this.int(2).str(String(x));
  }

  /** Optional values: absent and present-but-empty must hash differently. */
  optStr(s: string | undefined): this {
    return s === undefined ? this.int(0) : this.int(1).str(s);
  }

  optNum(x: number | undefined): this {
    return x === undefined ? this.int(0) : this.num(x);
  }

  optBool(b: boolean | undefined): this {
    return this.int(b === undefined ? 0 : b ? 2 : 1);
  }

  hex(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0');
  }
}

/** Hashes every field the engine reads, in a fixed order, so key order in the file does not matter. */
export function fingerprintScenario(scenario: Scenario, g: Graph, h = new Fnv()): Fnv {
  h.int(scenario.version).str(scenario.title).optStr(scenario.description);
  const p = scenario.policy;
  if (p === undefined) h.int(0);
  else {
    h.int(1).optBool(p.failFast).optStr(p.onFailure).optStr(p.compensation).optStr(p.retryMode).optNum(p.concurrency);
  }
  const steps = scenario.steps;
  h.int(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    h.str(s.id).optStr(s.label).optStr(s.request).optNum(s.durationMs).optNum(s.timeoutMs);
    const f = s.fail;
    if (f === undefined) h.int(0);
    else h.int(1).optNum(f.status).optStr(f.message).optNum(f.times).optBool(f.timeout);
    const r = s.retry;
    if (r === undefined) h.int(0);
    else h.int(1).optNum(r.maxAttempts).optNum(r.delayMs).optNum(r.factor);
    const c = s.compensation;
    if (c === undefined) h.int(0);
    else {
      h.int(1).optStr(c.label).optNum(c.durationMs);
      if (c.fail === undefined) h.int(0);
      else h.int(1).num(c.fail.status).optStr(c.fail.message);
    }
    h.optBool(s.idempotent).optStr(s.join);
    hashList(h, s.produces);
    hashList(h, s.consumes);
  }
  // Dependencies by step index: the ids were hashed above, so this is the same information
  // for a fraction of the work.
  const m = g.depFrom.length;
  h.int(m);
  for (let e = 0; e < m; e++) h.int(g.depFrom[e]).int(g.depTo[e]).int(g.depCond[e]);
  return h;
}

function hashList(h: Fnv, list: string[] | undefined): void {
  if (list === undefined) {
    h.int(0);
    return;
  }
  h.int(list.length + 1);
  for (const x of list) h.str(x);
}
