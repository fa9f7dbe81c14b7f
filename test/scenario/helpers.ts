// Builders for scenario tests, in the spirit of Excalidraw's API.createElement: tests state
// only what they are about, and the helpers fill in a valid rest.
import type { Dependency, Problem, Scenario, Step } from '../../src/scenario/types.ts';
import { formatProblem } from '../../src/scenario/text.ts';

export function step(id: string, extra: Partial<Step> = {}): Step {
  return { id, ...extra };
}

export function dep(from: string, to: string, on?: Dependency['on']): Dependency {
  return on === undefined ? { from, to } : { from, to, on };
}

/** A valid scenario; `steps` may be ids or steps; anything else overrides. */
export function scenario(
  steps: Array<string | Step> = ['a', 'b'],
  dependencies: Dependency[] = [],
  extra: Record<string, unknown> = {},
): Scenario {
  return {
    version: 2,
    title: 'Test scenario',
    steps: steps.map((s) => (typeof s === 'string' ? step(s) : s)),
    dependencies,
    ...extra,
  } as Scenario;
}

/** `path: message` lines, for readable assertions. */
export function lines(problems: Problem[]): string[] {
  return problems.map(formatProblem);
}

/** A linear chain s0 → s1 → … of `n` steps. */
export function chain(n: number): Scenario {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  return scenario(
    ids,
    ids.slice(1).map((id, i) => dep(ids[i], id)),
  );
}
