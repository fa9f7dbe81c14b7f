import { useMemo } from 'react';
import type { LintWarning } from '../engine/types.ts';
import { lint } from '../engine/lint.ts';
import { idRecord } from '../engine/records.ts';
import { useRipple } from '../store/context.tsx';
import type { Scenario } from '../scenario/types.ts';

// Lint warnings come from the engine (ordering, missing artifacts, retries of non-idempotent
// steps); the canvas shows them on the steps they concern and the scenario panel lists them.

export function lintByStep(warnings: readonly LintWarning[]): Record<string, string[]> {
  const out = idRecord<string[]>();
  for (const w of warnings) (out[w.step] ??= []).push(w.message);
  return out;
}

const cache = new WeakMap<Scenario, LintWarning[]>();

/** The engine's lint for a scenario, computed once per scenario object. */
export function lintOf(scenario: Scenario): LintWarning[] {
  let warnings = cache.get(scenario);
  if (!warnings) {
    warnings = lint(scenario);
    cache.set(scenario, warnings);
  }
  return warnings;
}

export function useLint(): LintWarning[] {
  const scenario = useRipple((s) => s.scenario);
  return lintOf(scenario);
}

export function useLintByStep(): Record<string, string[]> {
  const warnings = useLint();
  return useMemo(() => lintByStep(warnings), [warnings]);
}
