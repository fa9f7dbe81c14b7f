import type { Page } from 'playwright-core';
import { readStoredDraft, type StoredDraft } from '../../src/scenario/intake/draft.ts';
import { unpackDraft } from '../../src/scenario/intake/draft-pack.ts';
import { DRAFT_KEY } from '../../src/store/persistence.ts';

/**
 * The draft the page has stored under `key`, read as the next start-up reads it: packed by the
 * text worker (`z1.…`, src/scenario/intake/draft-pack.ts) or plain JSON (written on the page).
 * Null when there is none; throws when a packed draft does not unpack (a test should see that).
 */
export async function storedDraft(page: Page, key: string = DRAFT_KEY): Promise<(StoredDraft & { scenario: { title: string; steps: { id: string; position?: { x: number; y: number } }[] } }) | null> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  if (raw === null) return null;
  let json = raw;
  if (!raw.startsWith('{')) {
    const unpacked = unpackDraft(raw);
    if (!unpacked.ok) throw new Error(`the stored draft does not unpack: ${unpacked.reason}`);
    json = unpacked.json;
  }
  return readStoredDraft(json) as Awaited<ReturnType<typeof storedDraft>>;
}
