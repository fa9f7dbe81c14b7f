import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot, type OpenedPage } from './harness.ts';
import { askWhy, gallery, node, openGallery, pause, pickPreset, run, seekToEnd, transport } from './app.ts';

// Screenshots of the main screens, light and dark, desktop and phone, saved to
// artifacts/screenshots/ for people to look at. Each also checks what it shows is there.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const theme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    describe(`${theme}, ${size.width}×${size.height}`, () => {
      const shot = (screen: string) => `screen-${screen}-${theme}-${size.name}`;
      let opened: OpenedPage;
      beforeAll(async () => {
        opened = await openPage(browser, '', { width: size.width, height: size.height, colorScheme: theme });
      });
      afterAll(async () => {
        await opened?.context.close();
      });

      test('gallery on first visit', async () => {
        const { page } = opened;
        await gallery(page).waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        // The first preset, marked "Start here", is on screen.
        const first = gallery(page).getByRole('listitem').first();
        expect(await first.textContent()).toContain('Start here');
        expect(await first.isVisible()).toBe(true);
        await screenshot(page, shot('gallery'));
      });

      test('after a run: the invoice answers 424, Why 424? open', async () => {
        const { page } = opened;
        await pickPreset(page, 'payment-fails');
        await run(page);
        await seekToEnd(page);
        const why = await askWhy(page, 'create-invoice');
        const heading = why.getByRole('heading', { name: 'Why did Create invoice answer 424?' });
        await heading.waitFor();
        expect(await node(page, 'create-invoice').getByTestId('node-state').textContent()).toBe('424 blocked');
        await screenshot(page, shot('why-424'));
        if (size.name === 'phone') {
          // On a phone the panel is below the canvas: scrolled down to its root cause, the
          // whole chain must read there.
          const root = why.getByRole('list', { name: /Causal chain/ }).getByRole('listitem').last();
          await root.evaluate((el) => el.scrollIntoView({ block: 'end' }));
          expect(await root.textContent()).toContain('root cause');
          expect(await heading.boundingBox().then((b) => b !== null && b.y >= 0)).toBe(true);
          await screenshot(page, shot('why-424-scrolled'));
        }
        expect(opened.errors).toEqual([]);
      });

      test('playback mid-run: the saga, after its first failure', async () => {
        const { page } = opened;
        await page.evaluate(() => window.scrollTo(0, 0));
        await openGallery(page);
        await pickPreset(page, 'saga-compensation-fails');
        await run(page);
        await pause(page);
        const bar = transport(page);
        await bar.getByRole('button', { name: 'Restart' }).click();
        await pause(page);
        await bar.getByRole('button', { name: 'Next failure' }).click();
        await bar.getByRole('button', { name: 'Forward one event' }).click();
        await bar.getByRole('button', { name: 'Forward one event' }).click();
        await expect.poll(() => node(page, 'book-courier').getAttribute('data-state')).toBe('failed');
        const states = Object.values(await page.$$eval('[data-testid^="step-node-"]', (els) => els.map((el) => el.getAttribute('data-state'))));
        // Mid-run: some steps are done, and not every step has reached its end.
        expect(states).toContain('succeeded');
        expect(states.some((s) => s === 'pending' || s === 'running' || s === 'compensating')).toBe(true);
        const clock = (await bar.locator('.pb-clock').textContent()) ?? '';
        const [now, total] = clock.split('/').map((part) => part.trim());
        expect(now).not.toBe(total);
        await screenshot(page, shot('playback-mid-run'));
        if (size.name === 'phone') {
          // The transport is far below the canvas on a phone: the canvas at the same moment.
          await page.evaluate(() => window.scrollTo(0, 0));
          expect(await node(page, 'book-courier').getByTestId('node-state').textContent()).toContain('503 failed');
          await screenshot(page, shot('playback-mid-run-canvas'));
        }
        expect(opened.errors).toEqual([]);
      });
    });
  }
}
