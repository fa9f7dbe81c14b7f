import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { storedDraft } from './stored-draft.ts';

// "Nothing lost on reload", and with two tabs: the draft one tab writes is the draft the other
// shows and builds on (src/store/draft-from-other-tab.ts), so neither writes an older scenario
// over the other's work.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stepText = (page: Page) => page.locator('[data-testid="step-node-step-1"]').textContent();

/** A first visit opens the gallery; a later tab (the gallery seen) does not. */
async function closeGallery(page: Page) {
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
}

async function nameNewStep(page: Page, name: string) {
  await page.keyboard.press('n');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => stepText(page)).toContain(name);
}

async function renameStep1(page: Page, name: string) {
  await page.getByTestId('step-node-step-1').dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => stepText(page)).toContain(name);
}

test("a step renamed and the page reloaded at once: the new name is there (the pending save is written on pagehide)", async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await nameNewStep(page, 'Reserve stock');
  await expect.poll(async () => (await storedDraft(page))?.scenario.steps.length).toBe(1);
  await renameStep1(page, 'Charge card');
  await page.reload();
  await expect.poll(() => stepText(page)).toContain('Charge card');
  expect(errors).toEqual([]);
  await context.close();
});

test('a tab already open takes the draft another tab writes, and its own next edit keeps that work', async () => {
  const { page: first, errors, context } = await openPage(browser);
  await closeGallery(first);
  await nameNewStep(first, 'Reserve stock');
  await expect.poll(async () => (await storedDraft(first))?.scenario.steps.length).toBe(1);
  const second = await context.newPage();
  await second.goto(first.url().split('#')[0]);
  await second.locator('.react-flow__pane').waitFor();
  await expect.poll(() => stepText(second)).toContain('Reserve stock');

  await renameStep1(first, 'Charge card');
  // Written after the first tab's quiet time; the second tab shows it once it is.
  await expect.poll(() => stepText(second)).toContain('Charge card');
  // It says so: the picture changed without a press in this tab.
  await second.getByText(/^Another tab of Ripple saved the draft “.*”: this tab shows it now, so your edits here build on it\. Undo brings back what this tab showed\.$/).waitFor();
  await screenshot(second, 'autosave-second-tab-took-draft');
  // Its words hold until the scenario next changes: an Undo there brings back what it showed, and the notice goes.
  await second.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => stepText(second)).toContain('Reserve stock');
  await expect.poll(() => second.getByText(/^Another tab of Ripple saved the draft/).count()).toBe(0);
  await second.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => stepText(second)).toContain('Charge card');
  // The second tab's edit builds on it: the stored draft holds both.
  await nameNewStepAfter(second, 'Ship order');
  await expect.poll(async () => (await storedDraft(second))?.scenario.steps.map((s) => (s as { label?: string }).label)).toEqual(['Charge card', 'Ship order']);
  // Closing the first tab writes nothing older over it.
  await first.close({ runBeforeUnload: true });
  const third = await context.newPage();
  await third.goto(second.url().split('#')[0]);
  await expect.poll(() => third.locator('.step-node').allTextContents()).toEqual([expect.stringContaining('Charge card'), expect.stringContaining('Ship order')]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a second tab opened right after an edit comes to show that edit', async () => {
  const { page: first, errors, context } = await openPage(browser);
  await closeGallery(first);
  await nameNewStep(first, 'Reserve stock');
  await expect.poll(async () => (await storedDraft(first))?.scenario.steps.length).toBe(1);
  await renameStep1(first, 'Charge card');
  // Within the first tab's quiet time: the draft it opens with may be the one before the rename.
  const second = await context.newPage();
  await second.goto(first.url().split('#')[0]);
  await second.locator('.react-flow__pane').waitFor();
  await expect.poll(() => stepText(second)).toContain('Charge card');
  expect(errors).toEqual([]);
  await context.close();
});

async function nameNewStepAfter(page: Page, name: string) {
  await page.keyboard.press('n');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.step-node').allTextContents()).toContainEqual(expect.stringContaining(name));
}
