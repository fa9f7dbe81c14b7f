import type { RunEvent, RunResult } from '../engine/types.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import { GATE_NOT_LOADED, loadScenarioGate, validate, validateLoaded } from '../scenario/gate-loader.ts';
import { loadedEngine, loadEngine } from './engine-loader.ts';
import { hasIfConditions } from '../scenario/has-if.ts';
import { loadConditionCompiler, loadedConditionCompiler, type ConditionCompiler } from '../scenario/conditions-loader.ts';
import type { CompiledConditions } from '../scenario/dialects/scenario-conditions.ts';
import type { RippleState, RippleStoreOptions, RunSlice, SliceCreator, Speed } from './types.ts';

// OWNER: playback engineer. Contract others rely on: `run`, `cursor`, `runScenario`, and
// `selectLiveStates` / `selectReplayMarks` / `selectHighlightPath` in selectors.ts (what the canvas draws).
//
// The store holds *where* playback is (cursor, virtual time, playing, speed); the clock that
// moves it lives in a hook (src/panels/usePlayback.ts), so this slice runs in Node for tests.

/** The playback speeds offered, slowest first. */
export const SPEEDS: readonly Speed[] = [0.25, 0.5, 1, 2, 4];

/** Event types the "previous / next failure" jumps stop at. */
/** The problem shown when the engine's chunk did not load (offline after a deploy). */
function engineNotLoaded(error: unknown): Problem {
  return { code: 'internal', path: '', message: `Ripple could not load its engine (${error instanceof Error ? error.message : 'unknown error'}).` };
}

export function isFailureEvent(event: RunEvent): boolean {
  return event.type === 'failed' || event.type === 'timed-out' || event.type === 'blocked' || event.type === 'compensation-failed';
}

import { buildTimeline, indexAtTime } from './timeline.ts';

export { buildTimeline, indexAtTime };

const NO_CONDITIONS: CompiledConditions = { ok: true, options: {}, warnings: [] };

/**
 * Issue #11: the scenario's `if`s compiled for `simulate` / `replay` (none: no options). The
 * compiler is loaded with `loadConditionCompiler` (a lazy chunk) before this is called for a
 * scenario that has an `if`; `compiler` is null only when it has none.
 */
function conditionsOf(scenario: Scenario, compiler: ConditionCompiler | null): CompiledConditions {
  return compiler && hasIfConditions(scenario) ? compiler(scenario) : NO_CONDITIONS;
}

/** The compiler a run of `scenario` needs: null when it has no `if`, a promise while it loads. */
function compilerFor(scenario: Scenario): ConditionCompiler | null | Promise<ConditionCompiler> {
  if (!hasIfConditions(scenario)) return null;
  return loadedConditionCompiler() ?? loadConditionCompiler();
}

/** Where a run is shown when it arrives (`show`), and whether its start waits for a task of its own (`startRun`). */
interface RunMoment {
  at?: number;
  play: boolean;
  later?: boolean;
}

/** Playback with no run. Fresh arrays each time, so a store's timeline is never another store's. */
function noRun() {
  return {
    run: null,
    segments: [],
    timeline: [],
    duration: 0,
    cursor: 0,
    time: 0,
    playing: false,
    running: false,
    replayDraft: null,
    replayProblems: null,
  } satisfies Partial<RunSlice>;
}

/**
 * The run slice. With `options.simulateOffThread` a run is made in a worker: `running` is true
 * until its result arrives, and a result that arrives after the run was cleared, another
 * scenario loaded or another Run pressed is dropped. If the worker fails, the run is made here.
 */
export const createRunSlice = (
  options: Pick<RippleStoreOptions, 'simulateOffThread'> = {},
  /**
   * Works out, ahead of the update that shows a run, what the page draws of that state (the
   * store passes the canvas's memoised live states, `selectLiveStates`: this module cannot import
   * the selectors, which import it).
   */
  drawAhead: (state: RippleState) => void = () => undefined,
): SliceCreator<RunSlice> => (set, get) => {
  // Increases with every run started or cleared: a result is shown only for the latest.
  let generation = 0;

  /** A run starts: a notice about a run that is not shown ("press Run to run this one") is done with. Other notices stay. */
  const starting = (): Partial<RippleState> => (get().notice?.untilRun ? { notice: null } : {});

  /**
   * The state that shows a run: playing from its first event, or paused (unless `moment.play`)
   * at `moment.at`. Set in one update, so what the playhead shows is worked out once, for the
   * moment shown: a run at its work budget has 25,000 events, and each playhead position costs
   * the canvas's live states a walk over them (issue #9 item 3).
   */
  const shown = (result: RunResult, scenario: Scenario, moment?: RunMoment) => {
    const built = buildTimeline([{ kind: 'run', result, scenario }]);
    const playing = built.timeline.length > 1 && (moment === undefined || moment.play);
    let place = { cursor: 0, time: 0 };
    if (moment?.at !== undefined && built.timeline.length > 0) {
      const time = Math.min(Math.max(0, moment.at), built.duration);
      place = { cursor: indexAtTime(built.timeline, time), time };
    }
    // Run pressed shows the Run tab; a moment (openMoment) picks its tab once it is shown, and
    // leaves one the person picked meanwhile.
    return { ...noRun(), ...built, ...place, run: result, runProblems: null, playing, ...(moment === undefined ? { panelTab: 'run' as const } : {}) };
  };

  /**
   * Validates and runs the scenario, then calls `then` once the result is shown (at once when
   * simulating here), at `moment` when given. False when the scenario cannot run (`runProblems`
   * says why). With `moment.later`, a run made off the page is checked and sent in a task of its
   * own: a link opened at a moment has just checked and laid out its scenario in this one.
   */
  const startRun = (then: () => void = () => undefined, moment?: RunMoment): boolean => {
    const { scenario } = get();
    if (!validateLoaded()) {
      // Pressed in the moment after the first paint, before the checks' chunk arrived: run once it has.
      const mine = ++generation;
      set({ running: true, runProblems: null, ...starting() });
      loadScenarioGate().then(
        () => {
          if (mine !== generation) return;
          set({ running: false });
          if (get().scenario === scenario) startRun(then, moment);
        },
        () => {
          if (mine === generation) set({ running: false, runProblems: [GATE_NOT_LOADED] });
        },
      );
      return true;
    }
    if (moment?.later && options.simulateOffThread) {
      const mine = ++generation;
      set({ running: true, runProblems: null, ...starting() });
      setTimeout(() => {
        if (mine !== generation) return;
        if (get().scenario !== scenario) set({ running: false });
        else if (!startRun(then, { ...moment, later: false })) {
          set({ running: false });
          then();
        }
      }, 0);
      return true;
    }
    const checked = validate(scenario);
    if (!checked.ok) {
      set({ runProblems: checked.problems });
      return false;
    }
    if (checked.scenario.steps.length === 0) {
      set({ runProblems: [{ code: 'missing-field', path: 'steps', message: 'Add a step before running: there is nothing to simulate yet.' }] });
      return false;
    }
    const mine = ++generation;
    const offThread = options.simulateOffThread;
    const engine = loadedEngine();
    const compiler = compilerFor(checked.scenario);
    if (!offThread && engine && !(compiler instanceof Promise)) {
      const conditions = conditionsOf(checked.scenario, compiler);
      if (!conditions.ok) {
        set({ runProblems: conditions.problems });
        return false;
      }
      set({ ...shown(engine.simulate(checked.scenario, conditions.options), scenario, moment), ...starting() });
      then();
      return true;
    }
    set({ running: true, runProblems: null, ...starting() });
    // A result that arrives is shown in a task after the one that lays it out and works out the
    // canvas's live states at the moment shown (memoised on the timeline, so the update that
    // shows it finds them): the page is held for the canvas's redraw alone (issue #9 item 3).
    const finish = (result: RunResult) => {
      if (mine !== generation) return;
      const next = shown(result, scenario, moment);
      drawAhead({ ...get(), timeline: next.timeline, segments: next.segments, cursor: next.cursor });
      setTimeout(() => {
        if (mine !== generation) return;
        set(next);
        then();
      }, 0);
    };
    const simulateHere = () =>
      Promise.all([loadEngine(), compiler]).then(
        ([loaded, loadedCompiler]) => {
          if (mine !== generation) return;
          const conditions = conditionsOf(checked.scenario, loadedCompiler);
          if (conditions.ok) finish(loaded.simulate(checked.scenario, conditions.options));
          else set({ running: false, runProblems: conditions.problems });
        },
        (error: unknown) => {
          if (mine !== generation) return;
          const message = `Ripple could not load its engine (${error instanceof Error ? error.message : 'unknown error'}); reload the page to run.`;
          set({ running: false, runProblems: [{ code: 'internal', path: '', message }] });
        },
      );
    if (!offThread) {
      void simulateHere();
      return true;
    }
    // A replay or a compare after this run needs the engine on this page: load it meanwhile, in
    // a task of its own (its chunks' preload tags are not free on a busy page).
    setTimeout(() => loadEngine().catch(() => undefined), 0);
    // The same for the compiler of the `if`s (the worker compiles its own); a failed load is retried by the replay.
    if (compiler instanceof Promise) compiler.catch(() => undefined);
    // No worker (blocked, crashed): the run is still owed, made here.
    offThread(checked.scenario).then(finish, simulateHere);
    return true;
  };

  const moveTo = (cursor: number, extra: Partial<RunSlice> = {}) => {
    const { timeline } = get();
    if (timeline.length === 0) return;
    const index = Math.min(Math.max(0, Math.round(cursor)), timeline.length - 1);
    set({ cursor: index, time: timeline[index].at, ...extra });
  };

  const seek = (time: number, extra: Partial<RunSlice> = {}) => {
    const { timeline, duration } = get();
    if (timeline.length === 0) return;
    const clamped = Math.min(Math.max(0, time), duration);
    set({ cursor: indexAtTime(timeline, clamped), time: clamped, ...extra });
  };

  const findFailure = (direction: 1 | -1) => {
    const { timeline, cursor } = get();
    for (let i = cursor + direction; i >= 0 && i < timeline.length; i += direction) {
      if (isFailureEvent(timeline[i].event)) return i;
    }
    return -1;
  };

  return {
    ...noRun(),
    speed: 1,
    runProblems: null,
    wholeRun: false,

    setWholeRun: (wholeRun) => set({ wholeRun }),

    runScenario: () => {
      startRun();
    },

    clearRun: () => {
      generation++;
      set({ ...noRun(), runProblems: null });
    },

    openMoment: ({ at, play, select, event, tab }) => {
      // The run may come later (a worker): a tab or step the person picked meanwhile is theirs
      // (CI: a Scenario tab clicked just after a reload was switched back to Step).
      const before = { panelTab: get().panelTab, selected: get().selectedStepId };
      const picked = () => get().selectedStepId !== before.selected || get().panelTab !== before.panelTab;
      const selectAndShow = () => {
        const { timeline } = get();
        if (event !== undefined && at !== undefined && event < timeline.length && timeline[event].at === at) moveTo(event, { playing: play === true });
        if (picked()) return;
        if (select !== undefined && get().scenario.steps.some((s) => s.id === select)) get().selectStep(select);
        // A moment opens on the run panels, where the Why chain of the selected step shows.
        if (tab !== undefined) set({ panelTab: tab });
        else if (get().run) set({ panelTab: 'run' });
      };
      // Run opens playback already playing; a moment opens paused at `at` unless it asks to play.
      if ((at !== undefined || play === true) && startRun(selectAndShow, { at, play: play === true, later: true })) return;
      selectAndShow();
    },

    setCursor: (cursor) => moveTo(cursor),
    seekTime: (time) => seek(time),
    tick: (time, moveCursor = true) => {
      const { duration, timeline } = get();
      if (timeline.length === 0) return;
      if (time >= duration) seek(duration, { playing: false });
      else if (moveCursor) seek(time);
      else set({ time: Math.max(0, time) });
    },

    play: () => {
      const { timeline, time, duration, cursor } = get();
      if (timeline.length === 0) return;
      // Play at the end starts over, like a media player.
      if (time >= duration && cursor >= timeline.length - 1) set({ cursor: 0, time: 0, playing: true });
      else set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),

    stepForward: () => moveTo(get().cursor + 1, { playing: false }),
    stepBack: () => {
      const { timeline, cursor, time } = get();
      // Paused between two events: "back" first returns to the event the playhead has passed.
      const target = timeline.length > 0 && time > timeline[cursor].at ? cursor : cursor - 1;
      moveTo(target, { playing: false });
    },
    nextFailure: () => {
      const i = findFailure(1);
      if (i >= 0) moveTo(i, { playing: false });
    },
    prevFailure: () => {
      const i = findFailure(-1);
      if (i >= 0) moveTo(i, { playing: false });
    },
    restart: () => moveTo(0),

    openReplayPlan: (from) => {
      if (get().segments.length === 0) return;
      const open = () => set({ replayDraft: { from: from && from.length > 0 ? [...from] : null }, replayProblems: null });
      if (loadedEngine()) {
        open();
        return;
      }
      // The planner comes with the engine, which a run made in the worker has not loaded here.
      const segments = get().segments;
      loadEngine().then(
        () => {
          if (get().segments === segments) open();
        },
        (error: unknown) => {
          set({ replayProblems: [engineNotLoaded(error)] });
        },
      );
    },
    setReplayFrom: (from) => {
      if (!get().replayDraft) return;
      set({ replayDraft: { from: from && from.length > 0 ? [...from] : null }, replayProblems: null });
    },
    closeReplayPlan: () => set({ replayDraft: null, replayProblems: null }),

    runReplay: () => {
      const { segments, scenario, replayDraft } = get();
      const previous = segments[segments.length - 1];
      if (!previous) return;
      const from = replayDraft?.from ?? undefined;
      const engine = loadedEngine();
      const compiler = compilerFor(scenario);
      if (!engine || compiler instanceof Promise) {
        // The engine comes with the first run; a replay pressed before it arrives waits for it.
        Promise.all([loadEngine(), compiler]).then(() => get().runReplay(), (error: unknown) => {
          set({ replayProblems: [engineNotLoaded(error)] });
        });
        return;
      }
      // Issue #11: a GitHub Actions scenario's redone steps are decided by their `if`s, as in the run.
      const conditions = conditionsOf(scenario, compiler);
      if (!conditions.ok) {
        set({ replayProblems: conditions.problems });
        return;
      }
      const outcome = engine.replay(scenario, previous.result, from, conditions.options);
      if (!outcome.ok) {
        set({ replayProblems: outcome.error });
        return;
      }
      const { run: result, plan } = outcome.value;
      const built = buildTimeline([
        ...segments,
        { kind: 'replay', result, scenario, from: plan.from, plan },
      ]);
      const added = built.segments[built.segments.length - 1];
      set({
        ...built,
        cursor: added.firstIndex,
        time: built.timeline[added.firstIndex]?.at ?? added.offset,
        playing: true,
        replayDraft: null,
        replayProblems: null,
      });
    },
  };
};
