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
import type { DialectName, Scenario } from '../scenario/types.ts';
import { stateAt } from './state-at.ts';
import { dialectLiveWord, dialectWord } from './dialect-words.ts';
import type { LiveState, RunEvent, RunResult, StepState } from './types.ts';

// The words for one step state are in dialect-words.ts (the canvas needs them up front).
export { DIALECT_TITLES, dialectLiveWord, dialectWord } from './dialect-words.ts';

/** What each dialect calls the run's conclusion. */
export const CONCLUSION_NAMES: Readonly<Record<DialectName, string>> = {
  http: 'Run outcome',
  'github-actions': 'Workflow conclusion',
  argo: 'Workflow phase',
  airflow: 'DAG run state',
  'step-functions': 'Execution status',
};

/** What each dialect calls the run's status before its end (GitHub has no conclusion until then). */
export const RUN_STATUS_NAMES: Readonly<Record<DialectName, string>> = {
  ...CONCLUSION_NAMES,
  http: 'Run status',
  'github-actions': 'Workflow run status',
};

export interface DialectStep {
  state: string;
}

/** A run in one system's words: `--json` prints it as `"dialect"`. */
export interface DialectView {
  name: DialectName;
  steps: Record<string, DialectStep>;
  conclusion: string;
}

/** What a dialect needs to know beyond the run: the scenario's dialect flags (`dialectViewOptions`). */
export interface DialectViewOptions {
  /** Steps whose failure does not fail the run (GitHub `continue-on-error`, Argo `continueOn`). */
  tolerated?: readonly string[];
  /** Step Functions: states with a Catch (their failure is handled). */
  caught?: readonly string[];
  /** Step Functions: steps made from Fail states (reaching one fails the execution). */
  failStates?: readonly string[];
}

/**
 * The view options a scenario carries in its steps' dialect flags (types.ts, issue #11): the
 * one place the CLI, `--json`, the store and the panels get them from, so all conclude alike.
 *
 * - `tolerated`: steps with `continueOnError` (GitHub `continue-on-error`) or `continueOnFailed`
 *   (Argo `continueOn.failed`);
 * - `caught`: steps with `catch` (an ASL state with a `Catch`);
 * - `failStates`: steps with `failState` (an ASL Fail state).
 *
 * A list is left out when no step has the flag, so a scenario without flags gives `{}`. The gate
 * accepts each flag only with its own dialect; the options apply whatever dialect the run is
 * told in (`--dialect`), as an import's did.
 *
 * @example
 * dialectViewOptions({ dialect: 'github-actions', steps: [{ id: 'lint', continueOnError: true }, { id: 'test' }], dependencies: [] })
 * // → { tolerated: ['lint'] }
 */
export function dialectViewOptions(scenario: Pick<Scenario, 'steps'>): DialectViewOptions {
  const tolerated: string[] = [];
  const caught: string[] = [];
  const failStates: string[] = [];
  for (const step of scenario.steps) {
    if (step.continueOnError === true || step.continueOnFailed === true) tolerated.push(step.id);
    if (step.catch === true) caught.push(step.id);
    if (step.failState === true) failStates.push(step.id);
  }
  const options: DialectViewOptions = {};
  if (tolerated.length > 0) options.tolerated = tolerated;
  if (caught.length > 0) options.caught = caught;
  if (failStates.length > 0) options.failStates = failStates;
  return options;
}

/** One word of a dialect and the Ripple rule behind it, for the glossary panel and the docs. */
export interface GlossaryEntry {
  word: string;
  /** The Ripple state the word stands for (`pending`, `running`: before the step's end), or the run's conclusion. */
  ripple: LiveState | 'run';
  /** The reason in plain words (what the Why panel and the glossary show). */
  rule: string;
  /** Ripple's rule numbers behind it ("R5/R14"), for a tooltip and the docs; never shown as text. */
  ruleIds?: string;
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

/**
 * The run's status in `dialect` before its end, where a finished run has its conclusion: GitHub
 * workflow run `status` `in_progress` (its `conclusion` is null until then), Argo workflow phase
 * `Running`, Airflow DAG run state `running`, Step Functions execution status `RUNNING`.
 *
 * @example
 * dialectRunningWord('step-functions') // → 'RUNNING'
 */
export function dialectRunningWord(dialect: DialectName): string {
  switch (dialect) {
    case 'http':
      return 'running';
    case 'github-actions':
      return 'in_progress';
    case 'argo':
      return 'Running';
    case 'airflow':
      return 'running';
    case 'step-functions':
      return 'RUNNING';
  }
}

/** The run in a dialect at a moment: each step's word, and Ripple's state behind it. */
export interface DialectMoment extends DialectView {
  /** Step id → Ripple's state at that moment (`pending` and `running` before the step's end). */
  ripple: Record<string, LiveState>;
  /** Whether the run has finished by then (`conclusion` is the conclusion, else the running word). */
  ended: boolean;
}

/**
 * The run in `name`'s words just after event `upTo` (an index into `result.events`): each step's
 * word at that moment (`dialectLiveWord`) and, until the run has finished, the running word in
 * place of a conclusion, so a panel never tells the ending before the playhead reaches it.
 * `upTo` at or past the last event gives the whole run (`dialectView`).
 *
 * @example
 * dialectViewAt(run, 'github-actions', 2)
 * // → { name: 'github-actions', steps: { 'create-order': { state: 'success' }, 'authorize-payment': { state: 'in_progress' }, … },
 * //     conclusion: 'in_progress', ripple: { 'create-order': 'succeeded', 'authorize-payment': 'running', … }, ended: false }
 */
export function dialectViewAt(result: RunResult, name: DialectName, upTo: number, options: DialectViewOptions = {}): DialectMoment {
  const ripple: Record<string, LiveState> = Object.create(null) as Record<string, LiveState>;
  if (upTo >= result.events.length - 1) {
    for (const id of Object.keys(result.steps)) ripple[id] = result.steps[id].state;
    return { ...dialectView(result, name, options), ripple, ended: true };
  }
  const caught = new Set(options.caught ?? []);
  const moment = stateAt(result, upTo);
  const steps: Record<string, DialectStep> = Object.create(null) as Record<string, DialectStep>;
  for (const id of Object.keys(result.steps)) {
    const state = moment.steps[id]?.state ?? 'pending';
    const retrying = (state === 'failed' || state === 'blocked') && retriesAfter(result, id, upTo);
    steps[id] = { state: dialectLiveWord(name, state, { caught: caught.has(id), retrying }) };
    ripple[id] = state;
  }
  return { name, steps, conclusion: dialectRunningWord(name), ripple, ended: false };
}

/** Whether step `id`'s latest failure at or before event `upTo` is followed by another attempt. */
function retriesAfter(result: RunResult, id: string, upTo: number): boolean {
  for (let i = Math.min(upTo, result.events.length - 1); i >= 0; i--) {
    const event = result.events[i];
    if (event.step !== id) continue;
    if (event.type === 'retry-scheduled') return true;
    if (event.type === 'failed' || event.type === 'timed-out' || event.type === 'blocked') return event.willRetry === true;
  }
  return false;
}

/**
 * The word `dialect` gives what event `event` did: the state its step is in after it, or for
 * `run-started` / `run-finished` the run's status or conclusion (from `result`). Null for events
 * that change no word (a retry being scheduled, a repair request) and always for `http`, whose
 * words are the event log's own sentences.
 *
 * @example
 * dialectEventWord('github-actions', { type: 'blocked', step: 'notify', … }, run) // → 'skipped'
 * dialectEventWord('airflow', { type: 'failed', willRetry: true, … }, run)        // → 'up_for_retry'
 */
export function dialectEventWord(dialect: DialectName, event: RunEvent, result: RunResult, options: DialectViewOptions = {}): string | null {
  if (dialect === 'http') return null;
  const caught = event.step !== undefined && (options.caught ?? []).includes(event.step);
  const word = (state: LiveState, retrying = false) => dialectLiveWord(dialect, state, { caught, retrying });
  switch (event.type) {
    case 'run-started':
    case 'replay-started':
      return dialectRunningWord(dialect);
    case 'run-finished':
      return dialectView(result, dialect, options).conclusion;
    case 'started':
      return word('running');
    case 'succeeded':
      return word('succeeded');
    case 'failed':
    case 'timed-out':
      return word('failed', event.willRetry === true);
    case 'blocked':
      return word('blocked', event.willRetry === true);
    case 'rolled-back':
      return word('rolled-back');
    case 'unblocked':
      return word('pending');
    case 'skipped':
      return word('skipped');
    case 'cancelled':
      return word('cancelled');
    case 'compensation-started':
      return word('compensating');
    case 'compensation-succeeded':
      return word('compensated');
    case 'compensation-failed':
      return word('compensation-failed');
    case 'reused':
      return event.step !== undefined && result.steps[event.step] ? word(result.steps[event.step].state) : null;
    case 'retry-scheduled':
    case 'repair-requested':
      return null;
  }
}

/**
 * The glossary entry behind `dialect`'s word for a final `state`: the word and Ripple's rule
 * that produced it (the Why panel shows it beside Ripple's own explanation).
 *
 * @example
 * glossaryEntry('github-actions', 'blocked') // → { word: 'skipped', ripple: 'blocked', rule: 'A job it needs failed, and “if a job fails …', ruleIds: 'R5' }
 */
export function glossaryEntry(dialect: DialectName, state: StepState, caught = false): GlossaryEntry {
  const word = dialectWord(dialect, state, caught);
  const entries = GLOSSARY[dialect];
  return (
    entries.find((e) => e.ripple === state && e.word === word) ??
    entries.find((e) => e.ripple === state) ??
    // compensated / compensation-failed: none of the four has a rollback, so the step's forward result.
    { ...(GLOSSARY.http.find((e) => e.ripple === state) ?? { rule: `Ripple ${state}.` }), word, ripple: state }
  );
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
    { word: 'blocked', ripple: 'blocked', rule: 'A prerequisite failed or was blocked, so the step answered 424 Failed Dependency without running.', ruleIds: 'R5' },
    { word: 'skipped', ripple: 'skipped', rule: 'Its condition did not hold and no prerequisite failed.', ruleIds: 'R4/R14' },
    { word: 'cancelled', ripple: 'cancelled', rule: 'On failure “abort” cancelled it before it started.', ruleIds: 'R8' },
    { word: 'compensated', ripple: 'compensated', rule: 'It succeeded, then the saga undid it.', ruleIds: 'R10' },
    { word: 'rolled-back', ripple: 'rolled-back', rule: 'Another member of its atomic group (a change set) failed, so its work was undone; dependents see it as blocked.', ruleIds: 'R18' },
    { word: 'pending', ripple: 'pending', rule: 'Before its end: not started yet (a prerequisite has not answered).' },
    { word: 'running', ripple: 'running', rule: 'Before its end: an attempt is in progress.' },
  ],
  'github-actions': [
    { word: 'success', ripple: 'succeeded', rule: 'The job succeeded.' },
    { word: 'failure', ripple: 'failed', rule: 'The job failed.' },
    { word: 'skipped', ripple: 'blocked', rule: 'A job it needs failed, and “if a job fails or is skipped, all jobs that need it are skipped” (Ripple: 424).', ruleIds: 'R5' },
    { word: 'skipped', ripple: 'skipped', rule: 'Its if: was false and no need failed.', ruleIds: 'R14' },
    { word: 'cancelled', ripple: 'cancelled', rule: 'The run was stopped before the job started.', ruleIds: 'R8' },
    { word: 'skipped', ripple: 'rolled-back', rule: 'Undone because another job of its atomic group failed (GitHub has no atomic groups; its result is that of a job that took no effect).', ruleIds: 'R18' },
    { word: 'queued', ripple: 'pending', rule: 'Before its end: the job waits for its needs (Ripple pending).' },
    { word: 'in_progress', ripple: 'running', rule: 'Before its end: the job runs; a failed job that will try again stays in_progress (Ripple retry).' },
    { word: 'conclusion failure', ripple: 'run', rule: 'A job failed (continue-on-error jobs excepted).' },
    { word: 'status in_progress', ripple: 'run', rule: 'Before its end the workflow run has no conclusion yet.' },
  ],
  argo: [
    { word: 'Succeeded', ripple: 'succeeded', rule: 'The task succeeded.' },
    { word: 'Failed', ripple: 'failed', rule: 'The task failed (Ripple does not tell Error from Failed).' },
    { word: 'Omitted', ripple: 'blocked', rule: 'Its depends was false because a dependency failed (Ripple: 424).', ruleIds: 'R5/R14' },
    { word: 'Omitted', ripple: 'skipped', rule: 'Its depends was false without a failure.', ruleIds: 'R14' },
    { word: 'Omitted', ripple: 'cancelled', rule: "Never scheduled once a failure stopped the DAG (Argo's failFast, on by default); Argo creates no node for such a task, and Omitted is its word for one that did not run.", ruleIds: 'R8' },
    { word: 'Omitted', ripple: 'rolled-back', rule: 'Undone because another task of its atomic group failed (Argo has no atomic groups).', ruleIds: 'R18' },
    { word: 'Pending', ripple: 'pending', rule: 'Before its end: the task waits for its dependencies.' },
    { word: 'Running', ripple: 'running', rule: 'Before its end: the task runs (a retry node stays Running between attempts).' },
    { word: 'phase Failed', ripple: 'run', rule: 'A task failed without continueOn.' },
    { word: 'phase Running', ripple: 'run', rule: 'Before its end the workflow is Running.' },
  ],
  airflow: [
    { word: 'success', ripple: 'succeeded', rule: 'The task instance succeeded.' },
    { word: 'failed', ripple: 'failed', rule: 'The task instance failed after its retries.' },
    { word: 'upstream_failed', ripple: 'blocked', rule: 'An upstream task failed and the trigger rule needed it (Ripple: 424).', ruleIds: 'R5' },
    { word: 'skipped', ripple: 'skipped', rule: 'The trigger rule did not hold without a failure (e.g. all_success after a skipped upstream).', ruleIds: 'R4/R14' },
    { word: 'skipped', ripple: 'cancelled', rule: 'Never started after the run stopped.', ruleIds: 'R8' },
    { word: 'upstream_failed', ripple: 'rolled-back', rule: 'Undone because another task of its atomic group failed (Airflow has no atomic groups).', ruleIds: 'R18' },
    { word: 'none', ripple: 'pending', rule: 'Before its end: not yet queued, its upstream tasks have not all finished.' },
    { word: 'running', ripple: 'running', rule: 'Before its end: the task instance runs.' },
    { word: 'up_for_retry', ripple: 'running', rule: 'The attempt failed and the task will be retried after its retry delay.', ruleIds: 'R3' },
    { word: 'DAG run failed', ripple: 'run', rule: 'A leaf task is failed or upstream_failed.' },
    { word: 'DAG run running', ripple: 'run', rule: 'Before its end the DAG run is running.' },
  ],
  'step-functions': [
    { word: 'Succeeded', ripple: 'succeeded', rule: 'The state succeeded.' },
    { word: 'Failed', ripple: 'failed', rule: 'The state failed after its Retry, with no Catch.' },
    { word: 'Caught error', ripple: 'failed', rule: 'The state failed and its Catch sent the execution to its handler (a failure path).' },
    { word: 'Not started', ripple: 'blocked', rule: 'The execution never reached the state because an earlier state failed (Ripple: 424).', ruleIds: 'R5/R14' },
    { word: 'Not started', ripple: 'skipped', rule: 'The execution took another path.', ruleIds: 'R14' },
    { word: 'Cancelled', ripple: 'cancelled', rule: 'The execution was stopped.', ruleIds: 'R8' },
    { word: 'Not started', ripple: 'rolled-back', rule: 'Undone because another state of its atomic group failed (Step Functions has no atomic groups).', ruleIds: 'R18' },
    { word: 'Not started', ripple: 'pending', rule: 'Before its end: the execution has not reached the state yet.' },
    { word: 'In progress', ripple: 'running', rule: 'Before its end: the state runs (its Retry attempts included).' },
    { word: 'FAILED', ripple: 'run', rule: 'A Fail state was reached or a state without Catch failed.' },
    { word: 'RUNNING', ripple: 'run', rule: 'Before its end the execution is RUNNING.' },
  ],
};
