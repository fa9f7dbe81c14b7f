// The phases of a step inside the simulation, in one table. Everything else about a phase is
// read from here: its name, its numeric code (its row), what a dependent sees of it (R4), the
// public final `StepState` it ends as, and the live state the timeline draws for it. The codes
// are number-literal types, so a `switch` over `PhaseCode` without a `default` makes the
// compiler point at every place to update when a phase is added.

/** Waiting for its prerequisites. */
export const PENDING = 0;
/** Ready, waiting for a concurrency slot. */
export const QUEUED = 1;
export const RUNNING = 2;
/** An attempt failed; the next starts after the retry delay. */
export const BACKOFF = 3;
export const SUCCEEDED = 4;
export const FAILED = 5;
export const BLOCKED = 6;
export const SKIPPED = 7;
export const CANCELLED = 8;
/** A failed root step that a blocked step asked to try again (graph-aware retry, R9). */
export const REPAIR_QUEUED = 9;
export const REPAIRING = 10;
export const COMPENSATING = 11;
export const COMPENSATED = 12;
export const COMPENSATION_FAILED = 13;
/**
 * R18: a member of an atomic group that failed. It had succeeded (or was running and then
 * succeeded); the service undid it, so it answers 424 and dependents see it as blocked.
 */
export const ROLLED_BACK = 14;

export type PhaseCode =
  | typeof PENDING
  | typeof QUEUED
  | typeof RUNNING
  | typeof BACKOFF
  | typeof SUCCEEDED
  | typeof FAILED
  | typeof BLOCKED
  | typeof SKIPPED
  | typeof CANCELLED
  | typeof REPAIR_QUEUED
  | typeof REPAIRING
  | typeof COMPENSATING
  | typeof COMPENSATED
  | typeof COMPENSATION_FAILED
  | typeof ROLLED_BACK;

// What a prerequisite's phase looks like to its dependents (R4). Not final yet: nothing to judge.
export const SEEN_NOT_FINAL = 0;
export const SEEN_SUCCEEDED = 1;
export const SEEN_FAILED = 2;
export const SEEN_BLOCKED = 3;
export const SEEN_SKIPPED = 4;
export const SEEN_CANCELLED = 5;

export type SeenAs =
  | typeof SEEN_NOT_FINAL
  | typeof SEEN_SUCCEEDED
  | typeof SEEN_FAILED
  | typeof SEEN_BLOCKED
  | typeof SEEN_SKIPPED
  | typeof SEEN_CANCELLED;

/**
 * One row per phase, at the index of its code. `final`: the public state a run can end in
 * (null: never at the end of a run; the compensation step checks). `live`: what the timeline
 * shows while the step is in this phase (src/engine/state-at.ts derives it from events; this
 * column names the same states). A failed step stays "failed" to its dependents while a repair
 * attempt runs: only a successful repair changes what they see.
 */
export const PHASE_TABLE = [
  { code: PENDING, name: 'pending', seenAs: SEEN_NOT_FINAL, final: null, live: 'pending' },
  { code: QUEUED, name: 'queued', seenAs: SEEN_NOT_FINAL, final: null, live: 'pending' },
  { code: RUNNING, name: 'running', seenAs: SEEN_NOT_FINAL, final: null, live: 'running' },
  { code: BACKOFF, name: 'backoff', seenAs: SEEN_NOT_FINAL, final: null, live: 'failed' },
  { code: SUCCEEDED, name: 'succeeded', seenAs: SEEN_SUCCEEDED, final: 'succeeded', live: 'succeeded' },
  { code: FAILED, name: 'failed', seenAs: SEEN_FAILED, final: 'failed', live: 'failed' },
  { code: BLOCKED, name: 'blocked', seenAs: SEEN_BLOCKED, final: 'blocked', live: 'blocked' },
  { code: SKIPPED, name: 'skipped', seenAs: SEEN_SKIPPED, final: 'skipped', live: 'skipped' },
  { code: CANCELLED, name: 'cancelled', seenAs: SEEN_CANCELLED, final: 'cancelled', live: 'cancelled' },
  { code: REPAIR_QUEUED, name: 'repair-queued', seenAs: SEEN_FAILED, final: null, live: 'failed' },
  { code: REPAIRING, name: 'repairing', seenAs: SEEN_FAILED, final: null, live: 'running' },
  { code: COMPENSATING, name: 'compensating', seenAs: SEEN_SUCCEEDED, final: null, live: 'compensating' },
  { code: COMPENSATED, name: 'compensated', seenAs: SEEN_SUCCEEDED, final: 'compensated', live: 'compensated' },
  {
    code: COMPENSATION_FAILED,
    name: 'compensation-failed',
    seenAs: SEEN_SUCCEEDED,
    final: 'compensation-failed',
    live: 'compensation-failed',
  },
  { code: ROLLED_BACK, name: 'rolled-back', seenAs: SEEN_BLOCKED, final: 'rolled-back', live: 'rolled-back' },
] as const satisfies readonly { code: PhaseCode; name: string; seenAs: SeenAs; final: string | null; live: string }[];

type Row = (typeof PHASE_TABLE)[number];

/** A phase by name (what `TRANSITIONS` is keyed by). */
export type Phase = Row['name'];

/** Final state of a step in a finished run. */
export type StepState = NonNullable<Row['final']>;

/** State of a step at a moment of the run (what `stateAt` returns and the canvas draws). */
export type LiveState = Row['live'];

/** Phase names by code. */
export const PHASES: readonly Phase[] = PHASE_TABLE.map((row) => row.name);

/** What a dependent sees of each phase, by code, for the hot loop. */
export const SEEN_AS: Uint8Array = Uint8Array.from(PHASE_TABLE, (row) => row.seenAs);

/** Every live state once, `pending` first (the state before any event). */
export const LIVE_STATES: readonly LiveState[] = [...new Set(PHASE_TABLE.map((row) => row.live))];

PHASE_TABLE.forEach((row, i) => {
  if (row.code !== i) throw new Error(`engine invariant: phase ${row.name} must sit at row ${row.code} of PHASE_TABLE`);
});
