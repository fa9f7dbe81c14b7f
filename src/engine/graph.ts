// The scenario's dependency graph in flat arrays (compressed adjacency lists), so the
// simulation walks integers instead of looking ids up in maps. Edge order inside each list is
// the order of `scenario.dependencies`, which keeps every walk deterministic.
import type { DependencyCondition, Scenario } from '../scenario/types.ts';
import { adjacency, markReachable, type Adjacency } from '../scenario/graph-algorithms.ts';
import { parseWhen, type WhenNode } from '../scenario/when.ts';
import { IdTable } from './id-table.ts';

export const SUCCESS = 0;
export const FAILURE = 1;
export const ALWAYS = 2;
export type Cond = typeof SUCCESS | typeof FAILURE | typeof ALWAYS;

export const COND_NAMES: readonly DependencyCondition[] = ['success', 'failure', 'always'];

export function condCode(c: DependencyCondition): Cond {
  switch (c) {
    case 'success':
      return SUCCESS;
    case 'failure':
      return FAILURE;
    case 'always':
      return ALWAYS;
  }
}

/** Prerequisites of step i: `from[start[i] .. start[i + 1])`, with their conditions. */
export interface InAdjacency {
  start: Int32Array;
  from: Int32Array;
  cond: Uint8Array;
}

export interface Graph {
  n: number;
  ids: string[];
  /** id → step index (`indexOf`). */
  index: IdTable;
  /** Dependents of each step (src/scenario/graph-algorithms.ts). */
  out: Adjacency;
  /** Dependents of step i: `outTo[outStart[i] .. outStart[i + 1])`, with their conditions (`out`'s rows). */
  outStart: Int32Array;
  outTo: Int32Array;
  outCond: Uint8Array;
  /** Number of prerequisites of each step. */
  indeg: Int32Array;
  /** Prerequisite lists, built on first use by `inAdjacency` (most runs never need them). */
  in: InAdjacency | null;
  /** Per dependency, in scenario order: its endpoints as step indices. */
  depFrom: Int32Array;
  depTo: Int32Array;
  depCond: Uint8Array;
  /** R14: each step's parsed `when` (undefined: none), or null when no step has one. */
  when: (WhenCondition | undefined)[] | null;
  /** R18: each step's atomic group (an index into `groups`, -1: none), or null when there are none. */
  groupOf: Int32Array | null;
  groups: GroupOfSteps[];
  /**
   * GitHub Actions `continue-on-error: true` (a step's `continueOnError`): 1 where a failure of
   * the step is seen by its dependents as success, or null when no step has it (see `seenAs`).
   */
  continueOnError: Uint8Array | null;
}

/** An atomic group (R18): its id and its members, by step index in scenario order. */
export interface GroupOfSteps {
  id: string;
  members: number[];
}

/**
 * A step's run condition (R14), parsed once per run. Its terms name the step's direct
 * prerequisites by id (`indexOf` gives their indices).
 */
export interface WhenCondition {
  /** The expression as written, for reasons and explanations. */
  expr: string;
  ast: WhenNode;
  /** The prerequisite ids the expression mentions, each once, in order of appearance (`mentionedSteps` of `ast`). */
  steps: readonly string[];
}

/**
 * Builds the flat graph of a scenario. Throws on an unknown step id: the engine takes scenarios
 * that already passed `validate`.
 *
 * Ids are resolved through an `IdTable` (src/engine/id-table.ts): at 100,000 steps the id
 * table is the costliest thing a run builds, and one sized up front takes its ids about twice
 * as fast as a `Map` grown key by key (issue #15; the result's `steps` record is filled on its
 * first read, src/engine/result.ts).
 */
export function buildGraph(scenario: Scenario): Graph {
  const steps = scenario.steps;
  const deps = scenario.dependencies;
  const n = steps.length;
  const m = deps.length;
  const ids = new Array<string>(n);
  let withWhen = false;
  // One pass over the step objects for everything read from them here: at 100,000 steps they
  // are ~35 MB, far more than the CPU's caches hold, so each pass costs memory traffic (issue #15).
  let continueOnError: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const step = steps[i];
    ids[i] = step.id;
    if (step.when !== undefined) withWhen = true;
    if (step.continueOnError === true) {
      continueOnError ??= new Uint8Array(n);
      continueOnError[i] = 1;
    }
  }
  const table = IdTable.of(ids);
  if (typeof table === 'number') {
    throw new Error(`simulate: step ids are not unique ("${ids[table]}" appears twice); validate the scenario first`);
  }
  const depFrom = new Int32Array(m);
  const depTo = new Int32Array(m);
  const depCond = new Uint8Array(m);
  const indeg = new Int32Array(n);
  // Dependency lists are usually grouped by target or source: remember the last lookup of each.
  let lastFrom: string | undefined;
  let lastTo: string | undefined;
  let f: number | undefined;
  let t: number | undefined;
  for (let e = 0; e < m; e++) {
    const d = deps[e];
    if (d.from !== lastFrom) {
      lastFrom = d.from;
      f = table.get(lastFrom);
    }
    if (d.to !== lastTo) {
      lastTo = d.to;
      t = table.get(lastTo);
    }
    if (f === undefined || t === undefined) {
      throw new Error(`simulate: dependencies[${e}] names an unknown step; validate the scenario first`);
    }
    depFrom[e] = f;
    depTo[e] = t;
    const on = d.on;
    depCond[e] = on === undefined || on === 'success' ? SUCCESS : condCode(on);
    indeg[t]++;
  }
  const out = adjacency(n, depFrom, depTo);
  const outCond = new Uint8Array(m);
  for (let k = 0; k < m; k++) outCond[k] = depCond[out.edge[k]];
  const g: Graph = {
    n,
    ids,
    index: table,
    out,
    outStart: out.start,
    outTo: out.target,
    outCond,
    indeg,
    in: null,
    depFrom,
    depTo,
    depCond,
    when: null,
    groupOf: null,
    groups: [],
    continueOnError,
  };
  if (withWhen) g.when = parseConditions(scenario, g);
  if (scenario.groups !== undefined && scenario.groups.length > 0) {
    const groupOf = new Int32Array(n).fill(-1);
    for (const group of scenario.groups) {
      const k = g.groups.length;
      const members: number[] = [];
      for (const id of group.steps) {
        const i = table.get(id);
        if (i === undefined || groupOf[i] >= 0) throw new Error(`simulate: group "${group.id}" names an unknown or already grouped step; validate the scenario first`);
        groupOf[i] = k;
        members.push(i);
      }
      // Members are usually listed in scenario order already: sort only when they are not.
      if (!ascending(members)) members.sort((a, b) => a - b);
      g.groups.push({ id: group.id, members });
    }
    g.groupOf = groupOf;
  }
  return g;
}

function ascending(xs: readonly number[]): boolean {
  for (let k = 1; k < xs.length; k++) if (xs[k - 1] > xs[k]) return false;
  return true;
}

/**
 * Parses every `when` once (R14). Throws on a bad one: the engine takes validated scenarios.
 * One list of prerequisite ids serves every condition in turn (parseWhen keeps no reference
 * to it), so a run with thousands of conditions makes no list or Map per condition (issue #15).
 */
function parseConditions(scenario: Scenario, g: Graph): (WhenCondition | undefined)[] {
  const prerequisiteLists = inAdjacency(g);
  const out = new Array<WhenCondition | undefined>(g.n);
  const names: string[] = [];
  // listedFor[p] === i + 1: prerequisite p is in step i's list already.
  const listedFor = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) {
    const expr = scenario.steps[i].when;
    if (expr === undefined) continue;
    names.length = 0;
    for (let e = prerequisiteLists.start[i]; e < prerequisiteLists.start[i + 1]; e++) {
      const p = prerequisiteLists.from[e];
      // A step listed twice is named once.
      if (listedFor[p] === i + 1) continue;
      listedFor[p] = i + 1;
      names.push(g.ids[p]);
    }
    const parsed = parseWhen(expr, g.ids[i], names);
    if (!parsed.ok) {
      throw new Error(`simulate: steps[${i}].when: ${parsed.problems[0].message}; validate the scenario first`);
    }
    out[i] = { expr, ast: parsed.ast, steps: parsed.steps };
  }
  return out;
}

/** The index of step `id`, or undefined when the scenario has no such step. */
export function indexOf(g: Graph, id: string): number | undefined {
  return g.index.get(id);
}

/** The prerequisite lists of every step, built once per graph on first use. */
export function inAdjacency(g: Graph): InAdjacency {
  if (g.in !== null) return g.in;
  const rows = adjacency(g.n, g.depTo, g.depFrom);
  const cond = new Uint8Array(rows.edge.length);
  for (let k = 0; k < cond.length; k++) cond[k] = g.depCond[rows.edge[k]];
  g.in = { start: rows.start, from: rows.target, cond };
  return g.in;
}

/** Marks every step reachable from `roots` (the roots themselves included when `includeRoots`). */
export function markDescendants(g: Graph, roots: Iterable<number>, mark: Uint8Array, includeRoots: boolean): void {
  markReachable(g.out, roots, mark, includeRoots);
}

/**
 * R15: marks each finally step, one whose incoming dependencies are all `on: "always"` (at
 * least one). Abort (R8) does not cancel them: a teardown runs once its prerequisites are
 * final, even when they were cancelled (GitHub's `if: always()`, Airflow teardown tasks, Argo
 * `onExit`). A correction of R8 that applies to version-1 scenarios too.
 */
export function finallySteps(g: Graph): Uint8Array {
  const other = new Uint8Array(g.n);
  const mark = new Uint8Array(g.n);
  for (let e = 0; e < g.depTo.length; e++) {
    const t = g.depTo[e];
    if (g.depCond[e] === ALWAYS) mark[t] = 1;
    else other[t] = 1;
  }
  for (let i = 0; i < g.n; i++) if (other[i]) mark[i] = 0;
  return mark;
}
