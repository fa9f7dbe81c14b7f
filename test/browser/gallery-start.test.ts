import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { gallery } from './app.ts';
import { PRESETS } from '../../src/presets/index.ts';

// Tryout: "Start with an empty canvas" sat below the whole list of examples, and a first-time
// user looking for a blank start did not find it. It now heads the list: on screen when the
// gallery opens, on a phone too, without scrolling; first in the Tab order as on the screen.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether all of `target` is drawn inside the screen and the dialog's box as they are (nothing scrolled). */
function shownWhole(target: Locator) {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const box = el.closest('[role="dialog"]')!.getBoundingClientRect();
    return r.height > 0 && r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom) && r.left >= 0 && r.right <= innerWidth;
  });
}

for (const [device, options] of [
  ['a 1,280 px laptop', { width: 1280, height: 800 }],
  ['a 390 px touch phone', { width: 390, height: 844, touch: true }],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the gallery on first visit on ${device}: “Start with an empty canvas” is on screen without scrolling, just before the examples in the Tab order (${colorScheme})`, async () => {
      const { page, context, errors } = await openPage(browser, '', { ...options, colorScheme });
      const dialog = gallery(page);
      await dialog.waitFor();
      const empty = dialog.getByRole('button', { name: 'Start with an empty canvas' });
      expect(await shownWhole(empty)).toBe(true);
      await screenshot(page, `gallery-start-${options.width}-${colorScheme}`);
      // Focus starts on the first example; Shift+Tab goes up to the blank start, Tab back down.
      const first = dialog.getByRole('listitem').first().getByRole('button');
      expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await first.innerText()).toContain(PRESETS[0].title);
      await page.keyboard.press('Shift+Tab');
      expect(await empty.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('banner').getByRole('button', { name: 'Add step' }).first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}
