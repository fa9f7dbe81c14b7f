import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { pickPreset } from './app.ts';

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
