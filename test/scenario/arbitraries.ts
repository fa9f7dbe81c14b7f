// fast-check arbitraries for VALID version-2 scenarios: every optional field, unicode and
// markup in every text, lone surrogates, -0 and extreme doubles in positions, random DAGs with
// every dependency condition; and version 2's run conditions over each step's prerequisites,
// success statuses, saga options, atomic groups, dialects and a lesson. Used by the codec
// round-trip property and the gate's properties.
import fc from 'fast-check';
import type { Dependency, DependencyCondition, FailSpec, Group, Policy, Scenario, Step } from '../../src/scenario/types.ts';
import { DIALECT_NAMES } from '../../src/scenario/types.ts';
import { WHEN_RESULTS } from '../../src/scenario/when.ts';
import { validate } from '../../src/scenario/validate.ts';

/** Texts that have broken renderers and encoders before. */
const NASTY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"quoted" \\ back\\slash',
  '💳 payment — ✓ ünïcödé 支付',
  'مرحبا بالعالم',
  '\u0000\u001f\u007f',
  '\ud800 lone surrogate',
  '\udfff',
  '👨‍👩‍👧‍👦',
  '   ',
  '',
  '__proto__',
  'constructor',
  '%F0%9F%92%A9 #r1.AAAA',
];

/** Text of at most `max` code points (and at least `min`). */
export function text(max: number, min = 0): fc.Arbitrary<string> {
  const nasty = NASTY.filter((s) => [...s].length <= max && s.length >= min);
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: max }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(max, 30) }), weight: 3 },
    { arbitrary: fc.constantFrom(...(nasty.length > 0 ? nasty : ['x'.repeat(Math.max(1, min))])), weight: 2 },
  );
}

export const stepId: fc.Arbitrary<string> = fc
  .oneof(fc.stringMatching(/^[a-z][a-z-]{0,11}$/), fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/))
  .filter((id) => id !== '__proto__');

const int = (min: number, max: number) => fc.integer({ min, max });
const ms = int(0, 3_600_000);
const failStatus = int(400, 599).filter((s) => s !== 424);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const failByStatus: fc.Arbitrary<FailSpec> = fc.record(
  { status: failStatus, message: text(200), times: int(1, 1_000_000), timeout: fc.constant(false) },
  { requiredKeys: ['status'], noNullPrototype: true },
);
const failByTimeout: fc.Arbitrary<FailSpec> = fc.record(
  { timeout: fc.constant(true), message: text(200), times: int(1, 10) },
  { requiredKeys: ['timeout'], noNullPrototype: true },
);

const stepArb: fc.Arbitrary<Step> = fc
  .record(
    {
      id: stepId,
      label: text(120),
      request: text(200),
      durationMs: ms,
      fail: fc.oneof(failByStatus, failByTimeout),
      timeoutMs: int(1, 3_600_000),
      retry: fc.record(
        {
          maxAttempts: int(1, 100),
          delayMs: fc.oneof(int(0, 10_000), fc.double({ min: 0, max: 3_600_000, noNaN: true })),
          factor: fc.oneof(fc.constantFrom(1, 2, 1.5), fc.double({ min: 1, max: 10, noNaN: true })),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
      compensation: fc.record(
        {
          label: text(120),
          durationMs: ms,
          fail: fc.record({ status: int(400, 599), message: text(200) }, { requiredKeys: ['status'], noNullPrototype: true }),
          evenIfFailed: fc.boolean(),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
      idempotent: fc.boolean(),
      join: fc.constantFrom('all', 'any'),
      produces: fc.array(text(64, 1), { maxLength: 3 }),
      consumes: fc.array(text(64, 1), { maxLength: 3 }),
      position: fc.record({ x: finite, y: finite }, { noNullPrototype: true }),
      successStatus: fc.oneof(fc.constantFrom(200, 201, 202, 204), int(200, 299)),
    },
    { requiredKeys: ['id'], noNullPrototype: true },
  )
  .map((s) => {
    // `fail: { timeout: true }` needs the step's timeoutMs; a label equal to the id is left as
    // is on purpose (canonical form strips it).
    const step = s as Step;
    if (step.fail?.timeout === true && step.timeoutMs === undefined) return { ...step, timeoutMs: 1_000 };
    return step;
  });

const policyArb: fc.Arbitrary<Partial<Policy>> = fc.record(
  {
    failFast: fc.boolean(),
    onFailure: fc.constantFrom('continue', 'abort'),
    compensation: fc.constantFrom('none', 'saga'),
    retryMode: fc.constantFrom('graph-aware', 'naive'),
    concurrency: fc.oneof(int(0, 8), fc.maxSafeNat()),
    compensationErrors: fc.constantFrom('continue', 'stop'),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const condition: fc.Arbitrary<DependencyCondition | undefined> = fc.constantFrom(undefined, 'success', 'failure', 'always');

/**
 * A valid scenario: unique ids, and dependencies that point from a lower to a higher rank of
 * a random permutation (so the graph is acyclic whatever the array order), one per pair.
 */
export function scenarioArb(maxSteps = 12): fc.Arbitrary<Scenario> {
  return fc
    .uniqueArray(stepArb, { selector: (s) => s.id, maxLength: maxSteps })
    .chain((steps) => {
      const n = steps.length;
      const edges =
        n < 2
          ? fc.constant([] as Array<[number, number, DependencyCondition | undefined]>)
          : fc.uniqueArray(fc.tuple(int(0, n - 1), int(0, n - 1), condition), {
              selector: ([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`),
              maxLength: n * 2,
            });
      return fc.record(
        {
          version: fc.constant(2 as const),
          title: text(120, 1),
          description: text(2000),
          policy: policyArb,
          steps: fc.constant(steps),
          rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          edges,
          dialect: fc.constantFrom(...DIALECT_NAMES),
          lesson: fc.record({ intro: text(200).map((t) => `Predict the run. ${t.replace(/\s+/g, ' ')}`), challenges: fc.constant([{ kind: 'predict' as const }]) }, { noNullPrototype: true }),
          seeds: fc.array(fc.nat(), { minLength: n, maxLength: n }),
          groupCuts: fc.array(fc.tuple(int(0, Math.max(0, n - 1)), int(1, 3), fc.boolean()), { maxLength: 3 }),
        },
        { requiredKeys: ['version', 'title', 'steps', 'rank', 'edges', 'seeds', 'groupCuts'], noNullPrototype: true },
      );
    })
    .map(({ rank, edges, seeds, groupCuts, ...rest }) => {
      const position = new Map(rank.map((stepIndex, r) => [stepIndex, r]));
      const dependencies: Dependency[] = [];
      for (const [a, b, on] of edges) {
        if (a === b) continue;
        const [from, to] = (position.get(a) as number) < (position.get(b) as number) ? [a, b] : [b, a];
        const dep: Dependency = { from: rest.steps[from].id, to: rest.steps[to].id };
        if (on !== undefined) dep.on = on;
        dependencies.push(dep);
      }
      const steps = rest.steps.map((step, i) => withWhen(step, dependencies, seeds[i]));
      const scenario = { ...rest, steps, dependencies } as Scenario;
      const groups = validGroups(scenario, rank, groupCuts);
      return groups === undefined ? scenario : { ...scenario, groups };
    });
}

/**
 * One step in three with prerequisites gets a `when` over them (bare ids, `<id>.<Result>`,
 * `!`, `&&`, `||`, parentheses, chosen by the digits of `seed`); its incoming `on` and its
 * `join` become the defaults the gate allows beside it.
 */
function withWhen(step: Step, dependencies: Dependency[], seed: number): Step {
  const incoming = dependencies.filter((d) => d.to === step.id);
  if (incoming.length === 0 || seed % 3 !== 0) return step;
  let bits = Math.floor(seed / 3);
  const take = (n: number): number => {
    const v = bits % n;
    bits = Math.floor(bits / n);
    return v;
  };
  const terms = incoming.map((d) => {
    const form = take(3);
    const term = form === 0 ? d.from : `${d.from}.${WHEN_RESULTS[take(WHEN_RESULTS.length)]}`;
    return form === 2 ? `!${term}` : term;
  });
  let when = terms[0];
  for (let i = 1; i < terms.length; i++) {
    const op = take(2) === 0 ? '&&' : '||';
    when = take(3) === 0 ? `(${when} ${op} ${terms[i]})` : `${when} ${op} ${terms[i]}`;
  }
  for (const d of incoming) if (d.on !== undefined && d.on !== 'success') delete d.on;
  const { join, ...rest } = step;
  return join === 'any' ? { ...rest, when } : { ...step, when };
}

/**
 * Up to three groups, each a run of 1–3 steps in rank order starting at a cut, kept only while
 * the scenario stays valid (a group may not be left and re-entered; ids are unique across
 * steps and groups). Undefined for none, or sometimes an empty list (canonical form strips it).
 */
function validGroups(scenario: Scenario, rank: number[], cuts: Array<[number, number, boolean]>): Group[] | undefined {
  const groups: Group[] = [];
  const used = new Set<string>();
  const ids = new Set(scenario.steps.map((s) => s.id));
  cuts.forEach(([at, size, labelled], k) => {
    const members = rank
      .slice(at, at + size)
      .map((i) => scenario.steps[i].id)
      .filter((id) => !used.has(id));
    const id = `group-${k}`;
    if (members.length === 0 || ids.has(id)) return;
    const group: Group = labelled ? { id, label: `Change set ${k}`, steps: members } : { id, steps: members };
    if (!validate({ ...scenario, groups: [...groups, group] }).ok) return;
    groups.push(group);
    for (const m of members) used.add(m);
  });
  if (groups.length === 0) return cuts.length > 0 && cuts[0][2] ? [] : undefined;
  return groups;
}

/** Link extras that are valid for `scenario`. */
export function extrasArb(scenario: Scenario): fc.Arbitrary<{ at?: number; select?: string; play?: boolean }> {
  const ids = scenario.steps.map((s) => s.id);
  return fc.record(
    {
      at: fc.oneof(int(0, 100_000), fc.double({ min: 0, max: 1e9, noNaN: true })),
      select: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(undefined),
      play: fc.boolean(),
    },
    { requiredKeys: [], noNullPrototype: true },
  ) as fc.Arbitrary<{ at?: number; select?: string; play?: boolean }>;
}
