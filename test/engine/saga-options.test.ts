// R17 (issue #10): the saga's options. Temporal lets a saga stop at the first failed
// compensation or go on; and a step whose call timed out may still have taken effect, so it
// may need compensating although it "failed".
import { explain, simulate } from '../../src/engine/index.ts';
import type { Policy } from '../../src/scenario/types.ts';
import { chain, scenario, step, trace } from './helpers.ts';

// order → stock → payment → points → courier (fails). Handlers on all but points; releasing stock fails.
function orderSaga(policy: Partial<Policy>) {
  return scenario(
    [
      step('order', { compensation: { label: 'Cancel order' } }),
      step('stock', { compensation: { label: 'Release stock', fail: { status: 500, message: 'warehouse offline' } } }),
      step('payment', { compensation: { label: 'Void payment' } }),
      step('points'),
      step('courier', { fail: { status: 503 } }),
    ],
    chain('order', 'stock', 'payment', 'points', 'courier'),
    { compensation: 'saga', ...policy },
  );
}

describe('R17 saga options', () => {
  it('continue (the default): every handler runs although releasing stock failed', () => {
    const run = simulate(orderSaga({}));
    expect(run.compensationOrder).toEqual(['payment', 'stock', 'order']);
    expect(run.uncompensated).toEqual(['points']);
    expect(run.outcome).toBe('compensation-failed');
  });

  it('stop: once releasing stock fails, the order is never cancelled; it stays succeeded and is listed after the steps without a handler', () => {
    const run = simulate(orderSaga({ compensationErrors: 'stop' }));
    expect(trace(run, ['compensation-started', 'compensation-succeeded', 'compensation-failed'])).toEqual([
      '500 compensation-started payment',
      '600 compensation-succeeded payment',
      '600 compensation-started stock',
      '700 compensation-failed stock',
    ]);
    expect(run.compensationOrder).toEqual(['payment', 'stock']);
    expect(run.uncompensated).toEqual(['points', 'order']);
    expect(run.steps.order).toMatchObject({ state: 'succeeded', status: 200 });
    expect(run.outcome).toBe('compensation-failed');
    expect(explain(run, 'order')).toEqual([
      'order succeeded: 200 OK; it was not rolled back: the saga stopped after the rollback of stock failed (compensationErrors: stop).',
    ]);
  });

  it('stop with no failing handler changes nothing', () => {
    const s = orderSaga({ compensationErrors: 'stop' });
    delete s.steps[1].compensation!.fail;
    expect(simulate(s).compensationOrder).toEqual(['payment', 'stock', 'order']);
  });

  it('evenIfFailed: the payment call timed out after the bank charged the card, so the charge is refunded in its place by end time', () => {
    const run = simulate(
      scenario(
        [
          step('reserve', { durationMs: 50, compensation: { label: 'Release' } }),
          step('charge', { durationMs: 500, timeoutMs: 200, compensation: { label: 'Refund', evenIfFailed: true } }),
          step('label', { durationMs: 300, compensation: { label: 'Void label' } }),
          step('ship'),
        ],
        [...chain('reserve', 'charge', 'ship'), ...chain('reserve', 'label')],
        { compensation: 'saga' },
      ),
    );
    // charge fails (504) at 250, label succeeds at 350: backwards, label first, then charge, then reserve.
    expect(run.compensationOrder).toEqual(['label', 'charge', 'reserve']);
    expect(run.steps.charge).toMatchObject({ state: 'compensated', status: 504, failure: 'timeout', compensation: { label: 'Refund', status: 200 } });
    expect(run.steps.ship.state).toBe('blocked');
    expect(run.response.results[1]).toMatchObject({ status: 504, body: { status: 504 } });
    expect(explain(run, 'charge')[0]).toBe('charge failed (504 Gateway Timeout) but may have acted, so it was rolled back by "Refund".');
  });

  it('a failed step without evenIfFailed is not compensated, even with a handler', () => {
    const run = simulate(scenario([step('a', { compensation: {} }), step('b', { fail: { status: 500 }, compensation: {} })], chain('a', 'b'), { compensation: 'saga' }));
    expect(run.compensationOrder).toEqual(['a']);
    expect(run.steps.b.state).toBe('failed');
  });
});
