// The scenario model, version 2 (version 1 files and links open through a migration, unchanged
// in meaning: src/scenario/migrations.ts). This is a public contract: the CLI reads it, links carry it,
// and tests outside this repo write it. Optional fields are optional here too; the engine
// resolves defaults with `resolveStep` / `resolvePolicy` (src/scenario/defaults.ts).

import type { Lesson } from './lesson.ts';

export const SCENARIO_VERSION = 2 as const;
/** The oldest format version this Ripple opens (through src/scenario/migrations.ts). */
export const OLDEST_READABLE_VERSION = 1;

export type OnFailure = 'continue' | 'abort';
export type CompensationMode = 'none' | 'saga';
export type RetryMode = 'graph-aware' | 'naive';
export type Join = 'all' | 'any';
export type DependencyCondition = 'success' | 'failure' | 'always';
/**
 * R17: what a saga does after a compensation handler fails. `continue` (the default) runs the
 * remaining handlers; `stop` runs no further handler (Temporal's saga option
 * `continueWithError: false`), leaving the rest `succeeded` and listed in `uncompensated`.
 */
export type CompensationErrors = 'continue' | 'stop';

/**
 * The vocabularies a run can be told in (issue #11). `http` is Ripple's own (424 Failed
 * Dependency); the others are each orchestrator's documented words.
 */
export type DialectName = 'http' | 'github-actions' | 'argo' | 'airflow' | 'step-functions';
export const DIALECT_NAMES: readonly DialectName[] = ['http', 'github-actions', 'argo', 'airflow', 'step-functions'];

export interface Policy {
  /** Blocked dependents answer 424 instead of running (the seeds' fail-fast guard). */
  failFast: boolean;
  onFailure: OnFailure;
  compensation: CompensationMode;
  retryMode: RetryMode;
  /** Most steps running at once; 0 = no limit. */
  concurrency: number;
  /** R17 (version 2): after a failed compensation, run the remaining handlers or stop. */
  compensationErrors: CompensationErrors;
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
  /**
   * R17 (version 2): compensate this step even when it ended `failed` (not blocked): its last
   * attempt may have taken effect (a timeout after the service acted).
   */
  evenIfFailed?: boolean;
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
  /**
   * R14 (version 2): a run condition over the step's direct prerequisites, in Argo's `depends`
   * syntax (`build.Succeeded && (docs.Succeeded || docs.Skipped)`); parsed by
   * src/scenario/when.ts. Replaces `on` conditions and `join` for this step.
   */
  when?: string;
  /** R16 (version 2): the answer when the step succeeds, 200–299 (default 200; 204 has no body). */
  successStatus?: number;
  /**
   * Issue #11 (version 2): the run condition in the scenario's dialect's own language, as the
   * source wrote it; today only a GitHub Actions job's `if:` (`failure()`, `github.ref ==
   * 'refs/heads/main'`), so it needs `dialect: "github-actions"`. It decides the step over all
   * its ancestors (src/scenario/dialects/scenario-conditions.ts), in place of `when`, which
   * stays as the approximation over direct prerequisites.
   */
  if?: string;
  /**
   * Issue #11 (version 2): what the source system says about the step's failure beyond the run
   * itself, each under that system's own name and valid only with its dialect (the gate refuses
   * it elsewhere, naming the path). They change no step's state, only the dialect view's words
   * and conclusion (src/engine/dialect.ts `dialectViewOptions`). One field per system rather
   * than one shared field, so a file reads as its source and a wrong pairing is an error:
   *
   * - `continueOnError` — GitHub Actions `jobs.<id>.continue-on-error: true`: the job may fail
   *   without failing the workflow (docs.github.com, "Workflow syntax": continue-on-error).
   *   Needs `dialect: "github-actions"`.
   * - `continueOnFailed` — Argo `continueOn: { failed: true }` on a DAG task: the workflow
   *   continues and does not fail for it (argo-workflows.readthedocs.io, "Continue On").
   *   Needs `dialect: "argo"`.
   * - `catch` — an Amazon States Language state with a `Catch`: its failure is handled (the
   *   word is "Caught error") and does not fail the execution by itself. Needs
   *   `dialect: "step-functions"`.
   * - `failState` — the step was an ASL `"Type": "Fail"` state: reaching it fails the execution.
   *   Needs `dialect: "step-functions"`.
   *
   * `false` is the default (canonical form removes it).
   */
  continueOnError?: boolean;
  continueOnFailed?: boolean;
  catch?: boolean;
  failState?: boolean;
}

export interface Dependency {
  from: string;
  to: string;
  on?: DependencyCondition;
}

/**
 * R18 (version 2): an atomic group, all-or-nothing like an OData atomicity group (a change set)
 * or a database transaction. Ids are unique across steps and groups; a step is in at most one.
 */
export interface Group {
  id: string;
  label?: string;
  /** Member step ids, at least one. */
  steps: string[];
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  title: string;
  description?: string;
  policy?: Partial<Policy>;
  steps: Step[];
  dependencies: Dependency[];
  /** R18 (version 2). */
  groups?: Group[];
  /** Issue #12 (version 2): makes the scenario a lesson. Shape in src/scenario/lesson.ts. */
  lesson?: Lesson;
  /** Issue #11 (version 2): the vocabulary the run is told in; absent = `http`. */
  dialect?: DialectName;
  /**
   * Issue #11 (version 2): values of the contexts an `if` reads that the simulation cannot know
   * (`github.ref` → `refs/tags/v1`, `inputs.dry_run` → `true`), over GitHub's documented
   * defaults (GITHUB_CONTEXT_DEFAULTS, a push to `main`). Needs `dialect: "github-actions"`.
   */
  context?: Record<string, string>;
}

/**
 * What kind of problem a `Problem` is, for code that acts on problems (the message is for
 * people and is never parsed back). Grouped by where they arise.
 */
export type ProblemCode =
  // The input as a whole
  | 'not-json'
  | 'not-yaml'
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
  /** A version-1 document that uses a field of a later version (set "version" to use it). */
  | 'newer-field'
  /** A `when` condition that does not parse (R14), with its column in the message. */
  | 'invalid-condition'
  // Dependencies
  | 'missing-step'
  | 'self-dependency'
  | 'duplicate-dependency'
  | 'cycle'
  // Groups (R18)
  | 'in-two-groups'
  | 'leaves-group'
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
  /**
   * The task, job, state or request the problem is about, by the name people see (the step's
   * label, else its id), so a note can say `task "load"` instead of `tasks[3].retries`. Set by
   * the dialect importers (finishImport) for problems under one step's source path.
   */
  subject?: ProblemSubject;
}

/** What an importer calls one of its steps, for naming them in notes (`7 tasks (a, b, …)`). */
/** What a note is about, as the file names it: a task, job, state or request, or the DAG (an Argo template) that holds the tasks. */
export type SubjectNoun = 'task' | 'job' | 'state' | 'request' | 'DAG';

export interface ProblemSubject {
  noun: SubjectNoun;
  name: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };
