import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// A link without positions (the CLI's, an import's) is laid out by the app on opening. Shared
// again unmoved, the link is the one it came from, and the receiver sees every step at the very
// same place on the screen; once a step is dragged, the link carries the positions.

/** A CI pipeline as an import gives it: no positions. Two branches, a join, a fan-out. */
const pipeline: Scenario = {
  version: 2,
  title: 'CI pipeline, imported',
  steps: [
    { id: 'checkout', label: 'Checkout' },
    { id: 'build', label: 'Build', fail: { status: 500, message: 'compiler crashed' } },
    { id: 'lint', label: 'Lint' },
    { id: 'test', label: 'Unit tests' },
    { id: 'package', label: 'Package' },
    { id: 'docs', label: 'Docs' },
    { id: 'publish', label: 'Publish' },
  ],
  dependencies: [
    { from: 'checkout', to: 'build' },
    { from: 'checkout', to: 'lint' },
    { from: 'build', to: 'test' },
    { from: 'lint', to: 'test' },
    { from: 'test', to: 'package' },
    { from: 'test', to: 'docs' },
    { from: 'package', to: 'publish' },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Boxes = Record<string, { x: number; y: number; width: number; height: number }>;

/** Every step's box on the screen (px, rounded to 0.1). */
function screenBoxes(page: Page): Promise<Boxes> {
  return page.$$eval('.react-flow__node[data-id]', (nodes) =>
    Object.fromEntries(
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        const round = (v: number) => Math.round(v * 10) / 10;
        return [(n as HTMLElement).dataset.id!, { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) }];
      }),
    ),
  );
}

/** The boxes once the canvas has settled: two reads in a row agree. */
async function settledBoxes(page: Page): Promise<Boxes> {
  await page.getByTestId('step-node-publish').waitFor();
  let last = JSON.stringify(await screenBoxes(page));
  await expect
    .poll(async () => {
      const now = JSON.stringify(await screenBoxes(page));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as Boxes;
}

/** The Share dialog's link (then the dialog is closed again). */
async function sharedLink(page: Page, shot?: string): Promise<string> {
  await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const link = await dialog.getByLabel('Share link').inputValue();
  if (shot) await screenshot(page, shot);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

const fragment = (link: string) => link.slice(link.indexOf('#') + 1);
const positions = (link: string) => {
  const decoded = decodeScenarioLink(fragment(link));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.scenario.steps.map((s) => s.position ?? null);
};

test('a link opened without positions, shared again unmoved: the same link, every step at the same place on the receiver’s screen', async () => {
  const original = encodeScenarioLink(pipeline);
  const sender = await openPage(browser, `index.html#${original}`, { reducedMotion: 'reduce' });
  const seen = await settledBoxes(sender.page);
  expect(Object.keys(seen)).toHaveLength(7);
  await screenshot(sender.page, 'share-auto-positions-sender');

  const link = await sharedLink(sender.page, 'share-auto-positions-dialog');
  expect(fragment(link)).toBe(original);
  expect(positions(link).every((p) => p === null)).toBe(true);

  const receiver = await openPage(browser, `index.html#${fragment(link)}`, { reducedMotion: 'reduce' });
  expect(await settledBoxes(receiver.page)).toEqual(seen);
  await screenshot(receiver.page, 'share-auto-positions-receiver');

  // A step dragged down: the link now carries the positions, and opens with the step where it was dropped.
  const docs = await sender.page.getByTestId('step-node-docs').boundingBox();
  await sender.page.mouse.move(docs!.x + 40, docs!.y + 20);
  await sender.page.mouse.down();
  await sender.page.mouse.move(docs!.x + 40, docs!.y + 160, { steps: 10 });
  await sender.page.mouse.up();
  await expect.poll(async () => (await sender.page.getByTestId('step-node-docs').boundingBox())!.y).toBeGreaterThan(docs!.y + 100);
  const moved = await sharedLink(sender.page);
  expect(positions(moved).every((p) => p !== null)).toBe(true);
  const flow = (page: Page) =>
    page.$$eval('.react-flow__node[data-id]', (nodes) =>
      Object.fromEntries(nodes.map((n) => [(n as HTMLElement).dataset.id!, getComputedStyle(n).transform])),
    );
  const third = await openPage(browser, `index.html#${fragment(moved)}`, { reducedMotion: 'reduce' });
  await settledBoxes(third.page);
  // On the canvas (the view refits to the new picture): every step at the sender's coordinates.
  expect(await flow(third.page)).toEqual(await flow(sender.page));
  await screenshot(third.page, 'share-auto-positions-moved');

  for (const opened of [sender, receiver, third]) {
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  }
});
