// The engine's rules (issue #2 §3, R2–R11), each as the story it comes from.
import { simulate } from '../../src/engine/index.ts';
import { chain, dep, eventsOf, scenario, states, step, trace } from './helpers.ts';

describe('R2 time and order', () => {
  it('steps with no dependencies are ready at 0 and start at once', () => {
    const run = simulate(scenario([step('b'), step('a')]));
    expect(trace(run, ['started'])).toEqual(['0 started a#1', '0 started b#1']);
    expect(run.steps.a).toMatchObject({ startedAt: 0, endedAt: 100, state: 'succeeded', status: 200 });
  });

  it('at the same moment every completion comes before any start, lower id first', () => {
    // a and b end at 100; c (after a) and d (after b) start at 100.
    const run = simulate(scenario([step('b'), step('a'), step('d'), step('c')], [dep('a', 'c'), dep('b', 'd')]));
    expect(trace(run).slice(3, 7)).toEqual(['100 succeeded a#1', '100 succeeded b#1', '100 started c#1', '100 started d#1']);
  });

  it('waiting steps start in order of (ready time, id) when slots are short', () => {
    // One slot. m runs first (lowest id of the roots), z waits from 0; a becomes ready at 50.
    const run = simulate(
      scenario([step('m', { durationMs: 50 }), step('z', { durationMs: 10 }), step('a', { durationMs: 10 })], [dep('m', 'a')], {
        concurrency: 1,
      }),
    );
    expect(trace(run, ['started'])).toEqual(['0 started m#1', '50 started z#1', '60 started a#1']);
  });

  it('concurrency 2 runs two at a time', () => {
    const run = simulate(scenario([step('a'), step('b'), step('c')], [], { concurrency: 2 }));
    expect(trace(run, ['started'])).toEqual(['0 started a#1', '0 started b#1', '100 started c#1']);
    expect(run.durationMs).toBe(200);
  });

  it('a zero-duration step completes at the moment it starts, and its dependents start then too', () => {
    const run = simulate(scenario([step('a', { durationMs: 0 }), step('b', { durationMs: 0 }), step('c')], chain('a', 'b', 'c')));
    expect(trace(run, ['started', 'succeeded'])).toEqual([
      '0 started a#1',
      '0 succeeded a#1',
      '0 started b#1',
      '0 succeeded b#1',
      '0 started c#1',
      '100 succeeded c#1',
    ]);
  });

  it('the same scenario always gives a byte-identical result', () => {
    const s = scenario(
      [step('pay', { fail: { status: 402 }, retry: { maxAttempts: 2, delayMs: 5 } }), step('invoice'), step('mail')],
      chain('pay', 'invoice', 'mail'),
      { compensation: 'saga' },
    );
    expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(simulate(structuredClone(s))));
  });

  it('events are numbered in order and time never goes back', () => {
    const run = simulate(scenario([step('a', { fail: { status: 500 } }), step('b'), step('c')], chain('a', 'b', 'c')));
    run.events.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(e.correlationId).toBe(run.correlationId);
      if (i > 0) expect(e.t).toBeGreaterThanOrEqual(run.events[i - 1].t);
    });
    expect(run.events[0].type).toBe('run-started');
    expect(run.events.at(-1)).toMatchObject({ type: 'run-finished', status: 207, message: 'failed' });
  });

  it('the correlation id comes from the scenario: same content, same id; moving a node changes nothing', () => {
    const s = scenario([step('a'), step('b')], [dep('a', 'b')]);
    const id = simulate(s).correlationId;
    expect(id).toMatch(/^run-[0-9a-f]{8}$/);
    const moved = { ...s, steps: [{ ...s.steps[0], position: { x: 40, y: 80 } }, s.steps[1]] };
    expect(simulate(moved).correlationId).toBe(id);
    const slower = { ...s, steps: [{ ...s.steps[0], durationMs: 101 }, s.steps[1]] };
    expect(simulate(slower).correlationId).not.toBe(id);
    const unlinked = { ...s, dependencies: [] };
    expect(simulate(unlinked).correlationId).not.toBe(id);
  });
});

describe('R3 attempts', () => {
  it('an attempt lasts durationMs, then answers 200', () => {
    const run = simulate(scenario([step('a', { durationMs: 250 })]));
    expect(run.steps.a).toEqual({ state: 'succeeded', status: 200, attempts: 1, startedAt: 0, endedAt: 250, reused: false });
  });

  it('payment declined on every attempt: failed with its own status, a root failure', () => {
    const run = simulate(
      scenario([step('authorize-payment', { fail: { status: 402, message: 'card declined' }, retry: { maxAttempts: 3 } })]),
    );
    expect(run.steps['authorize-payment']).toEqual({
      state: 'failed',
      status: 402,
      attempts: 3,
      startedAt: 0,
      endedAt: 300,
      reused: false,
      message: 'card declined',
      failure: 'injected',
    });
    expect(eventsOf(run, 'authorize-payment', 'failed').map((e) => e.willRetry)).toEqual([true, true, false]);
  });

  it('a flaky step (fail.times 2) succeeds on its third attempt', () => {
    const run = simulate(scenario([step('reserve-stock', { fail: { status: 409, times: 2 }, retry: { maxAttempts: 3 } })]));
    expect(run.steps['reserve-stock']).toMatchObject({ state: 'succeeded', status: 200, attempts: 3 });
  });

  it('retries wait delayMs × factor^(k−1)', () => {
    const run = simulate(
      scenario([step('a', { durationMs: 100, fail: { status: 503 }, retry: { maxAttempts: 4, delayMs: 50, factor: 2 } })]),
    );
    expect(eventsOf(run, 'a', 'retry-scheduled').map((e) => [e.attempt, e.t, e.nextAt])).toEqual([
      [2, 100, 150],
      [3, 250, 350],
      [4, 450, 650],
    ]);
    expect(trace(run, ['started'])).toEqual(['0 started a#1', '150 started a#2', '350 started a#3', '650 started a#4']);
    expect(run.steps.a.endedAt).toBe(750);
  });

  it('an attempt longer than timeoutMs ends at timeoutMs with 504', () => {
    const run = simulate(scenario([step('fetch-rates', { durationMs: 5000, timeoutMs: 1000 })]));
    expect(run.steps['fetch-rates']).toMatchObject({ state: 'failed', status: 504, endedAt: 1000, failure: 'timeout' });
    expect(eventsOf(run, 'fetch-rates', 'timed-out')).toHaveLength(1);
    expect(eventsOf(run, 'fetch-rates', 'timed-out')[0]).toMatchObject({ t: 1000, status: 504, willRetry: false });
  });

  it('fail.timeout hangs the first attempt until timeoutMs; the retry answers in time', () => {
    const run = simulate(
      scenario([step('fetch-rates', { durationMs: 80, timeoutMs: 300, fail: { timeout: true, times: 1 }, retry: { maxAttempts: 2, delayMs: 20 } })]),
    );
    expect(trace(run, ['started', 'timed-out', 'succeeded'])).toEqual([
      '0 started fetch-rates#1',
      '300 timed-out fetch-rates#1',
      '320 started fetch-rates#2',
      '400 succeeded fetch-rates#2',
    ]);
  });
});

describe('R4 dependency conditions and joins', () => {
  it('success: the invoice waits for the payment', () => {
    const run = simulate(scenario([step('pay', { durationMs: 120 }), step('invoice')], [dep('pay', 'invoice')]));
    expect(run.steps.invoice).toMatchObject({ state: 'succeeded', startedAt: 120 });
  });

  it('failure: the alert runs when the upload fails, and is skipped when it succeeds', () => {
    const failing = simulate(
      scenario([step('upload', { fail: { status: 422 } }), step('alert')], [dep('upload', 'alert', 'failure')]),
    );
    expect(failing.steps.alert).toMatchObject({ state: 'succeeded', startedAt: 100 });
    const fine = simulate(scenario([step('upload'), step('alert')], [dep('upload', 'alert', 'failure')]));
    expect(fine.steps.alert).toMatchObject({ state: 'skipped', status: null, attempts: 0, startedAt: null, endedAt: 100 });
    expect(fine.steps.alert.reason).toBe('it runs only if upload fails, and upload succeeded');
    expect(fine.outcome).toBe('succeeded');
  });

  it('failure: a blocked prerequisite satisfies it too', () => {
    const run = simulate(
      scenario([step('a', { fail: { status: 500 } }), step('b'), step('alert')], [dep('a', 'b'), dep('b', 'alert', 'failure')]),
    );
    expect(run.steps.b.state).toBe('blocked');
    expect(run.steps.alert).toMatchObject({ state: 'succeeded', startedAt: 100 });
  });

  it('always: cleanup runs after a failure and after a success', () => {
    for (const fail of [undefined, { status: 500 }]) {
      const run = simulate(scenario([step('work', fail ? { fail } : {}), step('cleanup')], [dep('work', 'cleanup', 'always')]));
      expect(run.steps.cleanup).toMatchObject({ state: 'succeeded', startedAt: 100 });
    }
  });

  it('join all: a skipped prerequisite skips the step (skips cascade through success dependencies)', () => {
    const run = simulate(
      scenario([step('ok'), step('alert'), step('page-oncall')], [dep('ok', 'alert', 'failure'), dep('alert', 'page-oncall')]),
    );
    expect(states(run)).toEqual({ ok: 'succeeded', alert: 'skipped', 'page-oncall': 'skipped' });
    expect(run.steps['page-oncall'].reason).toBe('its prerequisite alert was skipped');
  });

  it('join all: the step is blocked the moment one prerequisite breaks, without waiting for the others', () => {
    const run = simulate(
      scenario(
        [step('fast-fail', { durationMs: 50, fail: { status: 500 } }), step('slow', { durationMs: 400 }), step('s')],
        [dep('fast-fail', 's'), dep('slow', 's')],
      ),
    );
    expect(run.steps.s).toMatchObject({ state: 'blocked', startedAt: 50, endedAt: 50, failedPrerequisiteStep: 'fast-fail' });
  });

  it('join any: ready the moment one prerequisite is satisfied', () => {
    const run = simulate(
      scenario(
        [step('mirror-1', { durationMs: 300 }), step('mirror-2', { durationMs: 80 }), step('download', { join: 'any' })],
        [dep('mirror-1', 'download'), dep('mirror-2', 'download')],
      ),
    );
    expect(run.steps.download).toMatchObject({ state: 'succeeded', startedAt: 80 });
  });

  it('join any: one failed mirror is fine when the other works', () => {
    const run = simulate(
      scenario(
        [step('mirror-1', { durationMs: 50, fail: { status: 503 } }), step('mirror-2', { durationMs: 200 }), step('download', { join: 'any' })],
        [dep('mirror-1', 'download'), dep('mirror-2', 'download')],
      ),
    );
    expect(run.steps.download).toMatchObject({ state: 'succeeded', startedAt: 200 });
  });

  it('join any: when every prerequisite broke, blocked by the last to break', () => {
    const run = simulate(
      scenario(
        [
          step('mirror-1', { durationMs: 50, fail: { status: 503 } }),
          step('mirror-2', { durationMs: 200, fail: { status: 404 } }),
          step('download', { join: 'any' }),
        ],
        [dep('mirror-1', 'download'), dep('mirror-2', 'download')],
      ),
    );
    expect(run.steps.download).toMatchObject({ state: 'blocked', status: 424, endedAt: 200, failedPrerequisiteStep: 'mirror-2' });
  });

  it('join any: none satisfied and none broken → skipped', () => {
    const run = simulate(
      scenario([step('p'), step('q'), step('s', { join: 'any' })], [dep('p', 's', 'failure'), dep('q', 's', 'failure')]),
    );
    expect(run.steps.s).toMatchObject({ state: 'skipped', status: null });
  });
});

describe('R5 blocked: 424 Failed Dependency', () => {
  const orderPipeline = scenario(
    [
      step('create-order', { durationMs: 80 }),
      step('authorize-payment', { durationMs: 120, fail: { status: 402, message: 'card declined' } }),
      step('reserve-stock'),
      step('create-invoice', { durationMs: 90 }),
      step('send-receipt', { durationMs: 60 }),
    ],
    [dep('create-order', 'authorize-payment'), dep('create-order', 'reserve-stock'), ...chain('authorize-payment', 'create-invoice', 'send-receipt')],
  );

  it('payment fails → invoice is 424 with failed_prerequisite_step authorize-payment, and is never executed', () => {
    const run = simulate(orderPipeline);
    expect(run.steps['create-invoice']).toEqual({
      state: 'blocked',
      status: 424,
      attempts: 1,
      startedAt: 200,
      endedAt: 200,
      failedPrerequisiteStep: 'authorize-payment',
      rootCauseStep: 'authorize-payment',
      dependencyPath: ['authorize-payment', 'create-invoice'],
      reused: false,
    });
    expect(eventsOf(run, 'create-invoice', 'started')).toEqual([]);
    expect(run.steps['reserve-stock'].state).toBe('succeeded');
  });

  it('the receipt, two steps down, is 424 too: its prerequisite is the invoice, its root cause the payment', () => {
    const run = simulate(orderPipeline);
    expect(run.steps['send-receipt']).toMatchObject({
      state: 'blocked',
      status: 424,
      endedAt: 200,
      failedPrerequisiteStep: 'create-invoice',
      rootCauseStep: 'authorize-payment',
      dependencyPath: ['authorize-payment', 'create-invoice', 'send-receipt'],
    });
  });

  it('A → B → C → D with A failing: B, C and D are 424 at the same moment; D names C and root cause A', () => {
    const run = simulate(scenario([step('A', { fail: { status: 500 } }), step('B'), step('C'), step('D')], chain('A', 'B', 'C', 'D')));
    expect(trace(run, ['blocked'])).toEqual(['100 blocked B#1', '100 blocked C#1', '100 blocked D#1']);
    expect(run.steps.D).toMatchObject({ failedPrerequisiteStep: 'C', rootCauseStep: 'A', dependencyPath: ['A', 'B', 'C', 'D'] });
    expect(eventsOf(run, 'D', 'blocked')[0]).toMatchObject({ status: 424, failedPrerequisiteStep: 'C', rootCauseStep: 'A' });
  });
});

describe('R6 no fail-fast guard', () => {
  const noGuard = scenario(
    [
      step('load-cart', { durationMs: 60 }),
      step('fetch-fx-rates', { durationMs: 5000, timeoutMs: 3000 }),
      step('price-cart', { durationMs: 120, retry: { maxAttempts: 2, delayMs: 10 } }),
      step('create-invoice', { durationMs: 90 }),
    ],
    [dep('load-cart', 'price-cart'), dep('fetch-fx-rates', 'price-cart'), dep('price-cart', 'create-invoice')],
    { failFast: false },
  );

  it('the orchestrator continues after the rates timed out: pricing runs and fails with 500 missing output', () => {
    const run = simulate(noGuard);
    expect(run.steps['fetch-fx-rates']).toMatchObject({ state: 'failed', status: 504 });
    expect(run.steps['price-cart']).toMatchObject({
      state: 'failed',
      status: 500,
      attempts: 2,
      startedAt: 3000,
      endedAt: 3250,
      message: 'missing output of fetch-fx-rates',
      failedPrerequisiteStep: 'fetch-fx-rates',
      rootCauseStep: 'fetch-fx-rates',
      dependencyPath: ['fetch-fx-rates', 'price-cart'],
      failure: 'missing-output',
    });
    expect(eventsOf(run, 'price-cart', 'failed').map((e) => [e.t, e.message, e.willRetry])).toEqual([
      [3120, 'missing output of fetch-fx-rates', true],
      [3250, 'missing output of fetch-fx-rates', false],
    ]);
  });

  it('the failure runs on downstream, still naming the root cause, and no 424 appears', () => {
    const run = simulate(noGuard);
    expect(run.steps['create-invoice']).toMatchObject({
      state: 'failed',
      status: 500,
      message: 'missing output of price-cart',
      failedPrerequisiteStep: 'price-cart',
      rootCauseStep: 'fetch-fx-rates',
    });
    expect(run.events.some((e) => e.status === 424 || e.type === 'blocked')).toBe(false);
  });

  it('waits for every prerequisite to be final, and names the first broken one by id', () => {
    const run = simulate(
      scenario(
        [
          step('zeta', { durationMs: 10, fail: { status: 500 } }),
          step('alpha', { durationMs: 50, fail: { status: 500 } }),
          step('slow', { durationMs: 300 }),
          step('s', { durationMs: 5 }),
        ],
        [dep('zeta', 's'), dep('alpha', 's'), dep('slow', 's')],
        { failFast: false },
      ),
    );
    expect(run.steps.s).toMatchObject({ startedAt: 300, message: 'missing output of alpha', failedPrerequisiteStep: 'alpha' });
  });
});

describe('R7 artifacts', () => {
  it('publish before validation: publish starts before the validated bundle exists and fails with 500 missing input', () => {
    const run = simulate(
      scenario(
        [
          step('build-bundle', { durationMs: 200, produces: ['bundle'] }),
          step('validate-bundle', { durationMs: 400, consumes: ['bundle'], produces: ['validated-bundle'] }),
          step('publish-package', { durationMs: 150, consumes: ['validated-bundle'] }),
          step('announce-release', { durationMs: 50 }),
        ],
        [dep('build-bundle', 'validate-bundle'), dep('build-bundle', 'publish-package'), dep('publish-package', 'announce-release')],
      ),
    );
    expect(run.steps['validate-bundle'].state).toBe('succeeded');
    expect(run.steps['publish-package']).toMatchObject({
      state: 'failed',
      status: 500,
      message: 'missing input validated-bundle',
      failure: 'missing-input',
      endedAt: 350,
    });
    expect(run.steps['announce-release']).toMatchObject({ state: 'blocked', rootCauseStep: 'publish-package' });
    expect(run.lint.map((w) => w.code)).toEqual(['artifact-race']);
  });

  it('with the missing dependency added, publish waits for validation and succeeds', () => {
    const run = simulate(
      scenario(
        [
          step('build-bundle', { durationMs: 200, produces: ['bundle'] }),
          step('validate-bundle', { durationMs: 400, consumes: ['bundle'], produces: ['validated-bundle'] }),
          step('publish-package', { durationMs: 150, consumes: ['validated-bundle'] }),
        ],
        chain('build-bundle', 'validate-bundle', 'publish-package'),
      ),
    );
    expect(run.outcome).toBe('succeeded');
    expect(run.lint).toEqual([]);
  });

  it('a retry after the artifact appeared succeeds', () => {
    const run = simulate(
      scenario([
        step('producer', { durationMs: 100, produces: ['x'] }),
        step('consumer', { durationMs: 60, consumes: ['x'], retry: { maxAttempts: 2, delayMs: 50 } }),
      ]),
    );
    expect(trace(run, ['failed', 'succeeded'])).toEqual(['60 failed consumer#1', '100 succeeded producer#1', '170 succeeded consumer#2']);
  });
});

describe('R8 abort', () => {
  const branches = scenario(
    [
      step('charge', { durationMs: 100, fail: { status: 402 } }),
      step('invoice'),
      step('alert', { durationMs: 10 }),
      step('reserve', { durationMs: 150 }),
      step('ship', { durationMs: 50 }),
      step('audit', { durationMs: 10 }),
    ],
    [dep('charge', 'invoice'), dep('charge', 'alert', 'failure'), dep('reserve', 'ship'), dep('charge', 'audit', 'always'), dep('ship', 'audit')],
    { onFailure: 'abort' },
  );

  it('at the root failure, steps not started and not downstream of it are cancelled; running steps finish', () => {
    const run = simulate(branches);
    expect(states(run)).toEqual({
      charge: 'failed',
      invoice: 'blocked',
      alert: 'succeeded',
      reserve: 'succeeded',
      ship: 'cancelled',
      audit: 'cancelled',
    });
    expect(run.steps.ship).toMatchObject({ status: null, endedAt: 100, reason: 'the run was aborted after charge failed' });
  });

  it('a step downstream of the failure that waits on a cancelled step is cancelled with it', () => {
    const run = simulate(branches);
    // audit depends on charge (always) so it is not swept, but ship was cancelled under it.
    expect(run.steps.audit.reason).toBe('its prerequisite ship was cancelled');
    expect(trace(run, ['cancelled'])).toEqual(['100 cancelled ship', '100 cancelled audit']);
  });

  it('with onFailure continue nothing is cancelled', () => {
    const run = simulate({ ...branches, policy: {} });
    expect(run.steps.ship.state).toBe('succeeded');
    expect(run.steps.audit.state).toBe('succeeded');
  });
});

describe('R9 retrying a blocked step', () => {
  const shipping = (retryMode: 'naive' | 'graph-aware', times?: number) =>
    scenario(
      [
        step('create-order', { durationMs: 80 }),
        step('reserve-stock', { durationMs: 120, fail: { status: 409, message: 'SKU-4411 has 0 units available', ...(times ? { times } : {}) } }),
        step('charge-payment', { durationMs: 150 }),
        step('create-shipping-label', { durationMs: 100, retry: { maxAttempts: 4, delayMs: 200, factor: 2 } }),
        step('notify-customer', { durationMs: 50 }),
      ],
      [
        dep('create-order', 'reserve-stock'),
        dep('create-order', 'charge-payment'),
        dep('reserve-stock', 'create-shipping-label'),
        dep('charge-payment', 'create-shipping-label'),
        dep('create-shipping-label', 'notify-customer'),
      ],
      { retryMode },
    );

  it('naive: the label is re-sent after each delay and gets 424 every time; stock is never asked again', () => {
    const run = simulate(shipping('naive', 2));
    expect(eventsOf(run, 'create-shipping-label', 'blocked').map((e) => [e.t, e.attempt, e.willRetry])).toEqual([
      [200, 1, true],
      [400, 2, true],
      [800, 3, true],
      [1600, 4, false],
    ]);
    expect(eventsOf(run, 'reserve-stock', 'started')).toHaveLength(1);
    expect(run.steps['create-shipping-label']).toMatchObject({ state: 'blocked', status: 424, attempts: 4, startedAt: 200, endedAt: 1600 });
    expect(run.steps['reserve-stock'].state).toBe('failed');
  });

  it('graph-aware: each retry repairs stock first; when it succeeds the label and its dependents run', () => {
    const run = simulate(shipping('graph-aware', 2));
    expect(trace(run, ['repair-requested', 'started', 'unblocked']).filter((l) => !l.includes('create-order') && !l.includes('charge'))).toEqual([
      '80 started reserve-stock#1',
      '400 repair-requested reserve-stock#2',
      '400 started reserve-stock#2',
      '920 repair-requested reserve-stock#3',
      '920 started reserve-stock#3',
      '1040 unblocked create-shipping-label#3',
      '1040 unblocked notify-customer#1',
      '1040 started create-shipping-label#3',
      '1140 started notify-customer#2',
    ]);
    expect(eventsOf(run, 'reserve-stock', 'repair-requested').map((e) => e.requestedBy)).toEqual([
      'create-shipping-label',
      'create-shipping-label',
    ]);
    expect(states(run)).toEqual({
      'create-order': 'succeeded',
      'reserve-stock': 'succeeded',
      'charge-payment': 'succeeded',
      'create-shipping-label': 'succeeded',
      'notify-customer': 'succeeded',
    });
    expect(run.steps['create-shipping-label'].attempts).toBe(3);
    expect(run.steps['create-shipping-label'].failedPrerequisiteStep).toBeUndefined();
    expect(run.outcome).toBe('succeeded');
  });

  it('graph-aware: when the retries run out, the label stays blocked', () => {
    const run = simulate(shipping('graph-aware'));
    expect(run.steps['create-shipping-label']).toMatchObject({ state: 'blocked', attempts: 4, rootCauseStep: 'reserve-stock' });
    expect(run.steps['reserve-stock']).toMatchObject({ state: 'failed', attempts: 4 });
    expect(eventsOf(run, 'create-shipping-label', 'blocked').map((e) => e.willRetry)).toEqual([true, true, true, false]);
  });

  it('graph-aware: two blocked steps asking at once share one repair attempt', () => {
    const run = simulate(
      scenario(
        [step('root', { fail: { status: 503, times: 1 } }), step('b', { retry: { maxAttempts: 2, delayMs: 10 } }), step('c', { retry: { maxAttempts: 2, delayMs: 10 } })],
        [dep('root', 'b'), dep('root', 'c')],
      ),
    );
    expect(eventsOf(run, 'root', 'repair-requested').map((e) => [e.t, e.attempt, e.requestedBy])).toEqual([
      [110, 2, 'b'],
      [110, 2, 'c'],
    ]);
    expect(eventsOf(run, 'root', 'started')).toHaveLength(2);
    expect(states(run)).toEqual({ root: 'succeeded', b: 'succeeded', c: 'succeeded' });
  });

  it('a blocked step without retries is never retried', () => {
    const run = simulate(scenario([step('a', { fail: { status: 500 } }), step('b')], [dep('a', 'b')], { retryMode: 'naive' }));
    expect(eventsOf(run, 'b')).toHaveLength(1);
  });
});

describe('R10 compensation', () => {
  const saga = scenario(
    [
      step('create-order', { durationMs: 100, compensation: { label: 'Cancel order', durationMs: 60 } }),
      step('reserve-stock', { durationMs: 120, compensation: { label: 'Release stock', durationMs: 70 } }),
      step('authorize-payment', {
        durationMs: 150,
        compensation: { label: 'Void authorization', durationMs: 90, fail: { status: 502, message: 'authorization is locked' } },
      }),
      step('redeem-voucher', { durationMs: 80 }),
      step('book-courier', { durationMs: 200, fail: { status: 503 } }),
      step('print-label', { durationMs: 60 }),
    ],
    [
      dep('create-order', 'reserve-stock'),
      dep('create-order', 'authorize-payment'),
      dep('create-order', 'redeem-voucher'),
      dep('reserve-stock', 'book-courier'),
      dep('book-courier', 'print-label'),
    ],
    { compensation: 'saga' },
  );

  it('the courier fails, so finished steps roll back one at a time in reverse order of completion', () => {
    const run = simulate(saga);
    // Completion: create-order 100, redeem-voucher 180, reserve-stock 220, authorize-payment 250.
    expect(run.compensationOrder).toEqual(['authorize-payment', 'reserve-stock', 'create-order']);
    expect(run.uncompensated).toEqual(['redeem-voucher']);
    expect(trace(run, ['compensation-started', 'compensation-succeeded', 'compensation-failed'])).toEqual([
      '420 compensation-started authorize-payment',
      '510 compensation-failed authorize-payment',
      '510 compensation-started reserve-stock',
      '580 compensation-succeeded reserve-stock',
      '580 compensation-started create-order',
      '640 compensation-succeeded create-order',
    ]);
  });

  it('a failed rollback leaves compensation-failed; the others still run; forward statuses stay 200', () => {
    const run = simulate(saga);
    expect(run.steps['authorize-payment']).toMatchObject({
      state: 'compensation-failed',
      status: 200,
      compensation: { label: 'Void authorization', status: 502, startedAt: 420, endedAt: 510, message: 'authorization is locked' },
    });
    expect(run.steps['reserve-stock']).toMatchObject({ state: 'compensated', status: 200 });
    expect(run.steps['redeem-voucher'].state).toBe('succeeded');
    expect(run.outcome).toBe('compensation-failed');
    expect(run.durationMs).toBe(640);
  });

  it('nothing is rolled back when every step succeeded, or without saga', () => {
    const fine = simulate({ ...saga, steps: saga.steps.map((s) => ({ ...s, fail: undefined })) });
    expect(fine.compensationOrder).toEqual([]);
    expect(fine.outcome).toBe('succeeded');
    const noSaga = simulate({ ...saga, policy: {} });
    expect(noSaga.compensationOrder).toEqual([]);
    expect(noSaga.steps['create-order'].state).toBe('succeeded');
  });
});

describe('R11 outcome', () => {
  it('succeeded (200) when nothing failed or was blocked, even with skips', () => {
    const run = simulate(scenario([step('ok'), step('alert')], [dep('ok', 'alert', 'failure')]));
    expect([run.outcome, run.httpStatus, run.response.status]).toEqual(['succeeded', 200, 200]);
  });

  it('failed (207 Multi-Status) when a step failed, without saga', () => {
    const run = simulate(scenario([step('a', { fail: { status: 500 } })]));
    expect([run.outcome, run.httpStatus, run.response.status]).toEqual(['failed', 207, 207]);
  });

  it('compensated when every rollback worked', () => {
    const run = simulate(
      scenario([step('a', { compensation: { durationMs: 10 } }), step('b', { fail: { status: 500 } })], [dep('a', 'b')], { compensation: 'saga' }),
    );
    expect([run.outcome, run.httpStatus]).toEqual(['compensated', 207]);
  });

  it('a repaired root failure leaves nothing failed: succeeded', () => {
    const run = simulate(
      scenario([step('a', { fail: { status: 500, times: 1 } }), step('b', { retry: { maxAttempts: 2 } })], [dep('a', 'b')]),
    );
    expect(run.outcome).toBe('succeeded');
  });
});

describe('odd but valid step ids', () => {
  it('"__proto__" and "constructor" are ordinary keys of the result', () => {
    const run = simulate(scenario([step('__proto__', { fail: { status: 500 } }), step('constructor')], [dep('__proto__', 'constructor')]));
    expect(Object.keys(run.steps)).toEqual(['__proto__', 'constructor']);
    // No prototype (issue 9 §1): run.steps.toString is undefined when no step has that id.
    expect(Object.getPrototypeOf(run.steps)).toBeNull();
    expect(JSON.parse(JSON.stringify(run)).steps.constructor).toMatchObject({ state: 'blocked', failedPrerequisiteStep: '__proto__' });
  });

  it('a dependency on "toString" that is not a step is an error, not a match with what objects inherit', () => {
    expect(() => simulate(scenario([step('a')], [dep('toString', 'a')]))).toThrow(/unknown step/);
    expect(() => simulate(scenario([step('a'), step('a')]))).toThrow(/not unique/);
  });
});

describe('transitions', () => {
  it('the run never breaks the step state table (it would throw)', () => {
    expect(() =>
      simulate(
        scenario(
          [step('a', { fail: { status: 500, times: 2 } }), step('b', { retry: { maxAttempts: 3 } }), step('c'), step('d', { join: 'any' })],
          [...chain('a', 'b', 'c'), dep('a', 'd', 'failure'), dep('c', 'd')],
          { compensation: 'saga', concurrency: 1 },
        ),
      ),
    ).not.toThrow();
  });
});
