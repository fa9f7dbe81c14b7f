import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './harness.ts';
import { askWhy, gallery, node, nodeStates, openGallery, pickPreset, playToEnd, presetButton, run } from './app.ts';
import { PRESETS } from '../../src/presets/index.ts';

// Every preset, the way a newcomer meets it: open the app, pick it in the gallery, Run, watch
// to the end. The canvas must end where the engine's golden trace ends, with no page error and
// no request off the app's origin.

interface GoldenStep {
  state: string;
  status: number | null;
}
const golden = (name: string): Record<string, GoldenStep> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'golden', `${name}.json`), 'utf8')).steps;

/** What a finished step's node says, from the golden trace: "424 blocked", "402 failed", … */
function expectedText(step: GoldenStep): string {
  switch (step.state) {
    case 'blocked':
      return '424 blocked';
    case 'failed':
      return `${step.status} failed`;
    case 'succeeded':
      return `${step.status} succeeded`;
    case 'compensation-failed':
      return 'compensation failed';
    case 'rolled-back':
      return '424 rolled back';
    default:
      return step.state;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('first use: the gallery opens, payment preset, Run, the invoice answers 424, Why 424? names the declined payment', async () => {
  const started = Date.now();
  const { page, context, errors, foreignRequests } = await openPage(browser);
  // A first visit opens the gallery by itself, the payment preset first and marked.
  await gallery(page).waitFor();
  const first = gallery(page).getByRole('listitem').first();
  expect(await first.textContent()).toMatch(/^Start here.*payment declined/);
  expect(await presetButton(page, 'payment-fails').evaluate((el) => el === document.activeElement)).toBe(true);
  await pickPreset(page, 'payment-fails');

  await run(page);
  await playToEnd(page);
  const invoice = node(page, 'create-invoice');
  expect(await invoice.getAttribute('data-state')).toBe('blocked');
  expect(await invoice.getByTestId('node-state').textContent()).toBe('424 blocked');
  expect(await node(page, 'authorize-payment').getByTestId('node-state').textContent()).toBe('402 failed');

  const why = await askWhy(page, 'create-invoice');
  await why.getByRole('heading', { name: 'Why did Create invoice answer 424?' }).waitFor();
  const chain = why.getByRole('list', { name: /Causal chain/ });
  expect(await chain.getByRole('listitem').count()).toBe(2);
  const root = chain.getByRole('listitem').last();
  expect(await root.textContent()).toContain('root cause');
  expect(await root.getByRole('button', { name: 'Select step Authorize payment' }).isVisible()).toBe(true);
  expect(await root.textContent()).toMatch(/402/);
  // The path from the root cause is highlighted on the canvas.
  for (const id of ['authorize-payment', 'create-invoice']) {
    expect(await node(page, id).getAttribute('class')).toContain('step-node--highlighted');
  }
  expect(await node(page, 'reserve-stock').getAttribute('class')).not.toContain('step-node--highlighted');

  // Following the chain selects the root cause.
  await root.getByRole('button', { name: 'Select step Authorize payment' }).click();
  await why.getByRole('heading', { name: 'Why did Authorize payment fail?' }).waitFor();

  expect(Date.now() - started).toBeLessThan(60_000);
  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await context.close();
});

describe('every preset runs to the end its golden trace records', () => {
  // One page for all of them, each opened from the toolbar's Examples: loading a preset over
  // another (with a run in progress) is part of what is tested, and it keeps the suite fast.
  let opened: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    opened = await openPage(browser);
    await gallery(opened.page).waitFor();
    await gallery(opened.page).getByRole('button', { name: 'Close' }).click();
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  for (const preset of PRESETS) {
    test(preset.name, async () => {
      const { page, errors, foreignRequests } = opened;
      errors.length = 0;
      await openGallery(page);
      await pickPreset(page, preset.name);
      expect(await page.locator('.react-flow__node:not(:has(.group-frame))').count()).toBe(preset.scenario.steps.length);
      // A new scenario shows its design until it is run.
      expect(Object.values(await nodeStates(page))).toEqual(preset.scenario.steps.map(() => 'design'));
      await run(page);
      await playToEnd(page);

      const expected = golden(preset.name);
      const shown = await nodeStates(page);
      expect(shown).toEqual(Object.fromEntries(Object.entries(expected).map(([id, step]) => [id, step.state])));
      // Each node says it in words too, not only by colour.
      for (const [id, step] of Object.entries(expected)) {
        expect(await node(page, id).getByTestId('node-state').textContent(), id).toContain(expectedText(step));
      }
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }
});
