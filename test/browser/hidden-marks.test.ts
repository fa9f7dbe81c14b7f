import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { node, pressOn, sidePanel } from './app.ts';
import { expectNoSeriousAxe, openA11yPage } from './axe.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// A step's marks that do not fit its node are counted at the row's end, "+N", and named only in
// that count's tooltip: a phone cannot hover, nor can a keyboard (tryout). Selecting the step
// (a tap, or Enter on the focused node) opens the Inspector, whose top lists every mark of the
// node, each chip beside its words, and last its warning badge's warnings (also only a tooltip).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const scenario: Scenario = {
  version: 2,
  title: 'Many marks',
  steps: [
    { id: 'ship', label: 'Ship', request: 'POST /shipments', fail: { timeout: true, times: 2 }, compensation: { label: 'Cancel', fail: { status: 500 } }, retry: { maxAttempts: 3 }, timeoutMs: 1500, idempotent: false, position: { x: 0, y: 0 } },
    { id: 'few', label: 'Few', request: 'GET /x', timeoutMs: 1500, retry: { maxAttempts: 2 }, position: { x: 260, y: 0 } },
  ],
  dependencies: [{ from: 'ship', to: 'few' }],
};

// Not idempotent and sent up to 3 times: the node's "⚠ 1".
const WARNING = '"Ship" is not idempotent but may be sent 3 times: a retry can repeat its effect';
const HIDDEN = ['Times out after 1.5 s', 'Compensation: Cancel (fails with 500)', 'Not idempotent: running it twice does it twice'];

/** The "+N" of step `id` once its row is measured: its text and the marks its tooltip names. */
async function countOf(page: Page, id: string): Promise<{ text: string; names: string[] }> {
  const more = node(page, id).locator('[data-mark="more"]');
  await more.waitFor();
  const title = (await more.getAttribute('title')) ?? '';
  return { text: await more.innerText(), names: title.replace(/^Also: /, '').split('\n') };
}

/** The Inspector's list of the selected step's marks (StepMarksList.tsx). */
function marksList(page: Page) {
  return sidePanel(page).getByRole('list', { name: 'Marks on its node' });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`on a 390 px touch phone, tapping a step whose node shows “+3” lists every mark, those three too, in view (${colorScheme})`, async () => {
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { width: 390, height: 844, touch: true, colorScheme });
    expect(await countOf(page, 'ship')).toEqual({ text: '+3', names: HIDDEN });
    await node(page, 'ship').tap();
    const list = marksList(page);
    await list.waitFor();
    const items = await list.getByRole('listitem').allInnerTexts();
    for (const name of [...HIDDEN, WARNING]) expect(items.some((t) => t.includes(name)), name).toBe(true);
    expect(items).toHaveLength(6);
    // Brought into view with the Inspector (StepCanvas onNodeClick), the list's last item too.
    await expect
      .poll(() => list.getByRole('listitem').last().evaluate((li) => { const r = li.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }))
      .toBe(true);
    // The words fit the phone: nothing runs past the panel's right edge.
    expect(await list.evaluate((ul) => ul.scrollWidth <= ul.clientWidth && ul.getBoundingClientRect().right <= innerWidth)).toBe(true);
    await screenshot(page, `hidden-marks-390-${colorScheme}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`at 1,280 px, Enter on a focused step whose node shows “+3” lists every mark in the Inspector (${colorScheme})`, async () => {
    const { page, context, errors } = await openA11yPage(browser, `#${encodeScenarioLink(scenario)}`, { width: 1280, height: 800, colorScheme });
    expect(await countOf(page, 'ship')).toEqual({ text: '+3', names: HIDDEN });
    await pressOn(page.locator('.react-flow__node[data-id="ship"]'));
    const list = marksList(page);
    await list.waitFor();
    const items = await list.getByRole('listitem').allInnerTexts();
    expect(items.map((t) => t.replace(/^.*\n/, ''))).toEqual([
      'Hangs until its timeout and answers 504 on the first 2 attempts',
      'Retries: up to 3 attempts',
      ...HIDDEN,
      // "Warning:" is said, not drawn (the chip is hidden from screen readers).
      `Warning:\n${WARNING}`,
    ]);
    // The chips in the list keep their colours' contrast, and the list its name.
    await expectNoSeriousAxe(page, `the Inspector's marks (${colorScheme})`);
    await screenshot(page, `hidden-marks-1280-${colorScheme}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
