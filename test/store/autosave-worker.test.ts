// Issue #9 item 3: the draft's text (its JSON, packed: hundreds of ms and a long setItem for
// 2,000 steps as plain JSON) is made in the text worker, and stored when it comes back. Storage must still end up holding the newest draft: a reply
// overtaken by a later save is dropped, a flush (the page is being hidden) writes at once
// without waiting for the worker, and a failed worker leaves the save to the page.
import { AUTOSAVE_DELAY_MS, startAutosave } from '../../src/store/autosave.ts';
import { DRAFT_KEY, loadDraftUnpacking, readDraft, type SavedDraft } from '../../src/store/persistence.ts';
import { packDraft } from '../../src/scenario/intake/draft-pack.ts';
import type { TextsOffThread } from '../../src/worker/texts-off-thread.ts';
import { editorStore, MemoryStorage, scenario, withStorage } from './helpers.ts';

const storage = withStorage(() => new MemoryStorage());

/** A text worker whose answers the test gives, one request at a time. */
function heldTexts() {
  const asked: { draft: SavedDraft; answer: () => void; fail: () => void }[] = [];
  const texts: TextsOffThread = {
    shareUrl: () => Promise.reject(new Error('not asked here')),
    openLink: () => Promise.reject(new Error('not asked here')),
    draftText: (draft) =>
      new Promise<string>((resolve, reject) => {
        asked.push({ draft, answer: () => resolve(packDraft(JSON.stringify(draft))), fail: () => reject(new Error('the text worker failed')) });
      }),
  };
  return { texts, asked };
}

beforeAll(() => loadDraftUnpacking());

/** The stored draft's title, packed (from the worker) or plain JSON (made on the page), as the next start-up reads it. */
const savedTitle = () => (readDraft()?.scenario as { title: string } | undefined)?.title ?? null;

/** A store (not persisting by itself) with an autosave on `texts`, holding a draft titled `title`. */
function storeSavingThrough(texts: TextsOffThread, title: string) {
  const store = editorStore();
  const autosave = startAutosave(store, AUTOSAVE_DELAY_MS, texts);
  store.getState().loadScenario(scenario(['a', 'b'], [['a', 'b']], { title }));
  return { store, autosave };
}

describe('autosave through the text worker', () => {
  test('the draft is sent to the worker after the quiet time, and its packed text stored when it comes back', async () => {
    const { texts, asked } = heldTexts();
    const { autosave } = storeSavingThrough(texts, 'Worked');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    expect(asked.map((a) => a.draft.scenario.title)).toEqual(['Worked']);
    expect(savedTitle()).toBeNull();
    asked[0].answer();
    await vi.runAllTimersAsync();
    expect(savedTitle()).toBe('Worked');
    expect(storage().getItem(DRAFT_KEY)).toBe(packDraft(JSON.stringify(asked[0].draft)));
    autosave.stop();
  });

  test('a reply overtaken by a later save is dropped: the newer draft stays stored', async () => {
    const { texts, asked } = heldTexts();
    const { store, autosave } = storeSavingThrough(texts, 'Older');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    store.getState().loadScenario(scenario(['a'], [], { title: 'Newer' }));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    expect(asked.map((a) => a.draft.scenario.title)).toEqual(['Older', 'Newer']);
    asked[1].answer();
    await vi.runAllTimersAsync();
    asked[0].answer();
    await vi.runAllTimersAsync();
    expect(savedTitle()).toBe('Newer');
    autosave.stop();
  });

  test('a flush while the worker is at work writes the draft at once, and the late reply does not write again', async () => {
    const { texts, asked } = heldTexts();
    const { autosave } = storeSavingThrough(texts, 'Hidden');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    expect(asked).toHaveLength(1);
    autosave.flush();
    expect(savedTitle()).toBe('Hidden');
    expect(storage().getItem(DRAFT_KEY)!.startsWith('{')).toBe(true);
    const writes = vi.spyOn(storage(), 'setItem');
    asked[0].answer();
    await vi.runAllTimersAsync();
    expect(writes).not.toHaveBeenCalled();
    autosave.stop();
  });

  test('a worker that fails leaves the save to the page', async () => {
    const { texts, asked } = heldTexts();
    const { autosave } = storeSavingThrough(texts, 'Saved anyway');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    asked[0].fail();
    await vi.runAllTimersAsync();
    expect(savedTitle()).toBe('Saved anyway');
    autosave.stop();
  });

  test('storage that refuses the text from the worker says so with the scenario to download', async () => {
    const { texts, asked } = heldTexts();
    const { store, autosave } = storeSavingThrough(texts, 'Too big');
    vi.spyOn(storage(), 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    asked[0].answer();
    await vi.runAllTimersAsync();
    expect(store.getState().notice).toMatchObject({ kind: 'error', download: { filename: 'ripple-scenario.json' } });
    autosave.stop();
  });
});
