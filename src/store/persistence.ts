import { isPackedDraft, readStoredDraft, readStoredDraftList, readStoredJson, unreadableDraftReason } from '../scenario/intake/draft.ts';
import type { unpackDraft as UnpackDraft } from '../scenario/intake/draft-pack.ts';
import type { Scenario } from '../scenario/types.ts';

// What the editor keeps in localStorage. Every read is wrapped: storage may be missing
// (Node, private windows), full, or hold something an older build wrote. Scenarios read back
// are untrusted and go through the scenario gate in the editor slice, never used as-is.
export const DRAFT_KEY = 'ripple:draft:v1';
export const PREVIOUS_DRAFT_KEY = 'ripple:previous-draft:v1';
export const PREFS_KEY = 'ripple:prefs:v1';
/** The last few drafts a load or restore replaced, newest first (issue 9 §6). */
export const RECENT_DRAFTS_KEY = 'ripple:recent-drafts:v1';
/** How many replaced drafts are kept. */
export const RECENT_DRAFTS_MAX = 5;
/** Stored text the app could not read is kept, untouched, under this prefix + the time (ms). */
export const UNREADABLE_PREFIX = 'ripple.unreadable.';

/** What a write did: `unavailable` when there is no storage at all (Node, storage disabled). */
export type WriteOutcome = 'saved' | 'unavailable' | 'failed';

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
  /** The Source tab's syntax. */
  sourceFormat: 'yaml' | 'json';
}

export const DEFAULT_PREFS: Prefs = { theme: 'system', view: 'canvas', seenGallery: false, sourceFormat: 'yaml' };

function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored text under `key`, untouched, or null. */
export function readItem(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function readJson(key: string): unknown {
  return readStoredJson(readItem(key));
}

function writeText(key: string, text: string | null): WriteOutcome {
  const s = storage();
  if (!s) return 'unavailable';
  try {
    if (text === null) s.removeItem(key);
    else s.setItem(key, text);
    return 'saved';
  } catch {
    // QuotaExceededError (storage full), or a browser that refuses storage in this window.
    return 'failed';
  }
}

function writeJson(key: string, value: unknown): WriteOutcome {
  return writeText(key, value === null ? null : JSON.stringify(value));
}

let unpack: typeof UnpackDraft | null = null;

/**
 * Loads the unpacking of packed drafts (src/scenario/intake/draft-pack.ts, a chunk of its own,
 * with fflate's inflate: the first canvas of a first visit does not need it). main.tsx loads it
 * beside the scenario gate when a draft is stored, before the store reads it back. Rejects when
 * the chunk cannot be loaded; a packed draft then reads as unreadable, and is kept untouched
 * under its own key (autosave.ts).
 */
export function loadDraftUnpacking(): Promise<void> {
  return import('../scenario/intake/draft-pack.ts').then((module) => {
    unpack = module.unpackDraft;
  });
}

/** A stored draft's JSON text: plain JSON as stored, a packed draft unpacked (null when it cannot be). */
function draftJson(raw: string | null): string | null {
  if (raw === null || !isPackedDraft(raw)) return raw;
  const unpacked = unpack?.(raw);
  return unpacked?.ok ? unpacked.json : null;
}

/**
 * Why a stored draft's text cannot be read, as a sentence fragment, or null when it can (or
 * there is none): a packed draft that is damaged or whose unpacking did not load, or text
 * that is not JSON or holds no scenario. A scenario that is there but invalid is the gate's to judge.
 */
export function draftTextProblem(raw: string | null): string | null {
  if (raw === null || !isPackedDraft(raw)) return unreadableDraftReason(raw);
  if (!unpack) return 'the code that unpacks it could not be loaded';
  const unpacked = unpack(raw);
  return unpacked.ok ? unreadableDraftReason(unpacked.json) : unpacked.reason;
}

/**
 * The raw stored draft: `{ scenario: unknown, dirty, savedAt }` or null. The caller validates
 * the scenario. Reads both forms: plain JSON (what the page writes, and what every build
 * before packing wrote) and packed (`z1.…`, what the text worker makes: draft-pack.ts).
 */
export function readDraft(key: string = DRAFT_KEY): { scenario: unknown; dirty: boolean; savedAt: number } | null {
  return readStoredDraft(draftJson(readItem(key)));
}

/** Writes (or, with null, removes) a draft; `failed` when storage refused it (full). */
export function writeDraft(draft: SavedDraft | null, key: string = DRAFT_KEY): WriteOutcome {
  return writeJson(key, draft);
}

/** Stores a draft's text made elsewhere (packed in the text worker: draft-pack.ts); `failed` when storage refused it. */
export function writeDraftText(text: string, key: string = DRAFT_KEY): WriteOutcome {
  return writeText(key, text);
}

/** The raw recent drafts, newest first; each scenario is still untrusted. */
export function readRecentDrafts(): { scenario: unknown; dirty: boolean; savedAt: number }[] {
  return readStoredDraftList(readItem(RECENT_DRAFTS_KEY));
}

export function writeRecentDrafts(drafts: readonly SavedDraft[]): WriteOutcome {
  return writeJson(RECENT_DRAFTS_KEY, drafts.length === 0 ? null : drafts.slice(0, RECENT_DRAFTS_MAX));
}

/**
 * Keeps stored text the app cannot read, untouched, under `ripple.unreadable.<now>` (a later
 * edit overwrites the draft key, never this one). Returns the key, or null when storage refused.
 */
export function keepUnreadable(text: string, now: number): string | null {
  let key = `${UNREADABLE_PREFIX}${now}`;
  for (let k = 1; readItem(key) !== null; k++) key = `${UNREADABLE_PREFIX}${now}-${k}`;
  return writeText(key, text) === 'saved' ? key : null;
}

export function readPrefs(): Prefs {
  const raw = readJson(PREFS_KEY);
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_PREFS };
  const r = raw as Partial<Record<keyof Prefs, unknown>>;
  return {
    theme: r.theme === 'light' || r.theme === 'dark' ? r.theme : 'system',
    view: r.view === 'table' ? 'table' : 'canvas',
    seenGallery: r.seenGallery === true,
    sourceFormat: r.sourceFormat === 'json' ? 'json' : 'yaml',
  };
}

export function writePrefs(prefs: Prefs): void {
  writeJson(PREFS_KEY, prefs);
}
