// Import a Microsoft Graph / OData JSON `$batch` request body as a scenario (issue #4 §4).
//
//   { "requests": [ { "id": "1", "method": "POST", "url": "/orders", "dependsOn": ["0"],
//                     "atomicityGroup": "g1", "headers": {…}, "body": {…} }, … ] }
//
// Each request becomes a step (its id sanitised to the step-id charset, with the mapping kept
// in `requests`), its request line `METHOD url`, and each `dependsOn` entry a `success`
// dependency — which is exactly why a dependent of a failed request answers 424 there. As in
// OData 4.01, `dependsOn` may name an atomicity group, meaning every request in it. The person
// marks which requests fail afterwards; nothing here fails by default.
//
// The batch body is foreign input, so the shape check is lenient where the services are
// (unknown fields are ignored with a warning) and strict where the scenario needs it.
import * as v from 'valibot';
import type { Dependency, Problem, Scenario, Step } from './types.ts';
import { SCENARIO_VERSION } from './types.ts';
import { MAX_JSON_BYTES, MAX_STEPS } from './limits.ts';
import { INTERNAL_ERROR_PREFIX, LIMITS, checkScenario } from './validate.ts';
import { Suggester, describe, didYouMean, formatCount, joinPath, quote, utf8Length } from './text.ts';

/** Microsoft Graph accepts at most this many requests in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

export interface ImportedRequest {
  /** The request's `id` in the batch (what batch responses must answer with). */
  requestId: string;
  /** The step it became. */
  stepId: string;
  method: string;
  url: string;
  atomicityGroup?: string;
}

export type GraphBatchResult =
  | { ok: true; scenario: Scenario; requests: ImportedRequest[]; warnings: Problem[] }
  | { ok: false; kind: 'too-large' | 'not-json' | 'invalid'; message: string; problems: Problem[] };

export interface GraphBatchOptions {
  /** Title of the new scenario; default `JSON $batch (N requests)`. */
  title?: string;
}

const REQUEST_KEYS = ['id', 'method', 'url', 'dependsOn', 'atomicityGroup', 'headers', 'body', 'if'];

const WHAT: Record<string, string> = {
  requests: 'a list of requests like { "id": "1", "method": "GET", "url": "/me" }',
  id: 'the request id as a string',
  method: 'an HTTP method like "GET"',
  url: 'the request URL as a string',
  dependsOn: 'a list of request ids',
  atomicityGroup: 'a group name as a string',
  headers: 'an object of headers',
};

const expected =
  (what: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    `expected ${what}, got ${describe(issue.input)}`;

const idSchema = v.custom<string | number>(
  (x) => (typeof x === 'string' && x.length > 0) || (typeof x === 'number' && Number.isSafeInteger(x)),
  expected(WHAT.id),
);

const RequestSchema = v.looseObject(
  {
    id: idSchema,
    method: v.pipe(v.string(expected(WHAT.method)), v.regex(/^[A-Za-z][A-Za-z-]{0,19}$/, expected(WHAT.method))),
    url: v.pipe(v.string(expected(WHAT.url)), v.maxLength(8_000, 'too long (at most 8,000 characters)')),
    dependsOn: v.optional(v.array(idSchema, expected(WHAT.dependsOn))),
    atomicityGroup: v.optional(v.pipe(v.string(expected(WHAT.atomicityGroup)), v.minLength(1, expected(WHAT.atomicityGroup)))),
    headers: v.optional(
      v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), expected(WHAT.headers)),
    ),
    body: v.optional(v.unknown()),
  },
  expected('a request object like { "id": "1", "method": "GET", "url": "/me" }'),
);

const BatchSchema = v.looseObject(
  { requests: v.array(RequestSchema, expected(WHAT.requests)) },
  expected('a JSON batch body like { "requests": [ … ] }'),
);

function toProblems(issues: readonly v.BaseIssue<unknown>[]): Problem[] {
  return issues.map((issue) => {
    let path = '';
    for (const item of issue.path ?? []) path = joinPath(path, item.key as string | number);
    const last = issue.path?.[issue.path.length - 1];
    const missing = last?.origin === 'key' && issue.kind === 'schema' && issue.input === undefined;
    const key = String(last?.key ?? '');
    return { path, message: missing ? `missing (expected ${WHAT[key] ?? 'a value'})` : issue.message };
  });
}

/** `"list users/{id}"` → `list-users-id`: runs of characters outside the id charset become `-`. */
export function sanitizeStepId(raw: string): string {
  return raw
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Turns a JSON `$batch` request body (text or parsed) into a scenario. Never throws.
 *
 * @example
 * importGraphBatch({ requests: [{ id: '1', method: 'POST', url: '/orders' },
 *                               { id: '2', method: 'POST', url: '/invoices', dependsOn: ['1'] }] })
 * // → { ok: true, scenario: { steps: [{ id: '1', request: 'POST /orders' }, …],
 * //     dependencies: [{ from: '1', to: '2' }] }, requests: [...], warnings: [] }
 */
export function importGraphBatch(input: unknown, options: GraphBatchOptions = {}): GraphBatchResult {
  try {
    return importBatch(input, options);
  } catch (error) {
    const message = `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}`;
    return { ok: false, kind: 'invalid', message, problems: [{ path: '', message }] };
  }
}

function importBatch(input: unknown, options: GraphBatchOptions): GraphBatchResult {
  const fail = (kind: 'too-large' | 'not-json' | 'invalid', message: string, problems?: Problem[]): GraphBatchResult => ({
    ok: false,
    kind,
    message,
    problems: problems ?? [{ path: '', message }],
  });
  let value = input;
  if (typeof input === 'string') {
    const bytes = input.length > MAX_JSON_BYTES ? input.length : utf8Length(input);
    if (bytes > MAX_JSON_BYTES) return fail('too-large', `The batch body is ${formatCount(bytes)} bytes; Ripple reads at most 1 MB.`);
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      return fail('not-json', `This is not JSON: ${error instanceof Error ? error.message : 'unreadable'}.`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message = `expected a JSON batch body like { "requests": [ … ] }, got ${describe(value)}`;
    return fail('invalid', `This is not a JSON batch request body: ${message}.`, [{ path: '', message }]);
  }
  const doc = value as { requests?: unknown };
  if (doc && typeof doc === 'object' && Array.isArray(doc.requests) && doc.requests.length > MAX_STEPS) {
    return fail('too-large', `The batch has ${formatCount(doc.requests.length)} requests; Ripple opens at most ${formatCount(MAX_STEPS)} steps.`);
  }
  const parsed = v.safeParse(BatchSchema, value, { abortEarly: false });
  if (!parsed.success) {
    const problems = toProblems(parsed.issues);
    return fail('invalid', `The batch body has ${formatCount(problems.length)} problem${problems.length === 1 ? '' : 's'}.`, problems);
  }

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const requests = parsed.output.requests;
  const rawDoc = value as Record<string, unknown>;
  for (const key of Object.keys(rawDoc)) {
    if (key !== 'requests') warnings.push({ path: joinPath('', key), message: 'not part of a JSON batch request body; ignored' });
  }
  if (requests.length === 0) problems.push({ path: 'requests', message: 'the batch has no requests' });
  if (requests.length > GRAPH_BATCH_LIMIT) {
    warnings.push({
      path: 'requests',
      message: `${requests.length} requests: Microsoft Graph limits a JSON batch to ${GRAPH_BATCH_LIMIT} (it would answer 400 to the whole batch)`,
    });
  }

  // Request ids → steps, sanitised and made unique.
  const imported: ImportedRequest[] = [];
  const byRequestId = new Map<string, number>();
  const usedStepIds = new Set<string>();
  const groups = new Map<string, number[]>();
  let numericIds = false;
  requests.forEach((r, i) => {
    const path = `requests[${i}]`;
    if (typeof r.id === 'number') numericIds = true;
    const requestId = String(r.id);
    const earlier = byRequestId.get(requestId);
    if (earlier !== undefined) {
      problems.push({ path: `${path}.id`, message: `duplicate request id ${quote(requestId)} (also requests[${earlier}].id)` });
    } else byRequestId.set(requestId, i);
    let stepId = sanitizeStepId(requestId) || `request-${i + 1}`;
    if (stepId === '__proto__') stepId = 'proto';
    if (usedStepIds.has(stepId)) {
      const base = stepId.slice(0, 60);
      let k = 2;
      while (usedStepIds.has(`${base}-${k}`)) k++;
      stepId = `${base}-${k}`;
    }
    usedStepIds.add(stepId);
    if (stepId !== requestId) {
      warnings.push({ path: `${path}.id`, message: `${quote(requestId)} is not a valid step id; the step is called ${quote(stepId)}` });
    }
    for (const key of Object.keys(r)) {
      if (!REQUEST_KEYS.includes(key)) warnings.push({ path: joinPath(path, key), message: 'not part of a batch request; ignored' });
    }
    if (r.if !== undefined) warnings.push({ path: `${path}.if`, message: 'conditional requests are not simulated; the request always runs' });
    const entry: ImportedRequest = { requestId, stepId, method: r.method.toUpperCase(), url: r.url };
    if (r.atomicityGroup !== undefined) {
      entry.atomicityGroup = r.atomicityGroup;
      const members = groups.get(r.atomicityGroup) ?? [];
      if (members.length > 0 && members[members.length - 1] !== i - 1) {
        warnings.push({
          path: `${path}.atomicityGroup`,
          message: `requests of group ${quote(r.atomicityGroup)} are not adjacent; OData requires a group's requests to follow one another`,
        });
      }
      members.push(i);
      groups.set(r.atomicityGroup, members);
    }
    imported.push(entry);
  });
  if (numericIds) warnings.push({ path: 'requests', message: 'request ids should be strings; numbers were read as their text' });
  for (const [group] of groups) {
    const clash = byRequestId.get(group);
    if (clash !== undefined) {
      warnings.push({
        path: `requests[${clash}].id`,
        message: `${quote(group)} is both a request id and an atomicity group; dependsOn ${quote(group)} means the request`,
      });
    }
  }
  if (groups.size > 0) {
    warnings.push({
      path: 'requests',
      message: 'atomicity groups are kept in the import\'s request list only: Ripple does not run a group as one all-or-nothing unit',
    });
  }

  // dependsOn → dependencies, remembering where each came from for cycle messages.
  const dependencies: Dependency[] = [];
  const source: string[] = [];
  const seen = new Set<string>();
  let suggester: Suggester | undefined;
  requests.forEach((r, i) => {
    (r.dependsOn ?? []).forEach((ref, j) => {
      const path = `requests[${i}].dependsOn[${j}]`;
      const name = String(ref);
      let targets: number[];
      const asRequest = byRequestId.get(name);
      if (asRequest !== undefined) targets = [asRequest];
      else if (groups.has(name)) targets = (groups.get(name) as number[]).filter((k) => k !== i);
      else {
        suggester ??= new Suggester([...byRequestId.keys(), ...groups.keys()]);
        problems.push({ path, message: `no request or atomicity group ${quote(name)}${didYouMean(suggester.suggest(name))}` });
        return;
      }
      if (asRequest === i) {
        problems.push({ path, message: `a request cannot depend on itself (${quote(name)})` });
        return;
      }
      if (asRequest !== undefined && asRequest > i) {
        warnings.push({ path, message: `${quote(name)} comes later in the batch; OData requires dependsOn to name earlier requests` });
      }
      for (const t of targets) {
        const key = `${t}>${i}`;
        if (seen.has(key)) {
          warnings.push({ path, message: `repeats a dependency on ${quote(imported[t].requestId)}; counted once` });
          continue;
        }
        seen.add(key);
        dependencies.push({ from: imported[t].stepId, to: imported[i].stepId });
        source.push(path);
      }
    });
  });

  const steps: Step[] = imported.map((r) => {
    const step: Step = { id: r.stepId };
    if (r.stepId !== r.requestId) step.label = truncate(r.requestId, LIMITS.label.max);
    const line = `${r.method} ${r.url}`;
    step.request = truncate(line, LIMITS.request.max);
    return step;
  });
  imported.forEach((r, i) => {
    if (`${r.method} ${r.url}`.length > LIMITS.request.max) {
      warnings.push({ path: `requests[${i}].url`, message: `the request line is longer than ${LIMITS.request.max} characters and was shortened` });
    }
  });

  const title = options.title ?? `JSON $batch (${requests.length} request${requests.length === 1 ? '' : 's'})`;
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: truncate(title, LIMITS.title.max),
    description:
      'Imported from a JSON $batch request body: each request is a step and each dependsOn a dependency. Mark the requests that fail to see which answer 424.',
    steps,
    dependencies,
  };

  // The scenario's own checks find cycles; translate their paths back into the batch.
  const report = checkScenario(scenario);
  for (const f of report.findings) {
    const m = /^dependencies\[(\d+)\]$/.exec(f.path);
    if (m && f.message.startsWith('dependencies form a cycle')) {
      problems.push({ path: source[Number(m[1])], message: f.message.replace('dependencies form a cycle', 'dependsOn forms a cycle') });
    } else problems.push({ path: f.path, message: `${INTERNAL_ERROR_PREFIX} the imported scenario: ${f.message}` });
  }
  if (problems.length > 0 || !report.scenario) {
    return fail('invalid', `The batch body has ${formatCount(problems.length)} problem${problems.length === 1 ? '' : 's'}.`, problems);
  }
  return { ok: true, scenario: report.scenario, requests: imported, warnings };
}
