import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, launch, openPage, screenshot } from './harness.ts';
import { node, pause, pickPreset, run, transport } from './app.ts';
import { canvasTextContrast, expectNoSeriousAxe, openA11yPage } from './axe.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';
import { STEP_NODE_HANDLES, STEP_NODE_SIZE, VISIBLE_ONLY_ABOVE } from '../../src/canvas/build-graph.ts';

// The canvas in real Chromium: the node size and handle places React Flow is given before it
// measures anything match what the CSS draws, and a large graph mounts only what is in view.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A grid of `count` steps in layers of 10, each depending on one or two steps of the layer before. */
function layered(count: number): Scenario {
  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / 10);
    steps.push({ id: `s${i}`, label: `Step ${i}`, request: `GET /items/${i}`, durationMs: 100 + (i % 7) * 40, position: { x: layer * 240, y: (i % 10) * 110 }, ...(i === 35 ? { fail: { status: 503 } } : {}) });
    if (layer > 0) {
      dependencies.push({ from: `s${i - 10}`, to: `s${i}` });
      if (i % 10 > 0) dependencies.push({ from: `s${i - 11}`, to: `s${i}` });
    }
  }
  return { version: 2, title: `Layered ${count}`, steps, dependencies };
}

test('the node size and handle places given up front match the CSS', async () => {
  const { page, context, errors } = await openPage(browser);
  await pickPreset(page, 'payment-fails');
  const measured = await page.evaluate(() => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
      const box = n.getBoundingClientRect();
      const at = (selector: string) => {
        const r = n.querySelector(selector)!.getBoundingClientRect();
        return { x: (r.left - box.left) / zoom, y: (r.top - box.top) / zoom, width: r.width / zoom, height: r.height / zoom };
      };
      return { width: n.offsetWidth, height: n.offsetHeight, target: at('.react-flow__handle-left'), source: at('.react-flow__handle-right') };
    });
  });
  expect(measured).toHaveLength(5);
  const [target, source] = STEP_NODE_HANDLES;
  for (const m of measured) {
    expect({ width: m.width, height: m.height }).toEqual(STEP_NODE_SIZE);
    for (const [got, want] of [
      [m.target, target],
      [m.source, source],
    ] as const) {
      expect(got.x).toBeCloseTo(want.x, 0);
      expect(got.y).toBeCloseTo(want.y, 0);
      expect(got.width).toBeCloseTo(want.width!, 0);
      expect(got.height).toBeCloseTo(want.height!, 0);
    }
  }
  expect(errors).toEqual([]);
  await context.close();
});

test(`above ${VISIBLE_ONLY_ABOVE} steps only the steps in view are mounted, and playback still draws states`, async () => {
  const big = layered(200);
  const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(big)}`);
  await page.locator('.react-flow__node').first().waitFor();
  const mounted = await page.locator('.react-flow__node').count();
  // The first view of a large graph shows its start (StepCanvas.tsx, startOfGraph): its four
  // leftmost steps at least, and what else is in view; never all 200.
  expect(mounted).toBeGreaterThanOrEqual(4);
  expect(mounted).toBeLessThan(big.steps.length / 4);
  expect(await node(page, 's0').count()).toBe(1);
  await run(page);
  await transport(page).getByLabel('Speed').selectOption('4');
  await expect.poll(() => page.locator('.react-flow__node [data-state="succeeded"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await screenshot(page, 'canvas-200-steps-playing');
  await pause(page);
  expect(errors).toEqual([]);
  await context.close();
});

test(`up to ${VISIBLE_ONLY_ABOVE} steps every step is mounted, so Tab reaches all of them`, async () => {
  const small = layered(VISIBLE_ONLY_ABOVE);
  const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(small)}`);
  await node(page, 's0').waitFor();
  // A graph whose first view shows only its start mounts the rest in the frames after it
  // (staged-mount.ts): every step and every edge, soon.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(small.steps.length);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(small.dependencies.length);
  expect(errors).toEqual([]);
  await context.close();
});

test('a step’s failure status is shown whole beside its other marks; those give way (tryout: "401" read "01" beside "undo fails")', async () => {
  const scenario: Scenario = {
    version: 2,
    title: 'Marks',
    steps: [
      { id: 'authorize', label: 'Authorize payment', request: 'POST /payments/authorize', fail: { status: 401 }, compensation: { label: 'Void', fail: { status: 500 } }, retry: { maxAttempts: 3 }, position: { x: 0, y: 0 } },
      { id: 'invoice', label: 'Create invoice', request: 'POST /invoices', position: { x: 260, y: 0 } },
      // Failing only the first attempts: the status and its count (tryout: "401 ×2" read "01 ×2").
      { id: 'capture', label: 'Capture payment', request: 'POST /payments/capture', fail: { status: 401, times: 2 }, compensation: { label: 'Refund' }, retry: { maxAttempts: 3 }, position: { x: 520, y: 0 } },
      { id: 'ship', label: 'Ship', request: 'POST /shipments', fail: { timeout: true, times: 2 }, compensation: { label: 'Cancel', fail: { status: 500 } }, retry: { maxAttempts: 3 }, timeoutMs: 1500, idempotent: false, position: { x: 780, y: 0 } },
    ],
    dependencies: [
      { from: 'authorize', to: 'invoice' },
      { from: 'invoice', to: 'capture' },
      { from: 'capture', to: 'ship' },
    ],
  };
  const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`);
  await node(page, 'authorize').waitFor();
  const marksOf = (id: string) =>
    page.evaluate((testId) => {
      const row = document.querySelector(`[data-testid="${testId}"] .step-node__marks`)!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"] .step-node__marks .chip`)].map((chip) => {
        const box = chip.getBoundingClientRect();
        const text = chip.querySelector<HTMLElement>('.chip__text')!;
        // Vertically: on the row's one line, or wholly on the clipped line below it (given way).
        const line = box.top >= row.top - 0.5 && box.bottom <= row.bottom + 0.5 ? 'shown' : box.top >= row.bottom ? 'hidden' : 'cut';
        return { mark: chip.dataset.mark, text: chip.textContent, inRow: box.left >= row.left - 0.5 && box.right <= row.right + 0.5, whole: text.scrollWidth <= text.clientWidth + 0.5, line };
      });
    }, `step-node-${id}`);
  const marks = await marksOf('authorize');
  expect(marks.find((m) => m.mark === 'fail')).toMatchObject({ text: expect.stringContaining('401'), inRow: true, whole: true });
  expect(marks.find((m) => m.mark === 'retry')).toMatchObject({ text: '3', inRow: true, whole: true });
  expect(marks.length).toBeGreaterThan(1);
  expect(marks.every((m) => m.inRow && m.line === 'shown')).toBe(true);
  // A status failing only the first attempts keeps its count, whole, and so does a hang.
  for (const [id, words] of [['capture', '401 ×2'], ['ship', 'hangs ×2']] as const) {
    const those = await marksOf(id);
    expect(those.find((m) => m.mark === 'fail'), id).toEqual({ mark: 'fail', text: words, inRow: true, whole: true, line: 'shown' });
    expect(those.find((m) => m.mark === 'retry'), id).toMatchObject({ text: '3', inRow: true, whole: true, line: 'shown' });
    expect(those.every((m) => m.inRow && m.line !== 'cut'), id).toBe(true);
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const id of ['capture', 'ship']) await node(page, id).screenshot({ path: join(ARTIFACTS, `canvas-marks-times-${id}-${colorScheme}.png`), scale: 'device' });
  }
  await screenshot(page, 'canvas-marks-401');
  expect(errors).toEqual([]);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a mark too narrow for its words shows its icon alone, the words in its tooltip, never a cut letter (tryout: "ι" beside 401 and a retry count; ${colorScheme})`, async () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Marks',
      steps: [
        { id: 'authorize', label: 'Authorize payment', request: 'POST /payments/authorize', fail: { status: 401 }, compensation: { label: 'Void', fail: { status: 500 } }, retry: { maxAttempts: 3 }, position: { x: 0, y: 0 } },
        // Room for the words: they show whole.
        { id: 'reserve', label: 'Reserve stock', compensation: { label: 'Release' }, timeoutMs: 1500, position: { x: 260, y: 0 } },
      ],
      dependencies: [{ from: 'authorize', to: 'reserve' }],
    };
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { colorScheme });
    await node(page, 'authorize').waitFor();
    /** Each mark of step `id`: how much of its words the chip shows — all, none (its icon alone), or a cut part. */
    const shown = (id: string) =>
      page.evaluate((testId) => {
        return [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"] .step-node__marks .chip`)].map((chip) => {
          const box = chip.getBoundingClientRect();
          const words = chip.querySelector<HTMLElement>('.chip__text')!;
          const text = words.getBoundingClientRect();
          const visible = Math.max(0, Math.min(box.right, text.right) - Math.max(box.left, text.left)) * Math.max(0, Math.min(box.bottom, text.bottom) - Math.max(box.top, text.top));
          const whole = visible > 0 && words.scrollWidth <= words.clientWidth + 0.5 && text.left >= box.left && text.right <= box.right && text.top >= box.top && text.bottom <= box.bottom;
          return { mark: chip.dataset.mark, title: chip.title, shows: whole ? words.textContent : visible === 0 ? 'icon only' : `cut: ${words.textContent}` };
        });
      }, `step-node-${id}`);
    expect(await shown('authorize')).toEqual([
      { mark: 'fail', title: 'Fails with 401 Unauthorized', shows: '401' },
      { mark: 'retry', title: 'Retries: up to 3 attempts', shows: '3' },
      { mark: 'compensation', title: 'Compensation: Void (fails with 500)', shows: 'icon only' },
    ]);
    expect(await shown('reserve')).toEqual([
      { mark: 'timeout', title: 'Times out after 1.5 s', shows: '1.5 s' },
      { mark: 'compensation', title: 'Compensation: Release', shows: 'undo' },
    ]);
    await node(page, 'authorize').screenshot({ path: join(ARTIFACTS, `canvas-marks-icon-only-${colorScheme}.png`), scale: 'device' });
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a failing undo looks unlike an undo, by its icon and its colour, also squeezed to its icon; its words meet contrast, and axe finds nothing serious (tryout: one icon and colour for both; ${colorScheme})`, async () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Undo marks',
      steps: [
        { id: 'authorize', label: 'Authorize payment', request: 'POST /payments/authorize', fail: { status: 401 }, compensation: { label: 'Void', fail: { status: 500 } }, retry: { maxAttempts: 3 }, position: { x: 0, y: 0 } },
        { id: 'reserve', label: 'Reserve stock', compensation: { label: 'Release' }, position: { x: 260, y: 0 } },
        { id: 'refund', label: 'Refund', compensation: { label: 'Refund back', fail: { status: 500 } }, position: { x: 520, y: 0 } },
      ],
      dependencies: [{ from: 'authorize', to: 'reserve' }, { from: 'reserve', to: 'refund' }],
    };
    const { page, context, errors } = await openA11yPage(browser, `#${encodeScenarioLink(scenario)}`, { colorScheme });
    await node(page, 'refund').waitFor();
    const undoMark = (id: string) =>
      page.evaluate((testId) => {
        const chip = document.querySelector<HTMLElement>(`[data-testid="${testId}"] .chip[data-mark="compensation"]`)!;
        return { icon: chip.querySelector('svg')!.dataset.icon, color: getComputedStyle(chip).color, border: getComputedStyle(chip).borderColor, text: chip.textContent };
      }, `step-node-${id}`);
    const undo = await undoMark('reserve');
    const fails = await undoMark('refund');
    const squeezed = await undoMark('authorize');
    expect(undo).toMatchObject({ icon: 'undo', text: 'undo' });
    expect(fails).toMatchObject({ icon: 'undo-fails', text: 'undo fails' });
    // Squeezed to its icon beside 401 and a retry count, it is still told apart.
    expect(squeezed).toEqual(fails);
    expect(fails.color).not.toBe(undo.color);
    expect(fails.border).not.toBe(undo.border);
    const low = await canvasTextContrast(page, '.step-node__marks .chip *');
    expect(low, JSON.stringify(low)).toEqual([]);
    await expectNoSeriousAxe(page, `undo marks (${colorScheme})`);
    for (const id of ['authorize', 'reserve', 'refund']) await node(page, id).screenshot({ path: join(ARTIFACTS, `canvas-undo-marks-${id}-${colorScheme}.png`), scale: 'device' });
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('marks that do not fit a step’s 100 px are counted at the row’s end, “+N”, whose tooltip names them (tryout: a mark left out gave no hint)', async () => {
  const scenario: Scenario = {
    version: 2,
    title: 'Many marks',
    steps: [
      // A status failing its first attempts and a retry count fill the 100 px: the count still fits beside them.
      { id: 'ship', label: 'Ship', request: 'POST /shipments', fail: { timeout: true, times: 2 }, compensation: { label: 'Cancel', fail: { status: 500 } }, retry: { maxAttempts: 3 }, timeoutMs: 1500, idempotent: false, position: { x: 0, y: 0 } },
      { id: 'many', label: 'No request', fail: { status: 409 }, compensation: { label: 'Void' }, retry: { maxAttempts: 3 }, timeoutMs: 2500, idempotent: false, join: 'any', successStatus: 201, position: { x: 260, y: 0 } },
      { id: 'few', label: 'Few', request: 'GET /x', timeoutMs: 1500, retry: { maxAttempts: 2 }, position: { x: 520, y: 0 } },
    ],
    dependencies: [{ from: 'ship', to: 'many' }, { from: 'many', to: 'few' }],
  };
  const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`);
  await node(page, 'few').waitFor();
  const row = (id: string) =>
    page.evaluate((testId) => {
      const marks = document.querySelector(`[data-testid="${testId}"] .step-node__marks`)!;
      const box = marks.getBoundingClientRect();
      const chips = [...marks.querySelectorAll<HTMLElement>('.chip')];
      return {
        shown: chips.filter((c) => c.dataset.mark !== 'more').map((c) => c.dataset.mark),
        more: chips.find((c) => c.dataset.mark === 'more')?.textContent ?? null,
        moreTitle: chips.find((c) => c.dataset.mark === 'more')?.title ?? null,
        // Every chip, the count too, on the row's one line and inside it, none over another.
        allOnTheLine: chips.every((c) => {
          const r = c.getBoundingClientRect();
          return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
        }),
        overlapping: chips.some((c, i) => i > 0 && c.getBoundingClientRect().left < chips[i - 1].getBoundingClientRect().right - 0.5),
        name: marks.closest('.react-flow__node')!.getAttribute('aria-label')!,
      };
    }, `step-node-${id}`);
  // The rows are measured once the measuring chunk is here (use-hidden-marks.ts): until then every mark is drawn.
  for (const id of ['ship', 'many']) await node(page, id).locator('[data-mark="more"]').waitFor();
  await expect.poll(async () => (await row('ship')).shown).toEqual(['fail', 'retry']);
  const ship = await row('ship');
  expect(ship).toMatchObject({ shown: ['fail', 'retry'], more: '+3', allOnTheLine: true, overlapping: false });
  expect(ship.moreTitle).toBe('Also: Times out after 1.5 s\nCompensation: Cancel (fails with 500)\nNot idempotent: running it twice does it twice');
  for (const title of ship.moreTitle!.slice('Also: '.length).split('\n')) expect(ship.name).toContain(title);
  const many = await row('many');
  expect(many.more).toBe(`+${7 - many.shown.length}`);
  expect(many).toMatchObject({ allOnTheLine: true, overlapping: false });
  expect(many.shown.slice(0, 2)).toEqual(['fail', 'retry']);
  expect(await row('few')).toMatchObject({ shown: ['retry', 'timeout'], more: null, allOnTheLine: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const low = await canvasTextContrast(page, '.step-node__marks .chip--more *');
    expect(low, `${colorScheme}: ${JSON.stringify(low)}`).toEqual([]);
    for (const id of ['ship', 'many']) await node(page, id).screenshot({ path: join(ARTIFACTS, `canvas-marks-more-${id}-${colorScheme}.png`), scale: 'device' });
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('selecting a step makes its own edges stand out (its prerequisites and dependents), and only those (tryout: a step’s connections could not be traced)', async () => {
  const scenario: Scenario = {
    version: 2,
    title: 'Adjacent',
    steps: [
      { id: 'a', position: { x: 0, y: 0 } },
      { id: 'b', position: { x: 260, y: 0 } },
      { id: 'c', position: { x: 520, y: 0 } },
      { id: 'd', position: { x: 260, y: 160 } },
    ],
    dependencies: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'd' },
      { from: 'd', to: 'c' },
    ],
  };
  const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`);
  await node(page, 'b').waitFor();
  const standingOut = () => page.evaluate(() => [...document.querySelectorAll('path.dep-edge--adjacent')].map((p) => p.id).sort());
  expect(await standingOut()).toEqual([]);
  await node(page, 'b').click();
  await expect.poll(standingOut).toEqual(['a->b', 'b->c']);
  await screenshot(page, 'canvas-adjacent-edges');
  // Another step: its edges instead.
  await node(page, 'd').click();
  await expect.poll(standingOut).toEqual(['a->d', 'd->c']);
  expect(errors).toEqual([]);
  await context.close();
});
