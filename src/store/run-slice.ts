import type { RunResult } from '../engine/types.ts';
import type { SliceCreator } from './store.ts';

export interface RunSlice {
  run: RunResult | null;
  /** Index into run.events: the moment the canvas and panels show. */
  cursor: number;
}

export const createRunSlice: SliceCreator<RunSlice> = () => ({
  run: null,
  cursor: 0,
});
