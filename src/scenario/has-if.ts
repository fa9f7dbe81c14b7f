import type { Scenario } from './types.ts';

// Apart from github-context.ts so that the run slice, which asks this before every run, does not
// bring the context names, limits and edits into the main chunk (issue #15).

/** Whether any step of the scenario has an `if` (then a run needs the compiled conditions). */
export function hasIfConditions(scenario: Pick<Scenario, 'steps'>): boolean {
  return scenario.steps.some((s) => s.if !== undefined);
}
