// Builders for engine tests: scenarios read like the stories they tell.
import type { Dependency, DependencyCondition, Policy, Scenario, Step } from '../../src/scenario/types.ts';
import type { RunEvent, RunResult } from '../../src/engine/types.ts';

export function step(id: string, extra: Omit<Step, 'id'> = {}): Step {
  return { id, ...extra };
}

/** `dep('a', 'b')` is a success dependency a → b. */
export function dep(from: string, to: string, on?: DependencyCondition): Dependency {
  return on === undefined ? { from, to } : { from, to, on };
}

export function scenario(steps: Step[], dependencies: Dependency[] = [], policy?: Partial<Policy>): Scenario {
  const s: Scenario = { version: 2, title: 'test', steps, dependencies };
  if (policy !== undefined) s.policy = policy;
  return s;
}

/** A chain a → b → c … with the given ids. */
export function chain(...ids: string[]): Dependency[] {
  return ids.slice(1).map((id, i) => dep(ids[i], id));
}

export function eventsOf(run: RunResult, stepId: string, type?: RunEvent['type']): RunEvent[] {
  return run.events.filter((e) => e.step === stepId && (type === undefined || e.type === type));
}

/** Compact trace lines, `t type step#attempt`, for asserting order. */
export function trace(run: RunResult, types?: RunEvent['type'][]): string[] {
  return run.events
    .filter((e) => types === undefined || types.includes(e.type))
    .map((e) => `${e.t} ${e.type}${e.step !== undefined ? ` ${e.step}` : ''}${e.attempt !== undefined ? `#${e.attempt}` : ''}`);
}

export function states(run: RunResult): Record<string, string> {
  return Object.fromEntries(Object.entries(run.steps).map(([id, r]) => [id, r.state]));
}
