import type { Scenario } from './types.ts';

// What a person reads for a step: its label, or its id when it has none. Ids stay where a
// machine reads them (JSON bodies, `failed_prerequisite_step`, `--json`).

const namesOf = new WeakMap<Scenario, Map<string, string>>();

/**
 * Every step's display name, id → label (the id when the label is missing or blank), built once
 * per scenario object. A `Map`, because ids are user text.
 *
 * @example
 * stepNames(scenario).get('step-3') // → 'Reserve stock'
 */
export function stepNames(scenario: Scenario): ReadonlyMap<string, string> {
  let names = namesOf.get(scenario);
  if (names === undefined) {
    names = new Map(scenario.steps.map((step) => [step.id, step.label?.trim() ? step.label.trim() : step.id]));
    namesOf.set(scenario, names);
  }
  return names;
}

/**
 * The name a person reads for step `id`: its label, else its id; an id the scenario does not
 * have comes back unchanged.
 *
 * @example
 * stepName(scenario, 'step-3') // → 'Reserve stock'
 */
export function stepName(scenario: Scenario, id: string): string {
  return stepNames(scenario).get(id) ?? id;
}

/** A function naming steps of `scenario`, for code that takes a `(id) => name` (explain, exporters). */
export function namerOf(scenario: Scenario): (id: string) => string {
  const names = stepNames(scenario);
  return (id) => names.get(id) ?? id;
}
