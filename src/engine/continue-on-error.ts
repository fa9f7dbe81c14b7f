// GitHub Actions `continue-on-error` (issue #11; a step's `continueOnError`): "Prevents a
// workflow run from failing when a job fails" (docs.github.com, workflow syntax,
// jobs.<job_id>.continue-on-error). The job's failure is not passed on: the jobs that need it
// see it as a success, so they run and their `failure()` stays false (actions/toolkit#581).
// The step itself still ends `failed`; the dialect view leaves it out of the conclusion.
import { FAILED, SEEN_AS, SEEN_SUCCEEDED, type SeenAs } from './phases.ts';
import type { RunState } from './run-state.ts';

/**
 * How step p's phase reads to its dependents (R4–R6, R14 and dialect conditions): its phase's
 * `seenAs`, except that a failed step with `continueOnError` reads as succeeded.
 */
export function seenAs(run: RunState, p: number): SeenAs {
  const tolerated = run.graph.continueOnError;
  if (tolerated !== null && tolerated[p] === 1 && run.phase[p] === FAILED) return SEEN_SUCCEEDED;
  return SEEN_AS[run.phase[p]] as SeenAs;
}
