import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GroupFrameNode } from './group-frames.ts';
import './groups.css';

// The canvas loads the frames' model with their view, as one chunk (StepCanvas.tsx `groupFrames`).
export { buildGroupFrames } from './group-frames.ts';

// An atomic group (R18) on the canvas: a frame around its members with a tab naming it. The
// words "all or nothing" say what the frame means without the legend.
export const GroupFrame = memo(function GroupFrame({ data }: NodeProps<GroupFrameNode>) {
  return (
    <div className="group-frame" data-testid={`group-frame-${data.group.id}`} title={`Atomic group: ${data.members.join(', ')} commit together or not at all`}>
      <div className="group-frame__tab">
        <span className="group-frame__label">{data.label}</span>
        <span className="group-frame__kind">all or nothing</span>
      </div>
    </div>
  );
});
