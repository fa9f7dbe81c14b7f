import { checkBoth, prefixed } from './compare-check.ts';
import { loadedEngine, loadEngine } from './engine-loader.ts';
import type { CompareWorkings } from './compare-session.ts';
import type { Scenario } from '../scenario/types.ts';
import type { CompareSlice, OpenCompareOptions, RippleStore, RippleStoreOptions, SliceCreator } from './types.ts';

export type { CompareSession, CompareSide, CompareSlice, OpenCompareOptions } from './types.ts';
export { checkBoth, prefixed };

// Compare mode (issue #13): scenario A (the editor's) and B, both run, each in a store of its
// own so the canvas, "Why 424?" and the responses of either side are the very components the
// editor uses, mounted under that side's provider. One playhead drives both. This slice holds
// the state; the workings (compare-session.ts) run with the engine, so they load with it on
// the first run or compare, not with the page (issue #15).

/**
 * The compare slice. `makeStore` builds each side's store (store.ts passes `createRippleStore`;
 * taking it as an argument keeps this module from importing store.ts, which imports it).
 */
export function createCompareSlice(makeStore: (options: RippleStoreOptions) => RippleStore): SliceCreator<CompareSlice> {
  return (set, get) => {
    let workings: CompareWorkings | null = null;
    /** The workings once the engine has loaded (a session only exists after that), else null. */
    const ready = (): CompareWorkings | null => {
      const engine = loadedEngine();
      if (engine) workings ??= engine.createCompareWorkings(makeStore, engine, set, get);
      return workings;
    };

    const start = (a: Scenario, b: Scenario, options: OpenCompareOptions): boolean => {
      const now = ready();
      if (now) return now.start(a, b, options);
      const checked = checkBoth(a, b);
      if (!checked.ok) {
        set({ compareProblems: checked.problems });
        return false;
      }
      // The engine is loaded on the first run or compare (issue #15); the compare opens when it arrives.
      loadEngine().then(
        () => start(a, b, options),
        (error: unknown) => {
          const message = `Ripple could not load its engine (${error instanceof Error ? error.message : 'unknown error'}); reload the page to compare.`;
          set({ compareProblems: [{ code: 'internal', path: '', message }] });
        },
      );
      return true;
    };

    return {
      compare: null,
      compareProblems: null,

      openCompare: (b, options) => start(get().scenario, b, options),

      rerunCompare: () => {
        const session = get().compare;
        if (!session) return false;
        return start(session.a.store.getState().scenario, session.b.store.getState().scenario, {
          label: session.b.label,
          replay: session.replay,
          editable: session.editable,
        });
      },

      closeCompare: () => set({ compare: null, compareProblems: null }),

      // Without a session (so possibly without the workings) these have nothing to move.
      compareSeek: (time) => ready()?.compareSeek(time),
      compareTick: (time, moveSides) => ready()?.compareTick(time, moveSides),
      comparePlay: () => ready()?.comparePlay(),
      comparePause: () => ready()?.comparePause(),
      compareTogglePlay: () => ready()?.compareTogglePlay(),
      compareSetSpeed: (speed) => ready()?.compareSetSpeed(speed),
      compareStep: (direction) => ready()?.compareStep(direction),
      compareSelect: (id, from) => ready()?.compareSelect(id, from),
    };
  };
}
