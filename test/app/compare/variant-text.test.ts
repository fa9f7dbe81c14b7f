import { describe, expect, test } from 'vitest';
import { variants } from '../../../src/engine/compare.ts';
import { findPreset } from '../../../src/presets/index.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { describeVariant, sameAsAText } from '../../../src/app/compare/variant-text.ts';

// Each "Compare with…" choice says what it changes, read from A and the variant's B, so the
// line follows the variant's own change.
const scenario = (name: string): Scenario => findPreset(name)!.scenario;
const lines = (a: Scenario) => Object.fromEntries(variants(a).map((v) => [v.id, describeVariant(a, v)]));

describe('describeVariant', () => {
  test('payment declined: each policy what-if names its field, old → new, and what the run then does; the root cause names the step fixed', () => {
    expect(lines(scenario('payment-fails'))).toEqual({
      'fail-fast': 'Fail-fast guard: on → off — a step whose prerequisite failed runs anyway and fails with 500.',
      'retry-mode': 'Retrying a blocked step: graph-aware → naive — a blocked step is re-sent on its own and answers 424 each time.',
      saga: 'Compensation: none → saga — after a failure, succeeded steps are undone in reverse order.',
      'on-failure': 'On failure: continue → abort — at the first root failure, steps not yet started that do not depend on it are cancelled.',
      'concurrency-1': 'Concurrency: no limit → 1 — one step runs at a time, the others queue.',
      'root-cause-fixed': 'Removes the failure of Authorize payment; B replays A’s run: steps that succeeded in A keep their results.',
    });
  });

  test('the other way round (the timeout story, guard off; a naive retry loop) the line says the opposite change', () => {
    expect(lines(scenario('timeout-no-guard'))['fail-fast']).toBe('Fail-fast guard: off → on — a step whose prerequisite failed answers 424 at once, not run.');
    expect(lines(scenario('shipping-retry-loop'))['retry-mode']).toBe(
      'Retrying a blocked step: naive → graph-aware — a blocked step’s retry first asks its failed prerequisite to try again.',
    );
  });

  test('a B that changes something else, or nothing, is told as it is', () => {
    const a = scenario('payment-fails');
    const [first, ...rest] = a.steps;
    expect(describeVariant(a, { scenario: { ...a, steps: [{ ...first, label: 'Renamed' }, ...rest] }, replay: false })).toBe('Changes Renamed.');
    expect(describeVariant(a, { scenario: { ...a, steps: rest }, replay: false })).toBe(`Drops ${first.label ?? first.id}.`);
    expect(describeVariant(a, { scenario: { ...a, policy: { ...a.policy, concurrency: 3 } }, replay: false })).toBe(
      'Concurrency: no limit → 3 — at most 3 steps run at once.',
    );
    expect(describeVariant(a, { scenario: a, replay: false })).toBe('Same scenario as A.');
  });
});

describe('sameAsAText', () => {
  test('the warning names the reason when the engine has one, else says only that B runs the same', () => {
    expect(sameAsAText('no-retries')).toBe('Runs the same as A here: no step retries.');
    expect(sameAsAText(null)).toBe('Runs the same as A here.');
  });
});
