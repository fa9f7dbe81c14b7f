// The checks compare mode makes before it runs A and B (issue #13), shared by the slice and the
// workings that load with the engine (compare-session.ts), so neither imports the other.
import type { Problem, Scenario } from '../scenario/types.ts';
import { validate } from '../scenario/gate-loader.ts';

/** The problems of one side, their paths prefixed with `A: ` or `B: `. */
export function prefixed(side: 'A' | 'B', problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path === '' ? side : `${side}: ${p.path}` }));
}

/** Both scenarios checked as the engine checks them: both valid, A with a step; else the problems, by side. */
export function checkBoth(a: Scenario, b: Scenario): { ok: true; a: Scenario; b: Scenario } | { ok: false; problems: Problem[] } {
  const checkedA = validate(a);
  const checkedB = validate(b);
  const problems = [...(checkedA.ok ? [] : prefixed('A', checkedA.problems)), ...(checkedB.ok ? [] : prefixed('B', checkedB.problems))];
  if (!checkedA.ok || !checkedB.ok) return { ok: false, problems };
  if (checkedA.scenario.steps.length === 0) return { ok: false, problems: [{ code: 'missing-field', path: 'steps', message: 'Add a step before comparing: there is nothing to simulate yet.' }] };
  return { ok: true, a: checkedA.scenario, b: checkedB.scenario };
}

