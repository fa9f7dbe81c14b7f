// The canonical form of a scenario: the one spelling of its meaning. Two scenarios that the
// engine cannot tell apart (one writes `"durationMs": 100`, the other leaves it out) have the
// same canonical form, and it is what a share link carries:
//
//   decodeScenarioLink(encodeScenarioLink(s)).scenario  deep-equals  canonicalScenario(s)
//
// Rules, for a scenario that passed `validate`:
// - every field equal to its default is removed: policy fields equal to DEFAULT_POLICY (and an
//   empty policy), a label equal to the id, `durationMs: 100`, `retry` fields 1 / 0 / 1 (and an
//   empty retry), a compensation label equal to `Undo <label>`, compensation `durationMs: 100`,
//   `idempotent: true`, `join: "all"`, empty `produces` / `consumes`, `fail.timeout: false`,
//   dependency `on: "success"`; and of version 2: `successStatus: 200`, policy
//   `compensationErrors: "continue"`, compensation `evenIfFailed: false`, an empty `groups`
//   list and `dialect: "http"`;
// - `when` is kept as written (like a label, it is the author's text); so are group labels,
//   the `lesson` block and a step's `if`; the GitHub `context` keeps its values with its names
//   sorted (an empty one is removed); the dialect flags `continueOnError`, `continueOnFailed`,
//   `catch` and `failState` are kept when true, removed when false (their default);
// - what has no default is kept as written, including empty strings and `compensation: {}`
//   (a handler with default label and duration is still a handler);
// - keys come in the order of the format (issue #2 §2), -0 becomes 0, and `dependencies` is
//   always present; step and dependency order are kept (they carry the author's intent and
//   the paths in messages).
import { DEFAULT_DIALECT, DEFAULT_DURATION_MS, DEFAULT_POLICY, DEFAULT_SUCCESS_STATUS } from './defaults.ts';
import type { CompensationSpec, Dependency, FailSpec, Group, Policy, RetrySpec, Scenario, Step } from './types.ts';
import { SCENARIO_VERSION } from './types.ts';

const num = (n: number): number => (n === 0 ? 0 : n);

function canonicalPolicy(policy: Partial<Policy> | undefined): Partial<Policy> | undefined {
  if (!policy) return undefined;
  const out: Partial<Policy> = {};
  if (policy.failFast !== undefined && policy.failFast !== DEFAULT_POLICY.failFast) out.failFast = policy.failFast;
  if (policy.onFailure !== undefined && policy.onFailure !== DEFAULT_POLICY.onFailure) out.onFailure = policy.onFailure;
  if (policy.compensation !== undefined && policy.compensation !== DEFAULT_POLICY.compensation) {
    out.compensation = policy.compensation;
  }
  if (policy.retryMode !== undefined && policy.retryMode !== DEFAULT_POLICY.retryMode) out.retryMode = policy.retryMode;
  if (policy.concurrency !== undefined && policy.concurrency !== DEFAULT_POLICY.concurrency) {
    out.concurrency = num(policy.concurrency);
  }
  if (policy.compensationErrors !== undefined && policy.compensationErrors !== DEFAULT_POLICY.compensationErrors) {
    out.compensationErrors = policy.compensationErrors;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function canonicalFail(fail: FailSpec): FailSpec {
  const out: FailSpec = {};
  if (fail.status !== undefined) out.status = fail.status;
  if (fail.timeout === true) out.timeout = true;
  if (fail.message !== undefined) out.message = fail.message;
  if (fail.times !== undefined) out.times = fail.times;
  return out;
}

function canonicalRetry(retry: RetrySpec): RetrySpec | undefined {
  const out: RetrySpec = {};
  if (retry.maxAttempts !== undefined && retry.maxAttempts !== 1) out.maxAttempts = retry.maxAttempts;
  if (retry.delayMs !== undefined && retry.delayMs !== 0) out.delayMs = retry.delayMs;
  if (retry.factor !== undefined && retry.factor !== 1) out.factor = retry.factor;
  return Object.keys(out).length > 0 ? out : undefined;
}

function canonicalCompensation(k: CompensationSpec, step: Step): CompensationSpec {
  const out: CompensationSpec = {};
  if (k.label !== undefined && k.label !== `Undo ${step.label ?? step.id}`) out.label = k.label;
  if (k.durationMs !== undefined && k.durationMs !== DEFAULT_DURATION_MS) out.durationMs = num(k.durationMs);
  if (k.fail) {
    out.fail = { status: k.fail.status };
    if (k.fail.message !== undefined) out.fail.message = k.fail.message;
  }
  if (k.evenIfFailed === true) out.evenIfFailed = true;
  return out;
}

/** One step in canonical form (see the file comment). */
export function canonicalStep(step: Step): Step {
  const out: Step = { id: step.id };
  if (step.label !== undefined && step.label !== step.id) out.label = step.label;
  if (step.request !== undefined) out.request = step.request;
  if (step.durationMs !== undefined && step.durationMs !== DEFAULT_DURATION_MS) out.durationMs = num(step.durationMs);
  if (step.fail) out.fail = canonicalFail(step.fail);
  if (step.timeoutMs !== undefined) out.timeoutMs = step.timeoutMs;
  const retry = step.retry && canonicalRetry(step.retry);
  if (retry) out.retry = retry;
  if (step.compensation) out.compensation = canonicalCompensation(step.compensation, step);
  if (step.idempotent === false) out.idempotent = false;
  if (step.join !== undefined && step.join !== 'all') out.join = step.join;
  if (step.produces && step.produces.length > 0) out.produces = [...step.produces];
  if (step.consumes && step.consumes.length > 0) out.consumes = [...step.consumes];
  if (step.position) out.position = { x: num(step.position.x), y: num(step.position.y) };
  if (step.when !== undefined) out.when = step.when;
  if (step.successStatus !== undefined && step.successStatus !== DEFAULT_SUCCESS_STATUS) out.successStatus = step.successStatus;
  if (step.if !== undefined) out.if = step.if;
  if (step.continueOnError === true) out.continueOnError = true;
  if (step.continueOnFailed === true) out.continueOnFailed = true;
  if (step.catch === true) out.catch = true;
  if (step.failState === true) out.failState = true;
  return out;
}

function canonicalDependency(dep: Dependency): Dependency {
  const out: Dependency = { from: dep.from, to: dep.to };
  if (dep.on !== undefined && dep.on !== 'success') out.on = dep.on;
  return out;
}

function canonicalGroup(group: Group): Group {
  return group.label === undefined ? { id: group.id, steps: [...group.steps] } : { id: group.id, label: group.label, steps: [...group.steps] };
}

/**
 * The canonical form of a valid scenario: defaults stripped, keys in a fixed order. A new
 * object; the input is not changed.
 *
 * @example
 * canonicalScenario({ version: 1, title: 'T', policy: { failFast: true },
 *   steps: [{ id: 'a', label: 'a', durationMs: 100, join: 'all' }], dependencies: [] })
 * // → { version: 2, title: 'T', steps: [{ id: 'a' }], dependencies: [] }
 */
export function canonicalScenario(s: Scenario): Scenario {
  const out = { version: SCENARIO_VERSION, title: s.title } as Scenario;
  if (s.description !== undefined) out.description = s.description;
  const policy = canonicalPolicy(s.policy);
  if (policy) out.policy = policy;
  out.steps = s.steps.map(canonicalStep);
  out.dependencies = (s.dependencies ?? []).map(canonicalDependency);
  if (s.groups && s.groups.length > 0) out.groups = s.groups.map(canonicalGroup);
  if (s.lesson !== undefined) out.lesson = structuredClone(s.lesson);
  if (s.dialect !== undefined && s.dialect !== DEFAULT_DIALECT) out.dialect = s.dialect;
  const context = s.context === undefined ? [] : Object.keys(s.context).sort();
  if (context.length > 0) out.context = Object.fromEntries(context.map((k) => [k, (s.context as Record<string, string>)[k]]));
  return out;
}
