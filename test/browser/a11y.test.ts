import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './harness.ts';
import { canvasTextContrast, controlContrast, expectNoSeriousAxe as check, openA11yPage, type OpenedA11yPage } from './axe.ts';
import { askWhy, gallery, node, openGallery, pause, pickPreset, run, seekToEnd, transport } from './app.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';

// axe-core on the main screens (issue 3 §6): no serious or critical violations. Every
// violation found, of any impact, is printed with its elements, so a failure says what to fix.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/** Text on the canvas (or in `selector`), which axe cannot measure (see canvasTextContrast). */
async function checkCanvasContrast(page: Page, screen: string, selector?: string): Promise<void> {
  const low = (await canvasTextContrast(page, selector)).map((c) => `${c.target} “${c.text}”: ${c.ratio}:1, needs ${c.needed}:1 (${c.color} on ${c.background})`);
  if (low.length > 0) console.log(`canvas contrast, ${screen}:\n  ${low.join('\n  ')}`);
  expect(low, `canvas text below WCAG AA contrast on: ${screen}`).toEqual([]);
}

/** The saga preset played to its end: compensated, compensation failed, failed and 424 nodes. */
async function sagaAtTheEnd(page: Page): Promise<void> {
  await openGallery(page);
  await pickPreset(page, 'saga-compensation-fails');
  await run(page);
  await seekToEnd(page);
  await expect.poll(() => node(page, 'authorize-payment').getAttribute('data-state')).toBe('compensation-failed');
}

/** Paused mid-run on the invoice's 424, with "Why 424?" open for it. */
async function pausedOnThe424(page: Page): Promise<void> {
  await run(page);
  await pause(page);
  const bar = transport(page);
  await bar.getByRole('button', { name: 'Restart' }).click();
  await pause(page);
  // First failure: the payment's 402; the next one is the invoice's 424.
  await bar.getByRole('button', { name: 'Next failure' }).click();
  await bar.getByRole('button', { name: 'Next failure' }).click();
  await expect.poll(() => node(page, 'create-invoice').getAttribute('data-state')).toBe('blocked');
  const why = await askWhy(page, 'create-invoice');
  await why.getByRole('heading', { name: 'Why did Create invoice answer 424?' }).waitFor();
}

describe('light, 1280×720', () => {
  let opened: OpenedA11yPage;
  beforeAll(async () => {
    opened = await openA11yPage(browser, 'index.html');
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  test('first visit: empty editor with the gallery open', async () => {
    await gallery(opened.page).waitFor();
    await check(opened.page, 'empty editor with the gallery open');
  });

  test('editor with a preset loaded', async () => {
    await pickPreset(opened.page, 'payment-fails');
    await check(opened.page, 'editor with the payment preset');
  });

  test('playback, paused on a 424, with Why 424? open', async () => {
    await pausedOnThe424(opened.page);
    await check(opened.page, 'playback with Why 424? open');
    await checkCanvasContrast(opened.page, 'payment, paused on the 424');
  });

  test('the share dialog', async () => {
    const { page } = opened;
    await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
    await dialog.waitFor();
    await check(page, 'share dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(opened.errors).toEqual([]);
  });

  test('canvas text of every finished state (saga preset at its end)', async () => {
    await sagaAtTheEnd(opened.page);
    await checkCanvasContrast(opened.page, 'saga at the end');
    expect(opened.errors).toEqual([]);
  });
});

describe('dark theme', () => {
  test('gallery, then playback with Why 424? open', async () => {
    const { page, context, errors } = await openA11yPage(browser, 'index.html', { colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await gallery(page).waitFor();
    await check(page, 'dark: gallery');
    await pickPreset(page, 'payment-fails');
    await pausedOnThe424(page);
    await check(page, 'dark: playback with Why 424? open');
    await checkCanvasContrast(page, 'dark: payment, paused on the 424');
    // "Show the end of the run": its label 4.5:1 and its box 3:1 on the dark panel, unchecked and checked (tryout: barely visible).
    const toggle = page.getByRole('checkbox', { name: /^Show the end of the run/ });
    for (const checked of [false, true]) {
      await toggle.setChecked(checked);
      await checkCanvasContrast(page, `dark: "Show the end of the run" label, ${checked ? 'checked' : 'unchecked'}`, '.pb-check-prose');
      expect(await controlContrast(page, '.pb-check-prose input[type="checkbox"]'), `its box, ${checked ? 'checked' : 'unchecked'}`).toBeGreaterThanOrEqual(3);
      await screenshot(page, `a11y-dark-whole-run-${checked ? 'checked' : 'unchecked'}`);
    }
    await toggle.setChecked(false);
    await sagaAtTheEnd(page);
    await checkCanvasContrast(page, 'dark: saga at the end');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('phone, 390×844', () => {
  test('gallery, then playback with Why 424? open', async () => {
    const { page, context, errors } = await openA11yPage(browser, 'index.html', { width: 390, height: 844 });
    await gallery(page).waitFor();
    await check(page, '390 px: gallery');
    await pickPreset(page, 'payment-fails');
    await pausedOnThe424(page);
    await check(page, '390 px: playback with Why 424? open');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('embed page', () => {
  const fragment = encodeScenarioLink(findPreset('payment-fails')!.scenario, { at: 200 });
  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}, at the invoice's 424`, async () => {
      const { page, context, errors } = await openA11yPage(browser, `embed.html?theme=${theme}#${fragment}`, { width: 800, height: 500 });
      await page.getByTestId('step-node-create-invoice').waitFor();
      await expect.poll(() => node(page, 'create-invoice').getAttribute('data-state')).toBe('blocked');
      await check(page, `embed, ${theme}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
