import { expect, test } from 'vitest';
import { MOUNT_OFF_VIEW_STEPS_PER_PICTURE, MOUNT_STEPS_PER_PICTURE, nearStart, stagedMount } from '../../src/canvas/staged-mount.ts';

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

// A 2,000-step chain, drawn only where it is in view (over VISIBLE_ONLY_ABOVE steps), one step
// every 240 px: React Flow takes the steps near its start first, then 400 more a picture.
const size = { width: 220, height: 76 };
const chain = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, type: 'step', position: { x: i * 240, y: 0 } }));
const chainEdges = chain.slice(1).map((s, i) => ({ source: chain[i].id, target: s.id }));
const chainStart = chain.slice(0, 4).map(({ id }) => ({ id }));

test('the steps near a large graph’s start: the start and those within a view at the fit’s lowest zoom of it, not the far ones', () => {
  const near = nearStart(chain, chainStart, { width: 1280, height: 720 }, { minZoom: 0.6 }, size).map((n) => n.id);
  // The start spans x 0–720; a 1,280 px view at zoom 0.6 is 2,133 flow px, plus a step's width.
  expect(near).toEqual(chain.filter((s) => s.position.x <= 720 + 1280 / 0.6 + size.width).map((s) => s.id));
  expect(near.slice(0, 4)).toEqual(['c0', 'c1', 'c2', 'c3']);
  expect(near.length).toBeLessThan(20);
  // A step without a place yet is kept (its place is not known, so neither is whether it is in view).
  const unplaced = [...chain.slice(0, 10), { id: 'loose', type: 'step' }];
  expect(nearStart(unplaced, chainStart, { width: 1280, height: 720 }, { minZoom: 0.6 }, size).map((n) => n.id)).toContain('loose');
});

test('a 2,000-step graph drawn only where it is in view is given to React Flow from its start, 400 steps a picture, until every step is there', () => {
  const near = nearStart(chain, chainStart, { width: 1280, height: 720 }, { minZoom: 0.6 }, size);
  const first = stagedMount(chain, chainEdges, near, 0, MOUNT_OFF_VIEW_STEPS_PER_PICTURE)!;
  expect(first.nodes.map((n) => n.id)).toEqual(near.map((n) => n.id));
  expect(first.edges).toHaveLength(near.length - 1);
  const second = stagedMount(chain, chainEdges, near, 1, MOUNT_OFF_VIEW_STEPS_PER_PICTURE)!;
  expect(second.nodes).toHaveLength(near.length + MOUNT_OFF_VIEW_STEPS_PER_PICTURE);
  // In the canvas's order: the next 400 steps of the chain, each edge with its later end.
  expect(second.nodes.at(-1)!.id).toBe(`c${near.length + MOUNT_OFF_VIEW_STEPS_PER_PICTURE - 1}`);
  expect(second.edges).toHaveLength(second.nodes.length - 1);
  const pictures = Math.ceil((chain.length - near.length) / MOUNT_OFF_VIEW_STEPS_PER_PICTURE);
  expect(stagedMount(chain, chainEdges, near, pictures - 1, MOUNT_OFF_VIEW_STEPS_PER_PICTURE)).not.toBeNull();
  expect(stagedMount(chain, chainEdges, near, pictures, MOUNT_OFF_VIEW_STEPS_PER_PICTURE)).toBeNull();
});
