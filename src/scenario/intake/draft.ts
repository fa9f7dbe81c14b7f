// Reading what the editor autosaved in localStorage. The stored text is untrusted (an older
// build, another tab, or a person with devtools may have written it): it goes through the
// JSON-text reader, and the draft's scenario goes on to the scenario gate in the editor slice.
import { readJsonValue } from './json-value.ts';

/**
 * Storage quotas are about 5 M UTF-16 characters per origin in the major browsers, so a
 * stored value can never be larger than this many UTF-8 bytes (3 per character at most):
 * the cap refuses nothing the editor could have saved.
 */
export const MAX_STORED_BYTES = 15_000_000;

/**
 * What a packed draft starts with (draft-pack.ts; a draft stored as plain JSON starts with `{`).
 * Here, not in draft-pack.ts, so that telling the two apart does not load the unpacking.
 */
export const PACKED_DRAFT_PREFIX = 'z1.';

/** Whether stored text is a packed draft (draft-pack.ts), else it is read as JSON. */
export function isPackedDraft(raw: string): boolean {
  return raw.startsWith(PACKED_DRAFT_PREFIX);
}

/** A stored draft as read: the scenario is still untrusted. */
export interface StoredDraft {
  scenario: unknown;
  dirty: boolean;
  /** Wall-clock ms when it was saved; 0 when missing or not a number. */
  savedAt: number;
}

/** The JSON value of a stored item, or null when it is missing, too large or not JSON. */
export function readStoredJson(raw: string | null | undefined): unknown {
  if (!raw) return null;
  return readJsonValue(raw, MAX_STORED_BYTES) ?? null;
}

/**
 * The draft in a stored item, or null when it holds none. Only the envelope is checked here;
 * `dirty` is true only when stored as `true`.
 *
 * @example
 * readStoredDraft('{"scenario":{"version":1},"dirty":true,"savedAt":5}')
 * // → { scenario: { version: 1 }, dirty: true, savedAt: 5 }
 */
export function readStoredDraft(raw: string | null | undefined): StoredDraft | null {
  return envelope(readStoredJson(raw));
}

function envelope(value: unknown): StoredDraft | null {
  if (!value || typeof value !== 'object' || !('scenario' in value)) return null;
  const r = value as { scenario: unknown; dirty?: unknown; savedAt?: unknown };
  return { scenario: r.scenario, dirty: r.dirty === true, savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0 };
}

/** The drafts in a stored list (the recent drafts), newest first; entries that are not drafts are left out. */
export function readStoredDraftList(raw: string | null | undefined): StoredDraft[] {
  const value = readStoredJson(raw);
  if (!Array.isArray(value)) return [];
  const out: StoredDraft[] = [];
  for (const item of value as unknown[]) {
    const draft = envelope(item);
    if (draft) out.push(draft);
  }
  return out;
}

/**
 * Why a stored draft item cannot be read, or null when it can (or there is none): the text is
 * not JSON, or has no `scenario`. A scenario that is there but invalid is the gate's to judge.
 *
 * @example
 * unreadableDraftReason('{"scenario":') // → 'it is not complete JSON'
 */
export function unreadableDraftReason(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = readJsonValue(raw, MAX_STORED_BYTES);
  if (value === undefined) return 'it is not complete JSON';
  return envelope(value) ? null : 'it holds no scenario';
}
