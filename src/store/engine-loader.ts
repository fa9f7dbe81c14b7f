import type { simulate } from '../engine/simulate.ts';
import type { replay } from '../engine/replay.ts';
import type { planReplay } from '../engine/replay-plan.ts';
import type { diffRuns, summarizeDiff, summaryWithWhySame } from '../engine/compare.ts';
import type { checkFix, findCause, gradePredictions } from '../engine/grade.ts';
import type { createCompareWorkings } from './compare-session.ts';

// The engine's running half (simulate, replay, the compare of two runs) is loaded on the first
// run, not with the page: the first canvas needs only the scenario and its lint (issue #15).
// Runs happen in a worker (src/worker/); the page needs the engine itself for a replay, a
// compare, a lesson's grade, and a run when the worker fails.

/** What the store runs through the lazily loaded engine. */
export interface RunEngine {
  simulate: typeof simulate;
  replay: typeof replay;
  /** The plan a "Replay from failed step" draft shows before it runs (with the engine: not needed for the first canvas). */
  planReplay: typeof planReplay;
  diffRuns: typeof diffRuns;
  summarizeDiff: typeof summarizeDiff;
  /** The summary with why B ran like A, when it did for a plain reason (compare mode). */
  summaryWithWhySame: typeof summaryWithWhySame;
  /** A lesson's grading (issue #12): it needs a run, so it comes with the engine. */
  gradePredictions: typeof gradePredictions;
  findCause: typeof findCause;
  checkFix: typeof checkFix;
  /** Compare mode's workings (src/store/compare-session.ts): they only run with the engine. */
  createCompareWorkings: typeof createCompareWorkings;
}

let loaded: RunEngine | null = null;
let loading: Promise<RunEngine> | null = null;

/** The engine if it has been loaded already, else null (then `loadEngine`). */
export function loadedEngine(): RunEngine | null {
  return loaded;
}

/**
 * Loads the engine once; later calls share the same promise. Rejects when its chunk cannot be
 * loaded (a later call tries again).
 */
export function loadEngine(): Promise<RunEngine> {
  loading ??= Promise.all([
    import('../engine/simulate.ts'),
    import('../engine/replay.ts'),
    import('../engine/replay-plan.ts'),
    import('../engine/compare.ts'),
    import('../engine/grade.ts'),
    import('./compare-session.ts'),
  ]).then(
    ([s, r, p, c, g, w]) =>
      (loaded = {
        simulate: s.simulate,
        replay: r.replay,
        planReplay: p.planReplay,
        diffRuns: c.diffRuns,
        summarizeDiff: c.summarizeDiff,
        summaryWithWhySame: c.summaryWithWhySame,
        gradePredictions: g.gradePredictions,
        findCause: g.findCause,
        checkFix: g.checkFix,
        createCompareWorkings: w.createCompareWorkings,
      }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
