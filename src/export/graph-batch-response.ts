import type { ProblemBody, RunResult, StepResponse } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';

// The run as the body a Microsoft Graph / OData 4.01 JSON `$batch` endpoint returns:
// `{ "responses": [ { "id", "status", "headers"?, "body"? } ] }`. Following the OData JSON
// format, header names are lower-case and error bodies are OData error objects
// (`{ "error": { "code", "message" } }`); our 424 fields ride along in `innerError`,
// where Graph puts its own diagnostics.

export interface GraphBatchResponseItem {
  id: string;
  status: number;
  atomicityGroup?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphBatchResponse {
  responses: GraphBatchResponseItem[];
}

/**
 * Which batch request each step came from (what `importGraphBatch` reports as `requests`):
 * responses must answer with the request's own id, which the step id may have had to change.
 */
export interface BatchRequestRef {
  requestId: string;
  stepId: string;
  atomicityGroup?: string;
}

export interface ODataError {
  error: {
    code: string;
    message: string;
    innerError?: Record<string, unknown>;
  };
}

/**
 * `toGraphBatchResponse(run, scenario)` → `{ responses: [{ id: '2', status: 400, … },
 * { id: '3', status: 424, body: { error: { code: 'failedDependency', … } } }] }`.
 * With `requests` (from `importGraphBatch`), responses carry the batch's own request ids and
 * atomicity groups, in request order; otherwise step ids and the scenario's groups, in step order. Requests with no
 * answer (skipped or cancelled: never processed) are left out, as OData allows for requests
 * a service did not process.
 */
export function toGraphBatchResponse(run: RunResult, scenario: Scenario, requests?: readonly BatchRequestRef[]): GraphBatchResponse {
  const byId = new Map(run.response.results.map((r) => [r.id, r]));
  // Without the batch's own requests, a step's atomic group (R18) is its atomicity group.
  const groupOf = new Map((scenario.groups ?? []).flatMap((g) => g.steps.map((id) => [id, g.id] as const)));
  const refs: readonly BatchRequestRef[] =
    requests ?? scenario.steps.map((s) => ({ requestId: s.id, stepId: s.id, ...(groupOf.has(s.id) ? { atomicityGroup: groupOf.get(s.id) } : {}) }));
  // The machine-readable 424 fields name requests the way the batch did.
  const requestIdOf = new Map(refs.map((r) => [r.stepId, r.requestId]));
  const toRequestId = (stepId: string) => requestIdOf.get(stepId) ?? stepId;
  const responses: GraphBatchResponseItem[] = [];
  for (const ref of refs) {
    const result = run.steps[ref.stepId];
    if (!result || result.status === null) continue;
    const status = result.status;
    const response = byId.get(ref.stepId);
    const item: GraphBatchResponseItem = { id: ref.requestId, status };
    if (ref.atomicityGroup !== undefined) item.atomicityGroup = ref.atomicityGroup;
    if (status >= 400) {
      item.headers = { 'content-type': 'application/json' };
      item.body = toODataError(status, response, run.correlationId, toRequestId);
    } else if (response?.body !== undefined) {
      item.headers = { 'content-type': 'application/json' };
      item.body = response.body;
    }
    responses.push(item);
  }
  return { responses };
}

function toODataError(status: number, response: StepResponse | undefined, correlationId: string, toRequestId: (stepId: string) => string): ODataError {
  const problem = asProblem(response?.body);
  const title = problem?.title ?? `HTTP ${status}`;
  const innerError: Record<string, unknown> = { 'request-id': correlationId };
  if (problem?.failed_prerequisite_step !== undefined) innerError.failed_prerequisite_step = toRequestId(problem.failed_prerequisite_step);
  if (problem?.root_cause_step !== undefined) innerError.root_cause_step = toRequestId(problem.root_cause_step);
  if (problem?.dependency_path !== undefined) innerError.dependency_path = problem.dependency_path.map(toRequestId);
  return {
    error: {
      code: errorCode(title),
      message: problem?.detail || title,
      innerError,
    },
  };
}

function asProblem(body: StepResponse['body']): Partial<ProblemBody> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  return body as Partial<ProblemBody>;
}

/** Graph error codes are lower camel case words: `Failed Dependency` → `failedDependency`. */
function errorCode(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return 'error';
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}
