import type { Scenario } from '../scenario/types.ts';

// Undo/redo as two stacks of whole-scenario snapshots. Scenarios are never mutated, so a
// snapshot costs one reference; the cap keeps a long session's memory bounded.
export const HISTORY_LIMIT = 200;

export interface HistoryEntry {
  scenario: Scenario;
  /** Whether that scenario held unsaved work of the person (see `dirty` in the editor slice). */
  dirty: boolean;
  /** What the edit did, for the undo button's title: "Undo: add step". */
  label: string;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** Record `current` before an edit labelled `label` replaces it. */
export function record(history: History, current: Omit<HistoryEntry, 'label'>, label: string): History {
  const past = [...history.past, { ...current, label }];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [] };
}

/** Step back: the entry to restore and the history after it, or null when there is nothing to undo. */
export function undo(history: History, current: Omit<HistoryEntry, 'label'>): { entry: HistoryEntry; history: History } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    entry,
    history: { past: history.past.slice(0, -1), future: [{ ...current, label: entry.label }, ...history.future] },
  };
}

export function redo(history: History, current: Omit<HistoryEntry, 'label'>): { entry: HistoryEntry; history: History } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return {
    entry,
    history: { past: [...history.past, { ...current, label: entry.label }], future: history.future.slice(1) },
  };
}
