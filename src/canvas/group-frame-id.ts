// A group frame's node id, kept apart from the frames themselves (group-frames.ts, a chunk of
// its own loaded only for a scenario with groups): the canvas tells a frame's node changes from
// a step's before any frame is loaded.

/** Step ids match [A-Za-z0-9._-] (validate.ts ID_PATTERN), so a `:` never clashes with a step. */
const FRAME_PREFIX = 'group-frame:';
/** The node id of group `groupId`'s frame, e.g. `frameNodeId('release')` → `'group-frame:release'`. */
export const frameNodeId = (groupId: string) => `${FRAME_PREFIX}${groupId}`;
/** Whether a canvas node id is a group frame's, not a step's. */
export const isFrameNodeId = (id: string) => id.startsWith(FRAME_PREFIX);
