import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './harness.ts';
import { askWhy, node, nodeStates, run, seekToEnd } from './app.ts';
import { storedDraft } from './stored-draft.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { PREFS_KEY } from '../../src/store/persistence.ts';

// Issue 9 §1 in the built app: step ids that are names of Object.prototype once blanked the
// editor, and, the draft being saved first, kept it blank on every later visit.

const hostile: Scenario = {
  version: 2,
  title: 'Prototype names',
  steps: [
    { id: 'constructor', request: 'POST /constructor', fail: { status: 500 }, position: { x: 0, y: 0 } },
    { id: 'toString', request: 'GET /toString', position: { x: 240, y: 0 } },
    { id: 'hasOwnProperty', request: 'GET /hasOwnProperty', position: { x: 480, y: 0 } },
  ],
  dependencies: [
    { from: 'constructor', to: 'toString' },
    { from: 'toString', to: 'hasOwnProperty' },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a link whose step ids are Object.prototype names', () => {
  test('opens, runs, selects a step, and the editor renders again after a reload and a later visit', async () => {
    const { context, page, errors } = await openPage(browser, 'index.html');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PREFS_KEY, JSON.stringify({ theme: 'system', view: 'canvas', seenGallery: true })] as const);
    await page.goto(new URL(`index.html#${encodeScenarioLink(hostile)}`, baseUrl()).href);
    for (const step of hostile.steps) await node(page, step.id).waitFor();

    await run(page);
    await seekToEnd(page);
    expect(await nodeStates(page)).toEqual({ constructor: 'failed', toString: 'blocked', hasOwnProperty: 'blocked' });
    const why = await askWhy(page, 'toString');
    await expect.poll(() => why.textContent()).toContain('constructor');

    // The draft is written (debounced) before the reload, as it would be for a person.
    await expect.poll(async () => (await storedDraft(page))?.scenario.steps.map((s) => s.id) ?? []).toContain('hasOwnProperty');
    await page.reload();
    for (const step of hostile.steps) await node(page, step.id).waitFor();

    // A later visit without the link opens the saved draft.
    await page.goto(new URL('index.html', baseUrl()).href);
    for (const step of hostile.steps) await node(page, step.id).waitFor();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'hostile-ids-after-visit');
    expect(errors).toEqual([]);
    await context.close();
  });
});
