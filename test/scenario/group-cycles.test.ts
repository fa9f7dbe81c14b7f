// R18 in the gate: groups that could never be decided are refused before the engine sees them.
// A group waits for all its members; a step outside waits for the whole group. So once each
// group is drawn as one node, any cycle means some group waits on itself: a path that leaves
// a group and comes back (`a → x → b`), or two groups waiting on each other (`a → c`, `d → b`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import type { Group, Scenario } from '../../src/scenario/types.ts';
import { scenarioArb } from '../engine/arbitraries.ts';
import { dep, lines, scenario } from './helpers.ts';

const FINAL = new Set(['succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'compensated', 'compensation-failed', 'rolled-back']);

function withGroups(ids: string[], deps: ReturnType<typeof dep>[], groups: Group[]): Scenario {
  return { ...scenario(ids, deps), groups } as Scenario;
}

function problemsOf(s: unknown): string[] {
  const r = validate(s);
  return r.ok ? [] : lines(r.problems);
}

describe('groups that wait on each other', () => {
  it('refuses two changesets where each waits for the other, naming the path through both', () => {
    // A $batch with two changesets: invoice (changeset-2) needs the order (changeset-1), and
    // the order's payment (changeset-1) needs the stock reservation (changeset-2). Neither
    // changeset can commit before the other.
    const s = withGroups(['order', 'payment', 'invoice', 'reserve'], [dep('order', 'invoice'), dep('reserve', 'payment')], [
      { id: 'changeset-1', steps: ['order', 'payment'] },
      { id: 'changeset-2', steps: ['invoice', 'reserve'] },
    ]);
    const r = validate(s);
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'leaves-group',
        path: 'groups[0]',
        message: 'groups: "changeset-1" and "changeset-2" wait on each other: order → invoice (in "changeset-2") … reserve → payment',
      },
    ]);
  });

  it('names every group around a longer ring', () => {
    const s = withGroups(['a', 'b', 'c', 'd', 'e', 'f'], [dep('a', 'c'), dep('d', 'e'), dep('f', 'b')], [
      { id: 'g1', steps: ['a', 'b'] },
      { id: 'g2', steps: ['c', 'd'] },
      { id: 'g3', steps: ['e', 'f'] },
    ]);
    expect(problemsOf(s)).toEqual([
      'groups[0]: groups: "g1", "g2" and "g3" wait on each other: a → c (in "g2") … d → e (in "g3") … f → b',
    ]);
  });

  it('still calls a path that leaves one group and comes back a leave-and-return', () => {
    const s = withGroups(['a', 'x', 'b'], [dep('a', 'x'), dep('x', 'b')], [{ id: 'changeset-1', steps: ['a', 'b'] }]);
    expect(problemsOf(s)).toEqual([
      'groups[0]: group "changeset-1" could never commit: the dependency path a → x → b leaves the group and comes back into it',
    ]);
  });

  it('accepts two groups when only one waits for the other', () => {
    const s = withGroups(['a', 'b', 'c', 'd'], [dep('a', 'c'), dep('b', 'd')], [
      { id: 'g1', steps: ['a', 'b'] },
      { id: 'g2', steps: ['c', 'd'] },
    ]);
    const r = validate(s);
    expect(r.ok).toBe(true);
    const run = simulate(r.ok ? r.scenario : (s as Scenario));
    expect(Object.values(run.steps).map((x) => x.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });
});

/** A random DAG with up to three random groups, dependencies not looked at: the gate must sort them out. */
const groupedDag = fc
  .record({
    base: scenarioArb({ maxSteps: 9, abort: true }),
    picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 9, maxLength: 9 }),
    whenRolls: fc.array(fc.nat(5), { minLength: 9, maxLength: 9 }),
  })
  .map(({ base, picks, whenRolls }): Scenario => {
    const s = structuredClone(base);
    const groups: Group[] = [];
    s.steps.forEach((step, i) => {
      const g = picks[i][1];
      if (g === 0) return; // not in a group
      (groups[g - 1] ??= { id: `changeset-${g}`, steps: [] }).steps.push(step.id);
      // Some steps take a condition over their prerequisites instead of `on`.
      const prerequisites = s.dependencies.filter((d) => d.to === step.id).map((d) => d.from);
      if (prerequisites.length > 0 && whenRolls[i] === 0) {
        step.when = prerequisites.map((p) => `${p}.Succeeded || ${p}.Skipped`).join(' || ');
        delete step.join;
        for (const d of s.dependencies) if (d.to === step.id) delete d.on;
      }
    });
    const used = groups.filter((g) => g !== undefined);
    if (used.length > 0) s.groups = used;
    return s;
  });

describe('property: the gate refuses what the engine cannot decide', () => {
  it('for random DAGs with random groups, validate refuses or simulate ends with every step final', () => {
    let refused = 0;
    fc.assert(
      fc.property(groupedDag, (s) => {
        const r = validate(s);
        if (!r.ok) {
          refused++;
          return;
        }
        const run = simulate(r.scenario);
        for (const id of r.scenario.steps.map((st) => st.id)) expect(FINAL.has(run.steps[id].state), `${id}: ${run.steps[id].state}`).toBe(true);
      }),
      { seed: 1018, numRuns: 1000 },
    );
    // Both sides of the property are exercised.
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(950);
  });
});
