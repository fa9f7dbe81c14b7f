import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { node, pause, pickPreset, run } from './app.ts';

// The view follows the canvas area (issue 8, item 6): after Run the dock takes room from the
// canvas and the graph is fitted again; on a phone the starter fits, and tapping a step brings
// the Why panel into view.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The steps whose box is not wholly inside the canvas's visible area. */
function stepsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const area = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < area.left || r.top < area.top || r.right > area.right || r.bottom > area.bottom;
      })
      .map((n) => n.dataset.id ?? '?');
  });
}

const canvasHeight = (page: Page) => page.$eval('.react-flow', (el) => el.getBoundingClientRect().height);

for (const name of ['webdav-copy-locked']) {
  test(`1280 × 800, ${name}: after Run every step is still inside the (smaller) canvas`, async () => {
    const { page, context, errors } = await openPage(browser, '', { width: 1280, height: 800, reducedMotion: 'reduce' });
    await pickPreset(page, name);
    await expect.poll(() => stepsOutside(page)).toEqual([]);
    const before = await canvasHeight(page);
    await run(page);
    await pause(page);
    // The dock opened below the canvas: the canvas is shorter, and the picture was fitted to it.
    await expect.poll(() => canvasHeight(page)).toBeLessThan(before - 50);
    await expect.poll(() => stepsOutside(page)).toEqual([]);
    await screenshot(page, `view-after-run-${name}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('1280 × 800: a view the person moved themselves is left alone when the dock opens', async () => {
  const { page, context, errors } = await openPage(browser, '', { width: 1280, height: 800, reducedMotion: 'reduce' });
  await pickPreset(page, 'saga-compensation-fails');
  await expect.poll(() => stepsOutside(page)).toEqual([]);
  const viewport = () => page.$eval('.react-flow__viewport', (el) => getComputedStyle(el).transform);
  // Zoom in with the wheel over the pane, as a person would.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.move(pane!.x + 40, pane!.y + 40);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => stepsOutside(page)).not.toEqual([]);
  const moved = await viewport();
  await run(page);
  await pause(page);
  expect(await viewport()).toBe(moved);
  expect(errors).toEqual([]);
  await context.close();
});

test('390 × 844: the starter fits the canvas, and tapping a step scrolls the Why panel into view', async () => {
  const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, reducedMotion: 'reduce' });
  await pickPreset(page, 'payment-fails');
  await expect.poll(() => stepsOutside(page)).toEqual([]);
  await screenshot(page, 'view-phone-starter');
  await run(page);
  await pause(page);
  await expect.poll(() => stepsOutside(page)).toEqual([]);
  const why = page.getByTestId('why-section');
  const inView = () => why.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  expect(await inView()).toBe(false);
  await node(page, 'create-invoice').click();
  await expect.poll(inView).toBe(true);
  await screenshot(page, 'view-phone-why');
  expect(errors).toEqual([]);
  await context.close();
});
