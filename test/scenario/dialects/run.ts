// Runs an imported scenario through the real engine (`simulate`, rules R4–R18) and names each
// step's final state in the `when` vocabulary (Succeeded, Failed, Blocked, Skipped, Cancelled),
// so an importer test reads like the orchestrator's docs: "B and E fail; D runs; G is Omitted".
import { readFileSync } from 'node:fs';
import { simulate, type SimulateOptions } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/scenario/types.ts';

export const FIXTURES = new URL('../../fixtures/dialects/', import.meta.url);
export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

const WORD: Record<string, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  blocked: 'Blocked',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  'rolled-back': 'RolledBack',
  compensated: 'Compensated',
  'compensation-failed': 'CompensationFailed',
};

/** Each step's final state when the steps in `failing` answer 500 on every attempt. */
export function outcomes(scenario: Scenario, failing: readonly string[], options: SimulateOptions = {}): Record<string, string> {
  const failed = new Set(failing);
  const run = simulate(
    { ...scenario, steps: scenario.steps.map((s) => (failed.has(s.id) ? { ...s, fail: { status: 500 } } : s)) },
    { lint: false, ...options },
  );
  const out: Record<string, string> = {};
  for (const s of scenario.steps) out[s.id] = WORD[run.steps[s.id].state] ?? run.steps[s.id].state;
  return out;
}
