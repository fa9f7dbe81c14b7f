// The words of each dialect for one step state (issue #11), apart from dialect.ts: the canvas's
// state pills speak them, so they are in the main chunk, while the run's views, conclusions and
// glossary (dialect.ts) load with the panels that show them (issue #15). The table of words and
// their sources is at the top of dialect.ts. Pure: no DOM, no clock.
import type { DialectName } from '../scenario/types.ts';
import type { LiveState, StepState } from './types.ts';

/** How each dialect is named to people ("Speak as: GitHub Actions"). */
export const DIALECT_TITLES: Readonly<Record<DialectName, string>> = {
  http: 'HTTP 424',
  'github-actions': 'GitHub Actions',
  argo: 'Argo',
  airflow: 'Airflow',
  'step-functions': 'Step Functions',
};

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
 * The word `dialect` uses for a step at a moment of the run, before or after its end: the
 * final words of `dialectWord`, plus those for a step not started, running, waiting for a retry
 * or being rolled back. `retrying`: the step failed and will try again (`LiveStepView.retryAt`).
 *   pending       GitHub queued · Argo Pending · Airflow none · Step Functions Not started
 *   running       GitHub in_progress · Argo Running · Airflow running · Step Functions In progress
 *   retrying      Airflow up_for_retry; the others keep the step running (GitHub has no job
 *                 retries; an Argo retry node stays Running; a Step Functions Retry stays
 *                 inside its state)
 *   compensating  running in each (a rollback is more work of the run)
 * Sources: GitHub REST "workflow jobs" `status` (queued, in_progress, completed); Argo
 * NodePhase (Pending, Running, …); Airflow TaskInstanceState (`none` = "not yet queued, its
 * dependencies are not yet met", `up_for_retry`); Step Functions console state statuses.
 *
 * @example
 * dialectLiveWord('airflow', 'failed', { retrying: true }) // → 'up_for_retry'
 * dialectLiveWord('github-actions', 'pending')              // → 'queued'
 */
export function dialectLiveWord(dialect: DialectName, state: LiveState, options: { caught?: boolean; retrying?: boolean } = {}): string {
  if (options.retrying && (state === 'failed' || state === 'blocked')) return dialect === 'airflow' ? 'up_for_retry' : dialectLiveWord(dialect, 'running');
  switch (state) {
    case 'pending':
      return PENDING_WORD[dialect];
    case 'running':
    case 'compensating':
      return RUNNING_WORD[dialect];
    case 'succeeded':
    case 'failed':
    case 'blocked':
    case 'skipped':
    case 'cancelled':
    case 'compensated':
    case 'compensation-failed':
    case 'rolled-back':
      return dialectWord(dialect, state, options.caught);
  }
}

const PENDING_WORD: Readonly<Record<DialectName, string>> = {
  http: 'pending',
  'github-actions': 'queued',
  argo: 'Pending',
  airflow: 'none',
  'step-functions': 'Not started',
};

const RUNNING_WORD: Readonly<Record<DialectName, string>> = {
  http: 'running',
  'github-actions': 'in_progress',
  argo: 'Running',
  airflow: 'running',
  'step-functions': 'In progress',
};
