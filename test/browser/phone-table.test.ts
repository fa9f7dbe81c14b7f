import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { pickPreset, sidePanel } from './app.ts';
import { PRESETS, findPreset } from '../../src/presets/index.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';

// Tryout: on a 390 × 844 px phone the Table view's right border was cut off, the table a few px
// wider than the room its scroll box gives it (an empty scenario's header row by 14 px), so the
// table also scrolled sideways by those few px. On a phone the cells have less room around them
// and an id or a request path breaks anywhere (styles.css `.step-table`, max-width: 599px): the
// header row and the payment preset (172 px too wide) fit. A table whose words are still too wide
// for five columns scrolls sideways inside its box, its right border shown at the end.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The table's right edge, the right edge of what its scroll box shows (both px from the
 * viewport's left), and whether that box scrolls sideways; `atEnd`: scrolled to its right end.
 */
function tableEdges(page: Page, atEnd = false) {
  return page.locator('.step-table').evaluate((el, atEnd) => {
    const wrap = el.closest('.step-table-wrap')!;
    if (atEnd) wrap.scrollLeft = wrap.scrollWidth;
    const shown = wrap.getBoundingClientRect().left + wrap.clientLeft + wrap.clientWidth;
    return { right: el.getBoundingClientRect().right, shown, viewport: document.documentElement.clientWidth, scrolls: wrap.scrollWidth > wrap.clientWidth };
  }, atEnd);
}

async function openTable(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'More tools' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Table view' }).click();
  await page.locator('.step-table').waitFor();
}

for (const [name, open, colorScheme] of [
  ['an empty scenario (its header row)', (page: Page) => page.getByRole('dialog').first().waitFor().then(() => page.keyboard.press('Escape')), 'light'],
  ['the payment preset', (page: Page) => pickPreset(page, 'payment-fails'), 'dark'],
] as const) {
  test(`on a 390 × 844 px phone the Table view of ${name} is drawn whole, its right border inside the screen (${colorScheme})`, async () => {
    const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, touch: true, colorScheme });
    await open(page);
    await openTable(page);
    const edges = await tableEdges(page);
    await screenshot(page, `phone-table-${colorScheme}`);
    expect(edges.right).toBeLessThanOrEqual(edges.shown);
    expect(edges.right).toBeLessThanOrEqual(edges.viewport);
    expect(edges.scrolls).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// Tryout: in an empty scenario's Table view the canvas's "Draw steps" card lay over the table's
// header row on a phone. The table has its own empty state, a row under the header.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Table view of an empty scenario on a 390 × 844 px phone: nothing covers its header row, and the row under it says how to start (${colorScheme})`, async () => {
    const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, touch: true, colorScheme });
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
    await openTable(page);
    await screenshot(page, `phone-table-empty-${colorScheme}`);
    // Each header cell is on top all over it: what a tap anywhere on it (3 × 3 points, 2 px in
    // from its edges) lands on.
    const covered = await page.locator('.step-table thead th').evaluateAll((ths) =>
      ths
        .filter((th) => {
          const r = th.getBoundingClientRect();
          return [0, 0.5, 1].some((fx) =>
            [0, 0.5, 1].some((fy) => {
              const hit = document.elementFromPoint(r.left + 2 + fx * (r.width - 4), r.top + 2 + fy * (r.height - 4));
              return !hit || !th.contains(hit);
            }),
          );
        })
        .map((th) => th.textContent),
    );
    expect(covered).toEqual([]);
    expect(await page.getByText('Draw steps that depend on each other').count()).toBe(0);
    const empty = page.locator('.step-table tbody tr');
    expect(await empty.textContent()).toMatch(/^No steps yet\./);
    const header = await page.locator('.step-table thead').boundingBox();
    const row = await empty.boundingBox();
    expect(row!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
    expect(await empty.getByRole('button', { name: 'Open an example' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('on a 390 × 844 px phone every example\'s Table view fits, or scrolls sideways in its box with its right border shown at the end', async () => {
  const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, touch: true });
  await page.getByRole('dialog').first().waitFor();
  await page.keyboard.press('Escape');
  await openTable(page);
  const clipped: string[] = [];
  for (const preset of PRESETS) {
    // The view is remembered: a new page on the example's link opens on its table.
    const next = await context.newPage();
    await next.goto(new URL(`#${encodeScenarioLink(preset.scenario)}`, page.url()).href);
    await next.locator(`.step-table [data-testid="row-${preset.scenario.steps[0].id}"]`).waitFor();
    const edges = await tableEdges(next, true);
    if (edges.right > edges.shown || edges.right > edges.viewport) clipped.push(`${preset.name}: ${edges.right} > ${edges.shown}`);
    // The page itself never scrolls sideways.
    if ((await next.evaluate(() => document.documentElement.scrollWidth)) > 390) clipped.push(`${preset.name}: the page scrolls sideways`);
    if (preset.name === 'saga-compensation-fails') await screenshot(next, 'phone-table-saga-scrolled-to-end');
    await next.close();
  }
  expect(clipped).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

// Tryout on a 390 px phone: the "Depends on" header wrapped onto two lines, and the Inspector's
// "Marks on its node" chips were 11 px words. Each header says its name on one line (the table
// still fits, above), and the chips' words are at least 12 px.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`on a 390 × 844 px phone the Table view's column headers are one line each, and the selected step's marks in the Inspector at least 12 px (${colorScheme})`, async () => {
    const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, touch: true, colorScheme });
    await pickPreset(page, 'payment-fails');
    await openTable(page);
    // The lines each header's words are drawn on (distinct tops of their boxes).
    const lines = await page.locator('.step-table thead th').evaluateAll((ths) =>
      ths.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return `${th.textContent}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
      }),
    );
    expect(lines).toEqual(['Step: 1', 'Request: 1', 'Depends on: 1', 'Configured: 1', 'State: 1']);
    expect((await tableEdges(page)).scrolls).toBe(false);
    await screenshot(page, `phone-table-header-${colorScheme}`);

    const failing = findPreset('payment-fails')!.scenario.steps.find((s) => s.fail)!;
    await page.locator(`.step-table [data-testid="row-${failing.id}"] th button`).tap();
    const marks = sidePanel(page).getByTestId('step-marks-list');
    await marks.waitFor();
    await marks.scrollIntoViewIfNeeded();
    const sizes = await marks.locator('.chip').evaluateAll((chips) => chips.map((c) => parseFloat(getComputedStyle(c).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((px) => px < 12)).toEqual([]);
    await screenshot(page, `phone-table-marks-${colorScheme}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
