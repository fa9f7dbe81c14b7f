import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch, openPage } from './harness.ts';

// public/element-demo.html: three <ripple-embed> elements (src/element/ripple-embed.ts) on one
// page — a share link, a scenario file the element reads itself, and a broken file.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function frameOf(page: Page, id: string): Frame {
  const frame = page.frames().find((f) => f.parentFrame() !== null && f.url().includes(`id=ripple-embed-${id}`));
  if (!frame) throw new Error(`no frame for ripple-embed-${id}`);
  return frame;
}

async function frameFor(page: Page, element: string): Promise<Frame> {
  const embedId = await page.locator(`ripple-embed#${element}`).evaluate((el) => (el as HTMLElement & { embedId: string }).embedId);
  await expect.poll(() => page.frames().some((f) => f.url().includes(`id=${embedId}`)), { timeout: 15_000 }).toBe(true);
  return frameOf(page, embedId.replace('ripple-embed-', ''));
}

test('each element makes its sandboxed frame, sizes it from the embed, and plays on command', async () => {
  const { page, errors, foreignRequests, context } = await openPage(browser, 'element-demo.html', { width: 1000, height: 1800 });

  const link = await frameFor(page, 'link');
  await link.getByTestId('step-node-authorize-payment').waitFor({ timeout: 15_000 });
  const iframe = page.locator('ripple-embed#link iframe');
  expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin');
  expect(new URL((await iframe.getAttribute('src'))!).searchParams.get('panel')).toBe('timeline');
  // The height comes from the embed's own message, not the element's default of 420 px.
  await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).not.toBe(420);

  // The scenario file was read by the element and opened by the embed's gate.
  const file = await frameFor(page, 'file');
  await file.locator('.react-flow__node').first().waitFor({ timeout: 15_000 });
  expect(await file.locator('.react-flow__node').count()).toBeGreaterThan(3);

  // play() reaches only its own embed; the element re-dispatches the embed's moments.
  await page.evaluate(() => {
    const w = window as unknown as { moments: Array<{ element: string; playing: boolean; cursor: number }> };
    w.moments = [];
    for (const el of document.querySelectorAll('ripple-embed')) {
      el.addEventListener('ripple-moment', (e) => w.moments.push({ ...(e as CustomEvent).detail, element: el.id }));
    }
    (document.querySelector('ripple-embed#link') as unknown as { play(): void }).play();
  });
  const moments = () => page.evaluate(() => (window as unknown as { moments: Array<{ element: string; playing: boolean; cursor: number }> }).moments);
  await expect.poll(async () => (await moments()).filter((m) => m.element === 'link' && m.cursor > 2).length, { timeout: 10_000 }).toBeGreaterThan(0);
  expect((await moments()).filter((m) => m.element !== 'link')).toEqual([]);

  // A message from any other window (here: the page itself) does not resize a frame.
  const before = await iframe.evaluate((el) => el.style.height);
  await page.evaluate(() => window.postMessage({ source: 'ripple-embed', version: 1, type: 'height', id: 'ripple-embed-1', height: 999 }, '*'));
  await page.waitForTimeout(200);
  expect(await iframe.evaluate((el) => el.style.height)).toBe(before);

  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await context.close();
});

test('a broken scenario file is named in its frame, and the other embeds still work', async () => {
  const { page, context } = await openPage(browser, 'element-demo.html', { width: 1000, height: 1800 });
  const broken = await frameFor(page, 'broken');
  const alert = broken.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  await expect.poll(() => alert.textContent()).toContain('ghost');
  const link = await frameFor(page, 'link');
  await link.getByTestId('step-node-authorize-payment').waitFor({ timeout: 15_000 });
  await context.close();
});
