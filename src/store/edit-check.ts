import type { Problem, Scenario } from '../scenario/types.ts';
import { openScenarioValue as openScenario } from '../scenario/gate-loader.ts';
import { validate, validateEdit } from '../scenario/gate-loader.ts';
import { MAX_DEPENDENCIES, MAX_STEPS } from '../scenario/limits.ts';
import { formatCount } from '../scenario/text.ts';

// Every edit is checked with the scenario gate's own rules before it is committed, so the store
// never holds a scenario the engine would reject, and the person sees the engine's message.
export type EditCheck = { ok: true } | { ok: false; problems: Problem[] };

/**
 * `scenario` checked with the gate's rules and its size limits. `before`: the scenario it is an
 * edit of, when there is one: an edit that only changed what concerns some steps alone (a
 * rename) is then checked by those steps (validate.ts `validateEdit`), with the same answer.
 */
export function checkScenario(scenario: Scenario, before?: Scenario): EditCheck {
  // The gate opens at most MAX_STEPS steps and MAX_DEPENDENCIES dependencies from a link, a file
  // or a saved draft: an edit past them would make a draft and a link that no longer open.
  if (scenario.steps.length > MAX_STEPS) {
    return { ok: false, problems: [{ code: 'too-large', path: 'steps', message: `A scenario holds at most ${formatCount(MAX_STEPS)} steps, the most a link or a saved draft opens; this one has ${formatCount(scenario.steps.length)}.` }] };
  }
  if (scenario.dependencies.length > MAX_DEPENDENCIES) {
    return { ok: false, problems: [{ code: 'too-large', path: 'dependencies', message: `A scenario holds at most ${formatCount(MAX_DEPENDENCIES)} dependencies, the most a link or a saved draft opens; this one has ${formatCount(scenario.dependencies.length)}.` }] };
  }
  const result = before ? validateEdit(before, scenario) : validate(scenario);
  return result.ok ? { ok: true } : { ok: false, problems: result.problems };
}

/** A scenario read back from localStorage (untrusted: an older build or another tab wrote it), or null. */
export function restoreScenario(raw: unknown): Scenario | null {
  const result = openScenario(raw);
  return result.ok ? result.scenario : null;
}
