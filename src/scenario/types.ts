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

/**
 * What kind of problem a `Problem` is, for code that acts on problems (the message is for
 * people and is never parsed back). Grouped by where they arise.
 */
export type ProblemCode =
  // The input as a whole
  | 'not-json'
  | 'not-a-scenario'
  | 'too-large'
  | 'missing-version'
  | 'newer-version'
  | 'unknown-version'
  | 'migration-failed'
  // A field of the document
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'out-of-range'
  | 'too-long'
  | 'empty'
  | 'invalid-id'
  | 'reserved-id'
  | 'duplicate-id'
  | 'reserved-status'
  | 'conflicting-fields'
  // Dependencies
  | 'missing-step'
  | 'self-dependency'
  | 'duplicate-dependency'
  | 'cycle'
  // Imports and repairs (mostly warnings)
  | 'ignored'
  | 'renamed-id'
  | 'shortened'
  | 'position-dropped'
  | 'not-simulated'
  | 'out-of-order'
  | 'undeclared-reference'
  | 'over-service-limit'
  // Replay (R13)
  | 'not-in-previous-run'
  | 'missing-from-previous-run'
  | 'not-replayable'
  | 'repeats-effect'
  | 'partial-state'
  // The rest
  | 'over-work-budget'
  | 'refused-edit'
  | 'more-problems'
  | 'internal';

/**
 * One problem found in untrusted input: a JSON path (`steps[2].fail.status`), a plain
 * message, its `code`, and the index of the step or dependency it concerns (in the document
 * the path refers to; for a `$batch` import, `step` is the request's index, which is also its
 * step's index in the imported scenario).
 */
export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
  step?: number;
  dependency?: number;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };
