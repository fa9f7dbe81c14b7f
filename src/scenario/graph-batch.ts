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
// (unknown fields are ignored with a warning) and strict where the scenario needs it, or where
// the real service refuses the batch: request ids are compared case-insensitively ("Not
// case-sensitive. Must be unique in the batch, otherwise, the batch request fails with a 400
// error code": microsoft-graph-docs-contrib, concepts/json-batching.md).
//
// An OData 4.01 `if` of the form `$N/$succeeded` or `not $N/$succeeded`, where N is in the
// request's dependsOn, becomes the condition of that dependency (`on: 'success'` / `'failure'`);
// any other `if` is reported as not simulated, at its path.
import * as v from 'valibot';
import type { Dependency, DependencyCondition, Group, Problem, ProblemCode, Scenario, Step } from './types.ts';
import { SCENARIO_VERSION } from './types.ts';
import { MAX_DEPENDENCIES, MAX_STEPS } from './limits.ts';
import { readJsonText } from './intake/json-text.ts';
import { ID_PATTERN, INTERNAL_ERROR_PREFIX, LIMITS, checkScenario, formatCycle } from './validate.ts';
import { Suggester, describe, didYouMean, formatCount, joinPath, quote } from './text.ts';

/** Microsoft Graph accepts at most this many requests in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

/** `$1/$succeeded` or `not $1/$succeeded` (OData 4.01 JSON batch `if`); group 2 is the request id. */
const SUCCEEDED_IF = /^\s*(not\s+)?\$([^\s/]+)\/\$succeeded\s*$/;

/** A `$N` reference inside a URL or body text: `$` and the characters a request id may use there. */
const REFERENCE = /\$([^\s/?&#'"(),;=$]+)/g;

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
    const first = issue.path?.[1]?.key;
    const last = issue.path?.[issue.path.length - 1];
    const missing = last?.origin === 'key' && issue.kind === 'schema' && issue.input === undefined;
    const key = String(last?.key ?? '');
    const problem: Problem = missing
      ? { code: 'missing-field', path, message: `missing (expected ${WHAT[key] ?? 'a value'})` }
      : { code: issue.type === 'max_length' ? 'too-long' : 'wrong-type', path, message: issue.message };
    if (issue.path?.[0]?.key === 'requests' && typeof first === 'number') problem.step = first;
    return problem;
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
    return { ok: false, kind: 'invalid', message, problems: [{ code: 'internal', path: '', message }] };
  }
}

type FailKind = 'too-large' | 'not-json' | 'invalid';

function failure(kind: FailKind, message: string, problems: Problem[]): GraphBatchResult {
  return { ok: false, kind, message, problems };
}

function problemAt(code: ProblemCode, path: string, message: string, step?: number): Problem {
  return step === undefined ? { code, path, message } : { code, path, message, step };
}

function countProblems(problems: Problem[]): string {
  return `The batch body has ${formatCount(problems.length)} problem${problems.length === 1 ? '' : 's'}.`;
}

/** Whether a request id can be its step's id as it is. */
function isStepId(id: string): boolean {
  return ID_PATTERN.test(id) && id !== '__proto__';
}

/** Why a request id could not be its step's id, for the rename warning. */
function renameReason(requestId: string): string {
  if (requestId === '__proto__') return `${quote(requestId)} is reserved in Ripple`;
  if (requestId.length > 64 && /^[A-Za-z0-9._-]+$/.test(requestId)) return `${quote(requestId)} is longer than a step id may be (64 characters)`;
  return `${quote(requestId)} is not a valid step id`;
}

/** Every string inside `value` with its path (iterative: hostile depth cannot overflow). */
function stringsIn(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop() as [unknown, string];
    if (typeof v === 'string') visit(v, p);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], joinPath(p, i)]);
    else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let k = keys.length - 1; k >= 0; k--) stack.push([(v as Record<string, unknown>)[keys[k]], joinPath(p, keys[k])]);
    }
  }
}

function importBatch(input: unknown, options: GraphBatchOptions): GraphBatchResult {
  let value = input;
  if (typeof input === 'string') {
    const read = readJsonText(input, { what: 'batch body' });
    if (!read.ok) return failure(read.error.kind, read.error.message, [problemAt(read.error.kind, '', read.error.message)]);
    value = read.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message = `expected a JSON batch body like { "requests": [ … ] }, got ${describe(value)}`;
    return failure('invalid', `This is not a JSON batch request body: ${message}.`, [problemAt('wrong-type', '', message)]);
  }
  const doc = value as { requests?: unknown };
  if (Array.isArray(doc.requests) && doc.requests.length > MAX_STEPS) {
    const n = doc.requests.length;
    return failure('too-large', `The batch has ${formatCount(n)} requests; Ripple opens at most ${formatCount(MAX_STEPS)} steps.`, [
      problemAt('too-large', 'requests', `${formatCount(n)} requests (at most ${formatCount(MAX_STEPS)})`),
    ]);
  }
  const parsed = v.safeParse(BatchSchema, value, { abortEarly: false });
  if (!parsed.success) {
    const problems = toProblems(parsed.issues);
    return failure('invalid', countProblems(problems), problems);
  }

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const requests = parsed.output.requests;
  for (const key of Object.keys(value)) {
    if (key !== 'requests') warnings.push(problemAt('ignored', joinPath('', key), 'not part of a JSON batch request body; ignored'));
  }
  if (requests.length === 0) problems.push(problemAt('empty', 'requests', 'the batch has no requests'));
  if (requests.length > GRAPH_BATCH_LIMIT) {
    warnings.push(
      problemAt(
        'over-service-limit',
        'requests',
        `${requests.length} requests: Microsoft Graph limits a JSON batch to ${GRAPH_BATCH_LIMIT} (it would answer 400 to the whole batch)`,
      ),
    );
  }

  // Request ids, compared as Graph compares them: case-insensitively.
  const requestIds = requests.map((r) => String(r.id));
  const byKey = new Map<string, number>();
  requestIds.forEach((id, i) => {
    const key = id.toLowerCase();
    const earlier = byKey.get(key);
    if (earlier === undefined) byKey.set(key, i);
    else if (requestIds[earlier] === id) {
      problems.push(problemAt('duplicate-id', `requests[${i}].id`, `duplicate request id ${quote(id)} (also requests[${earlier}].id)`, i));
    } else {
      problems.push(
        problemAt(
          'duplicate-id',
          `requests[${i}].id`,
          `${quote(id)} differs from requests[${earlier}].id ${quote(requestIds[earlier])} only by case; Microsoft Graph compares request ids case-insensitively and refuses the whole batch (400)`,
          i,
        ),
      );
    }
  });
  const lookup = (name: string): number | undefined => byKey.get(name.toLowerCase());

  // Step ids: a request id that is a valid step id keeps it; the others are sanitised into
  // names no other step has, each rename said with its reason.
  const stepIds: string[] = new Array<string>(requests.length);
  const owner = new Map<string, number>();
  requestIds.forEach((id, i) => {
    if (isStepId(id) && !owner.has(id)) {
      owner.set(id, i);
      stepIds[i] = id;
    }
  });
  requestIds.forEach((id, i) => {
    if (stepIds[i] !== undefined) return;
    let base = sanitizeStepId(id) || `request-${i + 1}`;
    if (base === '__proto__') base = 'proto';
    const taker = owner.get(base);
    let stepId = base;
    if (taker !== undefined) {
      const stem = base.slice(0, 60);
      let k = 2;
      while (owner.has(`${stem}-${k}`)) k++;
      stepId = `${stem}-${k}`;
    }
    owner.set(stepId, i);
    stepIds[i] = stepId;
    const reason = taker === undefined || requestIds[taker] === id ? renameReason(id) : `${renameReason(id)} and ${quote(base)} is requests[${taker}]'s step`;
    warnings.push(problemAt('renamed-id', `requests[${i}].id`, `${reason}; the step is called ${quote(stepId)}`, i));
  });

  const imported: ImportedRequest[] = [];
  const groups = new Map<string, number[]>();
  let numericIds = false;
  requests.forEach((r, i) => {
    const path = `requests[${i}]`;
    if (typeof r.id === 'number') numericIds = true;
    for (const key of Object.keys(r)) {
      if (!REQUEST_KEYS.includes(key)) warnings.push(problemAt('ignored', joinPath(path, key), 'not part of a batch request; ignored', i));
    }
    const entry: ImportedRequest = { requestId: requestIds[i], stepId: stepIds[i], method: r.method.toUpperCase(), url: r.url };
    if (r.atomicityGroup !== undefined) {
      entry.atomicityGroup = r.atomicityGroup;
      const members = groups.get(r.atomicityGroup) ?? [];
      if (members.length > 0 && members[members.length - 1] !== i - 1) {
        warnings.push(
          problemAt(
            'out-of-order',
            `${path}.atomicityGroup`,
            `requests of group ${quote(r.atomicityGroup)} are not adjacent; OData requires a group's requests to follow one another`,
            i,
          ),
        );
      }
      members.push(i);
      groups.set(r.atomicityGroup, members);
    }
    imported.push(entry);
  });
  if (numericIds) warnings.push(problemAt('wrong-type', 'requests', 'request ids should be strings; numbers were read as their text'));
  for (const [group] of groups) {
    const clash = lookup(group);
    if (clash !== undefined) {
      warnings.push(
        problemAt(
          'conflicting-fields',
          `requests[${clash}].id`,
          `${quote(group)} is both a request id and an atomicity group; dependsOn ${quote(group)} means the request`,
          clash,
        ),
      );
    }
  }
  const scenarioGroups = toGroups(groups, stepIds, owner, warnings);

  // The gate's limits, counted before anything is expanded: a dependsOn naming a group means
  // one dependency per member.
  const tooMany = countDependencies(requests, lookup, groups);
  if (tooMany) return failure('too-large', tooMany.message, [tooMany.problem]);

  // dependsOn → dependencies, remembering where each came from for cycle messages.
  const dependencies: Dependency[] = [];
  const source: Array<{ path: string; request: number }> = [];
  let suggester: Suggester | undefined;
  requests.forEach((r, i) => {
    const depOf = new Map<number, number>(); // target request → its dependency's index
    (r.dependsOn ?? []).forEach((ref, j) => {
      const path = `requests[${i}].dependsOn[${j}]`;
      const name = String(ref);
      let targets: number[];
      const asRequest = lookup(name);
      if (asRequest !== undefined) targets = [asRequest];
      else if (groups.has(name)) targets = (groups.get(name) as number[]).filter((k) => k !== i);
      else {
        suggester ??= new Suggester([...requestIds, ...groups.keys()]);
        problems.push(problemAt('missing-step', path, `no request or atomicity group ${quote(name)}${didYouMean(suggester.suggest(name))}`, i));
        return;
      }
      if (asRequest === i) {
        problems.push(problemAt('self-dependency', path, `a request cannot depend on itself (${quote(name)})`, i));
        return;
      }
      if (asRequest !== undefined && asRequest > i) {
        warnings.push(problemAt('out-of-order', path, `${quote(name)} comes later in the batch; OData requires dependsOn to name earlier requests`, i));
      }
      for (const t of targets) {
        if (depOf.has(t)) {
          warnings.push(problemAt('duplicate-dependency', path, `repeats a dependency on ${quote(requestIds[t])}; counted once`, i));
          continue;
        }
        depOf.set(t, dependencies.length);
        dependencies.push({ from: stepIds[t], to: stepIds[i] });
        source.push({ path, request: i });
      }
    });
    const condition = readCondition(r.if, i, depOf, lookup, requestIds, warnings);
    if (condition && condition.on !== 'success') dependencies[condition.dependency].on = condition.on;
    checkReferences(r, i, depOf, lookup, requestIds, warnings);
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
      warnings.push(problemAt('shortened', `requests[${i}].url`, `the request line is longer than ${LIMITS.request.max} characters and was shortened`, i));
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
  if (scenarioGroups.length > 0) scenario.groups = scenarioGroups.map((g) => g.group);

  // The scenario's own checks find cycles, each reported at the dependsOn entry that closes it,
  // and paths that leave an atomicity group and come back, at the group's first request.
  const report = checkScenario(scenario);
  for (const f of report.findings) {
    const from = f.dependency === undefined ? undefined : source[f.dependency];
    const group = f.code === 'leaves-group' ? scenarioGroups[Number(/^groups\[(\d+)\]$/.exec(f.path)?.[1])] : undefined;
    if (f.code === 'cycle' && f.cycle && from) {
      problems.push(problemAt('cycle', from.path, `dependsOn forms a cycle: ${formatCycle(f.cycle)}`, from.request));
    } else if (group) {
      problems.push(problemAt('leaves-group', `requests[${group.first}].atomicityGroup`, `atomicity ${f.message}`, group.first));
    } else problems.push(problemAt('internal', f.path, `${INTERNAL_ERROR_PREFIX} the imported scenario: ${f.message}`));
  }
  if (problems.length > 0 || !report.scenario) return failure('invalid', countProblems(problems), problems);
  return { ok: true, scenario: report.scenario, requests: imported, warnings };
}

/**
 * R18: each OData atomicity group becomes an atomic group of the scenario (all-or-nothing, as
 * OData JSON Format 4.01 specifies for `atomicityGroup` in batch requests). Its name is its id when that is a valid id no step or earlier group has; otherwise
 * it is renamed like a request id (said in a warning) and keeps its name as the label.
 * `first` is the index of its first request, where problems about it are reported.
 */
function toGroups(groups: Map<string, number[]>, stepIds: string[], taken: Map<string, number>, warnings: Problem[]): Array<{ group: Group; first: number }> {
  const out: Array<{ group: Group; first: number }> = [];
  const used = new Set<string>(taken.keys());
  for (const [name, members] of groups) {
    const first = members[0];
    let id = isStepId(name) ? name : sanitizeStepId(name) || `group-${out.length + 1}`;
    if (id === '__proto__') id = 'proto';
    if (used.has(id)) {
      const stem = `${id.slice(0, 56)}-group`;
      let k = 1;
      while (used.has(k === 1 ? stem : `${stem}-${k}`)) k++;
      id = k === 1 ? stem : `${stem}-${k}`;
    }
    used.add(id);
    const group: Group = { id, steps: members.map((i) => stepIds[i]) };
    if (id !== name) {
      group.label = truncate(name, LIMITS.label.max);
      warnings.push(problemAt('renamed-id', `requests[${first}].atomicityGroup`, `atomicity group ${quote(name)} is called ${quote(id)} in the scenario (group ids are step-like names unique across steps and groups)`, first));
    }
    out.push({ group, first });
  }
  return out;
}

type BatchRequest = v.InferOutput<typeof RequestSchema>;

/**
 * How many dependencies `dependsOn` would make, counted without making them; past
 * MAX_DEPENDENCIES, the refusal names the reference that expands most.
 */
function countDependencies(
  requests: BatchRequest[],
  lookup: (name: string) => number | undefined,
  groups: Map<string, number[]>,
): { message: string; problem: Problem } | null {
  let total = 0;
  const byName = new Map<string, { path: string; request: number; count: number; users: number }>();
  requests.forEach((r, i) => {
    (r.dependsOn ?? []).forEach((ref, j) => {
      const name = String(ref);
      if (lookup(name) !== undefined) {
        total += 1;
        return;
      }
      const members = groups.get(name);
      if (!members) return;
      const n = members.length - (r.atomicityGroup === name ? 1 : 0);
      total += n;
      const entry = byName.get(name) ?? { path: `requests[${i}].dependsOn[${j}]`, request: i, count: 0, users: 0 };
      entry.count += n;
      entry.users += 1;
      byName.set(name, entry);
    });
  });
  if (total <= MAX_DEPENDENCIES) return null;
  const message = `The batch's dependsOn expands to ${formatCount(total)} dependencies; Ripple opens at most ${formatCount(MAX_DEPENDENCIES)}.`;
  let worst: [string, { path: string; request: number; count: number; users: number }] | undefined;
  for (const named of byName) if (!worst || named[1].count > worst[1].count) worst = named;
  if (!worst) return { message, problem: problemAt('too-large', 'requests', `dependsOn names ${formatCount(total)} requests; the limit is ${formatCount(MAX_DEPENDENCIES)}`) };
  const [name, e] = worst;
  const by = e.users > 1 ? ` (named by ${formatCount(e.users)} requests)` : '';
  return {
    message,
    problem: problemAt(
      'too-large',
      e.path,
      `atomicity group ${quote(name)}${by} expands to ${formatCount(e.count)} dependencies; the limit is ${formatCount(MAX_DEPENDENCIES)}`,
      e.request,
    ),
  };
}

/**
 * Maps a request's OData `if` onto the condition of one of its dependencies, or warns (at
 * `requests[i].if`) why it cannot: the simulation then runs the request as if it had no `if`.
 */
function readCondition(
  condition: unknown,
  i: number,
  depOf: Map<number, number>,
  lookup: (name: string) => number | undefined,
  requestIds: string[],
  warnings: Problem[],
): { dependency: number; on: DependencyCondition } | null {
  if (condition === undefined) return null;
  const path = `requests[${i}].if`;
  const runsWithout = 'the request is simulated without it (it runs when everything in dependsOn succeeds)';
  if (typeof condition !== 'string') {
    warnings.push(problemAt('wrong-type', path, `expected a condition like "$1/$succeeded", got ${describe(condition)}; ${runsWithout}`, i));
    return null;
  }
  const m = SUCCEEDED_IF.exec(condition);
  if (!m) {
    warnings.push(
      problemAt(
        'not-simulated',
        path,
        `only "$N/$succeeded" and "not $N/$succeeded" (N in dependsOn) can be simulated, not ${quote(condition)}; ${runsWithout}`,
        i,
      ),
    );
    return null;
  }
  const target = lookup(m[2]);
  if (target === undefined) {
    warnings.push(problemAt('missing-step', path, `${quote(`$${m[2]}`)} names no request in the batch; ${runsWithout}`, i));
    return null;
  }
  const dependency = depOf.get(target);
  if (dependency === undefined) {
    warnings.push(
      problemAt(
        'undeclared-reference',
        path,
        `${quote(`$${m[2]}`)} refers to request ${quote(requestIds[target])}, which is not in dependsOn; ${runsWithout}`,
        i,
      ),
    );
    return null;
  }
  return { dependency, on: m[1] ? 'failure' : 'success' };
}

/** Warns about each `$N` in a request's url or body that names a request not in its dependsOn. */
function checkReferences(
  r: BatchRequest,
  i: number,
  depOf: Map<number, number>,
  lookup: (name: string) => number | undefined,
  requestIds: string[],
  warnings: Problem[],
): void {
  const visit = (text: string, path: string): void => {
    if (!text.includes('$')) return;
    for (const m of text.matchAll(REFERENCE)) {
      const target = lookup(m[1]);
      if (target === undefined || target === i || depOf.has(target)) continue;
      warnings.push(
        problemAt(
          'undeclared-reference',
          path,
          `${quote(m[0])} refers to request ${quote(requestIds[target])}, which is not in dependsOn (OData resolves $-references only to requests a request depends on); add it to dependsOn`,
          i,
        ),
      );
    }
  };
  visit(r.url, `requests[${i}].url`);
  if (r.body !== undefined) stringsIn(r.body, `requests[${i}].body`, visit);
}
