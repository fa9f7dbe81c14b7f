import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { packEvents, packRun, transferables, unpackEvents, unpackRun, unpackRunInSlices } from '../../src/worker/run-transfer.ts';
import type { RunEvent, RunResult } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';

// A run crosses from the simulate worker to the page as postMessage copies it (structuredClone
// with the same transfer list): the page must get the result `simulate` made, to the byte.
function acrossThreads(run: RunResult): RunResult {
  const packed = packRun(run);
  return unpackRun(structuredClone(packed, { transfer: transferables(packed) }));
}

describe('a run sent from the worker to the page', () => {
  test('every preset and a 100-step retry storm arrive with the same result JSON', () => {
    const scenarios: Scenario[] = [...PRESETS.map((p) => p.scenario), retryStorm(100, 'naive'), retryStorm(100, 'graph-aware')];
    for (const scenario of scenarios) {
      const run = simulate(scenario);
      expect(JSON.stringify(acrossThreads(run)), scenario.title).toBe(JSON.stringify(run));
    }
  });

  test('a 300-step chain: each blocked step keeps its whole dependency path, shared with its 424 body', () => {
    const run = simulate(retryStorm(300, 'naive'));
    const back = acrossThreads(run);
    const last = back.steps.s299;
    expect(last.state).toBe('blocked');
    expect(last.dependencyPath).toEqual(Array.from({ length: 300 }, (_, i) => `s${i}`));
    const body = back.response.results.find((r) => r.id === 's299')?.body as { dependency_path?: string[] };
    expect(body.dependency_path).toBe(last.dependencyPath);
    expect(JSON.stringify(back)).toBe(JSON.stringify(run));
  });

  test('steps stay a record without a prototype: a step named "constructor" is found, "toString" is not', () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Prototype names',
      steps: [{ id: 'constructor', fail: { status: 500 } }, { id: '__proto__' }, { id: 'valueOf' }],
      dependencies: [
        { from: 'constructor', to: '__proto__' },
        { from: '__proto__', to: 'valueOf' },
      ],
    };
    const run = simulate(scenario);
    const back = acrossThreads(run);
    expect(Object.getPrototypeOf(back.steps)).toBeNull();
    const step = (id: string) => back.steps[id];
    expect(step('toString')).toBeUndefined();
    expect(step('constructor').state).toBe('failed');
    expect(Object.keys(back.steps)).toEqual(['constructor', '__proto__', 'valueOf']);
    expect(step('valueOf').dependencyPath).toEqual(['constructor', '__proto__', 'valueOf']);
    expect(JSON.stringify(back)).toBe(JSON.stringify(run));
  });
});

describe('a run unpacked in slices (unpackRunInSlices), so no page task unpacks 25,000 events at once', () => {
  test('a 2,000-step storm: the same result JSON as unpacked at once, its events read 1,000 per task', async () => {
    const run = simulate(retryStorm(2_000, 'naive'));
    const packed = packRun(run);
    const tasks: number[] = [];
    let made = 0;
    const back = await unpackRunInSlices(structuredClone(packed, { transfer: transferables(packed) }), 1_000, async () => {
      tasks.push(made);
      made++;
    });
    expect(JSON.stringify(back)).toBe(JSON.stringify(run));
    // One wait before each of the 26 slices of 25,001 events, one before the result is handed over.
    expect(run.events.length).toBe(25_001);
    expect(tasks.length).toBe(27);
    expect(Object.getPrototypeOf(back.steps)).toBeNull();
  });

  test('a run of no steps (a few events or none) settles too, in a task after its one slice', async () => {
    const run = simulate({ version: 2, title: 'Empty', steps: [], dependencies: [] });
    let waits = 0;
    const back = await unpackRunInSlices(packRun(run), 1_000, async () => void waits++);
    expect(JSON.stringify(back)).toBe(JSON.stringify(run));
    expect(run.events.length).toBeLessThan(1_000);
    expect(waits).toBe(run.events.length === 0 ? 1 : 2);
  });
});

describe("a run's events sent as columns", () => {
  test('a 2,000-step storm: 25,001 events back equal to the engine\'s, key order and all, from a few thousand strings', () => {
    const run = simulate(retryStorm(2_000, 'naive'));
    const packed = packEvents(run.events);
    // 2,000 step ids, the event types, messages and the correlation id: not one string per field.
    expect(packed.strings.length).toBeLessThan(2_500);
    const back = unpackEvents(structuredClone(packed));
    expect(back).toStrictEqual(run.events);
    expect(JSON.stringify(back)).toBe(JSON.stringify(run.events));
  });

  test('null, undefined, booleans, -0 and a step id named like an Object.prototype member come back as they were', () => {
    const events = [
      { seq: 0, t: -0, type: 'started', step: 'constructor', attempt: 1, correlationId: 'c', status: null },
      { seq: 1, t: 5, type: 'failed', step: '__proto__', correlationId: 'c', status: 503, willRetry: false, message: undefined },
      { seq: 2, t: 6, type: 'blocked', step: 'toString', correlationId: 'c', willRetry: true, rootCauseStep: 'constructor' },
    ] as RunEvent[];
    const back = unpackEvents(structuredClone(packEvents(events)));
    expect(back).toStrictEqual(events);
    expect(Object.is(back[0].t, -0)).toBe(true);
    expect(Object.keys(back[1])).toEqual(Object.keys(events[1]));
  });

  test('an event with a field that is not flat is refused with its index and key (an engine bug, not data to lose)', () => {
    const events = [{ seq: 0, t: 0, type: 'started', correlationId: 'c' }, { seq: 1, t: 0, type: 'started', correlationId: 'c', extra: { a: 1 } }] as unknown as RunEvent[];
    expect(() => packEvents(events)).toThrow('packEvents: event 1 has a field "extra" that is not a number, string, boolean or null');
  });
});
