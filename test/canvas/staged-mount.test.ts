import { expect, test } from 'vitest';
import { MOUNT_STEPS_PER_PICTURE, stagedMount } from '../../src/canvas/staged-mount.ts';

// A 100-step chain opened on its start: the first picture mounts the start alone, each later
// one MOUNT_STEPS_PER_PICTURE more steps, an edge with the later of its ends, then everything.
const steps = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, type: 'step' }));
const frame = { id: 'frame:g', type: 'groupFrame' };
const nodes = [frame, ...steps];
const edges = steps.slice(1).map((s, i) => ({ source: steps[i].id, target: s.id }));
const start = steps.slice(0, 4).map(({ id }) => ({ id }));

test('a 100-step chain shown from its start mounts s0–s3 first, then 25 more steps a picture, each edge with its later end', () => {
  const first = stagedMount(nodes, edges, start, 0)!;
  expect(first.nodes.map((n) => n.id)).toEqual(['frame:g', 's0', 's1', 's2', 's3']);
  expect(first.edges.map((e) => e.target)).toEqual(['s1', 's2', 's3']);
  const second = stagedMount(nodes, edges, start, 1)!;
  expect(second.nodes).toHaveLength(1 + 4 + MOUNT_STEPS_PER_PICTURE);
  expect(second.nodes.at(-1)!.id).toBe('s28');
  expect(second.edges).toHaveLength(28);
  expect(stagedMount(nodes, edges, start, 3)!.nodes.at(-1)!.id).toBe('s78');
  // The fourth picture after the first holds every step: nothing is held back any more.
  expect(stagedMount(nodes, edges, start, 4)).toBeNull();
});

test('a graph shown whole (no start) is never staged', () => {
  expect(stagedMount(nodes, edges, undefined, 0)).toBeNull();
});
