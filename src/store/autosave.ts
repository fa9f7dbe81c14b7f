import type { Scenario } from '../scenario/types.ts';
import { restoreScenario } from './edit-check.ts';
import { DRAFT_KEY, PREVIOUS_DRAFT_KEY, readDraft, writeDraft, type SavedDraft } from './persistence.ts';
import type { RippleStore } from './types.ts';

// The editor's draft in localStorage: read back when a store is created, written while it is
// edited. Keys and format are persistence.ts's (`ripple:draft:v1`, `ripple:previous-draft:v1`).

/** Quiet time (ms) after the last edit before the draft is written. */
export const AUTOSAVE_DELAY_MS = 400;

export interface Autosave {
  /** Write a pending save now instead of after the debounce (the page is being hidden); nothing when none is pending. */
  flush: () => void;
  /** Write a pending save, then stop watching the store (the teardown). Calling it twice is harmless. */
  stop: () => void;
}

/** What a new editor store starts from: the saved draft and the previous draft, both checked by the scenario gate. */
export interface RestoredDrafts {
  /** The saved draft's scenario, or null when there is none or it is unreadable or invalid. */
  scenario: Scenario | null;
  dirty: boolean;
  previousDraft: SavedDraft | null;
}

/** Reads both drafts back; never throws (storage may be missing, full, or hold an older build's data). */
export function restoreDrafts(): RestoredDrafts {
  const saved = readDraft(DRAFT_KEY);
  const scenario = saved ? restoreScenario(saved.scenario) : null;
  const previous = readDraft(PREVIOUS_DRAFT_KEY);
  const previousScenario = previous ? restoreScenario(previous.scenario) : null;
  return {
    scenario,
    dirty: scenario && saved ? saved.dirty : false,
    previousDraft: previousScenario && previous ? { scenario: previousScenario, dirty: true, savedAt: previous.savedAt } : null,
  };
}

/**
 * Saves `store`'s scenario `delayMs` ms after its last change (debounced), and its previous
 * draft as soon as that changes. Returns the flush and the teardown.
 */
export function startAutosave(store: RippleStore, delayMs: number = AUTOSAVE_DELAY_MS): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { scenario, dirty } = store.getState();
    writeDraft({ scenario, dirty, savedAt: Date.now() }, DRAFT_KEY);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario || state.dirty !== prev.dirty) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, delayMs);
    }
    if (state.previousDraft !== prev.previousDraft) writeDraft(state.previousDraft, PREVIOUS_DRAFT_KEY);
  });
  const flush = () => {
    if (timer) save();
  };
  return {
    flush,
    stop: () => {
      flush();
      unsubscribe();
    },
  };
}
