// Loads scenario-conditions.ts (and GitHub's expression package with it) on the first run of a
// scenario that has an `if` (issue #11), so the main chunk stays without it. Shared by the run
// slice (a run or replay on the page) and the simulate worker.
import type { compileScenarioConditions } from './dialects/scenario-conditions.ts';

export type ConditionCompiler = typeof compileScenarioConditions;

let loaded: ConditionCompiler | null = null;
let loading: Promise<ConditionCompiler> | null = null;

/** The compiler if it has been loaded already, else null (then `loadConditionCompiler`). */
export function loadedConditionCompiler(): ConditionCompiler | null {
  return loaded;
}

/** Loads the compiler once; later calls share the promise. Rejects when its chunk cannot load (a later call tries again). */
export function loadConditionCompiler(): Promise<ConditionCompiler> {
  loading ??= import('./dialects/scenario-conditions.ts').then(
    (m) => (loaded = m.compileScenarioConditions),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
