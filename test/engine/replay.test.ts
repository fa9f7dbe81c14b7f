// R13: replay from the failed step.
import { planReplay, replay, simulate } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { dep, eventsOf, scenario, states, step } from './helpers.ts';

const orderPipeline = (fail: boolean): Scenario =>
  scenario(
    [
      step('create-order', { durationMs: 80 }),
      step('authorize-payment', { durationMs: 120, ...(fail ? { fail: { status: 402, message: 'card declined' } } : {}) }),
      step('reserve-stock'),
      step('create-invoice', { durationMs: 90 }),
      step('send-receipt', { durationMs: 60 }),
    ],
    [
      dep('create-order', 'authorize-payment'),
      dep('create-order', 'reserve-stock'),
      dep('authorize-payment', 'create-invoice'),
      dep('create-invoice', 'send-receipt'),
    ],
  );

describe('replay (R13)', () => {
  const run = simulate(orderPipeline(true));

  it('after fixing the card, replay reruns the payment and what depends on it, and keeps the rest', () => {
    const planned = planReplay(orderPipeline(false), run);
    expect(planned).toEqual({
      ok: true,
      value: {
        from: ['authorize-payment'],
        rerun: ['authorize-payment', 'create-invoice', 'send-receipt'],
        keep: ['create-order', 'reserve-stock'],
        warnings: [],
        reasons: [
          { step: 'authorize-payment', reason: 'from' },
          { step: 'create-invoice', reason: 'did-not-succeed' },
          { step: 'send-receipt', reason: 'did-not-succeed' },
        ],
      },
    });
  });

  it('kept steps carry their previous results and a reused event; rerun steps run fresh after the first run', () => {
    const r = replay(orderPipeline(false), run);
    if (!r.ok) throw new Error('replay failed');
    const again = r.value.run;
    expect(again.steps['create-order']).toEqual({ ...run.steps['create-order'], reused: true });
    expect(eventsOf(again, 'create-order').map((e) => e.type)).toEqual(['reused']);
    expect(states(again)).toEqual({
      'create-order': 'succeeded',
      'authorize-payment': 'succeeded',
      'reserve-stock': 'succeeded',
      'create-invoice': 'succeeded',
      'send-receipt': 'succeeded',
    });
    expect(again.startedAt).toBe(run.durationMs);
    expect(again.steps['authorize-payment']).toMatchObject({ startedAt: 200, endedAt: 320, reused: false, attempts: 1 });
    expect(again.durationMs).toBe(270);
    expect(again.events.every((e) => e.replay === true && e.t >= run.durationMs)).toBe(true);
    expect(again.events[0].type).toBe('replay-started');
    expect(again.replayOf).toBe(run.correlationId);
    expect(again.correlationId).not.toBe(run.correlationId);
    expect([again.outcome, again.httpStatus]).toEqual(['succeeded', 200]);
  });

  it('with nothing fixed the replay fails the same way', () => {
    const r = replay(orderPipeline(true), run);
    if (!r.ok) throw new Error('replay failed');
    expect(states(r.value.run)).toEqual(states(run));
    expect(r.value.run.steps['send-receipt'].rootCauseStep).toBe('authorize-payment');
  });

  it('a replay of a replay continues the timeline', () => {
    const first = replay(orderPipeline(true), run);
    if (!first.ok) throw new Error('replay failed');
    const second = replay(orderPipeline(false), first.value.run);
    if (!second.ok) throw new Error('replay failed');
    expect(second.value.run.startedAt).toBe(run.durationMs + first.value.run.durationMs);
    expect(second.value.run.outcome).toBe('succeeded');
  });

  it('changed step ids are an error that lists every difference', () => {
    const edited = orderPipeline(false);
    edited.steps[4] = step('email-receipt');
    edited.dependencies[3] = dep('create-invoice', 'email-receipt');
    const r = planReplay(edited, run);
    expect(r).toEqual({
      ok: false,
      error: [
        { code: 'not-in-previous-run', path: 'steps[4].id', step: 4, message: 'step "email-receipt" was not in the previous run' },
        { code: 'missing-from-previous-run', path: 'steps', message: 'step "send-receipt" of the previous run is missing' },
        { code: 'not-in-previous-run', path: 'dependencies[3]', dependency: 3, message: 'create-invoice → email-receipt (success) was not in the previous run' },
        { code: 'missing-from-previous-run', path: 'dependencies', message: 'create-invoice → send-receipt (success) of the previous run is missing' },
      ],
    });
    expect(replay(edited, run).ok).toBe(false);
  });

  it('changed dependencies are an error too', () => {
    const edited = orderPipeline(false);
    edited.dependencies[3] = dep('create-invoice', 'send-receipt', 'always');
    edited.dependencies.push(dep('reserve-stock', 'create-invoice'));
    const r = planReplay(edited, run);
    expect(r).toEqual({
      ok: false,
      error: [
        { code: 'not-in-previous-run', path: 'dependencies[3]', dependency: 3, message: 'create-invoice → send-receipt (always) was not in the previous run' },
        { code: 'not-in-previous-run', path: 'dependencies[4]', dependency: 4, message: 'reserve-stock → create-invoice (success) was not in the previous run' },
        { code: 'missing-from-previous-run', path: 'dependencies', message: 'create-invoice → send-receipt (success) of the previous run is missing' },
      ],
    });
  });

  it('replaying from a step that succeeded is an error; so is an unknown step', () => {
    expect(planReplay(orderPipeline(false), run, ['reserve-stock'])).toEqual({
      ok: false,
      error: [{ code: 'not-replayable', path: 'from', step: 2, message: 'reserve-stock succeeded in the previous run; replay from a step that failed, was blocked or did not run' }],
    });
    expect(planReplay(orderPipeline(false), run, ['nope'])).toEqual({ ok: false, error: [{ code: 'missing-step', path: 'from', message: 'no step "nope" in the scenario' }] });
  });

  it('from a blocked step: only it and its descendants (and anything else not succeeded) rerun', () => {
    const r = planReplay(orderPipeline(true), run, ['send-receipt']);
    expect(r.ok && r.value).toMatchObject({ from: ['send-receipt'], rerun: ['authorize-payment', 'create-invoice', 'send-receipt'] });
  });

  it('warns about re-running a step that is not idempotent and succeeded before, and about failed rollbacks', () => {
    const s = scenario(
      [
        step('charge', { compensation: { durationMs: 10, fail: { status: 500 } } }),
        step('ship', { fail: { status: 503 } }),
        step('cleanup', { idempotent: false }),
      ],
      [dep('charge', 'ship'), dep('ship', 'cleanup', 'always')],
      { compensation: 'saga' },
    );
    const first = simulate(s);
    expect(states(first)).toEqual({ charge: 'compensation-failed', ship: 'failed', cleanup: 'succeeded' });
    const r = planReplay(s, first);
    expect(r.ok && r.value).toEqual({
      from: ['ship'],
      rerun: ['charge', 'ship', 'cleanup'],
      keep: [],
      warnings: [
        { code: 'partial-state', path: 'steps[0]', step: 0, message: "charge's compensation failed in the previous run: the replay acts on partial state" },
        { code: 'repeats-effect', path: 'steps[2]', step: 2, message: 'cleanup succeeded in the previous run and is not idempotent: running it again repeats its effect' },
      ],
      reasons: [
        { step: 'charge', reason: 'compensation-failed' },
        { step: 'ship', reason: 'from' },
        { step: 'cleanup', reason: 'downstream', after: 'ship' },
      ],
    });
  });

  it('after a saga rolled a step back, the plan keeps nothing and says why each step runs again', () => {
    const s = scenario(
      [step('reserve', { compensation: { durationMs: 10 } }), step('charge', { fail: { status: 402 } }), step('notify', { compensation: { durationMs: 10 } })],
      [dep('reserve', 'charge'), dep('reserve', 'notify')],
      { compensation: 'saga' },
    );
    const first = simulate(s);
    expect(states(first)).toEqual({ reserve: 'compensated', charge: 'failed', notify: 'compensated' });
    const r = planReplay(s, first);
    expect(r.ok && r.value.keep).toEqual([]);
    expect(r.ok && r.value.reasons).toEqual([
      { step: 'reserve', reason: 'compensated' },
      { step: 'charge', reason: 'from' },
      { step: 'notify', reason: 'compensated' },
    ]);
  });

  it('an edited scenario that is not even valid comes back as a problem, not an exception', () => {
    const broken = orderPipeline(false);
    broken.dependencies.push(dep('create-order', 'nowhere'));
    const r = planReplay(broken, run);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0].message).toMatch(/unknown step/);
  });

  it('survives a round trip through JSON (what the CLI and links carry)', () => {
    const parsed = JSON.parse(JSON.stringify(run));
    const r = replay(orderPipeline(false), parsed);
    expect(r.ok && r.value.run.outcome).toBe('succeeded');
  });
});
