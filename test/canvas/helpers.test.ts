import { describe, expect, test } from 'vitest';
import { freeSpot } from '../../src/canvas/use-add-step.ts';
import { lintByStep } from '../../src/canvas/use-lint.ts';
import { stepMarks } from '../../src/canvas/step-marks.ts';
import { stateText } from '../../src/canvas/state-meta.ts';
import { scenario } from '../app/render.tsx';
import { buildEdges } from '../../src/canvas/build-graph.ts';
import { loadEdgeRouting } from '../../src/canvas/use-edge-routing.ts';

describe('canvas helpers', () => {
  test('freeSpot moves a new step down until it sits on no other', () => {
    const s = scenario([{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b', position: { x: 0, y: 110 } }]);
    expect(freeSpot(s, { x: 10, y: 5 })).toEqual({ x: 10, y: 225 });
    expect(freeSpot(s, { x: 400, y: 0 })).toEqual({ x: 400, y: 0 });
  });

  test('lintByStep groups the engine’s warnings by step', () => {
    expect(
      lintByStep([
        { code: 'artifact-race', step: 'publish', path: 'steps[2].consumes[0]', message: 'publish may run before validate completes' },
        { code: 'retry-not-idempotent', step: 'publish', path: 'steps[2].retry', message: 'retries a non-idempotent step' },
      ]),
    ).toEqual({ publish: ['publish may run before validate completes', 'retries a non-idempotent step'] });
  });

  test('lintByStep after an edit: a step whose warnings are the same keeps its list (its node is not redrawn), a changed one gets a new list', () => {
    const race = { code: 'artifact-race', step: 'publish', path: 'steps[2].consumes[0]', message: 'publish may run before validate completes' } as const;
    const retry = { code: 'retry-not-idempotent', step: 'charge', path: 'steps[1].retry', message: 'retries a non-idempotent step' } as const;
    const before = lintByStep([race, retry]);
    const after = lintByStep([race, { ...retry, message: 'retries a non-idempotent step (POST)' }], before);
    expect(after.publish).toBe(before.publish);
    expect(after.charge).not.toBe(before.charge);
    expect(after).toEqual({ publish: [race.message], charge: ['retries a non-idempotent step (POST)'] });
  });

  test('marks say what is configured; nothing configured, no marks', () => {
    expect(stepMarks({ id: 'a' })).toEqual([]);
    expect(stepMarks({ id: 'a', join: 'any', compensation: { fail: { status: 500 } } }).map((m) => [m.icon, m.text])).toEqual([
      ['undo-fails', 'undo fails'],
      [undefined, 'any'],
    ]);
    expect(stepMarks({ id: 'a', fail: { status: 503 } })[0].title).toBe('Fails with 503 Service Unavailable');
  });

  test('state words', () => {
    expect(stateText({ state: 'running', attempt: 1, status: null })).toBe('running');
    expect(stateText({ state: 'skipped', attempt: 0, status: null })).toBe('skipped');
  });

  test('edges are plain steps until the edge router has loaded, then go around the step in their way', async () => {
    // c is right of a, and b sits on the straight line between them.
    const s = {
      ...scenario([{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b', position: { x: 260, y: 0 } }, { id: 'c', position: { x: 520, y: 0 } }]),
      dependencies: [{ from: 'a', to: 'c' }],
    };
    const inputs = { scenario: s, live: null, highlightPath: [], lint: {}, selectedStepIds: [], selectedEdge: null, renamingStepId: null, readOnly: false };
    expect(buildEdges({ ...inputs, router: null })[0].data!.route).toBeNull();
    const route = buildEdges({ ...inputs, router: await loadEdgeRouting() })[0].data!.route!;
    expect(route.length).toBeGreaterThan(2);
    // Around b (168 × 76 px at 260, 0): some point of the route is above or below it.
    expect(route.some((p) => p.y < 0 || p.y > 76)).toBe(true);
  });
});
