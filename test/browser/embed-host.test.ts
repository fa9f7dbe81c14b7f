import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';

// public/embed-demo.html: a host page with two embeds, driven through the postMessage protocol.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Seen {
  frame: string;
  type: string;
  height?: number;
  cursor?: number;
  playing?: boolean;
  t?: number;
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { rippleMessages: Seen[] }).rippleMessages);
const last = async (page: Page, frame: string, type: string) => (await messages(page)).filter((m) => m.frame === frame && m.type === type).at(-1);

function embedFrame(page: Page, id: string): Frame {
  const frame = page.frames().find((f) => f.url().includes(`id=${id}`));
  if (!frame) throw new Error(`no frame ${id}`);
  return frame;
}

test('two embeds on one page: each reports ready and its height, and plays on its own', async () => {
  const { page, errors, foreignRequests, context } = await openPage(browser, 'embed-demo.html', { width: 1100, height: 1600 });
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'ready').map((m) => m.frame).sort(), { timeout: 15_000 }).toEqual(['payment', 'saga']);

  // Each frame reported a height and the host sized the frame to it. A frame reports again as its
  // lazy panels arrive, so the host follows the latest report: compare with the report of the moment.
  for (const id of ['payment', 'saga']) {
    expect((await last(page, id, 'height'))?.height).toBeGreaterThan(200);
    await expect
      .poll(async () => {
        const reported = (await last(page, id, 'height'))?.height ?? 0;
        const shown = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
        return Math.abs(shown - Math.min(reported, 1200));
      })
      .toBeLessThan(5);
  }

  // Both embeds show their graph, read-only.
  await embedFrame(page, 'payment').getByTestId('step-node-authorize-payment').waitFor();
  await embedFrame(page, 'saga').locator('.react-flow__node').first().waitFor();

  await page.locator('button[data-frame="payment"][data-send="play"]').click();
  await expect.poll(async () => (await last(page, 'payment', 'moment'))?.cursor ?? 0, { timeout: 10_000 }).toBeGreaterThan(2);
  expect((await last(page, 'payment', 'moment'))?.playing).toBe(true);
  // The other embed did not move.
  const saga = await last(page, 'saga', 'moment');
  expect(saga?.playing ?? false).toBe(false);
  expect(saga?.cursor ?? 0).toBe(0);

  await page.locator('button[data-frame="payment"][data-send="pause"]').click();
  await expect.poll(async () => (await last(page, 'payment', 'moment'))?.playing).toBe(false);

  // Seek the payment embed to 200 ms: the invoice answers 424 there.
  await page.locator('button[data-frame="payment"][data-send="seek"]').click();
  await expect.poll(async () => (await last(page, 'payment', 'moment'))?.t).toBe(200);
  await expect.poll(() => embedFrame(page, 'payment').getByTestId('step-node-create-invoice').getAttribute('data-state')).toBe('blocked');

  await page.locator('button[data-frame="saga"][data-send="play"]').click();
  await expect.poll(async () => (await last(page, 'saga', 'moment'))?.playing).toBe(true);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: (await screenshot(page, 'embed-two-on-a-page')).replace(/\.png$/, '-full.png'), fullPage: true });
  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await context.close();
});

test('the embed ignores messages that are not the protocol, and answers the ones that are', async () => {
  const fragment = encodeScenarioLink(findPreset('payment-fails')!.scenario);
  const { page, errors, context } = await openPage(browser, `embed.html?id=solo#${fragment}`);
  await page.getByTestId('step-node-create-order').waitFor();
  // Not from a parent window, so nothing to answer; and garbage must not throw.
  await page.evaluate(() => {
    for (const data of [null, 'play', { source: 'ripple-host', version: 2, type: 'play' }, { source: 'ripple-host', version: 1, type: 'seek', t: 'x' }]) {
      window.postMessage(data, '*');
    }
  });
  await page.waitForTimeout(200);
  expect(errors).toEqual([]);
  expect(await page.getByRole('link', { name: 'Open in Ripple' }).getAttribute('href')).toBe(new URL(`./#${fragment}`, baseUrl()).href);
  expect(await page.getByRole('link', { name: 'Open in Ripple' }).getAttribute('target')).toBe('_blank');
  expect(await page.locator('.embed').count()).toBe(1);
  // No editing chrome.
  expect(await page.getByRole('button', { name: /Add step|Share|Run/ }).count()).toBe(0);
  await context.close();
});

test('the wheel scrolls the host page until the reader clicks into the embed', async () => {
  const { page, context } = await openPage(browser, 'embed-demo.html', { width: 900, height: 600 });
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'ready').length, { timeout: 15_000 }).toBe(2);
  const frame = page.locator('#payment');
  await frame.scrollIntoViewIfNeeded();
  const box = (await frame.boundingBox())!;
  const zoomOf = () => embedFrame(page, 'payment').locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const before = await zoomOf();
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore);
  expect(await zoomOf()).toBe(before);

  // After a click into the canvas, the wheel zooms the graph instead.
  await frame.scrollIntoViewIfNeeded();
  const box2 = (await frame.boundingBox())!;
  await page.mouse.click(box2.x + 30, box2.y + box2.height / 3);
  const scrollNow = await page.evaluate(() => scrollY);
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 3);
  await page.mouse.wheel(0, -300);
  await expect.poll(zoomOf).not.toBe(before);
  expect(await page.evaluate(() => scrollY)).toBe(scrollNow);
  await context.close();
});

test('a broken embed link says what is wrong inside the frame', async () => {
  const { page, errors, context } = await openPage(browser, 'embed.html#r1.cutshort');
  await page.getByRole('alert').getByText('This embedded scenario cannot be shown').waitFor();
  expect(await page.getByRole('link', { name: /Open in Ripple for details/ }).getAttribute('href')).toContain('#r1.cutshort');
  expect(errors).toEqual([]);
  await context.close();
});
