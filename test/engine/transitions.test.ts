import * as T from '../../src/engine/transitions.ts';

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

  it('throws on anything else: a blocked step never runs, a failed one is never compensated', () => {
    expect(() => T.assertTransition('invoice', T.BLOCKED, T.RUNNING)).toThrow('engine invariant: step "invoice" cannot go from blocked to running');
    expect(() => T.assertTransition('pay', T.FAILED, T.COMPENSATING)).toThrow(/failed to compensating/);
    expect(() => T.assertTransition('x', T.SKIPPED, T.QUEUED)).toThrow();
  });

  it('final states have no way out', () => {
    for (const p of ['skipped', 'cancelled', 'compensated', 'compensation-failed'] as const) expect(T.TRANSITIONS[p]).toEqual([]);
  });
});
