import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { pickPreset, run, seekToEnd } from './app.ts';

// Issue #11 in real Chromium: the run told in each orchestrator's words ("Speak as"), with the
// glossary, at desktop and phone width, light and dark.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const [width, colorScheme] of [
  [1280, 'light'],
  [390, 'dark'],
] as const) {
  test(`payment declined, told as GitHub Actions, Argo and Airflow (${width} px, ${colorScheme})`, async () => {
    const { context, page, errors } = await openPage(browser, '', { width, height: 900, colorScheme });
    await pickPreset(page, 'payment-fails');
    await run(page);
    // The panel tells the run as of the playhead (issue #11: no conclusion before the end).
    await seekToEnd(page);
    await page.getByRole('tab', { name: 'Run' }).click();
    const section = page.getByTestId('dialect-section');
    await section.locator('summary').first().click();
    const speakAs = section.getByRole('combobox', { name: /Speak as/ });
    expect(await speakAs.inputValue()).toBe('http');
    const word = () => section.getByRole('row', { name: /invoice/i }).getByRole('cell').first().textContent();
    expect(await word()).toBe('blocked');
    await speakAs.selectOption('github-actions');
    expect(await word()).toBe('skipped');
    expect(await section.getByTestId('dialect-conclusion').textContent()).toBe('failure');
    await speakAs.selectOption('argo');
    expect(await word()).toBe('Omitted');
    await speakAs.selectOption('airflow');
    expect(await word()).toBe('upstream_failed');
    await section.getByText(/^Glossary/).click();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, `dialects-speak-as-${width}-${colorScheme}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
