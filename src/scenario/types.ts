// The scenario model, version 1. This is a public contract: the CLI reads it, links carry it,
// and tests outside this repo write it. Optional fields are optional here too; the engine
// resolves defaults with `resolveStep` / `resolvePolicy` (src/scenario/defaults.ts).

export const SCENARIO_VERSION = 1 as const;

export type OnFailure = 'continue' | 'abort';
export type CompensationMode = 'none' | 'saga';
export type RetryMode = 'graph-aware' | 'naive';
export type Join = 'all' | 'any';
export type DependencyCondition = 'success' | 'failure' | 'always';

export interface Policy {
  /** Blocked dependents answer 424 instead of running (the seeds' fail-fast guard). */
  failFast: boolean;
  onFailure: OnFailure;
  compensation: CompensationMode;
  retryMode: RetryMode;
  /** Most steps running at once; 0 = no limit. */
  concurrency: number;
}

/**
 * How a step fails. Either an HTTP status (400–599, not 424), or `timeout: true` (the attempt
 * hangs until the step's `timeoutMs` and answers 504). `times` limits failure to the first
 * `times` attempts (a flaky step); absent means every attempt fails.
 */
export interface FailSpec {
  status?: number;
  message?: string;
  times?: number;
  timeout?: boolean;
}

export interface RetrySpec {
  maxAttempts?: number;
  delayMs?: number;
  factor?: number;
}

export interface CompensationSpec {
  label?: string;
  durationMs?: number;
  fail?: { status: number; message?: string };
}

export interface Position {
  x: number;
  y: number;
}

export interface Step {
  id: string;
  label?: string;
  request?: string;
  durationMs?: number;
  fail?: FailSpec;
  timeoutMs?: number;
  retry?: RetrySpec;
  compensation?: CompensationSpec;
  idempotent?: boolean;
  join?: Join;
  produces?: string[];
  consumes?: string[];
  position?: Position;
}

export interface Dependency {
  from: string;
  to: string;
  on?: DependencyCondition;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  title: string;
  description?: string;
  policy?: Partial<Policy>;
  steps: Step[];
  dependencies: Dependency[];
}

/** One problem found in untrusted input: a JSON path (`steps[2].fail.status`) and a plain message. */
export interface Problem {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };
