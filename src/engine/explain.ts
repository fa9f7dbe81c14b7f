// "Why did this step answer that?" as plain sentences: the causal chain from a step down to the
// failure that started it, root cause last.
import { reasonPhrase } from './http-status.ts';
import type { RunResult, StepResult } from './types.ts';

/** How a sentence names a step: a label for people (`stepName`), the id by default. */
export type StepNamer = (id: string) => string;

const byId: StepNamer = (id) => id;

export interface ChainLink {
  /** The step's id (to select it); the sentence names it with the namer. */
  step: string;
  sentence: string;
  /** The step's forward answer (null for skipped / cancelled). */
  status: number | null;
}

/**
 * The causal chain behind a step's answer, one link per step, root cause last. An unknown id
 * gives an empty list. Sentences name steps with `name` (ids unless given; the app and the
 * CLI table pass labels).
 *
 * @example
 * explainChain(run, 'create-invoice')
 * // → [{ step: 'create-invoice', status: 424,
 * //      sentence: 'create-invoice answered 424 Failed Dependency because authorize-payment failed.' },
 * //    { step: 'authorize-payment', status: 402,
 * //      sentence: 'authorize-payment failed: 402 Payment Required — card declined (root cause).' }]
 */
export function explainChain(run: RunResult, stepId: string, name: StepNamer = byId): ChainLink[] {
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let id: string | undefined = stepId;
  while (id !== undefined && !seen.has(id) && Object.hasOwn(run.steps, id)) {
    seen.add(id);
    const r: StepResult = run.steps[id];
    const next = r.state === 'blocked' || r.state === 'failed' || r.state === 'rolled-back' ? r.failedPrerequisiteStep : undefined;
    links.push({ step: id, sentence: sentence(run, id, r, name), status: r.status });
    id = next;
  }
  return links;
}

/**
 * The causal chain as sentences, root cause last.
 *
 * @example
 * explain(run, 'send-receipt')
 * // → ['send-receipt answered 424 Failed Dependency because create-invoice answered 424.',
 * //    'create-invoice answered 424 Failed Dependency because authorize-payment failed.',
 * //    'authorize-payment failed: 402 Payment Required — card declined (root cause).']
 */
export function explain(run: RunResult, stepId: string, name: StepNamer = byId): string[] {
  return explainChain(run, stepId, name).map((link) => link.sentence);
}

function sentence(run: RunResult, stepId: string, r: StepResult, name: StepNamer): string {
  const id = name(stepId);
  const did = (p: string) => prerequisiteDid(run, p, name);
  const tries = r.attempts > 1 ? ` after ${r.attempts} attempts` : '';
  switch (r.state) {
    case 'blocked': {
      const p = r.failedPrerequisiteStep!;
      const again = r.attempts > 1 ? ` (${r.attempts} times)` : '';
      // R14 / R18: the 424 came from a run condition or a group; its message says which.
      if (r.message !== undefined) return `${id} answered 424${again}: ${trimStop(r.message)} because ${did(p)}.`;
      return `${id} answered 424 Failed Dependency${again} because ${did(p)}.`;
    }
    case 'failed': {
      const answer = `${r.status} ${reasonPhrase(r.status!)}`;
      const msg = r.message !== undefined ? ` — ${trimStop(r.message)}` : '';
      if (r.failedPrerequisiteStep !== undefined) {
        const p = r.failedPrerequisiteStep;
        return `${id} failed${tries}: ${answer}${msg}, because it ran although ${did(p)}.`;
      }
      return `${id} failed${tries}: ${answer}${msg} (root cause).`;
    }
    case 'succeeded': {
      const ok = answerOf(r.status ?? 200);
      // R17: the saga stopped before this step's handler.
      const left = r.reason !== undefined ? `; it was not rolled back: ${trimStop(r.reason)}` : '';
      return r.reused ? `${id} succeeded in the previous run; its result was reused (${ok})${left}.` : `${id} succeeded${tries}: ${ok}${left}.`;
    }
    case 'compensated':
      // R17 evenIfFailed: a failed call may have acted, so it is rolled back too.
      if (r.status !== null && r.status >= 300) {
        return `${id} failed (${answerOf(r.status)}) but may have acted, so it was rolled back by "${r.compensation?.label ?? 'its compensation'}".`;
      }
      return `${id} succeeded (${answerOf(r.status ?? 200)}), then was rolled back by "${r.compensation?.label ?? 'its compensation'}" because the run failed.`;
    case 'compensation-failed': {
      const c = r.compensation;
      const how = c ? `${c.status} ${reasonPhrase(c.status)}${c.message !== undefined ? ` — ${trimStop(c.message)}` : ''}` : 'it failed';
      const forward = r.status !== null && r.status >= 300 ? `failed (${answerOf(r.status)}) but may have acted` : `succeeded (${answerOf(r.status ?? 200)})`;
      return `${id} ${forward}, but its rollback "${c?.label ?? 'compensation'}" failed: ${how}; the chain is left in a partial state.`;
    }
    case 'rolled-back': {
      // R18: the service undid it because its atomic group failed.
      const p = r.failedPrerequisiteStep!;
      return `${id} succeeded, then was rolled back and answered 424 because ${trimStop(r.message ?? 'its group failed')} (${did(p)}).`;
    }
    case 'skipped':
      return `${id} was skipped: ${trimStop(r.reason ?? 'a prerequisite did not apply')}.`;
    case 'cancelled':
      return `${id} was cancelled: ${trimStop(r.reason ?? 'the run was aborted')}.`;
  }
}

function prerequisiteDid(run: RunResult, prerequisite: string, name: StepNamer): string {
  const p = name(prerequisite);
  if (!Object.hasOwn(run.steps, prerequisite)) return `${p} failed`;
  const pr = run.steps[prerequisite];
  switch (pr.state) {
    case 'blocked':
      return `${p} answered 424`;
    case 'rolled-back':
      return `${p} was rolled back (424)`;
    case 'failed':
      return `${p} failed`;
    case 'succeeded':
    case 'compensated':
    case 'compensation-failed':
    case 'skipped':
    case 'cancelled':
      return `${p} did not succeed`;
  }
}

function answerOf(status: number): string {
  return `${status} ${reasonPhrase(status)}`;
}

function trimStop(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
