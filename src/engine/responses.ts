// R12: every step's answer as an HTTP response, with RFC 9457 problem details for failures.
import type { Scenario } from '../scenario/types.ts';
import { reasonPhrase } from './http-status.ts';
import type { ProblemBody, RunResponse, StepResponse, StepResult } from './types.ts';

/** Problem types. `about:blank` means "nothing beyond the status code" (RFC 9457 §4.2.1). */
export const PROBLEM_TYPES = Object.freeze({
  failedDependency: 'urn:ripple:problem:failed-dependency',
  missingOutput: 'urn:ripple:problem:missing-output',
  missingInput: 'urn:ripple:problem:missing-input',
  plain: 'about:blank',
});

const PROBLEM_JSON = 'application/problem+json';

/** Builds the batch response: one entry per step, in scenario order. */
export function buildResponse(
  scenario: Scenario,
  steps: Record<string, StepResult>,
  status: 200 | 207,
  correlationId: string,
): RunResponse {
  const list = scenario.steps;
  const results: StepResponse[] = new Array(list.length);
  // Header objects are shared by every response of a kind (and frozen, so sharing is safe).
  const headers = headersFor(correlationId);
  for (let i = 0; i < list.length; i++) {
    const id = list[i].id;
    results[i] = stepResponse(id, steps[id], correlationId, headers);
  }
  return { status, results };
}

interface SharedHeaders {
  ok: Record<string, string>;
  problem: Record<string, string>;
}

function headersFor(correlationId: string): SharedHeaders {
  return {
    ok: Object.freeze({ 'Correlation-Id': correlationId }) as Record<string, string>,
    problem: Object.freeze({ 'Content-Type': PROBLEM_JSON, 'Correlation-Id': correlationId }) as Record<string, string>,
  };
}

export function stepResponse(
  id: string,
  r: StepResult,
  correlationId: string,
  headers: SharedHeaders = headersFor(correlationId),
): StepResponse {
  switch (r.state) {
    case 'succeeded':
    case 'compensated':
    case 'compensation-failed': {
      const status = r.status ?? 200;
      // R17 evenIfFailed: a failed step that was compensated still answered its failure.
      if (status >= 300) return { id, status, headers: headers.problem, body: failedBody(id, r, instanceOf(correlationId, id)) };
      const res: StepResponse = { id, status, headers: headers.ok };
      // R16: 204 No Content has no body, not even the rollback's summary (RFC 9110 §15.3.5).
      if (r.compensation !== undefined && status !== 204) {
        res.body = {
          compensation: {
            label: r.compensation.label,
            state: r.state,
            status: r.compensation.status,
            ...(r.compensation.message !== undefined ? { message: r.compensation.message } : {}),
          },
        };
      }
      return res;
    }
    case 'skipped':
    case 'cancelled':
      return { id, status: null, reason: r.reason ?? r.state };
    case 'blocked':
    case 'rolled-back':
      return { id, status: 424, headers: headers.problem, body: blockedBody(id, r, instanceOf(correlationId, id)) };
    case 'failed':
      return { id, status: r.status, headers: headers.problem, body: failedBody(id, r, instanceOf(correlationId, id)) };
  }
}

function instanceOf(correlationId: string, id: string): string {
  return `/runs/${correlationId}/steps/${id}`;
}

function blockedBody(id: string, r: StepResult, instance: string): ProblemBody {
  const p = r.failedPrerequisiteStep!;
  const root = r.rootCauseStep!;
  const because =
    p === root ? `its prerequisite ${p} failed` : `its prerequisite ${p} could not complete (root cause: ${root} failed)`;
  // R14 / R18: a run condition or a group decided the 424; its message says which.
  const detail = r.message !== undefined ? `${id} was not performed: ${r.message}, because ${because}.` : `${id} was not performed because ${because}.`;
  return {
    type: PROBLEM_TYPES.failedDependency,
    title: 'Failed Dependency',
    status: 424,
    detail,
    instance,
    failed_prerequisite_step: p,
    root_cause_step: root,
    dependency_path: r.dependencyPath!,
  };
}

function failedBody(id: string, r: StepResult, instance: string): ProblemBody {
  const status = r.status!;
  const title = reasonPhrase(status);
  const message = r.message;
  if (r.failedPrerequisiteStep !== undefined) {
    const p = r.failedPrerequisiteStep;
    return {
      type: PROBLEM_TYPES.missingOutput,
      title,
      status,
      detail: sentence(`${id} ran without the output of ${p}, which had failed: ${message ?? `missing output of ${p}`}`),
      instance,
      failed_prerequisite_step: p,
      root_cause_step: r.rootCauseStep!,
      dependency_path: r.dependencyPath!,
    };
  }
  if (r.failure === 'missing-input' && message !== undefined) {
    return {
      type: PROBLEM_TYPES.missingInput,
      title,
      status,
      detail: sentence(`${id} started before any step had produced ${message.slice('missing input '.length)}: ${message}`),
      instance,
    };
  }
  const tries = r.attempts > 1 ? ` after ${r.attempts} attempts` : '';
  return {
    type: PROBLEM_TYPES.plain,
    title,
    status,
    detail: message !== undefined ? sentence(`${id} failed${tries}: ${message}`) : `${id} failed${tries} with ${status} ${title}.`,
    instance,
  };
}

/** Ends a detail with one full stop: a message that already ends a sentence (`locked.`, `gone!`) keeps its own. */
function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
