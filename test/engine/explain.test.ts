// explain: the causal chain in plain sentences, root cause last.
import { explain, explainChain, simulate } from '../../src/engine/index.ts';
import { chain, dep, scenario, step } from './helpers.ts';

const orderPipeline = scenario(
  [
    step('authorize-payment', { fail: { status: 402, message: 'card declined' } }),
    step('create-invoice'),
    step('send-receipt'),
    step('ok'),
    step('alert'),
  ],
  [...chain('authorize-payment', 'create-invoice', 'send-receipt'), dep('ok', 'alert', 'failure')],
);

describe('explain', () => {
  const run = simulate(orderPipeline);

  it('payment fails → the receipt is 424 because the invoice is 424 because the payment failed (root cause last)', () => {
    expect(explain(run, 'send-receipt')).toEqual([
      'send-receipt answered 424 Failed Dependency because create-invoice answered 424.',
      'create-invoice answered 424 Failed Dependency because authorize-payment failed.',
      'authorize-payment failed: 402 Payment Required — card declined (root cause).',
    ]);
  });

  it('explainChain gives the same chain with step ids and statuses, for links', () => {
    expect(explainChain(run, 'create-invoice')).toEqual([
      { step: 'create-invoice', status: 424, sentence: 'create-invoice answered 424 Failed Dependency because authorize-payment failed.' },
      { step: 'authorize-payment', status: 402, sentence: 'authorize-payment failed: 402 Payment Required — card declined (root cause).' },
    ]);
  });

  it('successes, skips and unknown steps', () => {
    expect(explain(run, 'ok')).toEqual(['ok succeeded: 200 OK.']);
    expect(explain(run, 'alert')).toEqual(['alert was skipped: it runs only if ok fails, and ok succeeded.']);
    expect(explain(run, 'nope')).toEqual([]);
  });

  it('timeouts and retries are named', () => {
    const r = simulate(scenario([step('rates', { durationMs: 500, timeoutMs: 200, retry: { maxAttempts: 2 } })]));
    expect(explain(r, 'rates')).toEqual(['rates failed after 2 attempts: 504 Gateway Timeout — timed out after 200 ms (root cause).']);
  });

  it('without fail-fast the chain goes through steps that ran without their input', () => {
    const r = simulate(
      scenario([step('rates', { fail: { status: 503 } }), step('price'), step('invoice')], chain('rates', 'price', 'invoice'), { failFast: false }),
    );
    expect(explain(r, 'invoice')).toEqual([
      'invoice failed: 500 Internal Server Error — missing output of price, because it ran although price failed.',
      'price failed: 500 Internal Server Error — missing output of rates, because it ran although rates failed.',
      'rates failed: 503 Service Unavailable (root cause).',
    ]);
  });

  it('rollbacks', () => {
    const r = simulate(
      scenario(
        [step('a', { compensation: { label: 'Undo a', durationMs: 5 } }), step('b', { compensation: { label: 'Undo b', fail: { status: 500, message: 'no' } } }), step('c', { fail: { status: 409 } })],
        [dep('a', 'c'), dep('b', 'c')],
        { compensation: 'saga' },
      ),
    );
    expect(explain(r, 'a')).toEqual(['a succeeded (200 OK), then was rolled back by "Undo a" because the run failed.']);
    expect(explain(r, 'b')).toEqual([
      'b succeeded (200 OK), but its rollback "Undo b" failed: 500 Internal Server Error — no; the chain is left in a partial state.',
    ]);
  });
});
