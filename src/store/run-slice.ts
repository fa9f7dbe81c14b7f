import type { LiveState, RunResult } from '../engine/types.ts';
import type { SliceCreator } from './store.ts';

// OWNER: playback engineer. Contract others rely on: `run`, `cursor`, `highlightPath`,
// `runScenario`, and `selectLiveStates` in selectors.ts (what the canvas draws).
export interface RunSlice {
  run: RunResult | null;
  /** Index into run.events: the moment the canvas and panels show. */
  cursor: number;
  /** Steps and edges of the "Why 424?" chain, highlighted on the canvas. */
  highlightPath: string[];
  runScenario: () => void;
  setCursor: (cursor: number) => void;
}

export interface LiveStepView {
  state: LiveState;
  attempt: number;
  status: number | null;
}

export const createRunSlice: SliceCreator<RunSlice> = (set) => ({
  run: null,
  cursor: 0,
  highlightPath: [],
  runScenario: () => {},
  setCursor: (cursor) => set({ cursor }),
});
