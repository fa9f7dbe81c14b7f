import { openScenarioValue as openScenario } from '../scenario/gate-loader.ts';
import type { Scenario } from '../scenario/types.ts';
import { restoreScenario } from './edit-check.ts';
import {
  DRAFT_KEY,
  draftTextProblem,
  keepUnreadable,
  PREVIOUS_DRAFT_KEY,
  readDraft,
  readItem,
  readRecentDrafts,
  RECENT_DRAFTS_MAX,
  writeDraft,
  writeDraftText,
  writeRecentDrafts,
  type SavedDraft,
} from './persistence.ts';
import type { Notice, RippleStore } from './types.ts';
import type { TextsOffThread } from '../worker/texts-off-thread.ts';
import { textsOnDemand } from '../worker/texts-on-demand.ts';

// The editor's draft in localStorage: read back when a store is created, written while it is
// edited. Keys and format are persistence.ts's (`ripple:draft:v1`, `ripple:previous-draft:v1`,
// `ripple:recent-drafts:v1`). Nothing is lost without a word (issue 9 §6): a stored draft the
// app cannot read is kept untouched under its own key and said at start-up; a save that storage
// refuses is said at once, with the scenario to download.

/** Quiet time (ms) after the last edit before the draft is written. */
export const AUTOSAVE_DELAY_MS = 400;
/** After the quiet time, the write waits for the browser to be idle, at most this long (ms). */
export const AUTOSAVE_IDLE_TIMEOUT_MS = 2_000;

type IdleGlobal = { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (handle: number) => void };

/**
 * Runs `run` when the browser is idle (within `timeout` ms), or at once where there is no
 * `requestIdleCallback` (Node, jsdom, Safari). Returns the cancel.
 */
export function whenIdle(run: () => void, timeout: number): () => void {
  const w = globalThis as IdleGlobal;
  if (!w.requestIdleCallback || !w.cancelIdleCallback) {
    run();
    return () => undefined;
  }
  const handle = w.requestIdleCallback(run, { timeout });
  return () => w.cancelIdleCallback!(handle);
}

export interface Autosave {
  /** Write a pending save now instead of after the debounce (the page is being hidden); nothing when none is pending. */
  flush: () => void;
  /** Write a pending save, then stop watching the store (the teardown). Calling it twice is harmless. */
  stop: () => void;
}

/** A stored draft that could not be read, kept as it was. */
export interface UnreadableDraft {
  /** Where its text now is: `ripple.unreadable.<ms>`; null when storage refused the copy. */
  key: string | null;
  /** The stored text, untouched (what "Download it" saves). */
  text: string;
  /** Why it could not be read, as a sentence fragment. */
  reason: string;
}

/** What a new editor store starts from: the saved draft and the previous draft, both checked by the scenario gate. */
export interface RestoredDrafts {
  /** The saved draft's scenario, or null when there is none or it is unreadable or invalid. */
  scenario: Scenario | null;
  dirty: boolean;
  previousDraft: SavedDraft | null;
  /** Stored drafts that could not be read (kept under their own keys), to say at start-up. */
  unreadable: UnreadableDraft[];
}

/** Why the stored text under `key` cannot be restored, or null when it can or there is none. */
function whyUnreadable(key: string, raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  const envelopeProblem = draftTextProblem(raw);
  if (envelopeProblem) return envelopeProblem;
  const opened = openScenario(readDraft(key)?.scenario);
  if (opened.ok) return null;
  const first = opened.problems[0];
  return first && !opened.message.includes(first.message) ? `${opened.message.replace(/[.:]\s*$/, '')}: ${first.path ? `${first.path}: ` : ''}${first.message}` : opened.message;
}

/**
 * Reads both drafts back; never throws (storage may be missing, full, or hold an older or
 * newer build's data). A draft that cannot be read is copied, untouched, to
 * `ripple.unreadable.<now>` (and its own key cleared) before anything may overwrite it, and
 * reported in `unreadable`.
 */
export function restoreDrafts(now: number = Date.now()): RestoredDrafts {
  const unreadable: UnreadableDraft[] = [];
  for (const key of [DRAFT_KEY, PREVIOUS_DRAFT_KEY]) {
    const raw = readItem(key);
    const reason = whyUnreadable(key, raw);
    if (reason === null || raw === null) continue;
    // Moved, not copied: the next start-up must not keep (and report) the same text again.
    const kept = keepUnreadable(raw, now);
    if (kept) writeDraft(null, key);
    unreadable.push({ key: kept, text: raw, reason });
  }
  const saved = readDraft(DRAFT_KEY);
  const scenario = saved ? restoreScenario(saved.scenario) : null;
  const previous = readDraft(PREVIOUS_DRAFT_KEY);
  const previousScenario = previous ? restoreScenario(previous.scenario) : null;
  return {
    scenario,
    dirty: scenario && saved ? saved.dirty : false,
    previousDraft: previousScenario && previous ? { scenario: previousScenario, dirty: true, savedAt: previous.savedAt } : null,
    unreadable,
  };
}

/** The start-up notice for drafts that could not be read, or null when there were none. */
export function unreadableNotice(unreadable: readonly UnreadableDraft[], seq: number): Notice | null {
  const first = unreadable[0];
  if (!first) return null;
  const where = first.key ? ` It is kept unchanged in this browser under "${first.key}".` : '';
  return {
    kind: 'error',
    text: `Your saved draft could not be opened (${first.reason}).${where}`,
    seq,
    download: { label: 'Download it', filename: 'ripple-unreadable-draft.json', text: first.text, type: 'application/json' },
  };
}

/** The replaced drafts kept for "Recent drafts", newest first, each checked by the scenario gate. */
export function recentDrafts(): SavedDraft[] {
  const out: SavedDraft[] = [];
  for (const raw of readRecentDrafts()) {
    const scenario = restoreScenario(raw.scenario);
    if (scenario) out.push({ scenario, dirty: true, savedAt: raw.savedAt });
  }
  return out;
}

/** `draft` first, then the kept ones (the same draft, by time and title, only once), at most RECENT_DRAFTS_MAX. */
export function withRecentDraft(kept: readonly SavedDraft[], draft: SavedDraft): SavedDraft[] {
  const same = (d: SavedDraft) => d.savedAt === draft.savedAt && d.scenario.title === draft.scenario.title;
  return [draft, ...kept.filter((d) => !same(d))].slice(0, RECENT_DRAFTS_MAX);
}

/** The scenario as a file to download when storage refuses to keep it. */
function saveFailedNotice(scenario: Scenario, seq: number): Notice {
  return {
    kind: 'error',
    text: 'Your draft could not be saved in this browser (storage is full or refused it). Download the scenario to keep it.',
    seq,
    download: { label: 'Download the scenario', filename: 'ripple-scenario.json', text: `${JSON.stringify(scenario, null, 2)}\n`, type: 'application/json' },
  };
}

/**
 * Saves `store`'s scenario `delayMs` ms after its last change (debounced) once the browser is
 * idle (a 2,000-step draft is a long text: written between frames, not in the middle of
 * playback or typing — issue #15), and its previous
 * draft as soon as that changes (also onto the recent drafts, newest first). The draft's text
 * is made in the text worker where there is one (`texts`, src/worker/texts-off-thread.ts): its
 * JSON, packed (src/scenario/intake/draft-pack.ts, ~7× shorter), because both the JSON and a
 * long `localStorage.setItem` keep a thread busy for a long moment at 2,000 steps (issue #9
 * item 3). It is stored when it comes back unless a later save has overtaken it; a flush (the
 * page is being hidden) writes plain JSON here, at once, so the draft is never lost to a
 * worker still at work. Both forms read back (persistence.ts `readDraft`). A save that storage
 * refuses (QuotaExceededError) sets an error notice with the scenario to download, at once;
 * it is said again only after a save has worked. Returns the flush and the teardown.
 */
export function startAutosave(store: RippleStore, delayMs: number = AUTOSAVE_DELAY_MS, texts: TextsOffThread | null = textsOnDemand()): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelIdle: (() => void) | null = null;
  let failing = false;
  // Counts the saves started: a draft text the worker sends back is stored only for the latest.
  let latestSave = 0;
  let inWorker = false;
  const outcome = (result: 'saved' | 'unavailable' | 'failed') => {
    if (result === 'saved') failing = false;
    if (result !== 'failed') return;
    const { scenario, notice } = store.getState();
    // Said once per failing spell (not again once dismissed); the download follows the latest scenario.
    if (failing && !notice) return;
    store.setState({ notice: saveFailedNotice(scenario, failing && notice ? notice.seq : (notice?.seq ?? 0) + 1) });
    failing = true;
  };
  const draftNow = (): SavedDraft => {
    const { scenario, dirty } = store.getState();
    return { scenario, dirty, savedAt: Date.now() };
  };
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    cancelIdle?.();
    cancelIdle = null;
    inWorker = false;
    return ++latestSave;
  };
  const saveHere = () => {
    settle();
    outcome(writeDraft(draftNow(), DRAFT_KEY));
  };
  const save = () => {
    if (!texts) {
      saveHere();
      return;
    }
    const mine = settle();
    const draft = draftNow();
    inWorker = true;
    texts.draftText(draft).then(
      (text) => {
        if (mine !== latestSave) return;
        inWorker = false;
        outcome(writeDraftText(text, DRAFT_KEY));
      },
      () => {
        // The worker failed: the save is still owed, made here.
        if (mine === latestSave) saveHere();
      },
    );
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario || state.dirty !== prev.dirty) {
      if (timer) clearTimeout(timer);
      cancelIdle?.();
      cancelIdle = null;
      // Still pending (`timer` set) while waiting for idle time, so a flush writes it.
      timer = setTimeout(() => {
        cancelIdle = whenIdle(save, AUTOSAVE_IDLE_TIMEOUT_MS);
      }, delayMs);
    }
    if (state.previousDraft !== prev.previousDraft) {
      outcome(writeDraft(state.previousDraft, PREVIOUS_DRAFT_KEY));
      if (state.previousDraft) outcome(writeRecentDrafts(withRecentDraft(recentDrafts(), state.previousDraft)));
    }
  });
  const flush = () => {
    if (timer || inWorker) saveHere();
  };
  return {
    flush,
    stop: () => {
      flush();
      unsubscribe();
    },
  };
}
