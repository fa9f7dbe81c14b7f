// The life of a step inside the simulation, as an explicit transition table. The engine calls
// `assertTransition` on every change, so a bug that would, say, start a blocked step or
// compensate a failed one stops the run with a clear message instead of producing a wrong
// trace. (The idea comes from bpmn-js-token-simulation's ScopeStates.)

import { PHASES, type Phase } from './phases.ts';

export type { Phase };

/**
 * Every allowed change. Notes on the less obvious ones:
 * - pending → succeeded: a replay reuses a step kept from the previous run.
 * - queued → pending: a prerequisite was repaired or unblocked (R9), so the step's readiness
 *   is decided again from the start.
 * - blocked → blocked: a naive retry (or a failed repair) answers 424 once more.
 * - blocked → pending: the root cause was repaired, so the step runs normally.
 * - running / backoff → cancelled, repair-queued → failed: the run reached its work budget
 *   and stopped there (src/engine/budget.ts).
 * - failed → compensating: `compensation.evenIfFailed` (R17) — the failed call may have acted.
 * - succeeded → rolled-back, queued / backoff → blocked: the step's atomic group failed (R18);
 *   a member waiting for a slot or for its next attempt stops and answers 424.
 */
export const TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  pending: ['queued', 'blocked', 'skipped', 'cancelled', 'succeeded'],
  queued: ['running', 'pending', 'cancelled', 'blocked'],
  running: ['succeeded', 'failed', 'backoff', 'cancelled'],
  backoff: ['queued', 'cancelled', 'blocked'],
  succeeded: ['compensating', 'rolled-back'],
  failed: ['repair-queued', 'compensating'],
  'repair-queued': ['repairing', 'failed'],
  repairing: ['succeeded', 'failed'],
  blocked: ['blocked', 'pending'],
  skipped: [],
  cancelled: [],
  compensating: ['compensated', 'compensation-failed'],
  compensated: [],
  'compensation-failed': [],
  'rolled-back': [],
};

// The table as one bit mask per phase code (src/engine/phases.ts).
const ALLOWED: readonly number[] = PHASES.map((from) =>
  TRANSITIONS[from].reduce((mask, to) => mask | (1 << PHASES.indexOf(to)), 0),
);

/** Throws when `from → to` is not in the table: an engine bug, never a scenario problem. */
export function assertTransition(step: string, from: number, to: number): void {
  if ((ALLOWED[from] & (1 << to)) === 0) {
    throw new Error(`engine invariant: step "${step}" cannot go from ${PHASES[from]} to ${PHASES[to]}`);
  }
}
