import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { sidePanel } from './app.ts';

// Tryout of an empty scenario's Table view: "+ Add a step" left focus on the page (its button
// gone with the empty row) and, on a 390 px phone, the new step's form below the screen; the row
// told a phone "(or press N)"; the caption read "1 steps". A step added from the table is named in
// the Inspector's Name field, as the canvas names it on its node: the field has focus, in view.
// Tryout: Enter there left focus in the field, and on the phone the new row above the screen;
// Enter (or Escape) now gives focus back to the row, in view.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844, touch: true } as const;
const LAPTOP = { width: 1280, height: 800 } as const;

async function openEmptyTable(page: Page, phone: boolean): Promise<void> {
  await page.getByRole('dialog').first().waitFor();
  await page.keyboard.press('Escape');
  if (phone) {
    await page.getByRole('banner').getByRole('button', { name: 'More tools' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Table view' }).click();
  } else {
    await page.getByRole('banner').getByRole('button', { name: 'Table view' }).click();
  }
  await page.locator('.step-table').waitFor();
}

/** Whether `target` has focus and is all inside the screen. */
function focusedInView(target: Locator) {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el === document.activeElement && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  });
}

for (const [device, options, words] of [
  ['a 390 px touch phone', PHONE, 'No steps yet. Start from an example, or add a step: each step is a row here.'],
  ['a 1,280 px laptop', LAPTOP, 'No steps yet. Start from an example, or add a step (or press N): each step is a row here.'],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the empty Table view on ${device}: its words name a key only where there are keys; “+ Add a step” puts focus in the new step's Name, in view (${colorScheme})`, async () => {
      const phone = 'touch' in options;
      const { page, context, errors } = await openPage(browser, '', { ...options, colorScheme });
      await openEmptyTable(page, phone);
      const row = page.locator('.step-table tbody tr');
      // innerText: what is drawn, as a person reads it.
      expect((await row.locator('p').innerText()).startsWith(words)).toBe(true);
      await screenshot(page, `table-add-step-empty-${options.width}-${colorScheme}`);

      const add = row.getByRole('button', { name: '+ Add a step' });
      if (phone) await add.tap();
      else await add.click();
      const name = sidePanel(page).getByRole('textbox', { name: 'Name', exact: true });
      await expect.poll(() => focusedInView(name)).toBe(true);
      expect(await page.getByRole('table').locator('caption').innerText()).toMatch(/^1 step in dependency order\./);
      // Typing names it, Enter keeps it and ends the naming where it began: focus on the row's
      // name, the row in view (on the phone it was above the screen, the page scrolled down to the
      // Name field), saying the new name.
      await page.keyboard.type('Charge card');
      await page.keyboard.press('Enter');
      const rowName = page.locator('.step-table tbody th button');
      await expect.poll(() => rowName.innerText()).toBe('Charge card');
      await expect.poll(() => focusedInView(rowName)).toBe(true);
      await screenshot(page, `table-add-step-named-${options.width}-${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}

test('the toolbar\'s Add step and N in the Table view at 1,280 px: focus in the new step\'s Name each time, the caption counting “2 steps”', async () => {
  const { page, context, errors } = await openPage(browser, '', LAPTOP);
  await openEmptyTable(page, false);
  await page.getByRole('banner').getByRole('button', { name: 'Add step' }).click();
  const name = sidePanel(page).getByRole('textbox', { name: 'Name', exact: true });
  await expect.poll(() => focusedInView(name)).toBe(true);
  // Escape ends the naming back at the row, where N adds the next step.
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedInView(page.locator('.step-table tbody th button').first())).toBe(true);
  await page.keyboard.press('n');
  await expect.poll(() => page.getByRole('table').locator('caption').innerText()).toMatch(/^2 steps in dependency order\./);
  await expect.poll(() => focusedInView(name)).toBe(true);
  expect(await page.locator('form.inspector-form').getAttribute('data-step-id')).toBe(await page.locator('.step-table tbody tr[aria-selected="true"] code').innerText());
  expect(errors).toEqual([]);
  await context.close();
});
