// R16 (issue #10): a step's success answer is its `successStatus` — `201 Created` for a POST
// that made a resource, `204 No Content` for a DELETE — in its result, its event, the batch
// response and after a replay. The run's own answer is unchanged.
import { replay, simulate } from '../../src/engine/index.ts';
import { chain, eventsOf, scenario, step } from './helpers.ts';

describe('R16 success status', () => {
  it('an order created with 201 and a cart emptied with 204: results, events and responses carry those codes', () => {
    const run = simulate(
      scenario([step('create-order', { successStatus: 201 }), step('empty-cart', { successStatus: 204 }), step('send-mail')], chain('create-order', 'empty-cart', 'send-mail')),
    );
    expect(run.outcome).toBe('succeeded');
    expect(run.httpStatus).toBe(200);
    expect(run.steps['create-order']).toMatchObject({ state: 'succeeded', status: 201 });
    expect(run.steps['empty-cart']).toMatchObject({ state: 'succeeded', status: 204 });
    expect(run.steps['send-mail']).toMatchObject({ state: 'succeeded', status: 200 });
    expect(eventsOf(run, 'create-order', 'succeeded')[0].status).toBe(201);
    const [order, cart, mail] = run.response.results;
    expect(order).toMatchObject({ id: 'create-order', status: 201 });
    expect(cart).toEqual({ id: 'empty-cart', status: 204, headers: { 'Correlation-Id': run.correlationId } });
    expect(mail.status).toBe(200);
  });

  it('a 201 step that later fails to be compensated keeps 201, and a 204 one has no body even with its rollback', () => {
    const run = simulate(
      scenario(
        [
          step('create-order', { successStatus: 201, compensation: { label: 'Cancel order', fail: { status: 500 } } }),
          step('empty-cart', { successStatus: 204, compensation: { label: 'Refill cart' } }),
          step('charge', { fail: { status: 402 } }),
        ],
        chain('create-order', 'empty-cart', 'charge'),
        { compensation: 'saga' },
      ),
    );
    expect(run.steps['create-order']).toMatchObject({ state: 'compensation-failed', status: 201 });
    expect(run.steps['empty-cart']).toMatchObject({ state: 'compensated', status: 204 });
    expect(run.response.results[0].body).toMatchObject({ compensation: { label: 'Cancel order', state: 'compensation-failed' } });
    expect(run.response.results[1]).not.toHaveProperty('body');
    expect(run.httpStatus).toBe(207);
  });

  it('a step that fails keeps its failure status whatever successStatus says', () => {
    const run = simulate(scenario([step('upload', { successStatus: 201, fail: { status: 507, times: 1 }, retry: { maxAttempts: 2 } })]));
    expect(eventsOf(run, 'upload', 'failed')[0].status).toBe(507);
    expect(run.steps.upload).toMatchObject({ state: 'succeeded', status: 201, attempts: 2 });
  });

  it('a replay keeps a reused step at its 201', () => {
    const edited = scenario([step('create-order', { successStatus: 201 }), step('pay')], chain('create-order', 'pay'));
    const failing = structuredClone(edited);
    failing.steps[1].fail = { status: 402 };
    const first = simulate(failing);
    const replayed = replay(edited, first);
    if (!replayed.ok) throw new Error(replayed.error.map((p) => p.message).join('; '));
    const again = replayed.value.run;
    expect(again.steps['create-order']).toMatchObject({ reused: true, status: 201 });
    expect(again.events.find((e) => e.type === 'reused')?.status).toBe(201);
  });
});
