// The work budget of a run (issue #9 item 3). A run may make at most `runEventBudget(steps)`
// events (src/scenario/limits.ts): the timeline, the log and every selector walk the events,
// so a small link whose steps retry a hundred times each would otherwise make the page pay for
// hundreds of thousands of them. The loop checks the budget after every timer it handles; a
// run that reaches it stops there: every step not final yet is cancelled (a failed step whose
// repair was pending stays failed), and the result says which step made the most events.
import {
  BACKOFF,
  BLOCKED,
  CANCELLED,
  COMPENSATED,
  COMPENSATING,
  COMPENSATION_FAILED,
  FAILED,
  PENDING,
  QUEUED,
  REPAIR_QUEUED,
  REPAIRING,
  ROLLED_BACK,
  RUNNING,
  SKIPPED,
  SUCCEEDED,
  type PhaseCode,
} from './phases.ts';
import { NO_STEP } from './event-log.ts';
import { newEvent, setPhase, type RunState } from './run-state.ts';
import { REASON_TEXT } from './reasons.ts';
import type { RunStop } from './types.ts';

/** True once the run has made as many events as its budget allows. */
export function budgetReached(run: RunState): boolean {
  return run.log.length >= run.eventBudget;
}

/**
 * Stops the run at its budget: records why in `run.stopped` and makes every step final, so the
 * result, the saga (R10) and the response are built as for any other run.
 *
 * @example
 * // 100-step chain, first step fails, every step retries 100 times:
 * simulate(chain).stopped?.message
 * // → 'The run stopped after 6,003 events, the budget for 100 steps: "s0" made 301 of them …'
 */
export function stopAtBudget(run: RunState): void {
  const stop = whyStopped(run);
  run.stopped = stop;
  const reason = `the run stopped at its work budget of ${thousands(stop.budget)} events`;
  let text = -1;
  for (let i = 0; i < run.n; i++) {
    const ph = run.phase[i] as PhaseCode;
    switch (ph) {
      case PENDING:
      case QUEUED:
      case RUNNING:
      case BACKOFF: {
        if (ph === RUNNING) run.running--;
        setPhase(run, i, CANCELLED);
        run.generation[i]++;
        run.endedAt[i] = run.now;
        if (text < 0) text = run.reasons.setText(i, REASON_TEXT, reason);
        else run.reasons.share(i, REASON_TEXT, text);
        run.log.setReason(newEvent(run, 'cancelled', i, run.attempts[i]));
        break;
      }
      case REPAIR_QUEUED:
      case REPAIRING:
        // The repair never answered: the step stays failed with its last answer.
        if (ph === REPAIRING) run.running--;
        setPhase(run, i, FAILED);
        run.generation[i]++;
        break;
      case SUCCEEDED:
      case FAILED:
      case BLOCKED:
      case SKIPPED:
      case CANCELLED:
      case COMPENSATING:
      case COMPENSATED:
      case COMPENSATION_FAILED:
      case ROLLED_BACK:
        break;
    }
  }
}

/** The step that made the most events, and a sentence that names it and what to lower. */
function whyStopped(run: RunState): RunStop {
  const log = run.log;
  const events = log.length;
  const budget = run.eventBudget;
  const made = new Map<string, number>();
  const repairsOf = new Map<string, number>();
  const retrying = new Set<string>();
  for (let k = 0; k < events; k++) {
    const s = log.stepOf(k);
    if (s === NO_STEP) continue;
    const id = run.ids[s];
    made.set(id, (made.get(id) ?? 0) + 1);
    const type = log.typeOf(k);
    if (type === 'repair-requested') repairsOf.set(id, (repairsOf.get(id) ?? 0) + 1);
    if (type === 'retry-scheduled') retrying.add(id);
  }
  let step = run.ids[0] ?? '';
  let most = -1;
  for (const [id, count] of made) {
    if (count > most || (count === most && id < step)) {
      step = id;
      most = count;
    }
  }
  const i = run.ids.indexOf(step);
  const label = run.scenario.steps[i]?.label ?? step;
  const maxAttempts = i >= 0 ? run.maxAttempts[i] : 1;
  const others = retrying.size - (retrying.has(step) ? 1 : 0);
  const repairs = repairsOf.get(step) ?? 0;
  let detail = `"${label}" made ${thousands(Math.max(most, 0))} of them, retrying up to ${maxAttempts} times`;
  if (repairs > 0) detail += `, and is tried again for each of ${thousands(repairs)} retries of the steps it blocks (graph-aware retry)`;
  if (others > 0) detail += `; ${thousands(others)} other ${others === 1 ? 'step retries' : 'steps retry'} too`;
  const lower = others > 0 ? `lower the maxAttempts of "${label}" and of the steps that retry after it` : `lower its maxAttempts`;
  const message = `The run stopped after ${thousands(events)} events, the budget for ${thousands(run.n)} ${run.n === 1 ? 'step' : 'steps'}: ${detail}; ${lower}.`;
  return { events, budget, step, message };
}

/** 25000 → "25,000", the same on every JS engine (no locale data). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
