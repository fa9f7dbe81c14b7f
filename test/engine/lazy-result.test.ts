// A run's events and step results are built on first read (issue #15, src/engine/result.ts,
// src/engine/event-log.ts). Whatever a caller reads first, and however it copies the result,
// it sees the same JSON.
import { describe, expect, it } from 'vitest';
import { replay, simulate } from '../../src/engine/index.ts';
import type { RunResult } from '../../src/engine/types.ts';
import { chain, scenario, step } from './helpers.ts';

/** A step that fails for good, retries, a 424 cascade, a saga with a failing handler, skips: most event kinds. */
const mixed = scenario(
  [
    step('pay', { fail: { status: 402, message: 'card declined' }, retry: { maxAttempts: 2, delayMs: 10, factor: 2 } }),
    step('reserve', { compensation: { durationMs: 5, fail: { status: 500, message: 'undo failed' } } }),
    step('invoice'),
    step('mail'),
    step('audit', { compensation: { durationMs: 3 } }),
    step('notify'),
  ],
  [...chain('reserve', 'pay', 'invoice', 'mail'), { from: 'audit', to: 'notify', on: 'failure' }],
  { compensation: 'saga' },
);

const json = (run: RunResult) => JSON.stringify(run);

describe('a result built on first read', () => {
  it('gives the same JSON whether events, steps or neither are read first', () => {
    const direct = json(simulate(mixed));
    const eventsFirst = simulate(mixed);
    void eventsFirst.events;
    const stepsFirst = simulate(mixed);
    void stepsFirst.steps;
    const responseFirst = simulate(mixed);
    void responseFirst.response;
    expect(json(eventsFirst)).toBe(direct);
    expect(json(stepsFirst)).toBe(direct);
    expect(json(responseFirst)).toBe(direct);
  });

  it('has one correlation id, made on first read: the same in the result, its events and its response headers, whichever is read first', () => {
    const idFirst = simulate(mixed);
    const id = idFirst.correlationId;
    expect(id).toMatch(/^run-[0-9a-f]{8}$/);
    const eventsFirst = simulate(mixed);
    expect(eventsFirst.events.every((e) => e.correlationId === id)).toBe(true);
    expect(eventsFirst.correlationId).toBe(id);
    const responseFirst = simulate(mixed);
    const answered = responseFirst.response.results.filter((r) => r.headers !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((r) => r.headers!['Correlation-Id'] === id)).toBe(true);
    expect(responseFirst.correlationId).toBe(id);
    // A replay hashes its previous run's id in: never the same id as the run it replays.
    const replayedRun = replay({ ...mixed, steps: mixed.steps.map((s) => (s.id === 'pay' ? { id: 'pay' } : s)) }, simulate(mixed), ['pay']);
    if (!replayedRun.ok) throw new Error('replay refused');
    const replayed = replayedRun.value.run;
    expect(replayed.replayOf).toBe(id);
    expect(replayed.correlationId).not.toBe(id);
    expect(replayed.events.every((e) => e.correlationId === replayed.correlationId)).toBe(true);
  });

  it('spreads and structured-clones to ordinary fields, in the result order', () => {
    const run = simulate(mixed);
    const cloned = structuredClone(run);
    const spread = { ...simulate(mixed) };
    expect(Object.getOwnPropertyDescriptor(cloned, 'events')?.value).toEqual(run.events);
    expect(Object.keys(cloned)).toEqual(Object.keys(run));
    expect(JSON.stringify(cloned)).toBe(json(run));
    expect(JSON.stringify(spread)).toBe(json(run));
  });

  it('keeps each event field the engine writes, in order: a blocked event', () => {
    const run = simulate(mixed);
    const blocked = run.events.find((e) => e.type === 'blocked' && e.step === 'invoice')!;
    expect(Object.keys(blocked)).toEqual(['seq', 't', 'type', 'step', 'attempt', 'correlationId', 'status', 'willRetry', 'failedPrerequisiteStep', 'rootCauseStep']);
    expect(blocked).toMatchObject({ attempt: 1, status: 424, willRetry: false, failedPrerequisiteStep: 'pay', rootCauseStep: 'pay' });
    const retry = run.events.find((e) => e.type === 'retry-scheduled')!;
    expect(Object.keys(retry)).toEqual(['seq', 't', 'type', 'step', 'attempt', 'correlationId', 'nextAt']);
    expect(run.events.map((e) => e.seq)).toEqual(run.events.map((_, k) => k));
    const failedUndo = run.events.find((e) => e.type === 'compensation-failed')!;
    expect(failedUndo).toEqual({ seq: failedUndo.seq, t: failedUndo.t, type: 'compensation-failed', step: 'reserve', correlationId: run.correlationId, status: 500, message: 'undo failed' });
  });

  it('reads the same object each time, and takes a new value when assigned', () => {
    const run = simulate(mixed);
    expect(run.events).toBe(run.events);
    expect(run.steps).toBe(run.steps);
    expect(run.steps['pay'].state).toBe('failed');
    run.events = [];
    expect(run.events).toEqual([]);
    run.steps = {};
    expect(run.steps).toEqual({});
  });

  it('a replay read in any order: every event says replay, the fixed step succeeds', () => {
    const first = simulate(mixed);
    const fixed = { ...mixed, steps: mixed.steps.map((s) => (s.id === 'pay' ? step('pay') : s)) };
    const a = replay(fixed, first);
    const b = replay(fixed, first);
    if (!a.ok || !b.ok) throw new Error('replay refused');
    void b.value.run.events;
    expect(JSON.stringify(b.value.run)).toBe(JSON.stringify(a.value.run));
    expect(a.value.run.events.every((e) => e.replay === true)).toBe(true);
    expect(a.value.run.steps['pay'].state).toBe('succeeded');
  });
});
