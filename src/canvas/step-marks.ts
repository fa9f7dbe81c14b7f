import type { Scenario, Step } from '../scenario/types.ts';
import { STATUS_REASONS as STATUS_INFO, reasonPhrase } from '../engine/status-reasons.ts';
import { DEFAULT_RETRY } from '../scenario/defaults.ts';
import type { IconName } from './icons.tsx';

// The small marks a node shows for what is configured on its step. Pure, so the table view,
// exports and tests use the same words.
export interface StepMark {
  kind: 'fail' | 'retry' | 'timeout' | 'compensation' | 'non-idempotent' | 'join-any' | 'success-status' | 'when';
  /** The chip's icon (icons.tsx), drawn before `text`: `retry` + `3`. */
  icon?: IconName;
  /** What the chip shows in words: `409`, `3`, `1.5 s`. */
  text: string;
  /** The full sentence (tooltip and accessible name). */
  title: string;
}

export function reasonOf(status: number): string {
  return STATUS_INFO[status]?.reason ?? '';
}

function ms(n: number): string {
  return n >= 1000 && n % 100 === 0 ? `${n / 1000} s` : `${n} ms`;
}

export function stepMarks(step: Step): StepMark[] {
  const marks: StepMark[] = [];
  const f = step.fail;
  if (f) {
    const times = f.times ? ` on the first ${f.times === 1 ? 'attempt' : `${f.times} attempts`}` : '';
    if (f.timeout) {
      marks.push({ kind: 'fail', text: f.times ? `hangs ×${f.times}` : 'hangs', title: `Hangs until its timeout and answers 504${times}` });
    } else if (f.status !== undefined) {
      const reason = reasonOf(f.status);
      marks.push({
        kind: 'fail',
        text: f.times ? `${f.status} ×${f.times}` : String(f.status),
        title: `Fails with ${f.status}${reason ? ` ${reason}` : ''}${times}`,
      });
    }
  }
  const attempts = step.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  if (attempts > 1) marks.push({ kind: 'retry', icon: 'retry', text: String(attempts), title: `Retries: up to ${attempts} attempts` });
  if (step.timeoutMs !== undefined) marks.push({ kind: 'timeout', icon: 'timeout', text: ms(step.timeoutMs), title: `Times out after ${ms(step.timeoutMs)}` });
  if (step.compensation) {
    const label = step.compensation.label ?? `Undo ${step.label ?? step.id}`;
    const evenIfFailed = step.compensation.evenIfFailed ? ', even if the step failed' : '';
    marks.push({
      kind: 'compensation',
      // A failing undo has an icon of its own: squeezed down to its icon, the mark still says which.
      icon: step.compensation.fail ? 'undo-fails' : 'undo',
      text: step.compensation.fail ? 'undo fails' : 'undo',
      title: `Compensation: ${label}${step.compensation.fail ? ` (fails with ${step.compensation.fail.status})` : ''}${evenIfFailed}`,
    });
  }
  if (step.idempotent === false) marks.push({ kind: 'non-idempotent', icon: 'not-equal', text: 'idem', title: 'Not idempotent: running it twice does it twice' });
  if (step.join === 'any') marks.push({ kind: 'join-any', text: 'any', title: 'Runs when any one prerequisite is satisfied' });
  if (step.when !== undefined) marks.push({ kind: 'when', text: 'when', title: `Runs when ${step.when}` });
  if (step.successStatus !== undefined && step.successStatus !== 200) {
    const reason = reasonPhrase(step.successStatus);
    const words = reason === 'Unknown Status' ? String(step.successStatus) : `${step.successStatus} ${reason}`;
    marks.push({ kind: 'success-status', text: words, title: `Answers ${words} when it succeeds${step.successStatus === 204 ? ' (no body)' : ''}` });
  }
  return marks;
}

/**
 * A mark's chip classes, on its node and in the Inspector's list of them: failures in the
 * failed colour (a failing undo too), a success status in the succeeded one.
 */
export function markChipClass(m: StepMark): string {
  const tone = m.kind === 'fail' ? ' chip--fail' : m.icon === 'undo-fails' ? ' chip--undo-fails' : m.kind === 'success-status' ? ' chip--success' : '';
  return `chip${tone}${m.icon ? ' chip--icon' : ''}`;
}

const finallyCache = new WeakMap<Scenario, ReadonlySet<string>>();

/**
 * The finally steps of a scenario (R15): every incoming dependency is `on: "always"`, and
 * there is at least one. Abort does not cancel them; they run once their prerequisites are
 * final (a teardown). Computed once per scenario object.
 */
export function finallySteps(scenario: Scenario): ReadonlySet<string> {
  let found = finallyCache.get(scenario);
  if (!found) {
    const always = new Map<string, boolean>();
    for (const d of scenario.dependencies) always.set(d.to, (always.get(d.to) ?? true) && d.on === 'always');
    found = new Set([...always].filter(([, all]) => all).map(([id]) => id));
    finallyCache.set(scenario, found);
  }
  return found;
}

/** The words of the finally badge's tooltip and accessible name. */
export const FINALLY_TITLE = 'Finally: runs once its prerequisites are finished, whatever happened, even when the run aborts';
