// Issue 9 §6 on screen: a draft that could not be read or saved is said, with a download, and
// the recent drafts are listed with their titles and can be restored or downloaded.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NoticeBar } from '../../src/app/NoticeBar.tsx';
import { Toolbar } from '../../src/app/Toolbar.tsx';
import { DEFAULT_PREFS, DRAFT_KEY, UNREADABLE_PREFIX } from '../../src/store/persistence.ts';
import type { RippleStore } from '../../src/store/store.ts';
import { renderWithStore, scenario } from './render.tsx';

/** Every file the app offered for download: name and text. */
let downloads: { name: string; text: Promise<string> }[];
let blobs: Blob[];

beforeEach(() => {
  localStorage.clear();
  downloads = [];
  blobs = [];
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: blobs[Number(this.href.split('/').pop()) - 1].text() });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

function renderEditor(): { store: RippleStore } {
  return renderWithStore(
    <>
      <Toolbar onOpenGallery={() => {}} onAddStep={() => {}} prefs={DEFAULT_PREFS} setPrefs={() => {}} />
      <NoticeBar />
    </>,
    { persist: true },
  );
}

test('a saved draft that cannot be read is said at start-up, kept, and can be downloaded as it was', async () => {
  const stored = '{"scenario": {"version": 1, "title": "Half a draft"';
  localStorage.setItem(DRAFT_KEY, stored);
  const { store } = renderEditor();
  const status = screen.getByRole('status');
  expect(status).toHaveTextContent(/Your saved draft could not be opened \(it is not complete JSON\)/);
  const kept = Object.keys(localStorage).filter((k) => k.startsWith(UNREADABLE_PREFIX));
  expect(kept).toHaveLength(1);
  expect(status).toHaveTextContent(kept[0]);

  await userEvent.click(within(status).getByRole('button', { name: 'Download it' }));
  expect(downloads).toHaveLength(1);
  expect(await downloads[0].text).toBe(stored);
  store.getState().stopAutosave();
});

test('a save that storage refuses is said at once, with the scenario to download', async () => {
  const { store } = renderEditor();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  act(() => {
    store.getState().loadScenario(scenario([{ id: 'a' }], [], { title: 'Work in progress' }));
    store.getState().addStep();
    store.getState().flushAutosave();
  });
  const status = screen.getByRole('status');
  expect(status).toHaveTextContent(/could not be saved in this browser/);
  await userEvent.click(within(status).getByRole('button', { name: 'Download the scenario' }));
  expect(JSON.parse(await downloads[0].text)).toEqual(store.getState().scenario);
  store.getState().stopAutosave();
});

test('"Recent drafts" lists the replaced drafts with titles and times; an older one is restored or downloaded', async () => {
  const { store } = renderEditor();
  for (const title of ['First draft', 'Second draft', 'Third draft']) {
    act(() => {
      store.getState().addStep();
      store.getState().setTitle(title);
      store.getState().loadScenario(scenario([{ id: 'loaded' }], [], { title: `Over ${title}` }));
    });
  }
  await userEvent.click(screen.getByRole('button', { name: 'Recent drafts' }));
  const dialog = await screen.findByRole('dialog', { name: 'Recent drafts' });
  const items = within(within(dialog).getByRole('list', { name: 'Recent drafts' })).getAllByRole('listitem');
  expect(items.map((li) => li.querySelector('.recent-drafts__title')?.textContent)).toEqual(['Third draft', 'Second draft', 'First draft']);
  for (const li of items) expect(li).toHaveTextContent(/Replaced .*\d/);

  await userEvent.click(within(dialog).getByRole('button', { name: 'Download “Second draft”' }));
  expect(downloads[0].name).toBe('second-draft.json');
  expect(JSON.parse(await downloads[0].text).title).toBe('Second draft');

  await userEvent.click(within(dialog).getByRole('button', { name: 'Restore “First draft”' }));
  expect(store.getState().scenario.title).toBe('First draft');
  expect(screen.queryByRole('dialog', { name: 'Recent drafts' })).toBeNull();
  store.getState().stopAutosave();
});
