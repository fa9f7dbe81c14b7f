import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { openGallery, pickPreset, sidePanel } from './app.ts';
import { expectNoSeriousAxe, openA11yPage } from './axe.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { DRAFT_KEY, PREFS_KEY } from '../../src/store/persistence.ts';

// A new user on a 390 × 844 px phone: the toolbar took three rows (brand and Run, the Edit
// group, the View group), 145 px of the screen above the canvas. Now two: brand and Run, then
// the tools, every one 44 × 44 px; the less-used tools are in a More menu (Toolbar.tsx), a
// WAI-ARIA menu button that the keyboard works too. Nothing is lost: every tool of the laptop's
// toolbar is a button or a More item.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const draft: Scenario = {
  version: 2,
  title: 'My own draft',
  steps: [
    { id: 'mine', label: 'My step', position: { x: 0, y: 0 } },
    { id: 'next', label: 'Next step', position: { x: 220, y: 0 } },
  ],
  dependencies: [{ from: 'mine', to: 'next' }],
};

/**
 * A page with every tool the toolbar can show: an edited draft stored, then a preset opened over
 * it, so "Restore draft" and "Recent drafts" are there too.
 */
async function pageWithEveryTool(width: number, colorScheme: 'light' | 'dark') {
  const page = await openPage(browser, 'index.html', { width, height: width < 600 ? 844 : 800, touch: width < 600, colorScheme, reducedMotion: 'reduce' });
  await page.page.evaluate(
    ([draftKey, prefsKey, value]) => {
      localStorage.setItem(draftKey, value);
      localStorage.setItem(prefsKey, JSON.stringify({ theme: 'system', view: 'canvas', seenGallery: true }));
    },
    [DRAFT_KEY, PREFS_KEY, JSON.stringify({ scenario: draft, dirty: true, savedAt: 1 })] as const,
  );
  await page.page.reload();
  await page.page.getByTestId('step-node-mine').waitFor();
  await openGallery(page.page);
  await pickPreset(page.page, 'payment-fails');
  // In the page, drawn or not (on a phone it is a More item).
  await page.page.locator('header.toolbar button[aria-label^="Restore draft “"]').waitFor({ state: 'attached' });
  return page;
}

/** The toolbar as drawn: its height, how many rows its parts take, its drawn buttons' names and sizes, and whether the page scrolls sideways. */
function toolbarLayout(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('header.toolbar')!;
    const parts = [bar.querySelector('h1')!, ...bar.querySelectorAll('button')].filter((el) => el.getClientRects().length > 0);
    // A part that starts below every part of the row above starts a new row.
    let rows = 0;
    let rowBottom = -Infinity;
    for (const box of parts.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top)) {
      if (box.top >= rowBottom - 1) {
        rows++;
        rowBottom = box.bottom;
      } else rowBottom = Math.max(rowBottom, box.bottom);
    }
    const buttons = parts.filter((el) => el.tagName === 'BUTTON').map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.getAttribute('aria-label') ?? b.textContent!.trim(), width: r.width, height: r.height, inside: r.left >= 0 && r.right <= innerWidth };
    });
    return { height: bar.getBoundingClientRect().height, rows, buttons, sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth };
  });
}

/** The names of the open More menu's items. */
const moreItems = (page: Page) => page.getByRole('menu', { name: 'More tools' }).locator('[role^="menuitem"]').allTextContents();

describe('the toolbar on a 390 × 844 px phone', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`two rows, 44 px targets, no sideways scroll, and every laptop tool a button or a More item (${colorScheme})`, async () => {
      const laptop = await pageWithEveryTool(1280, colorScheme);
      const laptopTools = (await toolbarLayout(laptop.page)).buttons.map((b) => b.name);
      await screenshot(laptop.page, `phone-toolbar-1280-${colorScheme}`);
      await laptop.context.close();

      const { page, context, errors } = await pageWithEveryTool(390, colorScheme);
      const layout = await toolbarLayout(page);
      await screenshot(page, `phone-toolbar-390-${colorScheme}`);
      expect(layout.rows).toBeLessThanOrEqual(2);
      // Three rows took 145 px; two rows of 44 px buttons take about 100.
      expect(layout.height).toBeLessThanOrEqual(110);
      expect(layout.sideways).toBe(false);
      expect(layout.buttons.filter((b) => !b.inside).map((b) => b.name)).toEqual([]);
      expect(layout.buttons.filter((b) => b.width < 44 || b.height < 44).map((b) => b.name)).toEqual([]);

      const more = page.getByRole('banner').getByRole('button', { name: 'More tools' });
      await more.tap();
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
      // Loaded on first use.
      await page.getByRole('menu', { name: 'More tools' }).waitFor();
      const items = await moreItems(page);
      await screenshot(page, `phone-toolbar-more-${colorScheme}`);
      const reachable = [...layout.buttons.map((b) => b.name), ...items];
      expect(laptopTools.filter((name) => !reachable.includes(name))).toEqual([]);
      // Each item is a 44 px tap target, inside the screen.
      const boxes = await page.getByRole('menu', { name: 'More tools' }).locator('[role^="menuitem"]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
      expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(390);
      // A tap on an item does what the tool does, and closes the menu.
      await page.getByRole('menuitem', { name: /^Lessons/ }).tap();
      await sidePanel(page).getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open More menu: no serious axe violation (${colorScheme})`, async () => {
      const { page, context, errors } = await openA11yPage(browser, 'index.html', { width: 390, height: 844, colorScheme });
      await pickPreset(page, 'payment-fails');
      await page.getByRole('banner').getByRole('button', { name: 'More tools' }).click();
      await page.getByRole('menu', { name: 'More tools' }).waitFor();
      await expectNoSeriousAxe(page, `390 px, More menu open, ${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('the More menu by keyboard: Enter opens it on its first item, arrows move, Enter chooses, Escape closes back to the button', async () => {
    const { page, context, errors } = await pageWithEveryTool(390, 'light');
    const more = page.getByRole('banner').getByRole('button', { name: 'More tools' });
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.getAttribute('aria-label'));
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More tools' });
    await menu.waitFor();
    expect(await more.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
    const items = await moreItems(page);
    expect(await focused()).toBe(items[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(items[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(items.at(-1));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(items[0]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);

    // Table view is a checkbox item: chosen, the table shows and the item says it is on.
    await page.keyboard.press('Enter');
    const table = menu.getByRole('menuitemcheckbox', { name: 'Table view' });
    expect(await table.getAttribute('aria-checked')).toBe('false');
    while (!(await table.evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await page.getByRole('table').first().waitFor();
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await table.getAttribute('aria-checked')).toBe('true');
    // Tab leaves the menu closed.
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');

    // Compare with… opens its dialog from the menu.
    await more.focus();
    await page.keyboard.press('Enter');
    const compare = menu.getByRole('menuitem', { name: 'Compare with…' });
    expect(await compare.getAttribute('aria-haspopup')).toBe('dialog');
    await compare.click();
    await page.getByRole('dialog', { name: 'Compare with…' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
