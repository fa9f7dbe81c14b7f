import type { diffRuns, summarizeDiff, summaryWithWhySame } from '../engine/compare.ts';
import type { replay } from '../engine/replay.ts';
import type { simulate } from '../engine/simulate.ts';
import type { RunResult } from '../engine/types.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import { buildTimeline } from './timeline.ts';
import { checkBoth, prefixed } from './compare-check.ts';
import type { CompareSession, CompareSlice, OpenCompareOptions, RippleState, RippleStore, RippleStoreOptions, RunSegment } from './types.ts';
import type { StoreApi } from 'zustand/vanilla';

// The workings of compare mode, loaded with the engine (src/store/engine-loader.ts), not with
// the page (issue #15); compare-slice.ts holds its state and hands its actions here.
//
// Compare mode (issue #13): scenario A (the editor's) and B, both run, each in a store of its
// own so the canvas, "Why 424?" and the responses of either side are the very components the
// editor uses, mounted under that side's provider. One playhead drives both: the shared clock
// runs to the longer of the two and each side stands at min(time, its own end). Selecting a
// step on either side selects it on both.

type RunOutcome = { ok: true; runA: RunResult; segmentsB: Omit<RunSegment, 'offset' | 'firstIndex'>[] } | { ok: false; problems: Problem[] };

/** The part of the lazily loaded engine (engine-loader.ts's RunEngine) compare mode runs with; named here so the two modules do not import each other. */
type CompareEngine = {
  simulate: typeof simulate;
  replay: typeof replay;
  diffRuns: typeof diffRuns;
  summarizeDiff: typeof summarizeDiff;
  summaryWithWhySame: typeof summaryWithWhySame;
};

function runBoth({ simulate, replay }: CompareEngine, a: Scenario, b: Scenario, asReplay: boolean): RunOutcome {
  const checked = checkBoth(a, b);
  if (!checked.ok) return checked;
  const checkedA = { scenario: checked.a };
  const checkedB = { scenario: checked.b };
  const runA = simulate(checkedA.scenario);
  if (!asReplay) return { ok: true, runA, segmentsB: [{ kind: 'run', result: simulate(checkedB.scenario), scenario: b }] };
  const replayed = replay(checkedB.scenario, runA);
  if (!replayed.ok) return { ok: false, problems: prefixed('B', replayed.error) };
  const { run, plan } = replayed.value;
  return {
    ok: true,
    runA,
    segmentsB: [
      { kind: 'run', result: runA, scenario: a },
      { kind: 'replay', result: run, scenario: b, from: plan.from, plan },
    ],
  };
}

/** Puts a run on a side's store, through the run slice's own timeline builder, paused at 0. */
function loadRun(store: RippleStore, segments: Omit<RunSegment, 'offset' | 'firstIndex'>[]): void {
  const built = buildTimeline(segments);
  store.setState({
    ...built,
    run: segments[0].result,
    cursor: 0,
    time: 0,
    playing: false,
    runProblems: null,
    replayDraft: null,
    replayProblems: null,
    panelTab: 'run',
  });
}

/** The run B is compared by: its replay when it has one, else its run. */
function resultOf(store: RippleStore): RunResult {
  const { segments } = store.getState();
  return segments[segments.length - 1].result;
}

/** What compare-slice.ts hands on once the engine is here: every action but the plain state and close. */
export type CompareWorkings = Omit<CompareSlice, 'compare' | 'compareProblems' | 'closeCompare' | 'openCompare' | 'rerunCompare'> & {
  /** Check and run A and B, and open the session; false, with `compareProblems`, when it cannot. */
  start: (a: Scenario, b: Scenario, options: OpenCompareOptions) => boolean;
};

/**
 * Compare mode's actions on the editor's store. `makeStore` builds each side's store
 * (store.ts passes `createRippleStore`; taking it as an argument keeps this module from
 * importing store.ts, which imports the slice).
 */
export function createCompareWorkings(
  makeStore: (options: RippleStoreOptions) => RippleStore,
  engine: CompareEngine,
  set: StoreApi<RippleState>['setState'],
  get: StoreApi<RippleState>['getState'],
): CompareWorkings {
  const update = (patch: Partial<CompareSession>) => {
    const session = get().compare;
    if (session) set({ compare: { ...session, ...patch } });
  };

  /** Both sides to `time` (each clamps to its own end), and the shared playhead. */
  const seek = (time: number, extra: Partial<CompareSession> = {}) => {
    const session = get().compare;
    if (!session) return;
    const clamped = Math.min(Math.max(0, time), session.duration);
    for (const side of [session.a, session.b]) side.store.getState().seekTime(clamped);
    update({ time: clamped, ...extra });
  };

  /**
   * Selecting on one side selects on both. The sides' stores are the editor's own, so their
   * selection actions are wrapped here rather than taught about comparisons: each calls the
   * store's original action, then `compareSelect` brings the other side (and the session) along.
   */
  const linkSelection = (stores: RippleStore[]) => {
    for (const store of stores) {
      const { selectStep, setSelection } = store.getState();
      store.setState({
        selectStep: (id) => {
          selectStep(id);
          get().compareSelect(id, store);
        },
        setSelection: (ids, edge) => {
          setSelection(ids, edge);
          get().compareSelect(store.getState().selectedStepId, store);
        },
      });
    }
  };

  const start = (a: Scenario, b: Scenario, options: OpenCompareOptions): boolean => {
    const { diffRuns, summarizeDiff, summaryWithWhySame } = engine;
    const outcome = runBoth(engine, a, b, options.replay === true);
    if (!outcome.ok) {
      set({ compareProblems: outcome.problems });
      return false;
    }
    const storeA = makeStore({ scenario: a, readOnly: true });
    const storeB = makeStore({ scenario: b, readOnly: !options.editable });
    loadRun(storeA, [{ kind: 'run', result: outcome.runA, scenario: a }]);
    loadRun(storeB, outcome.segmentsB);
    linkSelection([storeA, storeB]);
    const diff = diffRuns(outcome.runA, resultOf(storeB));
    const previous = get().compare;
    set({
      compareProblems: null,
      compare: {
        a: { store: storeA, label: 'A' },
        b: { store: storeB, label: options.label },
        replay: options.replay === true,
        editable: options.editable === true,
        diff,
        summary: summaryWithWhySame(summarizeDiff(diff), diff, a, outcome.runA, b),
        time: 0,
        duration: Math.max(storeA.getState().duration, storeB.getState().duration),
        playing: options.at === undefined,
        speed: previous?.speed ?? 1,
        selectedStepId: null,
      },
    });
    if (options.at !== undefined) seek(options.at);
    const select = options.select ?? previous?.selectedStepId ?? null;
    if (select !== null) get().compareSelect(select);
    return true;
  };

  return {
    start,
    compareSeek: (time) => seek(time),
    compareTick: (time, moveSides = true) => {
      const session = get().compare;
      if (!session) return;
      if (time >= session.duration) seek(session.duration, { playing: false });
      else if (moveSides) seek(time);
      else update({ time: Math.max(0, time) });
    },
    comparePlay: () => {
      const session = get().compare;
      if (!session) return;
      // Play at the end starts over, like a media player.
      if (session.time >= session.duration) seek(0, { playing: true });
      else update({ playing: true });
    },
    comparePause: () => update({ playing: false }),
    compareTogglePlay: () => (get().compare?.playing ? get().comparePause() : get().comparePlay()),
    compareSetSpeed: (speed) => update({ speed }),

    compareStep: (direction) => {
      const session = get().compare;
      if (!session) return;
      const moments = [...new Set([session.a, session.b].flatMap((side) => side.store.getState().timeline.map((e) => e.at)))].sort((x, y) => x - y);
      const { time } = session;
      const target = direction === 1 ? moments.find((at) => at > time) : moments.findLast((at) => at < time);
      if (target !== undefined) seek(target, { playing: false });
    },

    compareSelect: (id, from) => {
      const session = get().compare;
      if (!session) return;
      for (const side of [session.a, session.b]) {
        const state = side.store.getState();
        const target = id !== null && state.scenario.steps.some((s) => s.id === id) ? id : null;
        // The other side's canvas brings the step into view, as for a step picked in a panel:
        // the person is looking at the side they picked on, and the step may be off screen here.
        const reveal = target !== null && side.store !== from ? { revealSeq: state.revealSeq + 1 } : {};
        // The store's own update (not the wrapped action), so the sides do not call each other back.
        if (state.selectedStepId !== target || state.selectedStepIds.length !== (target === null ? 0 : 1)) {
          side.store.setState({ selectedStepId: target, selectedStepIds: target === null ? [] : [target], selectedEdge: null, ...reveal });
        } else if ('revealSeq' in reveal) side.store.setState(reveal);
      }
      if (session.selectedStepId !== id) update({ selectedStepId: id });
    },
  };
}
