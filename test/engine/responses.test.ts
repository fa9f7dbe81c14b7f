// R12: every step's answer as an HTTP response, with RFC 9457 problem details.
import { PROBLEM_TYPES, simulate } from '../../src/engine/index.ts';
import { chain, dep, scenario, step } from './helpers.ts';

const orderPipeline = scenario(
  [
    step('authorize-payment', { fail: { status: 402, message: 'card declined' } }),
    step('create-invoice'),
    step('send-receipt'),
    step('reserve-stock'),
    step('alert', { durationMs: 10 }),
  ],
  [...chain('authorize-payment', 'create-invoice', 'send-receipt'), dep('reserve-stock', 'alert', 'failure')],
);

describe('responses (R12)', () => {
  const run = simulate(orderPipeline);
  const byId = Object.fromEntries(run.response.results.map((r) => [r.id, r]));

  it('one result per step, in scenario order, under a 207 Multi-Status', () => {
    expect(run.response.status).toBe(207);
    expect(run.response.results.map((r) => r.id)).toEqual(['authorize-payment', 'create-invoice', 'send-receipt', 'reserve-stock', 'alert']);
  });

  it('the invoice answers 424 with a problem body naming the failed prerequisite and the root cause', () => {
    expect(byId['create-invoice']).toEqual({
      id: 'create-invoice',
      status: 424,
      headers: { 'Content-Type': 'application/problem+json', 'Correlation-Id': run.correlationId },
      body: {
        type: PROBLEM_TYPES.failedDependency,
        title: 'Failed Dependency',
        status: 424,
        detail: 'create-invoice was not performed because its prerequisite authorize-payment failed.',
        instance: `/runs/${run.correlationId}/steps/create-invoice`,
        failed_prerequisite_step: 'authorize-payment',
        root_cause_step: 'authorize-payment',
        dependency_path: ['authorize-payment', 'create-invoice'],
      },
    });
  });

  it('the receipt, further down, names both its direct prerequisite and the root cause', () => {
    expect(byId['send-receipt'].body).toMatchObject({
      detail: 'send-receipt was not performed because its prerequisite create-invoice could not complete (root cause: authorize-payment failed).',
      failed_prerequisite_step: 'create-invoice',
      root_cause_step: 'authorize-payment',
      dependency_path: ['authorize-payment', 'create-invoice', 'send-receipt'],
    });
  });

  it('the payment answers its own status, with the reason phrase as title', () => {
    expect(byId['authorize-payment']).toMatchObject({
      status: 402,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Payment Required', status: 402, detail: 'authorize-payment failed: card declined.' },
    });
  });

  it('a success answers 200; a skipped step has no response, only a reason', () => {
    expect(byId['reserve-stock']).toEqual({ id: 'reserve-stock', status: 200, headers: { 'Correlation-Id': run.correlationId } });
    expect(byId.alert).toEqual({ id: 'alert', status: null, reason: 'it runs only if reserve-stock fails, and reserve-stock succeeded' });
  });

  it('missing inputs and missing outputs have their own problem types', () => {
    const r = simulate(scenario([step('publish', { consumes: ['bundle'] })])).response.results[0];
    expect(r.body).toMatchObject({ type: PROBLEM_TYPES.missingInput, title: 'Internal Server Error', status: 500 });
    const noGuard = simulate(
      scenario([step('rates', { fail: { status: 504 } }), step('price')], [dep('rates', 'price')], { failFast: false }),
    ).response.results[1];
    expect(noGuard.body).toMatchObject({
      type: PROBLEM_TYPES.missingOutput,
      status: 500,
      failed_prerequisite_step: 'rates',
      root_cause_step: 'rates',
      dependency_path: ['rates', 'price'],
    });
  });

  it('a rolled-back step still answered 200; the body tells how its rollback went', () => {
    const saga = simulate(
      scenario(
        [step('reserve', { compensation: { label: 'Release', durationMs: 10, fail: { status: 502, message: 'locked' } } }), step('ship', { fail: { status: 503 } })],
        [dep('reserve', 'ship')],
        { compensation: 'saga' },
      ),
    );
    expect(saga.response.results[0]).toMatchObject({
      status: 200,
      body: { compensation: { label: 'Release', state: 'compensation-failed', status: 502, message: 'locked' } },
    });
  });

  it('everything succeeded: 200 for the batch', () => {
    expect(simulate(scenario([step('a'), step('b')], [dep('a', 'b')])).response.status).toBe(200);
  });

  it('the response (built on first read) and the graph copy look like plain data to every reader', () => {
    const fresh = simulate(orderPipeline);
    const viaJson = JSON.parse(JSON.stringify(fresh));
    expect(structuredClone(fresh)).toEqual(viaJson);
    expect({ ...fresh }.response).toEqual(viaJson.response);
    expect(Object.keys(viaJson)).toEqual([
      'outcome',
      'httpStatus',
      'durationMs',
      'correlationId',
      'steps',
      'compensationOrder',
      'uncompensated',
      'response',
      'events',
      'lint',
      'graph',
    ]);
    expect(fresh.graph).toEqual({
      from: ['authorize-payment', 'create-invoice', 'reserve-stock'],
      to: ['create-invoice', 'send-receipt', 'alert'],
      on: ['success', 'success', 'failure'],
    });
    expect(fresh.response).toBe(fresh.response);
  });

  it('serialises to the result JSON of §5', () => {
    const json = JSON.parse(JSON.stringify(run));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['outcome', 'httpStatus', 'durationMs', 'steps', 'compensationOrder', 'uncompensated', 'response', 'events', 'lint']),
    );
    expect(json.steps['create-invoice']).toEqual({
      state: 'blocked',
      status: 424,
      attempts: 1,
      startedAt: 100,
      endedAt: 100,
      failedPrerequisiteStep: 'authorize-payment',
      rootCauseStep: 'authorize-payment',
      dependencyPath: ['authorize-payment', 'create-invoice'],
      reused: false,
    });
  });
});
