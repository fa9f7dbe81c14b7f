import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { pickPreset } from './app.ts';

// On a 390 px phone the toolbar wraps, so the Import / Export menu button sits mid-screen: its
// menu must open wholly on screen, every item reachable, and close on a click outside.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The open menu's box and the viewport's width. */
function menuBox(page: Page) {
  return page.evaluate(() => {
    const r = document.querySelector('[role="menu"][aria-label="Import and export"]')!.getBoundingClientRect();
    return { left: r.left, right: r.right, width: window.innerWidth };
  });
}

for (const width of [390, 1280]) {
  test(`${width} px: the Import / Export menu opens wholly on screen and closes on a click outside`, async () => {
    const { page, context, errors } = await openPage(browser, '', { width, height: 800, reducedMotion: 'reduce' });
    await pickPreset(page, 'payment-fails');
    const button = page.getByRole('button', { name: 'Import / Export' });
    await button.click();
    const box = await menuBox(page);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    await expect.poll(() => page.getByRole('menuitem', { name: /PNG image/ }).isVisible()).toBe(true);
    await screenshot(page, `import-export-menu-${width}`);
    await page.mouse.click(box.width / 2, 780);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });
}
