// R13: replay from the failed step: runs the plan of replay-plan.ts on a clock that continues
// after the previous run.
import type { Scenario } from '../scenario/types.ts';
import { simulateReplay, type SimulateOptions } from './simulate.ts';
import { withDialectConditions } from './dialect-conditions.ts';
import type { ReplayPlan, Result, RunResult } from './types.ts';
import { plan } from './replay-plan.ts';

export { planReplay } from './replay-plan.ts';

/**
 * Plans the replay and runs it. Kept steps carry their previous results (`reused: true`, a
 * `reused` event each); every event of the replay has `replay: true` and a time after the
 * previous run's end (`run.startedAt`).
 *
 * @example
 * const r = replay(fixed, run);
 * if (r.ok) r.value.run.steps['create-invoice'].state // → 'succeeded'
 *
 * `options` takes an import's exact conditions as `simulate` does (issue #11): the redone
 * steps are decided by them, so a replay of a GitHub Actions scenario follows its `if`s.
 */
export function replay(
  scenario: Scenario,
  previousRun: RunResult,
  from?: readonly string[],
  options: Pick<SimulateOptions, 'dialectConditions' | 'dialectConditionText'> = {},
): Result<{ plan: ReplayPlan; run: RunResult }> {
  const planned = plan(scenario, previousRun, from);
  if (!planned.ok) return planned;
  const { plan: p, steps, kept } = planned.value;
  const graph = options.dialectConditions ? withDialectConditions(planned.value.graph, options.dialectConditions, options.dialectConditionText) : planned.value.graph;
  const run = simulateReplay(
    scenario,
    {
      t0: (previousRun.startedAt ?? 0) + previousRun.durationMs,
      kept,
      replayOf: previousRun.correlationId,
      salt: p.from.join('\n'),
    },
    graph,
    steps,
  );
  return { ok: true, value: { plan: p, run } };
}

