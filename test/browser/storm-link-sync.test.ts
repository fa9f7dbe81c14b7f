import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './harness.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';

// Issue #9 item 3: a 2,000-step link is decoded, and the address bar's link made, in the text
// worker (src/worker/texts-off-thread.ts), not on the page. What a person sees must not change:
// after an edit the address bar holds a link to the edited scenario, and a reload opens the edit.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The label of step `id` in the scenario the page's address bar links to, or why there is none. */
async function labelInAddressBar(page: Page, id: string): Promise<string | undefined> {
  const decoded = decodeScenarioLink(new URL(page.url()).hash);
  if (!decoded.ok) return `(no scenario: ${decoded.error.message})`;
  const step = decoded.scenario.steps.find((s) => s.id === id);
  return step?.label ?? step?.id;
}

describe("the address bar follows an edit of a 2,000-step storm link's scenario", () => {
  test('rename a step: the link in the address bar decodes to the renamed scenario, and a reload shows the new name', async () => {
    const scenario = retryStorm(2_000, 'naive');
    const fragment = encodeScenarioLink(scenario, { at: 1e300 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(`index.html#${fragment}`, baseUrl()).href);
    await page.getByTestId('run-stopped').waitFor({ timeout: 120_000 });

    // The canvas draws only the steps in view: rename the first one drawn.
    const first = page.locator('[data-testid^="step-node-"]').first();
    const id = ((await first.getAttribute('data-testid')) ?? '').slice('step-node-'.length);
    expect(id).toMatch(/^s\d+$/);
    await first.click();
    await page.keyboard.press('F2');
    const name = page.getByLabel('Step name');
    await name.fill('Renamed in a storm');
    await name.press('Enter');
    await expect.poll(() => labelInAddressBar(page, id), { timeout: 60_000 }).toBe('Renamed in a storm');
    // The rest of the scenario came through the worker's link unchanged.
    const decoded = decodeScenarioLink(new URL(page.url()).hash);
    expect(decoded.ok && decoded.scenario.steps.length).toBe(2_000);
    expect(decoded.ok && decoded.scenario.dependencies.length).toBe(1_999);

    await page.reload();
    await page.getByTestId(`step-node-${id}`).getByText('Renamed in a storm').waitFor({ timeout: 120_000 });
    expect(await labelInAddressBar(page, id)).toBe('Renamed in a storm');
    await screenshot(page, 'storm-2000-renamed-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
