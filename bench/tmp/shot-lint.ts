import { chromium } from 'playwright-core';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  const link = encodeScenarioLink(findPreset('publish-before-validation')!.scenario);
  await page.goto('http://localhost:4520/index.html#' + link);
  await page.waitForTimeout(1500); await page.screenshot({ path: '/tmp/lint-dialog.png' }); await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Scenario' }).click();
  await page.getByRole('heading', { name: /Warnings/ }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/lint-${scheme}.png` });
  await page.keyboard.press('Control+Enter');
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByText(/warnings? before running/).click();
  await page.getByText(/warnings? before running/).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/lint-run-${scheme}.png` });
}
await browser.close();
