// Property tests over random DAGs (issue #2 §8). Fixed seed, so a failure is reproducible; the
// counter-examples found while building the engine are kept as named regressions at the end.
import fc from 'fast-check';
import { replay, simulate } from '../../src/engine/index.ts';
import type { RunResult } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ancestors, fixEverything, scenarioArb } from './arbitraries.ts';
import { dep, scenario, states, step } from './helpers.ts';

// Fixed; RIPPLE_SEED=n explores other seeds locally (pin what they find below).
const SEED = Number(process.env.RIPPLE_SEED ?? 424);
const RUNS = 1000;
const params = { seed: SEED, numRuns: RUNS };

function prerequisites(s: Scenario, id: string) {
  return s.dependencies.filter((d) => d.to === id).map((d) => ({ from: d.from, on: d.on ?? 'success' }));
}

/** No step starts before its success prerequisites succeeded (R4/R5); without fail-fast it may, but then it fails with missing output (R6). */
function checkStartOrder(s: Scenario, run: RunResult): void {
  const join = new Map(s.steps.map((st) => [st.id, st.join ?? 'all']));
  const succeededAt = new Map<string, number>();
  const finalAt = new Map<string, number>();
  const attemptEnd = new Map<string, string>();
  for (const e of run.events) {
    if (e.step === undefined) continue;
    if (e.type === 'succeeded') succeededAt.set(e.step, e.seq);
    if (e.type === 'failed' || e.type === 'timed-out' || e.type === 'succeeded') attemptEnd.set(`${e.step}#${e.attempt}`, e.message ?? '');
    const final =
      e.type === 'succeeded' || e.type === 'blocked' || e.type === 'skipped' || e.type === 'cancelled' ||
      ((e.type === 'failed' || e.type === 'timed-out') && e.willRetry === false);
    if (final && !finalAt.has(e.step)) finalAt.set(e.step, e.seq);
  }
  for (const e of run.events) {
    if (e.type !== 'started') continue;
    const id = e.step!;
    const prereqs = prerequisites(s, id);
    if (join.get(id) === 'any') {
      // Ready the moment one is satisfied: at least one prerequisite was final before.
      if (prereqs.length > 0) expect(prereqs.some((p) => (finalAt.get(p.from) ?? Infinity) < e.seq)).toBe(true);
      continue;
    }
    const success = prereqs.filter((p) => p.on === 'success');
    if (success.every((p) => (succeededAt.get(p.from) ?? Infinity) < e.seq)) continue;
    // Only possible without fail-fast, and that attempt then fails for the missing output.
    expect(s.policy?.failFast).toBe(false);
    expect(attemptEnd.get(`${id}#${e.attempt}`) ?? '').toMatch(/^(missing output of |timed out after )/);
    expect(run.steps[id].state).not.toBe('succeeded');
  }
}

/** Every 424 names a direct prerequisite and a failed ancestor as root cause (R5). */
function checkBlocked(s: Scenario, run: RunResult): void {
  const edges = new Set(s.dependencies.map((d) => `${d.from}→${d.to}`));
  for (const [id, r] of Object.entries(run.steps)) {
    if (r.state !== 'blocked') continue;
    expect(r.status).toBe(424);
    expect(edges.has(`${r.failedPrerequisiteStep}→${id}`)).toBe(true);
    const root = r.rootCauseStep!;
    expect(ancestors(s, id).has(root)).toBe(true);
    expect(run.steps[root].state).toBe('failed');
    expect(run.steps[root].rootCauseStep).toBeUndefined();
    const path = r.dependencyPath!;
    expect(path[0]).toBe(root);
    expect(path.at(-1)).toBe(id);
    expect(path.at(-2)).toBe(r.failedPrerequisiteStep);
    for (let k = 1; k < path.length; k++) expect(edges.has(`${path[k - 1]}→${path[k]}`)).toBe(true);
  }
  for (const e of run.events) {
    if (e.type !== 'blocked') continue;
    expect(edges.has(`${e.failedPrerequisiteStep}→${e.step}`)).toBe(true);
    expect(ancestors(s, e.step!).has(e.rootCauseStep!)).toBe(true);
  }
}

/** Compensation runs over succeeded steps only, one at a time, in reverse order of completion (R10). */
function checkCompensation(s: Scenario, run: RunResult): void {
  const saga = s.policy?.compensation === 'saga';
  const bad = Object.values(run.steps).some((r) => r.state === 'failed' || r.state === 'blocked');
  if (!saga || !bad) {
    expect(run.compensationOrder).toEqual([]);
    expect(run.events.some((e) => e.type.startsWith('compensation'))).toBe(false);
    return;
  }
  const completedAt = new Map<string, number>();
  for (const e of run.events) if (e.type === 'succeeded') completedAt.set(e.step!, e.seq);
  const forwardSucceeded = Object.entries(run.steps)
    .filter(([, r]) => r.state === 'succeeded' || r.state === 'compensated' || r.state === 'compensation-failed')
    .map(([id]) => id)
    .sort((a, b) => completedAt.get(b)! - completedAt.get(a)!);
  const handler = new Set(s.steps.filter((st) => st.compensation).map((st) => st.id));
  expect(run.compensationOrder).toEqual(forwardSucceeded.filter((id) => handler.has(id)));
  expect(run.uncompensated).toEqual(forwardSucceeded.filter((id) => !handler.has(id)));
  for (const id of run.compensationOrder) {
    expect(['compensated', 'compensation-failed']).toContain(run.steps[id].state);
  }
  // One at a time: each rollback starts when the previous ends, after every forward event.
  const comp = run.events.filter((e) => e.type.startsWith('compensation'));
  const lastForward = run.events.filter((e) => !e.type.startsWith('compensation') && e.type !== 'run-finished').at(-1)!;
  for (let k = 0; k < comp.length; k += 2) {
    expect(comp[k].type).toBe('compensation-started');
    expect(comp[k + 1].step).toBe(comp[k].step);
    if (k > 0) expect(comp[k].t).toBe(comp[k - 1].t);
    expect(comp[k].seq).toBeGreaterThan(lastForward.seq);
  }
}

const sameStates = (a: RunResult, b: RunResult) =>
  expect(Object.fromEntries(Object.entries(a.steps).map(([id, r]) => [id, [r.state, r.status]]))).toEqual(
    Object.fromEntries(Object.entries(b.steps).map(([id, r]) => [id, [r.state, r.status]])),
  );

// Each property takes about a second on an idle machine; the timeout only guards a loaded one.
const slow = { timeout: 60_000 };

describe('properties of simulate over random DAGs', slow, () => {
  it('no step starts before its success prerequisites succeeded', () => {
    fc.assert(
      fc.property(scenarioArb({ artifacts: true, abort: true }), (s) => checkStartOrder(s, simulate(s))),
      params,
    );
  });

  it('every 424 has a failed ancestor as root cause and a direct prerequisite as failedPrerequisiteStep', () => {
    fc.assert(
      fc.property(scenarioArb({ artifacts: true, abort: true }), (s) => checkBlocked(s, simulate(s))),
      params,
    );
  });

  it('with graph-aware repairs (steps unblocked and re-run), both still hold', () => {
    fc.assert(
      fc.property(scenarioArb({ repairs: true, abort: true }), (s) => {
        const run = simulate(s);
        checkStartOrder(s, run);
        checkBlocked(s, run);
        checkCompensation(s, run);
      }),
      params,
    );
  });

  it('compensation runs in reverse completion order over succeeded steps only', () => {
    fc.assert(
      fc.property(scenarioArb({ artifacts: true, abort: true }), (s) => checkCompensation(s, simulate(s))),
      params,
    );
  });

  it('identical input gives identical output', () => {
    fc.assert(
      fc.property(scenarioArb({ artifacts: true, abort: true }), (s) => {
        expect(JSON.stringify(simulate(structuredClone(s)))).toBe(JSON.stringify(simulate(s)));
      }),
      params,
    );
  });
});

describe('properties of replay over random DAGs', slow, () => {
  it('a replay with nothing fixed fails the same way', () => {
    // Timing-independent scenarios: a replay changes when things happen (kept steps are done at
    // once), so races on artifacts, aborts, void-before-broken orderings and repair counts are
    // left out here; each is covered by its own unit test.
    fc.assert(
      fc.property(scenarioArb({ conditions: ['success', 'always'], stableFailures: true }), (s) => {
        const run = simulate(s);
        const r = replay(s, run);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.run.outcome).toBe(run.outcome);
        sameStates(r.value.run, run);
      }),
      params,
    );
  });

  it('a replay after fixing every failure ends like a fresh run of the fixed scenario, and never re-runs a kept step', () => {
    fc.assert(
      fc.property(scenarioArb({ artifacts: true, abort: true }), (s) => {
        const run = simulate(s);
        // A failure repaired during the run may already have fired failure-triggered steps,
        // which a replay rightly keeps: see the regression "repaired-then-kept" below.
        fc.pre(!run.events.some((e) => e.type === 'unblocked'));
        const fixed = fixEverything(s);
        const r = replay(fixed, run);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { plan, run: again } = r.value;
        sameStates(again, simulate(fixed));
        for (const id of plan.keep) {
          expect(again.events.some((e) => e.step === id && e.type === 'started')).toBe(false);
          expect(again.steps[id]).toEqual({ ...run.steps[id], reused: true });
        }
        expect(again.events.every((e) => e.replay === true && e.t >= run.durationMs)).toBe(true);
      }),
      params,
    );
  });
});

describe('regressions found by the properties', () => {
  it('repaired-then-kept: an alert fired by a failure that a graph-aware retry later repaired is kept by a replay', () => {
    // Found by "a replay after fixing every failure…" (seed 424): k fails once, h's retry
    // repairs it, but the alert j (on: failure) had already run. Nothing ends failed, so a
    // replay keeps everything, while a fresh run of the fixed scenario skips the alert.
    const s = scenario(
      [step('k', { fail: { status: 400, times: 1 } }), step('h', { retry: { maxAttempts: 2 } }), step('j')],
      [dep('k', 'h'), dep('k', 'j', 'failure')],
    );
    const run = simulate(s);
    expect(states(run)).toEqual({ k: 'succeeded', h: 'succeeded', j: 'succeeded' });
    const r = replay(fixEverything(s), run);
    expect(r.ok && r.value.plan.keep).toEqual(['k', 'h', 'j']);
    expect(states(simulate(fixEverything(s))).j).toBe('skipped');
  });
});
