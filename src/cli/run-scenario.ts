// How every CLI command runs a scenario: with its GitHub `if`s compiled into the engine's exact
// conditions when it has any (issue #11), as the app's run slice and worker do, so a saved or
// linked GitHub Actions scenario concludes the same in `ripple run`, `--export`, `compare`,
// `grade` and `render` as right after `--input github-actions`.
import { replay, simulate } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import { compileScenarioConditions, type DialectRunOptions } from '../scenario/dialects/scenario-conditions.ts';
import type { Scenario } from '../scenario/types.ts';
import { InputError } from './errors.ts';

/**
 * The options `simulate`/`replay` take to decide `scenario`'s steps by their `if`s (empty when
 * none has one). Throws `InputError` (exit 2) naming `steps[i].if` when GitHub's expression
 * parser refuses one: the run would not be the one written.
 */
export function conditionsOf(scenario: Scenario, label = 'the scenario'): DialectRunOptions {
  const compiled = compileScenarioConditions(scenario);
  if (!compiled.ok) throw new InputError(`${label} has an if GitHub would refuse:`, compiled.problems);
  return compiled.options;
}

/** `simulate(scenario)` with its `if`s (see `conditionsOf`). Throws `InputError` for a refused `if`. */
export function runScenario(scenario: Scenario, label?: string): RunResult {
  return simulate(scenario, conditionsOf(scenario, label));
}

/** `replay(edited, previous, from)` with the edited scenario's `if`s. Throws `InputError` for a refused `if`. */
export function replayScenario(edited: Scenario, previous: RunResult, from?: readonly string[], label?: string): ReturnType<typeof replay> {
  return replay(edited, previous, from, conditionsOf(edited, label));
}
