import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { openLessonsIndex, pickPreset, sidePanel } from './app.ts';

// Words about keys are for those who have keys: "Press Run (Ctrl+Enter)" on a phone told of a
// keyboard the person did not have (tryout). A touch screen with no fine pointer reads "Press Run".

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const [device, options, words] of [
  ['a touch phone (390 px, no mouse or keyboard)', { width: 390, height: 844, touch: true, colorScheme: 'dark' }, 'No run yet. Press Run to simulate the scenario; playback, the timeline and the event log appear here.'],
  ['a laptop (1,280 px, a mouse and keyboard)', { width: 1280, height: 800 }, 'No run yet. Press Run (Ctrl+Enter) to simulate the scenario; playback, the timeline and the event log appear here.'],
] as const) {
  test(`before the first run, ${device} reads: “${words.slice(12, 40)}…”`, async () => {
    const { page, context, errors } = await openPage(browser, '', options);
    await pickPreset(page, 'payment-fails');
    const hint = page.getByText(/^No run yet\. Press Run/);
    await hint.waitFor();
    // innerText: what is drawn (a display: none part is left out), as a person reads it.
    expect(await hint.innerText()).toBe(words);
    await screenshot(page, `touch-hints-${options.width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// The lesson "Your first 424" told a phone to "move to a step with Tab … and press a key"
// (tryout). On touch the hint says what a tap does there: it marks the step in the list below.
const KEYS = 's succeeded, f failed, b blocked (424), k skipped, c cancelled, o compensated, x compensation-failed, r rolled-back';
for (const [device, options, words] of [
  ['a touch phone', { width: 390, height: 844, touch: true }, 'Choose below; a step you tap on the graph is marked in the list.'],
  ['a laptop', { width: 1280, height: 800 }, `Choose below, or move to a step with Tab (or click it on the graph) and press a key: ${KEYS}.`],
] as const) {
  test(`the lesson's prediction hint on ${device} reads: “${words.slice(0, 40)}…”`, async () => {
    const { page, context, errors } = await openPage(browser, '', options);
    await openLessonsIndex(page);
    await sidePanel(page).getByRole('button', { name: /^Start: Your first 424/ }).click();
    const hint = sidePanel(page).getByText(/^Choose below/);
    await hint.waitFor();
    expect(await hint.innerText()).toBe(words);
    if ('touch' in options) {
      // What the words say: a step tapped on the graph is marked in the list.
      await page.locator('.react-flow__node[data-id="create-invoice"]').tap();
      const row = sidePanel(page).getByRole('row').filter({ has: page.getByRole('button', { name: 'Create invoice', exact: true }) });
      await expect.poll(() => row.getAttribute('class')).toBe('is-selected');
      await expect.poll(() => row.evaluate((tr) => { const r = tr.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
      await screenshot(page, 'touch-hints-lesson-390');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}
