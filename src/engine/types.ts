// The engine's public result types. `RunResult` serialises to the result JSON of the CLI's
// `--json` (issue #2 §5); tests outside this repo read it, so renaming a field is a breaking change.
import type { Problem } from '../scenario/types.ts';

/** Final state of a step in a finished run. */
export type StepState =
  | 'succeeded'
  | 'failed'
  | 'blocked'
  | 'skipped'
  | 'cancelled'
  | 'compensated'
  | 'compensation-failed';

/** State of a step at a moment of the run (what `stateAt` returns and the canvas draws). */
export type LiveState =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'blocked'
  | 'skipped'
  | 'cancelled'
  | 'compensating'
  | 'compensated'
  | 'compensation-failed';

export type RunOutcome = 'succeeded' | 'failed' | 'compensated' | 'compensation-failed';

export interface StepResult {
  state: StepState;
  /** The forward answer: 200, a failure's status, 424, or null (skipped / cancelled). A compensated step keeps 200. */
  status: number | null;
  attempts: number;
  startedAt: number | null;
  endedAt: number | null;
  failedPrerequisiteStep?: string;
  rootCauseStep?: string;
  /** Root cause … direct prerequisite, this step. */
  dependencyPath?: string[];
  reused: boolean;
  /** Message of the last failed answer (`card declined`, `missing input X`, …). */
  message?: string;
  /** Why a step has no response (skipped / cancelled), in a plain sentence. */
  reason?: string;
}

export type EventType =
  | 'run-started'
  | 'started'
  | 'succeeded'
  | 'failed'
  | 'timed-out'
  | 'retry-scheduled'
  | 'blocked'
  | 'unblocked'
  | 'skipped'
  | 'cancelled'
  | 'repair-requested'
  | 'compensation-started'
  | 'compensation-succeeded'
  | 'compensation-failed'
  | 'reused'
  | 'replay-started'
  | 'run-finished';

export interface RunEvent {
  seq: number;
  /** Virtual time in ms. */
  t: number;
  type: EventType;
  step?: string;
  attempt?: number;
  correlationId: string;
  status?: number | null;
  message?: string;
  /** On `failed` / `timed-out` / `blocked`: whether another attempt follows. */
  willRetry?: boolean;
  /** On `retry-scheduled`: when the next attempt starts. */
  nextAt?: number;
  failedPrerequisiteStep?: string;
  rootCauseStep?: string;
  /** On `repair-requested`: the blocked step that asked for the repair. */
  requestedBy?: string;
  /** True for events of a replay (they continue after the first run's on the timeline). */
  replay?: boolean;
}

export type LintCode = 'artifact-unproduced' | 'artifact-race' | 'retry-not-idempotent';

export interface LintWarning {
  code: LintCode;
  step: string;
  path: string;
  message: string;
}

/** RFC 9457 problem details, plus the 424 extension members. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  failed_prerequisite_step?: string;
  root_cause_step?: string;
  dependency_path?: string[];
}

export interface StepResponse {
  id: string;
  status: number | null;
  headers?: Record<string, string>;
  body?: ProblemBody | Record<string, unknown>;
  /** For steps with no response (skipped, cancelled): why. */
  reason?: string;
}

export interface RunResponse {
  status: 200 | 207;
  results: StepResponse[];
}

export interface RunResult {
  outcome: RunOutcome;
  httpStatus: 200 | 207;
  durationMs: number;
  correlationId: string;
  steps: Record<string, StepResult>;
  compensationOrder: string[];
  uncompensated: string[];
  response: RunResponse;
  events: RunEvent[];
  lint: LintWarning[];
}

export interface ReplayPlan {
  from: string[];
  rerun: string[];
  keep: string[];
  warnings: Problem[];
}

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };
