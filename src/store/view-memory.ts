import { readStoredJson } from '../scenario/intake/draft.ts';
import { sortedJson } from '../scenario/sorted-json.ts';
import type { Scenario } from '../scenario/types.ts';
import { digest53 } from './digest.ts';
import { SPEEDS } from './run-slice.ts';
import { selectIsStale } from './selectors.ts';
import type { PanelTab, RippleStore, Speed } from './types.ts';

// The editor loads this chunk as it first shows (src/app/use-view-memory.ts): the draft other tabs store comes with it.
export { takeDraftFromOtherTab } from './draft-from-other-tab.ts';

// What a reload keeps besides the scenario: whether it was run, the playhead, the playback
// speed, the selected step and the side panel's tab. The draft (localStorage) and the address bar keep the scenario only; this is kept for the
// tab alone (sessionStorage), written as the page is hidden and read once as the editor shows.
// It is restored only onto the same scenario, and never over a link that asks for a moment of
// its own (its run is already on its way when the editor shows).

export const VIEW_KEY = 'ripple:view:v1';

/**
 * What is kept: `key` names the scenario; `at` (virtual ms), `event` (the cursor: which of the
 * events at `at`) and `speed` are set when its run was shown.
 */
export interface KeptView {
  key: string;
  at?: number;
  event?: number;
  speed?: Speed;
  select?: string;
  /**
   * A run was shown of an earlier version of the scenario (edited since): a reload cannot make
   * that run again, so it says so instead of dropping it without a word.
   */
  staleRun?: true;
  /** The side panel's tab, kept with a run or a selection. */
  tab?: PanelTab;
}

const TABS: readonly PanelTab[] = ['step', 'scenario', 'run', 'source', 'lesson'];

function session(): Storage | null {
  try {
    return (globalThis as { sessionStorage?: Storage }).sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * A short name of the scenario (steps, dependencies, policy, title, positions): a 53-bit hash
 * of its key-sorted JSON, in base 36, with the step count. Two different scenarios share it
 * only by a hash collision, and then the worst is a playhead restored onto the wrong run.
 */
export function scenarioKey(scenario: Scenario): string {
  return `${scenario.steps.length}-${digest53(sortedJson(scenario))}`;
}

/**
 * Keeps the view for a reload: the playhead (when a run of this very scenario is shown, without
 * replays, which a reload cannot make again) and the selected step. Removes what was kept when
 * there is nothing to keep. Never throws (storage may be missing or full).
 */
export function keepView(store: RippleStore): void {
  const s = session();
  if (!s) return;
  const state = store.getState();
  // A run of this scenario, or of one that differs only where the engine does not look (a step
  // moved, the title): running the scenario again makes the same run.
  const stale = state.run !== null && selectIsStale(state);
  const shown = state.run !== null && state.segments.length === 1 && !stale;
  const view: KeptView | null =
    state.scenario.steps.length === 0 || (!shown && !stale && state.selectedStepId === null)
      ? null
      : {
          key: scenarioKey(state.scenario),
          ...(shown ? { at: state.time, event: state.cursor, speed: state.speed } : {}),
          ...(stale ? { staleRun: true as const } : {}),
          ...(state.selectedStepId !== null ? { select: state.selectedStepId } : {}),
          tab: state.panelTab,
        };
  try {
    if (view) s.setItem(VIEW_KEY, JSON.stringify(view));
    else s.removeItem(VIEW_KEY);
  } catch {
    // Full or refused: a reload then shows the scenario without its run, as before.
  }
}

/** The kept view, if it is well formed (it is this app's own writing, but storage may hold anything). */
function readKept(s: Storage): KeptView | null {
  let value: unknown;
  try {
    value = readStoredJson(s.getItem(VIEW_KEY));
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { key, at, event, speed, select, tab, staleRun } = value as Record<string, unknown>;
  if (typeof key !== 'string') return null;
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at) || at < 0)) return null;
  if (event !== undefined && (typeof event !== 'number' || !Number.isSafeInteger(event) || event < 0)) return null;
  if (speed !== undefined && !SPEEDS.includes(speed as Speed)) return null;
  if (select !== undefined && typeof select !== 'string') return null;
  // An unknown tab (another version's) is only left out: the rest of the view still holds.
  const knownTab = TABS.includes(tab as PanelTab) ? { tab: tab as PanelTab } : {};
  return { key, ...(at !== undefined ? { at } : {}), ...(event !== undefined ? { event: event as number } : {}), ...(speed !== undefined ? { speed: speed as Speed } : {}), ...(select !== undefined ? { select } : {}), ...(staleRun === true ? { staleRun: true as const } : {}), ...knownTab };
}

/**
 * Restores, once, the view kept before a reload: runs the scenario and opens it paused at the
 * kept moment, at the kept speed, selects the kept step and shows the kept tab (the store's `openMoment`). Does nothing when the
 * scenario is another one, or a run or selection is already there or on its way (a link that
 * asked for a moment), or when the side panel's tab is no longer `shownFirst`'s (the person
 * picked one before this chunk arrived). What was kept is removed either way. Returns whether it restored.
 */
export function restoreView(store: RippleStore, shownFirst?: { panelTab: PanelTab }): boolean {
  const s = session();
  if (!s) return false;
  const kept = readKept(s);
  try {
    s.removeItem(VIEW_KEY);
  } catch {
    // Nothing to do: it is read once per page anyway.
  }
  const state = store.getState();
  if (!kept || state.run !== null || state.running || state.selectedStepId !== null || state.scenario.steps.length === 0) return false;
  // The person has picked a tab since the editor showed (this chunk came late): theirs stands.
  if (shownFirst !== undefined && state.panelTab !== shownFirst.panelTab) return false;
  if (scenarioKey(state.scenario) !== kept.key) return false;
  if (kept.speed !== undefined) state.setSpeed(kept.speed);
  state.openMoment({ at: kept.at, event: kept.event, play: false, select: kept.select, tab: kept.tab });
  if (kept.staleRun) state.sayNotice('info', 'The run shown before the reload was of an earlier version of this scenario, so it is not shown again: press Run to run this one.', { untilRun: true });
  return true;
}
