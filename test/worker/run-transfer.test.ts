import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { packRun, transferables, unpackRun } from '../../src/worker/run-transfer.ts';
import type { RunResult } from '../../src/engine/types.ts';
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
