import type { Node } from '@xyflow/react';
import type { Group, Scenario } from '../scenario/types.ts';
import { frameNodeId } from './group-frame-id.ts';

// R18 atomic groups on the canvas: a labelled frame drawn behind each group's members. A frame
// is not a parent node (members keep their absolute positions, as the scenario stores them);
// it is a background node sized from where its members are drawn right now, so it follows a
// drag as it happens, an auto-layout and an undo. Pure: tested without a DOM.

export interface GroupFrameData extends Record<string, unknown> {
  group: Group;
  /** What the frame's tab says: the group's label, else its id. */
  label: string;
  /** The members' labels, for the accessible name. */
  members: string[];
}
export type GroupFrameNode = Node<GroupFrameData, 'groupFrame'>;

/** Space (px) between the members' boxes and the frame; the top has room for the label tab. */
export const FRAME_PAD = { side: 16, top: 38, bottom: 20 } as const;

export { frameNodeId, isFrameNodeId } from './group-frame-id.ts';

/** Where a step is drawn: its node's position and measured size. */
export interface DrawnBox {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/**
 * One frame node per group with at least one drawn member, in the groups' order, around the
 * members' boxes as `drawn` has them. `previous` (the last call's result) lets a frame whose
 * box and words are unchanged keep its object, so React Flow does not redraw it.
 */
export function buildGroupFrames(
  scenario: Pick<Scenario, 'groups' | 'steps'>,
  drawn: ReadonlyMap<string, DrawnBox>,
  fallbackSize: { width: number; height: number },
  previous: readonly GroupFrameNode[] = [],
): GroupFrameNode[] {
  const groups = scenario.groups ?? [];
  if (groups.length === 0) return previous.length === 0 ? (previous as GroupFrameNode[]) : [];
  const labels = new Map(scenario.steps.map((s) => [s.id, s.label ?? s.id]));
  const before = new Map(previous.map((n) => [n.id, n]));
  const frames: GroupFrameNode[] = [];
  for (const group of groups) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of group.steps) {
      const box = drawn.get(id);
      if (!box) continue;
      const width = box.measured?.width ?? fallbackSize.width;
      const height = box.measured?.height ?? fallbackSize.height;
      minX = Math.min(minX, box.position.x);
      minY = Math.min(minY, box.position.y);
      maxX = Math.max(maxX, box.position.x + width);
      maxY = Math.max(maxY, box.position.y + height);
    }
    if (minX === Infinity) continue;
    const x = minX - FRAME_PAD.side;
    const y = minY - FRAME_PAD.top;
    const width = maxX - minX + 2 * FRAME_PAD.side;
    const height = maxY - minY + FRAME_PAD.top + FRAME_PAD.bottom;
    const label = group.label ?? group.id;
    const members = group.steps.map((id) => labels.get(id) ?? id);
    const id = frameNodeId(group.id);
    const old = before.get(id);
    if (
      old &&
      old.data.group === group &&
      old.position.x === x &&
      old.position.y === y &&
      old.width === width &&
      old.height === height &&
      old.data.members.join('\n') === members.join('\n')
    ) {
      frames.push(old);
      continue;
    }
    frames.push({
      id,
      type: 'groupFrame',
      position: { x, y },
      width,
      height,
      measured: { width, height },
      // Behind the steps and their edges; never selected, dragged or tabbed to: the inspector
      // edits a group (select its steps), and the steps stay reachable through it.
      zIndex: -1,
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      ariaLabel: `Atomic group ${label}: ${members.join(', ')}`,
      // A labelled group to assistive technology, not a step: no step's keyboard instructions.
      ariaRole: 'group',
      domAttributes: { 'aria-roledescription': 'atomic group', 'aria-describedby': undefined },
      data: { group, label, members },
    });
  }
  return frames;
}
