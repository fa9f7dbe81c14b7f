import type { Scenario, Step } from '../scenario/types.ts';

// The canvas's keyboard (tab) order: prerequisites before their dependents.

/** Steps in dependency order (Kahn), ties by position left-to-right then id: a sensible tab order. */
export function orderedSteps(scenario: Scenario): Step[] {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const indegree = new Map(scenario.steps.map((s) => [s.id, 0]));
  for (const d of scenario.dependencies) if (indegree.has(d.to)) indegree.set(d.to, indegree.get(d.to)! + 1);
  const compare = (a: Step, b: Step) =>
    (a.position?.x ?? 0) - (b.position?.x ?? 0) || (a.position?.y ?? 0) - (b.position?.y ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  let ready = scenario.steps.filter((s) => indegree.get(s.id) === 0).sort(compare);
  const out: Step[] = [];
  while (ready.length > 0) {
    const step = ready.shift()!;
    out.push(step);
    for (const d of scenario.dependencies) {
      if (d.from !== step.id) continue;
      const left = indegree.get(d.to)! - 1;
      indegree.set(d.to, left);
      if (left === 0 && byId.has(d.to)) ready = [...ready, byId.get(d.to)!].sort(compare);
    }
  }
  // A cycle cannot be stored, but be total anyway.
  for (const s of scenario.steps) if (!out.includes(s)) out.push(s);
  return out;
}
