import type { Problem, Scenario } from '../scenario/types.ts';
import { openScenarioValue as openScenario } from '../scenario/gate-loader.ts';
import { validate } from '../scenario/gate-loader.ts';

// Every edit is checked with the scenario gate's own rules before it is committed, so the store
// never holds a scenario the engine would reject, and the person sees the engine's message.
export type EditCheck = { ok: true } | { ok: false; problems: Problem[] };

export function checkScenario(scenario: Scenario): EditCheck {
  const result = validate(scenario);
  return result.ok ? { ok: true } : { ok: false, problems: result.problems };
}

/** A scenario read back from localStorage (untrusted: an older build or another tab wrote it), or null. */
export function restoreScenario(raw: unknown): Scenario | null {
  const result = openScenario(raw);
  return result.ok ? result.scenario : null;
}
