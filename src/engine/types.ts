// The engine's public result types. `RunResult` serialises to the result JSON of the CLI's
// `--json` (issue #2 §5); tests outside this repo read it, so renaming a field is a breaking change.
import type { Problem } from '../scenario/types.ts';
import type { StepState } from './phases.ts';

// Both derived from the table of phases.
export type { LiveState, StepState } from './phases.ts';

export type RunOutcome = 'succeeded' | 'failed' | 'compensated' | 'compensation-failed';

export interface StepResult {
  state: StepState;
  /**
   * The forward answer: the success status (200, or the step's `successStatus`, R16), a
   * failure's status, 424 (blocked or rolled back), or null (skipped / cancelled). A compensated
   * step keeps its forward answer.
   */
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
  /**
   * Why a step has no response (skipped / cancelled), in a plain sentence; on a succeeded step,
   * why a saga left it uncompensated (R17 `compensationErrors: "stop"`).
   */
  reason?: string;
  /** On a failed step: what made its last attempt fail. */
  failure?: FailureKind;
  /** On a compensated / compensation-failed step: how its rollback went (R10). */
  compensation?: StepCompensation;
}

/**
 * What made a failed attempt fail: the scenario's `fail.status` (`injected`), a timeout (504),
 * an artifact no succeeded step had produced yet (R7), or a failed prerequisite's missing
 * output when there is no fail-fast guard (R6).
 */
export type FailureKind = 'injected' | 'timeout' | 'missing-input' | 'missing-output';

export interface StepCompensation {
  label: string;
  /** 200, or the handler's `fail.status`. */
  status: number;
  startedAt: number;
  endedAt: number;
  message?: string;
}

/**
 * The run's dependencies, kept so a replay can tell whether the scenario's graph changed:
 * dependency k is `from[k] → to[k]` on `on[k]`, in scenario order (three flat lists, because a
 * run of 100,000 steps would otherwise carry 300,000 little arrays).
 */
export interface RunGraph {
  from: string[];
  to: string[];
  on: ('success' | 'failure' | 'always')[];
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
  | 'rolled-back'
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

export type LintCode = 'artifact-unproduced' | 'artifact-race' | 'retry-not-idempotent' | 'when-never-true' | 'when-always-true';

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
  /** The graph this run used (R13 compares it with the edited scenario's). */
  graph?: RunGraph;
  /** Replays only: where this run starts on the shared timeline (the previous run's end). Event times and step times are on that timeline; `durationMs` is this run's own length. */
  startedAt?: number;
  /** Replays only: the correlation id of the run this one replays. */
  replayOf?: string;
  /** Present when the run reached its work budget and was stopped there (outcome `failed`). */
  stopped?: RunStop;
}

/**
 * Why a run was stopped before its end: it made `events` events, its budget
 * (`runEventBudget` in src/scenario/limits.ts, issue #9 item 3). `step` is the id of the step
 * that made the most of them; `message` says so in a sentence for people, naming the step by
 * its label and what to lower. Steps not final at the stop are cancelled with that reason.
 */
export interface RunStop {
  events: number;
  budget: number;
  step: string;
  message: string;
}

export interface ReplayPlan {
  from: string[];
  rerun: string[];
  keep: string[];
  warnings: Problem[];
  /** Why each step in `rerun` runs again, in `rerun`'s order (R13). */
  reasons: ReplayReason[];
}

/**
 * Why a replay runs a step again (R13): it is a `from` step; it did not succeed in the previous
 * run; it succeeded but a saga rolled it back (`compensated`) or failed to (`compensation-failed`),
 * so its effect is undone or partial; or it depends on step `after`, which runs again.
 */
export type ReplayReason =
  | { step: string; reason: 'from' | 'did-not-succeed' | 'compensated' | 'compensation-failed' }
  | { step: string; reason: 'downstream'; after: string };

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };
