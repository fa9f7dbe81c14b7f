// Issue 9 §6: no draft lost without a word. A stored draft the app cannot read is kept,
// untouched, under its own key and said at start-up; a save that storage refuses is said at
// once with the scenario to download; the last few replaced drafts are kept.
import { AUTOSAVE_DELAY_MS, recentDrafts } from '../../src/store/autosave.ts';
import { EMPTY_SCENARIO } from '../../src/store/editor-slice.ts';
import { DRAFT_KEY, PREVIOUS_DRAFT_KEY, RECENT_DRAFTS_KEY, RECENT_DRAFTS_MAX, UNREADABLE_PREFIX } from '../../src/store/persistence.ts';
import { packDraft } from '../../src/scenario/intake/draft-pack.ts';
import { editorStore, MemoryStorage, scenario } from './helpers.ts';

/** A localStorage that is full: every setItem throws the browsers' QuotaExceededError. */
class FullStorage extends MemoryStorage {
  full = true;
  override setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

let storage: FullStorage;
beforeEach(() => {
  storage = new FullStorage();
  storage.full = false;
  (globalThis as { localStorage?: Storage }).localStorage = storage;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

function unreadableKeys(): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter((k) => k.startsWith(UNREADABLE_PREFIX));
}

/** `text` with one base64url character of its body changed (the CRC-32 notices). */
function flipOne(text: string): string {
  const at = Math.floor(text.length / 2);
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

describe('a stored draft the app cannot read', () => {
  const cases: [string, string, RegExp][] = [
    ['broken JSON', '{"scenario": {"version": 1, "title": "Half', /not complete JSON/],
    ['a packed draft cut short', packDraft(JSON.stringify({ scenario: scenario(['a']), dirty: true, savedAt: 5 })).slice(0, 40), /packed text is damaged/],
    ['a packed draft with a character changed', flipOne(packDraft(JSON.stringify({ scenario: scenario(['a']), dirty: true, savedAt: 5 }))), /packed text is damaged/],
    ['made by a newer version', JSON.stringify({ scenario: { version: 99, title: 'From the future', steps: [], dependencies: [] }, dirty: true, savedAt: 5 }), /newer|version/i],
    [
      'one field out of range',
      JSON.stringify({ scenario: { version: 1, title: 'Mine', steps: [{ id: 'a', fail: { status: 9999 } }], dependencies: [] }, dirty: true, savedAt: 5 }),
      /status|9999/,
    ],
  ];

  test.each(cases)('(%s) is kept untouched under its own key and said at start-up with a download', (_, text, reason) => {
    storage.setItem(DRAFT_KEY, text);
    const store = editorStore({ persist: true });
    expect(store.getState().scenario).toBe(EMPTY_SCENARIO);

    const keys = unreadableKeys();
    expect(keys).toHaveLength(1);
    expect(storage.getItem(keys[0])).toBe(text);

    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toMatch(reason);
    expect(notice?.text).toContain(keys[0]);
    expect(notice?.download).toMatchObject({ label: 'Download it', text });

    // The next edit writes the draft key; the kept text stays.
    store.getState().addStep();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).scenario.steps).toHaveLength(1);
    expect(storage.getItem(keys[0])).toBe(text);
  });

  test('is kept once, not again at every start-up', () => {
    storage.setItem(DRAFT_KEY, '{broken');
    editorStore({ persist: true });
    const second = editorStore({ persist: true });
    expect(unreadableKeys()).toHaveLength(1);
    expect(second.getState().notice).toBeNull();
  });

  test('a packed draft (as the text worker stores it) starts without a notice, as a plain JSON one (older builds) does', () => {
    storage.setItem(DRAFT_KEY, packDraft(JSON.stringify({ scenario: scenario(['a', 'b'], [['a', 'b']], { title: 'Ünïcode — 424 ✓' }), dirty: true, savedAt: 1 })));
    const store = editorStore({ persist: true });
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.getState().scenario.title).toBe('Ünïcode — 424 ✓');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().notice).toBeNull();
    expect(unreadableKeys()).toEqual([]);
  });

  test('a packed draft reads as unreadable, saying why, until its unpacking has loaded (main.tsx loads it first)', async () => {
    const packed = packDraft(JSON.stringify({ scenario: scenario(['a']), dirty: true, savedAt: 1 }));
    vi.resetModules();
    const fresh = await import('../../src/store/persistence.ts');
    expect(fresh.draftTextProblem(packed)).toBe('the code that unpacks it could not be loaded');
    expect(fresh.draftTextProblem('{"scenario":{}}')).toBeNull();
    await fresh.loadDraftUnpacking();
    expect(fresh.draftTextProblem(packed)).toBeNull();
    expect(fresh.draftTextProblem(packed.slice(0, 30))).toMatch(/^its packed text is damaged/);
  });

  test('a readable draft starts without a notice', () => {
    storage.setItem(DRAFT_KEY, JSON.stringify({ scenario: scenario(['a']), dirty: true, savedAt: 1 }));
    const store = editorStore({ persist: true });
    expect(store.getState().scenario.steps.map((s) => s.id)).toEqual(['a']);
    expect(store.getState().notice).toBeNull();
    expect(unreadableKeys()).toEqual([]);
  });

  test('when storage refuses even the copy, the draft key is left as it was and the notice still offers the text', () => {
    storage.setItem(DRAFT_KEY, '{broken');
    storage.full = true;
    const store = editorStore({ persist: true });
    expect(storage.getItem(DRAFT_KEY)).toBe('{broken');
    expect(store.getState().notice?.download?.text).toBe('{broken');
  });
});

describe('a save that storage refuses', () => {
  test('is said at once, with the current scenario to download', () => {
    const store = editorStore({ persist: true });
    storage.full = true;
    store.getState().addStep();
    store.getState().setTitle('Unsaved work');
    expect(store.getState().notice).toBeNull();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toMatch(/could not be saved/);
    expect(JSON.parse(notice!.download!.text)).toEqual(store.getState().scenario);
  });

  test('is said once per failing spell; the download follows the latest edit; a working save ends the spell', () => {
    const store = editorStore({ persist: true });
    storage.full = true;
    store.getState().addStep();
    store.getState().flushAutosave();
    const first = store.getState().notice!;
    store.getState().setTitle('Later');
    store.getState().flushAutosave();
    const second = store.getState().notice!;
    expect(second.seq).toBe(first.seq);
    expect(JSON.parse(second.download!.text).title).toBe('Later');

    store.getState().dismissNotice();
    store.getState().setTitle('Even later');
    store.getState().flushAutosave();
    expect(store.getState().notice).toBeNull();

    storage.full = false;
    store.getState().setTitle('Saved');
    store.getState().flushAutosave();
    expect(store.getState().notice).toBeNull();
    storage.full = true;
    store.getState().setTitle('Full again');
    store.getState().flushAutosave();
    expect(store.getState().notice?.text).toMatch(/could not be saved/);
  });

  test('no storage at all (Node, storage disabled) is not a failure to report', () => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
    const store = editorStore({ persist: true });
    store.getState().addStep();
    store.getState().flushAutosave();
    expect(store.getState().notice).toBeNull();
  });
});

describe('recent drafts', () => {
  /** Edits a draft titled `title`, then loads another scenario over it (which keeps the draft). */
  function replaceDraft(store: ReturnType<typeof editorStore>, title: string) {
    store.getState().addStep();
    store.getState().setTitle(title);
    vi.advanceTimersByTime(1);
    store.getState().loadScenario(scenario(['loaded'], [], { title: `Loaded over ${title}` }));
  }

  test(`the last ${RECENT_DRAFTS_MAX} replaced drafts are kept, newest first, with their titles and times, across reloads`, () => {
    const store = editorStore({ persist: true });
    const titles = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];
    for (const title of titles) replaceDraft(store, title);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);

    const kept = recentDrafts();
    expect(kept.map((d) => d.scenario.title)).toEqual(['seven', 'six', 'five', 'four', 'three']);
    expect(kept.every((d) => d.savedAt > 0)).toBe(true);
    expect(new Set(kept.map((d) => d.savedAt)).size).toBe(kept.length);
    expect(JSON.parse(storage.getItem(RECENT_DRAFTS_KEY)!)).toHaveLength(RECENT_DRAFTS_MAX);

    editorStore({ persist: true });
    expect(recentDrafts().map((d) => d.scenario.title)).toEqual(['seven', 'six', 'five', 'four', 'three']);
    expect(storage.getItem(PREVIOUS_DRAFT_KEY)).toContain('seven');
  });

  test('an unreadable recent-drafts list reads as empty instead of breaking start-up', () => {
    storage.setItem(RECENT_DRAFTS_KEY, '[{"scenario": 1}, "x", {"scenario": {"version": 1}}');
    expect(recentDrafts()).toEqual([]);
    expect(editorStore({ persist: true }).getState().scenario).toBe(EMPTY_SCENARIO);
  });
});
