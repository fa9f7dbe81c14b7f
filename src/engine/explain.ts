// "Why did this step answer that?" as plain sentences: the causal chain from a step down to the
// failure that started it, root cause last.
import { reasonPhrase } from './http-status.ts';
import type { RunResult, StepResult } from './types.ts';

export interface ChainLink {
  step: string;
  sentence: string;
  /** The step's forward answer (null for skipped / cancelled). */
  status: number | null;
}

/**
 * The causal chain behind a step's answer, one link per step, root cause last. An unknown id
 * gives an empty list.
 *
 * @example
 * explainChain(run, 'create-invoice')
 * // → [{ step: 'create-invoice', status: 424,
 * //      sentence: 'create-invoice answered 424 Failed Dependency because authorize-payment failed.' },
 * //    { step: 'authorize-payment', status: 402,
 * //      sentence: 'authorize-payment failed: 402 Payment Required — card declined (root cause).' }]
 */
export function explainChain(run: RunResult, stepId: string): ChainLink[] {
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let id: string | undefined = stepId;
  while (id !== undefined && !seen.has(id) && Object.hasOwn(run.steps, id)) {
    seen.add(id);
    const r: StepResult = run.steps[id];
    const next = r.state === 'blocked' || r.state === 'failed' ? r.failedPrerequisiteStep : undefined;
    links.push({ step: id, sentence: sentence(run, id, r), status: r.status });
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
export function explain(run: RunResult, stepId: string): string[] {
  return explainChain(run, stepId).map((link) => link.sentence);
}

function sentence(run: RunResult, id: string, r: StepResult): string {
  const tries = r.attempts > 1 ? ` after ${r.attempts} attempts` : '';
  switch (r.state) {
    case 'blocked': {
      const p = r.failedPrerequisiteStep!;
      const again = r.attempts > 1 ? ` (${r.attempts} times)` : '';
      return `${id} answered 424 Failed Dependency${again} because ${prerequisiteDid(run, p)}.`;
    }
    case 'failed': {
      const answer = `${r.status} ${reasonPhrase(r.status!)}`;
      const msg = r.message !== undefined ? ` — ${trimStop(r.message)}` : '';
      if (r.failedPrerequisiteStep !== undefined) {
        const p = r.failedPrerequisiteStep;
        return `${id} failed${tries}: ${answer}${msg}, because it ran although ${prerequisiteDid(run, p)}.`;
      }
      return `${id} failed${tries}: ${answer}${msg} (root cause).`;
    }
    case 'succeeded':
      return r.reused ? `${id} succeeded in the previous run; its result was reused (200 OK).` : `${id} succeeded${tries}: 200 OK.`;
    case 'compensated':
      return `${id} succeeded (200 OK), then was rolled back by "${r.compensation?.label ?? 'its compensation'}" because the run failed.`;
    case 'compensation-failed': {
      const c = r.compensation;
      const how = c ? `${c.status} ${reasonPhrase(c.status)}${c.message !== undefined ? ` — ${trimStop(c.message)}` : ''}` : 'it failed';
      return `${id} succeeded (200 OK), but its rollback "${c?.label ?? 'compensation'}" failed: ${how}; the chain is left in a partial state.`;
    }
    case 'skipped':
      return `${id} was skipped: ${trimStop(r.reason ?? 'a prerequisite did not apply')}.`;
    case 'cancelled':
      return `${id} was cancelled: ${trimStop(r.reason ?? 'the run was aborted')}.`;
  }
}

function prerequisiteDid(run: RunResult, p: string): string {
  if (!Object.hasOwn(run.steps, p)) return `${p} failed`;
  const pr = run.steps[p];
  switch (pr.state) {
    case 'blocked':
      return `${p} answered 424`;
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

function trimStop(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
