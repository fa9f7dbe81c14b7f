import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshot } from './harness.ts';
import { seekToEnd } from './app.ts';

// Issue #11 in real Chromium: open a GitHub workflow file, fail one job, run, and read the run
// in GitHub's words, then in Argo's and Airflow's.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, id: string) => page.getByTestId(`step-node-${id}`);
const workflow = readFileSync(new URL('../fixtures/dialects/github-monorepo.yml', import.meta.url));

const SIZES = [
  { width: 1280, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
] as const;

for (const size of SIZES) test(`a GitHub workflow opens in its dialect; a failed job reads failure, its dependents skipped, then Omitted as Argo (${size.width} px, ${size.colorScheme})`, async () => {
  const { context, page, errors } = await openPage(browser, '', { width: size.width, colorScheme: size.colorScheme });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'ci.yml', mimeType: 'text/yaml', buffer: workflow });
  await node(page, 'test-shared').waitFor({ timeout: 30_000 });

  await node(page, 'test-shared').click();
  await page.getByLabel('Answers').selectOption('500');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => node(page, 'test-frontend').getAttribute('data-state'), { timeout: 15_000 }).toBe('blocked');
  // The panel tells the run as of the playhead (issue #11: no conclusion before the end).
  await seekToEnd(page);

  await page.getByRole('tab', { name: 'Run' }).click();
  const section = page.getByTestId('dialect-section');
  await section.locator('summary').first().click();
  const speakAs = section.getByRole('combobox', { name: /Speak as/ });
  expect(await speakAs.inputValue()).toBe('github-actions');
  const word = (id: string) => section.getByRole('row', { name: new RegExp(`^${id} `) }).getByRole('cell').first().textContent();
  expect(await word('test-shared')).toBe('failure');
  expect(await word('test-frontend')).toBe('skipped');
  expect(await section.getByTestId('dialect-conclusion').textContent()).toBe('failure');
  await screenshot(page, `dialects-github-${size.width}-${size.colorScheme}`);

  await speakAs.selectOption('argo');
  expect(await word('test-frontend')).toBe('Omitted');
  await speakAs.selectOption('airflow');
  expect(await word('test-frontend')).toBe('upstream_failed');
  await screenshot(page, `dialects-airflow-${size.width}-${size.colorScheme}`);
  expect(errors).toEqual([]);
  await context.close();
});
