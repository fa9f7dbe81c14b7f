import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import { SYNC_ROUTE_MAX } from '../../src/worker/routes-off-thread.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// A graph of more than SYNC_ROUTE_MAX steps has its edge routes made in the route worker
// (src/worker/route-worker.ts), not in a render on the page's main thread (issue #9 item 3).
// In the real browser: the worker is started, and its routes reach the canvas — first when the
// link opens, then again after a step is dragged — so no edge passes under a step.

const COUNT = SYNC_ROUTE_MAX + 5;

/** One row of steps 220 px apart, a chain, and each step also depending on the one 7 back: drawn straight, those edges would pass under 6 steps. */
const scenario: Scenario = {
  version: 2,
  title: 'Routed in the worker',
  steps: Array.from({ length: COUNT }, (_, i) => ({ id: `s${i}`, position: { x: i * 220, y: 0 } })),
  dependencies: Array.from({ length: COUNT }, (_, i) => i)
    .slice(1)
    .flatMap((i) => [{ from: `s${i - 1}`, to: `s${i}` }, ...(i >= 7 ? [{ from: `s${i - 7}`, to: `s${i}` }] : [])]),
};

/** "edge X passes under step Y" for each edge drawn on the canvas (boxes shrunk by 1 px), in the canvas's own coordinates. */
function crossings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(n).transform);
      return { id: n.dataset.id ?? '?', x: m.e, y: m.f, width: n.offsetWidth, height: n.offsetHeight };
    });
    const found: string[] = [];
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')) {
      const name = path.closest('.react-flow__edge')?.getAttribute('data-id') ?? '?';
      const length = path.getTotalLength();
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 4) points.push(path.getPointAtLength(at));
      for (const box of boxes) {
        if (points.some((p) => p.x > box.x + 1 && p.x < box.x + box.width - 1 && p.y > box.y + 1 && p.y < box.y + box.height - 1)) found.push(`${name} passes under ${box.id}`);
      }
    }
    return found;
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test(`a ${COUNT}-step graph opened by link: its edges go around the steps, routed by the route worker, and again after a drag`, async () => {
  const { context, page, errors } = await openPage(browser, `index.html#${encodeScenarioLink(scenario)}`);
  try {
    await page.getByTestId('step-node-s0').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge-path').count()).toBe(scenario.dependencies.length);
    await expect.poll(() => crossings(page), { timeout: 30_000 }).toEqual([]);
    expect(page.workers().some((worker) => /route-worker/.test(worker.url()))).toBe(true);

    // Drag s2 (in the first view: 45 chained steps do not fit, so the graph opens on its start) below the row: its edges are routed anew, in the worker.
    const node = page.getByTestId('step-node-s2');
    const box = (await node.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + i * 8);
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__node[data-id="s2"]').evaluate((n) => new DOMMatrixReadOnly(getComputedStyle(n).transform).f)).toBeGreaterThan(0);
    await expect.poll(() => crossings(page), { timeout: 30_000 }).toEqual([]);
    await screenshot(page, 'route-worker-after-drag');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
