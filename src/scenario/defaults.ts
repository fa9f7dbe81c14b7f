import type { CompensationSpec, DependencyCondition, FailSpec, Join, Policy, Scenario, Step } from './types.ts';

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  failFast: true,
  onFailure: 'continue',
  compensation: 'none',
  retryMode: 'graph-aware',
  concurrency: 0,
  compensationErrors: 'continue',
});

export const DEFAULT_DURATION_MS = 100;

/** R16: a step that succeeds answers 200 unless it says otherwise (`successStatus`, 200–299). */
export const DEFAULT_SUCCESS_STATUS = 200;

/** #11: a scenario without `dialect` is told in Ripple's own words (HTTP, 424 Failed Dependency). */
export const DEFAULT_DIALECT = 'http';

/** A step without `retry` is sent once; a retry waits `delayMs` × `factor`^(k−1) ms (R3). */
export const DEFAULT_RETRY: Readonly<{ maxAttempts: number; delayMs: number; factor: number }> = Object.freeze({
  maxAttempts: 1,
  delayMs: 0,
  factor: 1,
});

/**
 * The timeout (ms) the editor gives a step made to hang when it has none: a hang without a
 * timeout would never end, so "hangs until timeout" needs one. Not a default of the format.
 */
export const HANG_TIMEOUT_MS = 1000;

/** A step with every default filled in: what the engine actually runs. */
export interface ResolvedStep {
  id: string;
  label: string;
  request: string | null;
  durationMs: number;
  fail: FailSpec | null;
  timeoutMs: number | null;
  retry: { maxAttempts: number; delayMs: number; factor: number };
  compensation: (Required<Omit<CompensationSpec, 'fail'>> & Pick<CompensationSpec, 'fail'>) | null;
  idempotent: boolean;
  join: Join;
  produces: string[];
  consumes: string[];
  /** R14: the run condition as written, or null (the step runs by its dependencies' `on` and its `join`). */
  when: string | null;
  /** R16: the status the step answers when it succeeds (200–299). */
  successStatus: number;
}

/**
 * `resolvePolicy({ policy: { failFast: false } })` → every policy field, defaults filled
 * (`compensationErrors: 'continue'` included, R17).
 */
export function resolvePolicy(scenario: Pick<Scenario, 'policy'>): Policy {
  return { ...DEFAULT_POLICY, ...(scenario.policy ?? {}) };
}

/** `resolveStep({ id: 'a' })` → `{ id: 'a', label: 'a', durationMs: 100, retry: { maxAttempts: 1, … }, … }`. */
export function resolveStep(step: Step): ResolvedStep {
  return {
    id: step.id,
    label: step.label ?? step.id,
    request: step.request ?? null,
    durationMs: step.durationMs ?? DEFAULT_DURATION_MS,
    fail: step.fail ?? null,
    timeoutMs: step.timeoutMs ?? null,
    retry: {
      maxAttempts: step.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      delayMs: step.retry?.delayMs ?? DEFAULT_RETRY.delayMs,
      factor: step.retry?.factor ?? DEFAULT_RETRY.factor,
    },
    compensation: step.compensation
      ? {
          label: step.compensation.label ?? `Undo ${step.label ?? step.id}`,
          durationMs: step.compensation.durationMs ?? DEFAULT_DURATION_MS,
          fail: step.compensation.fail,
          evenIfFailed: step.compensation.evenIfFailed ?? false,
        }
      : null,
    idempotent: step.idempotent ?? true,
    join: step.join ?? 'all',
    produces: step.produces ?? [],
    consumes: step.consumes ?? [],
    when: step.when ?? null,
    successStatus: step.successStatus ?? DEFAULT_SUCCESS_STATUS,
  };
}

export function conditionOf(dep: { on?: DependencyCondition }): DependencyCondition {
  return dep.on ?? 'success';
}
