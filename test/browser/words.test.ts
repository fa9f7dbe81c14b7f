import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot } from './harness.ts';
import { openGallery, pickPreset, run, seekToEnd, transport } from './app.ts';
import { axe, blocking, describeViolations, openA11yPage } from './axe.ts';

// The wording a fresh user found wrong, seen in Chromium at 1,280 px, light and dark: the run
// summary after stepping back, the saga comparison's sentence and table, and the reason
// "Abort on failure" runs like A.

let browser: Browser;
type Browser = Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const summary = (page: Page) => page.getByTestId('summary-section');
const figureNames = (page: Page) => summary(page).locator('.pb-figures dt').allTextContents();

for (const colorScheme of ['light', 'dark'] as const) {
  test(`run summary, stepped back before any 424 (${colorScheme}): no zero rows, "not attempted" only beside "blocked (424)"`, async () => {
    const { page, context, errors } = await openA11yPage(browser, '', { colorScheme });
    await pickPreset(page, 'payment-fails');
    await run(page);
    await seekToEnd(page);
    await summary(page).scrollIntoViewIfNeeded();
    expect(await figureNames(page)).toEqual(expect.arrayContaining(['blocked (424)', 'not attempted thanks to fail-fast']));
    expect(await figureNames(page)).not.toContain('retries spent');
    await screenshot(page, `words-summary-end-${colorScheme}`);
    const back = transport(page).getByRole('button', { name: 'Back one event' });
    for (let i = 0; i < 30 && (await figureNames(page)).includes('blocked (424)'); i++) await back.click();
    expect(await figureNames(page)).not.toContain('blocked (424)');
    expect(await figureNames(page)).not.toContain('not attempted thanks to fail-fast');
    expect(await figureNames(page)).not.toContain('retries spent');
    await summary(page).scrollIntoViewIfNeeded();
    await screenshot(page, `words-summary-stepped-back-${colorScheme}`);
    expect(describeViolations(blocking(await axe(page)))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`compare saga-compensation-fails with "Saga off" (${colorScheme}): the sentence counts the 4 steps the table lists; the payment reads as its 200, then its failed undo`, async () => {
    const { page, context, errors } = await openA11yPage(browser, '', { colorScheme });
    await pickPreset(page, 'saga-compensation-fails');
    await page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
    await page.getByRole('dialog', { name: 'Compare with…' }).getByRole('button', { name: 'Saga off', exact: true }).click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    await expect
      .poll(() => view.getByTestId('compare-summary').textContent())
      .toBe("B finished 270 ms sooner; 3 steps were compensated and 1 step's compensation failed in A only.");
    const rows = view.getByTestId('compare-diff').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const payment = view.getByTestId('compare-diff').locator('tr[data-step="authorize-payment"]');
    expect(await payment.locator('td[data-side="a"]').textContent()).toBe('succeeded · 200 · 1 attempt, 100–250 ms; then its compensation failed');
    expect(await payment.locator('td[data-side="b"]').textContent()).toBe('succeeded · 200 · 1 attempt, 100–250 ms');
    await view.getByTestId('compare-diff').scrollIntoViewIfNeeded();
    await screenshot(page, `words-compare-saga-off-${colorScheme}`);
    await view.getByTestId('compare-summary').scrollIntoViewIfNeeded();
    await screenshot(page, `words-compare-saga-off-summary-${colorScheme}`);
    expect(describeViolations(blocking(await axe(page)))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`"Abort on failure" on the three examples where it runs like A (${colorScheme}): the menu says why`, async () => {
    const { page, context, errors } = await openA11yPage(browser, '', { colorScheme });
    for (const [i, name] of ['timeout-no-guard', 'artifact-checksum', 'shipping-retry-graph-aware'].entries()) {
      if (i > 0) await openGallery(page);
      await pickPreset(page, name);
      await page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
      const menu = page.getByRole('dialog', { name: 'Compare with…' });
      const abort = menu.getByRole('button', { name: 'Abort on failure', exact: true });
      const warning = abort.locator('xpath=ancestor::li[1]').locator('.compare-menu__same');
      expect(await warning.textContent(), name).toBe(
        'Runs the same as A here: every step still waiting at the first failure depends on it, and abort cancels only independent steps.',
      );
      await warning.scrollIntoViewIfNeeded();
      await screenshot(page, `words-abort-menu-${name}-${colorScheme}`);
      if (name !== 'shipping-retry-graph-aware') {
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
      } else await abort.click();
    }
    // Pressed anyway, the comparison says the same reason after "no step differs".
    const view = page.getByTestId('compare-view');
    await expect
      .poll(() => view.getByTestId('compare-summary').textContent())
      .toBe('A and B ran the same: no step differs. It makes no difference here: every step still waiting at the first failure depends on it, and abort cancels only independent steps.');
    await screenshot(page, `words-abort-compared-shipping-retry-graph-aware-${colorScheme}`);
    expect(describeViolations(blocking(await axe(page)))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('compare saga-compensation-fails with "Saga off" on a 390 px phone: the undo words fit the table', async () => {
  const { page, context, errors } = await openA11yPage(browser, '', { width: 390, height: 844 });
  await pickPreset(page, 'saga-compensation-fails');
  await page.getByRole('banner').getByRole('button', { name: 'More tools' }).click();
  await page.getByRole('menu', { name: 'More tools' }).getByRole('menuitem', { name: 'Compare with…' }).click();
  await page.getByRole('dialog', { name: 'Compare with…' }).getByRole('button', { name: 'Saga off', exact: true }).click();
  const table = page.getByTestId('compare-view').getByTestId('compare-diff');
  await table.locator('tr[data-step="authorize-payment"]').scrollIntoViewIfNeeded();
  expect(await table.locator('tr[data-step="authorize-payment"] td[data-side="a"]').textContent()).toBe('succeeded · 200 · 1 attempt, 100–250 ms; then its compensation failed');
  await screenshot(page, 'words-compare-saga-off-390');
  expect(errors).toEqual([]);
  await context.close();
});
