import { describe, expect, test } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { StepCanvas } from '../../src/canvas/StepCanvas.tsx';
import { buildGroupFrames, FRAME_PAD, frameNodeId, type DrawnBox } from '../../src/canvas/group-frames.ts';
import { finallySteps, stepMarks } from '../../src/canvas/step-marks.ts';
import { buildNodes, nodeAriaLabel } from '../../src/canvas/build-graph.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { renderWithStore, scenario } from '../app/render.tsx';

// Scenario version 2 on the canvas (issue #10): finally steps carry a badge, a success status
// other than 200 is a chip, and an atomic group is a labelled frame around its members that
// follows them when they move.

const SIZE = { width: 168, height: 76 };

/** deploy → smoke-test, both in the "Release" group; teardown runs always after smoke-test. */
function release(): Scenario {
  const s = scenario(
    [
      { id: 'deploy', label: 'Deploy', successStatus: 201, position: { x: 0, y: 0 } },
      { id: 'smoke-test', label: 'Smoke test', position: { x: 220, y: 40 } },
      { id: 'teardown', label: 'Tear down', successStatus: 204, position: { x: 500, y: 0 } },
    ],
    [['deploy', 'smoke-test'], ['smoke-test', 'teardown']],
    { groups: [{ id: 'release', label: 'Release', steps: ['deploy', 'smoke-test'] }] },
  );
  s.dependencies[1] = { ...s.dependencies[1], on: 'always' };
  return s;
}

describe('what the canvas knows about version 2', () => {
  test('a finally step has every incoming dependency on always, at least one', () => {
    const s = release();
    expect([...finallySteps(s)]).toEqual(['teardown']);
    // One `success` edge beside the `always` one: not a finally step.
    const mixed: Scenario = { ...s, dependencies: [...s.dependencies, { from: 'deploy', to: 'teardown' }] };
    expect([...finallySteps(mixed)]).toEqual([]);
  });

  test('success status and when marks say the code with its reason and the condition', () => {
    expect(stepMarks({ id: 'a', successStatus: 201 }).map((m) => [m.kind, m.text, m.title])).toEqual([['success-status', '201 Created', 'Answers 201 Created when it succeeds']]);
    expect(stepMarks({ id: 'a', successStatus: 204 })[0].title).toBe('Answers 204 No Content when it succeeds (no body)');
    expect(stepMarks({ id: 'a', successStatus: 200 })).toEqual([]);
    expect(stepMarks({ id: 'a', when: 'b.Failed' }).map((m) => m.title)).toEqual(['Runs when b.Failed']);
  });

  test('a frame surrounds its drawn members with room for its label, and keeps its object while nothing moved', () => {
    const s = release();
    const drawn = new Map<string, DrawnBox>([
      ['deploy', { position: { x: 0, y: 0 }, measured: SIZE }],
      ['smoke-test', { position: { x: 220, y: 40 }, measured: SIZE }],
    ]);
    const [frame] = buildGroupFrames(s, drawn, SIZE);
    expect(frame.id).toBe(frameNodeId('release'));
    expect(frame.position).toEqual({ x: -FRAME_PAD.side, y: -FRAME_PAD.top });
    expect([frame.width, frame.height]).toEqual([220 + 168 + 2 * FRAME_PAD.side, 40 + 76 + FRAME_PAD.top + FRAME_PAD.bottom]);
    expect(frame.ariaLabel).toBe('Atomic group Release: Deploy, Smoke test');
    expect(frame.selectable).toBe(false);
    expect(buildGroupFrames(s, drawn, SIZE, [frame])[0]).toBe(frame);
    // A member dragged down 100 px: the frame grows with it.
    drawn.set('smoke-test', { position: { x: 220, y: 140 }, measured: SIZE });
    expect(buildGroupFrames(s, drawn, SIZE, [frame])[0].height).toBe(frame.height! + 100);
  });

  test('the node’s accessible name says it is a finally step', () => {
    const nodes = buildNodes({ scenario: release(), live: null, highlightPath: [], lint: {}, selectedStepIds: [], selectedEdge: null, renamingStepId: null, readOnly: false });
    // The name StepNode gives the node's wrapper, from what the node was built with.
    const name = (id: string) => {
      const { step, live, lint, replay, replayWarnings, isFinally } = nodes.find((n) => n.id === id)!.data;
      return nodeAriaLabel(step, live, lint, replay, replayWarnings, isFinally);
    };
    expect(name('teardown')).toMatch(/^Tear down\. Finally: runs once its prerequisites are finished/);
    expect(name('deploy')).not.toMatch(/Finally/);
  });
});

describe('the canvas draws them', () => {
  test('the group frame with its label, the finally badge and the success chips', async () => {
    const { store } = renderWithStore(
      <div style={{ width: 1200, height: 700 }}>
        <StepCanvas colorMode="light" />
      </div>,
      { scenario: release() },
    );
    const frame = await screen.findByTestId('group-frame-release');
    expect(frame).toHaveTextContent('Releaseall or nothing');
    expect(await screen.findByTestId('node-finally')).toHaveTextContent('finally');
    expect(screen.getByTestId('step-node-teardown')).toContainElement(screen.getByTestId('node-finally'));
    expect(screen.getByTestId('step-node-deploy').querySelector('[data-mark="success-status"]')).toHaveTextContent('201 Created');
    expect(screen.getByTestId('step-node-teardown').querySelector('[data-mark="success-status"]')).toHaveTextContent('204 No Content');
    // The frame is never a step: it is out of the Tab order and not selectable.
    const wrapper = frame.closest('.react-flow__node')!;
    expect(wrapper).not.toHaveAttribute('tabindex');
    // Removing the group takes the frame away; undo brings it back.
    act(() => void store.getState().removeGroup('release'));
    await waitFor(() => expect(screen.queryByTestId('group-frame-release')).toBeNull());
    act(() => store.getState().undo());
    expect(await screen.findByTestId('group-frame-release')).toBeInTheDocument();
  });
});
