import { useDeferredValue, useMemo, useRef } from 'react';
import type { LintWarning } from '../engine/types.ts';
import type { lint as Lint } from '../engine/lint.ts';
import { idRecord } from '../engine/records.ts';
import { lazyPart } from './lazy-part.ts';
import { useRipple } from '../store/context.tsx';
import type { Scenario } from '../scenario/types.ts';

// Lint warnings come from the engine (ordering, missing artifacts, retries of non-idempotent
// steps); the canvas shows them on the steps they concern and the scenario panel lists them.
// The lint is a chunk of its own, loaded as the canvas mounts: the first canvas draws the steps
// without waiting for it, and their marks follow (issue #15, the first load).

const lintPart = lazyPart<typeof Lint>(() => import('../engine/lint.ts').then((m) => m.lint));

/** Loads the engine's lint once; later calls share the promise. Rejects when its chunk cannot be loaded (a later call tries again). */
export const loadLint = lintPart.load;

/** The lint once its chunk is here, else null (the caller shows no warnings yet). */
const useLoadedLint = lintPart.use;

const NO_WARNINGS: LintWarning[] = [];

/**
 * Each step's lint messages. Given the previous answer, a step whose messages are the same keeps
 * its array, so after an edit only the nodes whose warnings changed are drawn again (a 2,000-step
 * graph may have hundreds of steps with a warning).
 */
export function lintByStep(warnings: readonly LintWarning[], previous?: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const out = idRecord<string[]>();
  for (const w of warnings) (out[w.step] ??= []).push(w.message);
  if (previous) {
    for (const id of Object.keys(out)) {
      const before = previous[id];
      if (before && before.length === out[id].length && before.every((m, i) => m === out[id][i])) out[id] = before;
    }
  }
  return out;
}

const cache = new WeakMap<Scenario, LintWarning[]>();

/** The engine's lint for a scenario, computed once per scenario object. */
function lintOf(scenario: Scenario, lint: typeof Lint): LintWarning[] {
  let warnings = cache.get(scenario);
  if (!warnings) {
    warnings = lint(scenario);
    cache.set(scenario, warnings);
  }
  return warnings;
}

export function useLint(): LintWarning[] {
  const lint = useLoadedLint();
  const scenario = useRipple((s) => s.scenario);
  return lint ? lintOf(scenario, lint) : NO_WARNINGS;
}

/**
 * The canvas's lint, by step. Deferred: an edit redraws the canvas at once, and the lint of the
 * edited scenario (tens of ms at 2,000 steps) follows in a render of its own, so the two never
 * add up to one long task (issue #15: no task over 200 ms while editing).
 */
export function useLintByStep(): Record<string, string[]> {
  const lint = useLoadedLint();
  const scenario = useDeferredValue(useRipple((s) => s.scenario));
  const warnings = lint ? lintOf(scenario, lint) : NO_WARNINGS;
  const last = useRef<Record<string, string[]> | undefined>(undefined);
  return useMemo(() => (last.current = lintByStep(warnings, last.current)), [warnings]);
}
