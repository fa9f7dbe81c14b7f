import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the built app loads with no page error and no request off its own origin', async () => {
  const { page, errors, foreignRequests, context } = await openPage(browser);
  await page.waitForSelector('h1');
  expect(await page.textContent('h1')).toContain('Ripple');
  await screenshot(page, 'smoke');
  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await context.close();
});
