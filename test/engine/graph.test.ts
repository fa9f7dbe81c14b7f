// The engine's flat graph: ids to indices, and what a run leaves of it.
import { buildGraph, indexOf } from '../../src/engine/graph.ts';
import { simulateReplay } from '../../src/engine/simulate.ts';
import { dep, scenario, step } from './helpers.ts';

const pipeline = scenario([step('order'), step('pay', { fail: { status: 402 } }), step('invoice')], [dep('order', 'pay'), dep('pay', 'invoice')]);

describe('the engine graph', () => {
  it('finds steps by id, "constructor" only when the scenario has it', () => {
    const g = buildGraph(pipeline);
    expect(indexOf(g, 'invoice')).toBe(2);
    expect(indexOf(g, 'constructor')).toBeUndefined();
    expect(indexOf(buildGraph(scenario([step('constructor')], [])), 'constructor')).toBe(0);
  });

  it('throws on duplicate ids: the engine takes validated scenarios', () => {
    expect(() => buildGraph(scenario([step('a'), step('a')], []))).toThrow('step ids are not unique');
  });

  it('a run builds its own step record and leaves the graph usable', () => {
    const g = buildGraph(pipeline);
    const run = simulateReplay(pipeline, { t0: 0, kept: new Map(), replayOf: 'run-0', salt: '' }, g);
    expect(Object.keys(run.steps)).toEqual(['order', 'pay', 'invoice']);
    expect(run.steps.invoice).toMatchObject({ state: 'blocked', failedPrerequisiteStep: 'pay' });
    expect(indexOf(g, 'pay')).toBe(1);
    const again = simulateReplay(pipeline, { t0: 0, kept: new Map(), replayOf: 'run-0', salt: '' }, g);
    expect(again.steps).not.toBe(run.steps);
    expect(again.steps).toEqual(run.steps);
  });
});
