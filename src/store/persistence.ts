import { readStoredDraft, readStoredJson } from '../scenario/intake/draft.ts';
import type { Scenario } from '../scenario/types.ts';

// What the editor keeps in localStorage. Every read is wrapped: storage may be missing
// (Node, private windows), full, or hold something an older build wrote. Scenarios read back
// are untrusted and go through the scenario gate in the editor slice, never used as-is.
export const DRAFT_KEY = 'ripple:draft:v1';
export const PREVIOUS_DRAFT_KEY = 'ripple:previous-draft:v1';
export const PREFS_KEY = 'ripple:prefs:v1';

export interface SavedDraft {
  scenario: Scenario;
  /** The person had edited it since it was loaded (so replacing it must keep it recoverable). */
  dirty: boolean;
  savedAt: number;
}

export interface Prefs {
  theme: 'system' | 'light' | 'dark';
  view: 'canvas' | 'table';
  /** The preset gallery was shown once; it no longer opens by itself. */
  seenGallery: boolean;
}

export const DEFAULT_PREFS: Prefs = { theme: 'system', view: 'canvas', seenGallery: false };

function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

function readItem(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function readJson(key: string): unknown {
  return readStoredJson(readItem(key));
}

function writeJson(key: string, value: unknown): boolean {
  try {
    const s = storage();
    if (!s) return false;
    if (value === null) s.removeItem(key);
    else s.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** The raw stored draft: `{ scenario: unknown, dirty, savedAt }` or null. The caller validates the scenario. */
export function readDraft(key: string = DRAFT_KEY): { scenario: unknown; dirty: boolean; savedAt: number } | null {
  return readStoredDraft(readItem(key));
}

export function writeDraft(draft: SavedDraft | null, key: string = DRAFT_KEY): boolean {
  return writeJson(key, draft);
}

export function readPrefs(): Prefs {
  const raw = readJson(PREFS_KEY);
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_PREFS };
  const r = raw as Partial<Record<keyof Prefs, unknown>>;
  return {
    theme: r.theme === 'light' || r.theme === 'dark' ? r.theme : 'system',
    view: r.view === 'table' ? 'table' : 'canvas',
    seenGallery: r.seenGallery === true,
  };
}

export function writePrefs(prefs: Prefs): void {
  writeJson(PREFS_KEY, prefs);
}
