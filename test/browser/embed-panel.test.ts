import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { node } from './app.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { findPreset } from '../../src/presets/index.ts';

// The embed's timeline panel is as tall as its rows (up to 200 px): a five-step scenario leaves
// no empty box under the timeline's legend in a docs page.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('embed.html?panel=timeline: a five-step timeline fills its panel, with no empty space under it', async () => {
  const link = encodeScenarioLink(findPreset('payment-fails')!.scenario);
  const { page, context, errors } = await openPage(browser, `embed.html?panel=timeline#${link}`, { width: 800, height: 700 });
  await node(page, 'create-invoice').waitFor();
  const sizes = await page.$eval('.embed__panel', (panel) => ({
    panel: panel.getBoundingClientRect().height,
    content: [...panel.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0),
  }));
  expect(sizes.content).toBeGreaterThan(0);
  expect(sizes.panel - sizes.content).toBeLessThanOrEqual(2);
  await screenshot(page, 'embed-timeline-panel');
  expect(errors).toEqual([]);
  await context.close();
});
