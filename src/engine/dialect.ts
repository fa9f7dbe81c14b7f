// Dialect views (issue #11): the same run told in an orchestrator's own words. The run does not
// change; each final step state gets the word that system would show, and the run a conclusion
// in that system's terms. The glossary says, for each word, which Ripple rule produced it.
//
//   Ripple         GitHub Actions   Argo        Airflow           Step Functions
//   succeeded      success          Succeeded   success           Succeeded
//   failed         failure          Failed      failed            Failed (Caught error with a Catch)
//   blocked (424)  skipped          Omitted     upstream_failed   Not started
//   skipped        skipped          Omitted     skipped           Not started
//   cancelled      cancelled        Omitted     skipped           Cancelled
//   compensated    success          Succeeded   success           Succeeded
//   rolled-back    skipped          Omitted     upstream_failed   Not started
//
// `rolled-back` (R18) is a member of an atomic group (an OData change set) that another member's
// failure undid; its dependents see it as blocked. None of the four systems has atomic groups,
// so it takes the word each gives a step that did not take effect because of another's failure:
// GitHub reports such a job `skipped` (`needs.<id>.result`), Argo `Omitted` ("not scheduled
// because its depends was not satisfied", Workflow node phases), Airflow `upstream_failed`
// ("an upstream task failed and the trigger rule says we needed it", Task Instances › states).
//
// Sources: GitHub "jobs.<job_id>.needs" and `needs.<job_id>.result` (success, failure, cancelled,
// skipped), workflow run conclusion; Argo docs/enhanced-depends-logic.md and the node phases of
// the Workflow CRD; Airflow "Tasks" › "Task Instances" states and "DAG Runs" › "DAG run status"
// (decided by the leaf tasks); Step Functions DescribeExecution `status` and the console's
// state statuses. Pure: no DOM, no clock.
import type { DialectName } from '../scenario/types.ts';
import type { RunResult, StepState } from './types.ts';

export interface DialectStep {
  state: string;
}

/** A run in one system's words: `--json` prints it as `"dialect"`. */
export interface DialectView {
  name: DialectName;
  steps: Record<string, DialectStep>;
  conclusion: string;
}

/** What a dialect needs to know beyond the run (each importer returns it in its extras). */
export interface DialectViewOptions {
  /** Steps whose failure does not fail the run (GitHub `continue-on-error`, Argo `continueOn`). */
  tolerated?: readonly string[];
  /** Step Functions: states with a Catch (their failure is handled). */
  caught?: readonly string[];
  /** Step Functions: steps made from Fail states (reaching one fails the execution). */
  failStates?: readonly string[];
}

/** One word of a dialect and the Ripple rule behind it, for the glossary panel and the docs. */
export interface GlossaryEntry {
  word: string;
  ripple: StepState | 'run';
  rule: string;
}

/** The word `dialect` uses for a final step state. `caught`: Step Functions only. */
export function dialectWord(dialect: DialectName, state: StepState, caught = false): string {
  switch (dialect) {
    case 'http':
      return state;
    case 'github-actions':
      switch (state) {
        case 'succeeded':
        case 'compensated':
        case 'compensation-failed':
          return 'success';
        case 'failed':
          return 'failure';
        case 'blocked':
        case 'rolled-back':
        case 'skipped':
          return 'skipped';
        case 'cancelled':
          return 'cancelled';
      }
      break;
    case 'argo':
      switch (state) {
        case 'succeeded':
        case 'compensated':
        case 'compensation-failed':
          return 'Succeeded';
        case 'failed':
          return 'Failed';
        case 'blocked':
        case 'rolled-back':
        case 'skipped':
        case 'cancelled':
          return 'Omitted';
      }
      break;
    case 'airflow':
      switch (state) {
        case 'succeeded':
        case 'compensated':
        case 'compensation-failed':
          return 'success';
        case 'failed':
          return 'failed';
        case 'blocked':
        case 'rolled-back':
          return 'upstream_failed';
        case 'skipped':
        case 'cancelled':
          return 'skipped';
      }
      break;
    case 'step-functions':
      switch (state) {
        case 'succeeded':
        case 'compensated':
        case 'compensation-failed':
          return 'Succeeded';
        case 'failed':
          return caught ? 'Caught error' : 'Failed';
        case 'blocked':
        case 'rolled-back':
        case 'skipped':
          return 'Not started';
        case 'cancelled':
          return 'Cancelled';
      }
      break;
  }
  return state;
}

/**
 * The run in `name`'s words: each step's state and the run's conclusion.
 *   github-actions  failure if a job failed (not continue-on-error), else cancelled if one was, else success
 *   argo            Failed if a task failed (not continueOn), else Succeeded (Ripple has no Error)
 *   airflow         failed if a leaf task is failed or upstream_failed, else success
 *   step-functions  FAILED if a Fail state was reached or a state without Catch failed,
 *                   else ABORTED if a state was cancelled, else SUCCEEDED
 *   http            the run's outcome (`succeeded`, `failed`, `compensated`, `compensation-failed`)
 *
 * @example
 * dialectView(run, 'airflow')
 * // → { name: 'airflow', steps: { extract: { state: 'failed' }, load: { state: 'upstream_failed' } }, conclusion: 'failed' }
 */
export function dialectView(result: RunResult, name: DialectName, options: DialectViewOptions = {}): DialectView {
  const caught = new Set(options.caught ?? []);
  const tolerated = new Set(options.tolerated ?? []);
  const steps: Record<string, DialectStep> = Object.create(null) as Record<string, DialectStep>;
  const ids = Object.keys(result.steps);
  for (const id of ids) steps[id] = { state: dialectWord(name, result.steps[id].state, caught.has(id)) };
  const failed = ids.filter((id) => result.steps[id].state === 'failed');
  const anyCancelled = ids.some((id) => result.steps[id].state === 'cancelled');
  let conclusion: string;
  switch (name) {
    case 'http':
      conclusion = result.outcome;
      break;
    case 'github-actions':
      conclusion = failed.some((id) => !tolerated.has(id)) ? 'failure' : anyCancelled ? 'cancelled' : 'success';
      break;
    case 'argo':
      conclusion = failed.some((id) => !tolerated.has(id)) ? 'Failed' : 'Succeeded';
      break;
    case 'airflow': {
      const leaves = leavesOf(result, ids);
      conclusion = leaves.some((id) => ['failed', 'blocked', 'rolled-back'].includes(result.steps[id].state)) ? 'failed' : 'success';
      break;
    }
    case 'step-functions': {
      const failStates = new Set(options.failStates ?? []);
      const reachedFail = ids.some((id) => failStates.has(id) && result.steps[id].state === 'failed');
      const uncaught = failed.some((id) => !failStates.has(id) && !caught.has(id));
      conclusion = reachedFail || uncaught ? 'FAILED' : anyCancelled ? 'ABORTED' : 'SUCCEEDED';
      break;
    }
  }
  return { name, steps, conclusion };
}

/** Steps nothing depends on (every step when the run carries no graph). */
function leavesOf(result: RunResult, ids: readonly string[]): string[] {
  if (!result.graph) return [...ids];
  const hasDependents = new Set(result.graph.from);
  return ids.filter((id) => !hasDependents.has(id));
}

/** Each dialect's words and the Ripple rule behind each (the glossary panel reads this). */
export const GLOSSARY: Readonly<Record<DialectName, readonly GlossaryEntry[]>> = {
  http: [
    { word: 'succeeded', ripple: 'succeeded', rule: 'The step answered 2xx.' },
    { word: 'failed', ripple: 'failed', rule: 'The step answered its own error (4xx/5xx, 504 on timeout) after its last attempt.' },
    { word: 'blocked', ripple: 'blocked', rule: 'R5: a prerequisite failed or was blocked, so the step answered 424 Failed Dependency without running.' },
    { word: 'skipped', ripple: 'skipped', rule: 'R4/R14: its condition did not hold and no prerequisite failed.' },
    { word: 'cancelled', ripple: 'cancelled', rule: 'R8: onFailure "abort" cancelled it before it started.' },
    { word: 'compensated', ripple: 'compensated', rule: 'R10: it succeeded, then the saga undid it.' },
    { word: 'rolled-back', ripple: 'rolled-back', rule: 'R18: another member of its atomic group (a change set) failed, so its work was undone; dependents see it as blocked.' },
  ],
  'github-actions': [
    { word: 'success', ripple: 'succeeded', rule: 'The job succeeded.' },
    { word: 'failure', ripple: 'failed', rule: 'The job failed.' },
    { word: 'skipped', ripple: 'blocked', rule: 'R5 = "If a job fails or is skipped, all jobs that need it are skipped": a need failed (Ripple: 424).' },
    { word: 'skipped', ripple: 'skipped', rule: 'R14: its if: was false and no need failed.' },
    { word: 'cancelled', ripple: 'cancelled', rule: 'R8: the run was stopped before the job started.' },
    { word: 'skipped', ripple: 'rolled-back', rule: 'R18: undone because another job of its atomic group failed (GitHub has no atomic groups; its result is that of a job that took no effect).' },
    { word: 'conclusion failure', ripple: 'run', rule: 'A job failed (continue-on-error jobs excepted).' },
  ],
  argo: [
    { word: 'Succeeded', ripple: 'succeeded', rule: 'The task succeeded.' },
    { word: 'Failed', ripple: 'failed', rule: 'The task failed (Ripple does not tell Error from Failed).' },
    { word: 'Omitted', ripple: 'blocked', rule: 'R5/R14: its depends was false because a dependency failed (Ripple: 424).' },
    { word: 'Omitted', ripple: 'skipped', rule: 'R14: its depends was false without a failure.' },
    { word: 'Omitted', ripple: 'cancelled', rule: 'R8: never scheduled after the run stopped.' },
    { word: 'Omitted', ripple: 'rolled-back', rule: 'R18: undone because another task of its atomic group failed (Argo has no atomic groups).' },
    { word: 'phase Failed', ripple: 'run', rule: 'A task failed without continueOn.' },
  ],
  airflow: [
    { word: 'success', ripple: 'succeeded', rule: 'The task instance succeeded.' },
    { word: 'failed', ripple: 'failed', rule: 'The task instance failed after its retries.' },
    { word: 'upstream_failed', ripple: 'blocked', rule: 'R5: an upstream task failed and the trigger rule needed it (Ripple: 424).' },
    { word: 'skipped', ripple: 'skipped', rule: 'R4/R14: the trigger rule did not hold without a failure (e.g. all_success after a skipped upstream).' },
    { word: 'skipped', ripple: 'cancelled', rule: 'R8: never started after the run stopped.' },
    { word: 'upstream_failed', ripple: 'rolled-back', rule: 'R18: undone because another task of its atomic group failed (Airflow has no atomic groups).' },
    { word: 'DAG run failed', ripple: 'run', rule: 'A leaf task is failed or upstream_failed.' },
  ],
  'step-functions': [
    { word: 'Succeeded', ripple: 'succeeded', rule: 'The state succeeded.' },
    { word: 'Failed', ripple: 'failed', rule: 'The state failed after its Retry, with no Catch.' },
    { word: 'Caught error', ripple: 'failed', rule: 'The state failed and its Catch sent the execution to its handler (a failure path).' },
    { word: 'Not started', ripple: 'blocked', rule: 'R5/R14: the execution never reached the state because an earlier state failed (Ripple: 424).' },
    { word: 'Not started', ripple: 'skipped', rule: 'R14: the execution took another path.' },
    { word: 'Cancelled', ripple: 'cancelled', rule: 'R8: the execution was stopped.' },
    { word: 'Not started', ripple: 'rolled-back', rule: 'R18: undone because another state of its atomic group failed (Step Functions has no atomic groups).' },
    { word: 'FAILED', ripple: 'run', rule: 'A Fail state was reached or a state without Catch failed.' },
  ],
};
