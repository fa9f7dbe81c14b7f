// R13: replay from the failed step. The edited scenario keeps the run's steps and dependencies
// (behaviour may change); steps that succeeded and are not downstream of anything redone keep
// their results, the rest run again on a clock that continues after the previous run.
// This half plans without simulating (the editor's replay panel draws the plan before the
// engine is loaded, issue #15); replay.ts runs the plan.
import type { Problem, Scenario } from '../scenario/types.ts';
import { buildGraph, COND_NAMES, indexOf, markDescendants, type Graph } from './graph.ts';
import type { ReplayPlan, ReplayReason, Result, RunResult, StepResult, StepState } from './types.ts';
import { idRecord } from './records.ts';

/**
 * Works out what a replay would redo, without running it. `from` defaults to every step that
 * failed in `previousRun`. Differences in step ids or dependencies, unknown `from` steps and
 * `from` steps that succeeded come back as `{ ok: false, error: Problem[] }`.
 *
 * @example
 * planReplay(fixed, run) // → { ok: true, value: { from: ['authorize-payment'],
 *                        //     rerun: ['authorize-payment', 'create-invoice'], keep: ['create-order'], warnings: [],
 *                        //     reasons: [{ step: 'authorize-payment', reason: 'from' },
 *                        //               { step: 'create-invoice', reason: 'did-not-succeed' }] } }
 */
export function planReplay(scenario: Scenario, previousRun: RunResult, from?: readonly string[]): Result<ReplayPlan> {
  const planned = plan(scenario, previousRun, from);
  return planned.ok ? { ok: true, value: planned.value.plan } : planned;
}

/** A plan with what running it needs: the graph, the id record and the kept results. */
export interface Planned {
  plan: ReplayPlan;
  graph: Graph;
  /** The record that becomes the replay's `steps`. */
  steps: Record<string, unknown>;
  kept: Map<number, StepResult>;
}

const SUCCEEDED_BEFORE: ReadonlySet<StepState> = new Set(['succeeded', 'compensated', 'compensation-failed']);

/** Plans the replay (see `planReplay`), keeping the graph and kept results for `replay`. */
export function plan(scenario: Scenario, previousRun: RunResult, from: readonly string[] | undefined): Result<Planned> {
  let g: Graph;
  const steps = idRecord<unknown>();
  try {
    g = buildGraph(scenario);
  } catch (e) {
    // The engine takes validated scenarios; an invalid one is still an answer, not a crash.
    return { ok: false, error: [{ code: 'internal', path: '', message: e instanceof Error ? e.message : String(e) }] };
  }
  const problems = graphDifferences(g, previousRun);
  if (problems.length > 0) return { ok: false, error: problems };

  const prev = previousRun.steps;
  const n = g.n;
  const fromSet = new Uint8Array(n);
  if (from === undefined) {
    for (let i = 0; i < n; i++) if (prev[g.ids[i]].state === 'failed') fromSet[i] = 1;
  } else {
    for (const id of from) {
      const i = indexOf(g, id);
      if (i === undefined) {
        problems.push({ code: 'missing-step', path: 'from', message: `no step "${id}" in the scenario` });
        continue;
      }
      const state = prev[id].state;
      if (state === 'succeeded') {
        problems.push({
          code: 'not-replayable',
          path: 'from',
          step: i,
          message: `${id} succeeded in the previous run; replay from a step that failed, was blocked or did not run`,
        });
        continue;
      }
      fromSet[i] = 1;
    }
    if (problems.length > 0) return { ok: false, error: problems };
  }

  // rerun = from ∪ every step that did not end succeeded ∪ all their descendants.
  const rerun = new Uint8Array(n);
  const seeds: number[] = [];
  for (let i = 0; i < n; i++) if (fromSet[i] || prev[g.ids[i]].state !== 'succeeded') seeds.push(i);
  markDescendants(g, seeds, rerun, true);

  // For each step, its first prerequisite (in scenario order) that runs again; -1 when none.
  const rerunAfter = new Int32Array(n).fill(-1);
  for (let e = 0; e < g.depFrom.length; e++) if (rerun[g.depFrom[e]] && rerunAfter[g.depTo[e]] < 0) rerunAfter[g.depTo[e]] = g.depFrom[e];

  const p: ReplayPlan = { from: [], rerun: [], keep: [], warnings: [], reasons: [] };
  const kept = new Map<number, StepResult>();
  for (let i = 0; i < n; i++) {
    const id = g.ids[i];
    if (fromSet[i]) p.from.push(id);
    if (!rerun[i]) {
      p.keep.push(id);
      kept.set(i, prev[id]);
      continue;
    }
    p.rerun.push(id);
    p.reasons.push(rerunReason(g, i, fromSet[i] === 1, prev[id].state, rerunAfter));
    const state = prev[id].state;
    if (SUCCEEDED_BEFORE.has(state) && scenario.steps[i].idempotent === false) {
      p.warnings.push({
        code: 'repeats-effect',
        path: `steps[${i}]`,
        step: i,
        message: `${id} succeeded in the previous run and is not idempotent: running it again repeats its effect`,
      });
    }
    if (state === 'compensation-failed') {
      p.warnings.push({
        code: 'partial-state',
        path: `steps[${i}]`,
        step: i,
        message: `${id}'s compensation failed in the previous run: the replay acts on partial state`,
      });
    }
  }
  return { ok: true, value: { plan: p, graph: g, steps, kept } };
}

/** Why step i runs again: the first that applies of from, its own previous state, a prerequisite that runs again. */
function rerunReason(g: Graph, i: number, isFrom: boolean, state: StepState, rerunAfter: Int32Array): ReplayReason {
  const step = g.ids[i];
  if (isFrom) return { step, reason: 'from' };
  switch (state) {
    case 'compensated':
    case 'compensation-failed':
      return { step, reason: state };
    case 'failed':
    case 'blocked':
    case 'skipped':
    case 'cancelled':
      return { step, reason: 'did-not-succeed' };
    case 'succeeded':
      break;
  }
  if (rerunAfter[i] >= 0) return { step, reason: 'downstream', after: g.ids[rerunAfter[i]] };
  // markDescendants only marks a succeeded step through a prerequisite that runs again.
  return { step, reason: 'did-not-succeed' };
}

/** The edited scenario must have the run's steps and dependencies; lists every difference. */
function graphDifferences(g: Graph, previousRun: RunResult): Problem[] {
  const problems: Problem[] = [];
  const prevIds = Object.keys(previousRun.steps);
  const prevSet = new Set(prevIds);
  for (let i = 0; i < g.n; i++) {
    const id = g.ids[i];
    if (!prevSet.has(id)) problems.push({ code: 'not-in-previous-run', path: `steps[${i}].id`, step: i, message: `step "${id}" was not in the previous run` });
  }
  for (const id of prevIds) {
    if (indexOf(g, id) === undefined) problems.push({ code: 'missing-from-previous-run', path: 'steps', message: `step "${id}" of the previous run is missing` });
  }
  const before = previousRun.graph;
  if (before !== undefined) {
    const key = (from: string, to: string, on: string) => `${from}\u0000${to}\u0000${on}`;
    const had = new Set(before.from.map((f, k) => key(f, before.to[k], before.on[k])));
    const has = new Set<string>();
    for (let e = 0; e < g.depFrom.length; e++) {
      const f = g.ids[g.depFrom[e]];
      const t = g.ids[g.depTo[e]];
      const on = COND_NAMES[g.depCond[e]];
      const k = key(f, t, on);
      has.add(k);
      if (!had.has(k)) {
        problems.push({ code: 'not-in-previous-run', path: `dependencies[${e}]`, dependency: e, message: `${f} → ${t} (${on}) was not in the previous run` });
      }
    }
    for (let k = 0; k < before.from.length; k++) {
      const [f, t, on] = [before.from[k], before.to[k], before.on[k]];
      if (!has.has(key(f, t, on))) {
        problems.push({ code: 'missing-from-previous-run', path: 'dependencies', message: `${f} → ${t} (${on}) of the previous run is missing` });
      }
    }
  }
  return problems;
}
