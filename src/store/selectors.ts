import type { RippleState } from './store.ts';
import type { LiveStepView } from './run-slice.ts';

// OWNER: playback engineer. Module-level selectors; memoised so components re-render only
// when what they read changes.

/** Each step's state at the cursor, or null when there is no run (the canvas shows the design). */
export function selectLiveStates(_state: RippleState): Record<string, LiveStepView> | null {
  return null;
}
