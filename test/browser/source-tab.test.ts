import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { pickPreset } from './app.ts';

// The Source tab in real Chromium: the scenario as YAML or JSON in CodeMirror, edited live,
// with the gate's problems underlined and the canvas following each valid edit.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const editorText = (page: Page) => page.locator('.cm-content').innerText();
const status = (page: Page) => page.locator('.source-panel__status');

async function openSource(page: Page) {
  await page.getByRole('tab', { name: 'Source' }).click();
  await page.locator('.cm-content').waitFor();
}

/** Selects `find` in the editor's text and types `replace` over it, as a person would. */
async function replaceInEditor(page: Page, find: string, replace: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(find);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.type(replace);
}

test('edit the YAML: the canvas follows a valid edit; a bad one is underlined and the canvas keeps the last valid version', async () => {
  const { page, errors, context } = await openPage(browser);
  await pickPreset(page, 'payment-fails');
  await openSource(page);
  expect(await editorText(page)).toMatch(/^version: 2\ntitle: /);

  // A valid edit: a new label shows on the canvas.
  await replaceInEditor(page, 'label: Create invoice', 'label: Bill the customer');
  await expect.poll(() => page.getByTestId('step-node-create-invoice').innerText(), { timeout: 5000 }).toContain('Bill the customer');
  await expect.poll(() => status(page).innerText()).toContain('Valid');

  // An invalid edit: 424 may not be injected. The problem is named with its line; the canvas keeps the label.
  await replaceInEditor(page, 'status: 402', 'status: 424');
  await expect.poll(() => status(page).innerText(), { timeout: 5000 }).toContain('1 problem');
  await expect.poll(() => page.locator('.source-panel__problems').innerText()).toMatch(/Line \d+, column \d+: steps\[\d\]\.fail\.status/);
  await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
  await screenshot(page, 'source-tab-problem');

  // Undo outside the editor goes back through the source edit: the text follows.
  await replaceInEditor(page, 'status: 424', 'status: 402');
  await expect.poll(() => status(page).innerText(), { timeout: 5000 }).toContain('Valid');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => page.getByTestId('step-node-create-invoice').innerText()).not.toContain('Bill the customer');
  await expect.poll(() => editorText(page)).not.toContain('Bill the customer');

  // JSON is the other choice, and it is remembered.
  await page.getByRole('radio', { name: 'JSON' }).click();
  await expect.poll(() => editorText(page)).toMatch(/^\{\n\s+"version": 2,/);
  await page.reload();
  await openSource(page);
  await expect.poll(() => editorText(page)).toMatch(/^\{/);
  expect(errors).toEqual([]);
  await context.close();
});

test('dark theme and a phone-width screen', async () => {
  const { page, context } = await openPage(browser, '', { colorScheme: 'dark', width: 390, height: 844 });
  await pickPreset(page, 'saga-compensation-fails');
  await openSource(page);
  await screenshot(page, 'source-tab-dark-390');
  const box = await page.locator('.cm-editor').boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  await context.close();
});
