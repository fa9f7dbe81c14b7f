// An OData JSON $batch with an atomicity group, imported, one member marked to fail, simulated:
// the changeset is all-or-nothing (R18), so the members that had succeeded are rolled back and
// answer 424 naming the failing member, and the batch response answers every member.
import { describe, expect, it } from 'vitest';
import { importGraphBatch } from '../../src/scenario/graph-batch.ts';
import { validate } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { toGraphBatchResponse } from '../../src/export/graph-batch-response.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// A checkout as one changeset (after the OData 4.01 JSON format's batch example): create the
// order, reserve its stock, charge the card; the confirmation e-mail is outside the changeset
// and waits for the order.
const BATCH = {
  requests: [
    { id: '1', atomicityGroup: 'checkout', method: 'POST', url: '/orders' },
    { id: '2', atomicityGroup: 'checkout', method: 'POST', url: '/stock/reservations', dependsOn: ['1'] },
    { id: '3', atomicityGroup: 'checkout', method: 'POST', url: '/payments', dependsOn: ['1'] },
    { id: '4', method: 'POST', url: '/mail/confirmation', dependsOn: ['1'] },
  ],
};

function imported(): { scenario: Scenario; requests: Extract<ReturnType<typeof importGraphBatch>, { ok: true }>['requests'] } {
  const r = importGraphBatch(BATCH);
  if (!r.ok) throw new Error(r.message);
  return { scenario: r.scenario, requests: r.requests };
}

/** The scenario with the request `id` marked to answer `status`, through the gate like an edit in the app. */
function failing(scenario: Scenario, requests: { requestId: string; stepId: string }[], id: string, status: number): Scenario {
  const stepId = requests.find((r) => r.requestId === id)!.stepId;
  const edited = { ...scenario, steps: scenario.steps.map((s) => (s.id === stepId ? { ...s, fail: { status } } : s)) };
  const checked = validate(edited);
  if (!checked.ok) throw new Error(checked.problems[0].message);
  return checked.scenario;
}

describe('an imported $batch changeset is all-or-nothing', () => {
  it('maps atomicityGroup onto a group without a "not simulated" warning', () => {
    const r = importGraphBatch(BATCH);
    expect(r.ok && r.scenario.groups).toEqual([{ id: 'checkout', steps: ['1', '2', '3'] }]);
    expect(r.ok && r.warnings.filter((w) => /atomicity/i.test(w.message))).toEqual([]);
  });

  it('payment answers 402 → the order and the reservation are rolled back (424 naming the payment), the e-mail is blocked', () => {
    const { scenario, requests } = imported();
    const run = simulate(failing(scenario, requests, '3', 402));
    const seen = (id: string) => {
      const s = run.steps[id];
      return { state: s.state, status: s.status, failedPrerequisiteStep: s.failedPrerequisiteStep, rootCauseStep: s.rootCauseStep };
    };
    expect(seen('3')).toMatchObject({ state: 'failed', status: 402 });
    expect(seen('1')).toEqual({ state: 'rolled-back', status: 424, failedPrerequisiteStep: '3', rootCauseStep: '3' });
    expect(seen('2')).toEqual({ state: 'rolled-back', status: 424, failedPrerequisiteStep: '3', rootCauseStep: '3' });
    // Outside the changeset, the order never committed: the e-mail is blocked by it.
    expect(seen('4')).toMatchObject({ state: 'blocked', status: 424, rootCauseStep: '3' });
    expect(run.httpStatus).toBe(207);
  });

  it('the batch response answers every member of the changeset, with its group', () => {
    const { scenario, requests } = imported();
    const run = simulate(failing(scenario, requests, '3', 402));
    const body = toGraphBatchResponse(run, scenario, requests);
    expect(body.responses.map((r) => [r.id, r.status, r.atomicityGroup])).toEqual([
      ['1', 424, 'checkout'],
      ['2', 424, 'checkout'],
      ['3', 402, 'checkout'],
      ['4', 424, undefined],
    ]);
    const rolledBack = body.responses[0].body as { error: { code: string; innerError: Record<string, unknown> } };
    expect(rolledBack.error.innerError).toMatchObject({ failed_prerequisite_step: '3', root_cause_step: '3' });
  });

  it('when every member succeeds the changeset commits and the e-mail is sent', () => {
    const { scenario, requests } = imported();
    const run = simulate(scenario);
    expect(Object.values(run.steps).map((s) => [s.state, s.status])).toEqual([
      ['succeeded', 200],
      ['succeeded', 200],
      ['succeeded', 200],
      ['succeeded', 200],
    ]);
    expect(toGraphBatchResponse(run, scenario, requests).responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('refuses two changesets that wait on each other, at the first one\'s request', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'order', atomicityGroup: 'changeset-1', method: 'POST', url: '/orders' },
        { id: 'payment', atomicityGroup: 'changeset-1', method: 'POST', url: '/payments', dependsOn: ['reserve'] },
        { id: 'invoice', atomicityGroup: 'changeset-2', method: 'POST', url: '/invoices', dependsOn: ['order'] },
        { id: 'reserve', atomicityGroup: 'changeset-2', method: 'POST', url: '/stock' },
      ],
    });
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'leaves-group',
        path: 'requests[0].atomicityGroup',
        step: 0,
        message: 'atomicity groups: "changeset-1" and "changeset-2" wait on each other: order → invoice (in "changeset-2") … reserve → payment',
      },
    ]);
  });
});
