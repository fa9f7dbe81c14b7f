import * as P from '../../src/engine/phases.ts';
import * as TR from '../../src/engine/transitions.ts';

const T = { ...P, ...TR };

describe('step state transitions', () => {
  it('the numeric phases match the table order', () => {
    const byName: Record<string, number> = {
      pending: T.PENDING,
      queued: T.QUEUED,
      running: T.RUNNING,
      backoff: T.BACKOFF,
      succeeded: T.SUCCEEDED,
      failed: T.FAILED,
      blocked: T.BLOCKED,
      skipped: T.SKIPPED,
      cancelled: T.CANCELLED,
      'repair-queued': T.REPAIR_QUEUED,
      repairing: T.REPAIRING,
      compensating: T.COMPENSATING,
      compensated: T.COMPENSATED,
      'compensation-failed': T.COMPENSATION_FAILED,
      'rolled-back': T.ROLLED_BACK,
    };
    expect(T.PHASES.map((p) => byName[p])).toEqual(T.PHASES.map((_, i) => i));
  });

  it('allows what the table lists', () => {
    for (const from of T.PHASES) {
      for (const to of T.TRANSITIONS[from]) {
        expect(() => T.assertTransition('s', T.PHASES.indexOf(from), T.PHASES.indexOf(to))).not.toThrow();
      }
    }
  });

  it('throws on anything else: a blocked step never runs or is compensated', () => {
    expect(() => T.assertTransition('invoice', T.BLOCKED, T.RUNNING)).toThrow('engine invariant: step "invoice" cannot go from blocked to running');
    expect(() => T.assertTransition('invoice', T.BLOCKED, T.COMPENSATING)).toThrow(/blocked to compensating/);
    expect(() => T.assertTransition('x', T.SKIPPED, T.QUEUED)).toThrow();
  });

  it('final states have no way out', () => {
    for (const p of ['skipped', 'cancelled', 'compensated', 'compensation-failed'] as const) expect(T.TRANSITIONS[p]).toEqual([]);
  });
});

describe('the table of phases', () => {
  it('derives the public final states and the live states the canvas draws', () => {
    const finals = P.PHASE_TABLE.flatMap((row) => (row.final === null ? [] : [row.final]));
    expect(finals).toEqual(['succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'compensated', 'compensation-failed', 'rolled-back']);
    expect(P.LIVE_STATES).toEqual(['pending', 'running', 'failed', 'succeeded', 'blocked', 'skipped', 'cancelled', 'compensating', 'compensated', 'compensation-failed', 'rolled-back']);
  });

  it('a rolled-back group member looks blocked to its dependents (R18)', () => {
    expect(P.SEEN_AS[P.ROLLED_BACK]).toBe(P.SEEN_BLOCKED);
  });

  it('a failed step looks failed to its dependents until a repair succeeds', () => {
    expect(P.SEEN_AS[P.REPAIR_QUEUED]).toBe(P.SEEN_FAILED);
    expect(P.SEEN_AS[P.REPAIRING]).toBe(P.SEEN_FAILED);
    expect(P.SEEN_AS[P.COMPENSATED]).toBe(P.SEEN_SUCCEEDED);
    expect(P.SEEN_AS[P.QUEUED]).toBe(P.SEEN_NOT_FINAL);
  });
});
