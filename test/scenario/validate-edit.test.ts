import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Scenario, Step } from '../../src/scenario/types.ts';
import { validate, validateEdit } from '../../src/scenario/validate.ts';
import { scenarioArb } from './arbitraries.ts';

// Issue #15: an edit is checked by what it changed (`validateEdit`) when the scenario it edits
// was checked clean. Whatever the edit, the answer and every message must be the full check's.

type Edit = (s: Scenario) => Scenario;

const onStep = (pick: number, change: (step: Step, s: Scenario) => Step | null): Edit => (s) => {
  if (s.steps.length === 0) return s;
  const i = pick % s.steps.length;
  const changed = change(s.steps[i], s);
  return { ...s, steps: changed === null ? s.steps.filter((_, k) => k !== i) : s.steps.map((step, k) => (k === i ? changed : step)) };
};

/** A step's field set to `value` (deleted when `value` is the string "delete"), nothing else changed. */
const field = (key: string, value: unknown) => (step: Step) => {
  const next = { ...step } as Record<string, unknown>;
  if (value === 'delete') delete next[key];
  else next[key] = value;
  return next as unknown as Step;
};

const STEP_CHANGES: fc.Arbitrary<(step: Step, s: Scenario) => Step | null> = fc.oneof(
  // Renames, valid and not.
  fc.string({ maxLength: 130 }).map((label) => field('label', label)),
  fc.constantFrom('delete', undefined, 42, 'x'.repeat(121)).map((label) => field('label', label)),
  // Fields checked on the step alone.
  fc.constantFrom(0, 250, -1, 1.5, Number.NaN, 1e12, '5').map((ms) => field('durationMs', ms)),
  fc.constantFrom({ status: 500 }, { status: 424 }, { status: 'x' }, { status: 503, times: 2 }, 'delete').map((fail) => field('fail', fail)),
  fc.constantFrom('a', '', 'x'.repeat(201), 7).map((request) => field('request', request)),
  fc.constantFrom(true, 'yes').map((idempotent) => field('idempotent', idempotent)),
  // Positions: moved, broken (the full check drops them: repairable), removed.
  fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.integer() }).map((position) => field('position', position)),
  fc.constantFrom({ x: Number.NaN, y: 0 }, { x: 1, y: 2, z: 3 }, { x: 1 }, null, [1, 2], 'delete').map((position) => field('position', position)),
  // Unknown fields, also one present but undefined.
  fc.constantFrom(['durationMS', 5], ['foo', undefined], ['__proto__x', 1]).map(([key, value]) => field(key as string, value)),
  // Fields whose check involves other steps or the scenario.
  fc.constantFrom('!!', 'zz-new', '__proto__').map((id) => field('id', id)),
  fc.nat().map((other) => (step: Step, s: Scenario) => ({ ...step, id: s.steps[other % s.steps.length].id })),
  fc.constantFrom('bogus &&', 'true', 'delete').map((when) => field('when', when)),
  fc.constantFrom('any', 'all', 'delete').map((join) => field('join', join)),
  fc.constantFrom('${{ success() }}', 'delete').map((condition) => field('if', condition)),
  fc.constantFrom('continueOnError', 'continueOnFailed', 'catch', 'failState').map((flag) => field(flag, true)),
  // A step removed (its dependencies dangle) or no longer an object.
  fc.constant(() => null),
  fc.constant(() => null as unknown as Step).map(() => () => 5 as unknown as Step),
);

const EDITS: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(), STEP_CHANGES).map(([pick, change]) => onStep(pick, change)) },
  // Several steps at once (a drag of a selection, a layout).
  { weight: 1, arbitrary: fc.record({ x: fc.integer(), y: fc.integer() }).map(({ x, y }): Edit => (s) => ({ ...s, steps: s.steps.map((step, i) => ({ ...step, position: { x: x + i, y } })) })) },
  // Dependencies: one reversed (a cycle where there was an edge), one to a step that does not exist.
  { weight: 1, arbitrary: fc.nat().map((pick): Edit => (s) => (s.dependencies.length === 0 ? s : { ...s, dependencies: [...s.dependencies, { from: s.dependencies[pick % s.dependencies.length].to, to: s.dependencies[pick % s.dependencies.length].from }] })) },
  { weight: 1, arbitrary: fc.nat().map((pick): Edit => (s) => (s.steps.length === 0 ? s : { ...s, dependencies: [...s.dependencies, { from: s.steps[pick % s.steps.length].id, to: 'missing' }] })) },
  // The scenario's own fields.
  { weight: 1, arbitrary: fc.constantFrom('', 'Renamed', 'x'.repeat(121)).map((title): Edit => (s) => ({ ...s, title })) },
  { weight: 1, arbitrary: fc.constantFrom('http', 'argo', 'github-actions').map((dialect): Edit => (s) => ({ ...s, dialect }) as Scenario) },
  { weight: 1, arbitrary: fc.constant<Edit>((s) => ({ ...s, version: 1 }) as unknown as Scenario) },
);

function expectSameAnswer(before: Scenario, after: Scenario): ReturnType<typeof validate> {
  const full = validate(after);
  const edit = validateEdit(before, after);
  expect(edit.ok).toBe(full.ok);
  if (!edit.ok && !full.ok) expect(edit.problems).toEqual(full.problems);
  if (edit.ok && full.ok) {
    expect(edit.scenario).toEqual(full.scenario);
    expect(edit.warnings).toEqual(full.warnings);
  }
  return edit;
}

describe('validateEdit', () => {
  test('answers as the full check does, with the same messages, for any edit of a checked scenario, and for a second edit after it', () => {
    fc.assert(
      fc.property(scenarioArb(8), EDITS, EDITS, (scenario, first, second) => {
        expect(validate(scenario).ok).toBe(true);
        const once = first(scenario);
        const checked = expectSameAnswer(scenario, once);
        // An edit of an edit: the first one, when it passed, is known clean too.
        expectSameAnswer(checked.ok ? once : scenario, second(checked.ok ? once : scenario));
      }),
      { numRuns: 400 },
    );
  });

  test('a rename of a checked 2,000-step scenario is checked by the renamed step alone: the edited scenario itself comes back, not a clean copy', () => {
    const steps: Step[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `s${i}`, position: { x: i * 10, y: 0 } }));
    const scenario: Scenario = { version: 2, title: 'Wide', steps, dependencies: steps.slice(1).map((s) => ({ from: 's0', to: s.id })) };
    expect(validate(scenario).ok).toBe(true);
    const renamed: Scenario = { ...scenario, steps: steps.map((s, i) => (i === 7 ? { ...s, label: 'Seven' } : s)) };
    const result = validateEdit(scenario, renamed);
    expect(result).toEqual({ ok: true, scenario: renamed, warnings: [] });
    if (result.ok) expect(result.scenario).toBe(renamed);
    // A label too long is the full check's message.
    const tooLong: Scenario = { ...renamed, steps: renamed.steps.map((s, i) => (i === 7 ? { ...s, label: 'x'.repeat(121) } : s)) };
    expect(validateEdit(renamed, tooLong)).toEqual(validate(tooLong));
    expect(validateEdit(renamed, tooLong)).toMatchObject({ ok: false, problems: [{ path: 'steps[7].label' }] });
  });

  test('a scenario never checked is checked whole', () => {
    const unchecked = { version: 2, title: 'T', steps: [{ id: 'a' }, { id: 'b', durationMs: -1 }], dependencies: [] } as Scenario;
    const renamed: Scenario = { ...unchecked, steps: [{ id: 'a', label: 'A' }, unchecked.steps[1]] };
    expect(validateEdit(unchecked, renamed)).toEqual(validate(renamed));
    expect(validateEdit(unchecked, renamed).ok).toBe(false);
  });
});
