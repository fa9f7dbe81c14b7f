import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { askWhy, gallery, node, pause, pickPreset, playToEnd, run, transport } from './app.ts';
import { axe, blocking, describeViolations, openA11yPage } from './axe.ts';

// Watching a run and replaying it, in real Chromium: the keyboard moves through events, the
// log and the canvas follow the cursor, the response viewer shows the 424 a client gets, and
// after fixing the payment the replay continues the timeline and the invoice succeeds.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const currentLogEntry = (page: Page) => page.getByRole('region', { name: 'Event log' }).locator('[aria-current="step"]');

test('keyboard playback: → steps one event, Shift+→ jumps to the 402 then the 424; the log and canvas follow', async () => {
  const { page, context, errors } = await openPage(browser);
  await pickPreset(page, 'payment-fails');
  await run(page);
  await pause(page);
  await transport(page).getByRole('button', { name: 'Restart' }).click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await page.keyboard.press('ArrowRight');
  expect(await currentLogEntry(page).textContent()).toMatch(/Create order starts/);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await currentLogEntry(page).textContent()).toMatch(/Authorize payment answered 402 Payment Required/);
  expect(await node(page, 'authorize-payment').getAttribute('data-state')).toBe('failed');
  expect(await node(page, 'create-invoice').getAttribute('data-state')).not.toBe('blocked');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await currentLogEntry(page).textContent()).toMatch(/Create invoice depends on Authorize payment/);
  expect(await node(page, 'create-invoice').getAttribute('data-state')).toBe('blocked');
  await page.keyboard.press('ArrowLeft');
  expect(await node(page, 'create-invoice').getAttribute('data-state')).not.toBe('blocked');

  // The log tells the run only as far as the playhead; with the end shown, clicking a later
  // entry moves the cursor there.
  const log = page.getByRole('region', { name: 'Event log' });
  expect(await log.getByRole('button', { name: /Send receipt depends on Create invoice/ }).count()).toBe(0);
  await page.getByRole('checkbox', { name: /Show the end of the run/ }).check();
  await log.getByRole('button', { name: /Send receipt depends on Create invoice/ }).click();
  expect(await node(page, 'send-receipt').getAttribute('data-state')).toBe('blocked');
  await screenshot(page, 'playback-keyboard');
  expect(errors).toEqual([]);
  await context.close();
});

test('a 424 line is drawn over a line of the canvas colour, so its dash gaps show the canvas, not a line sharing its stretch (tryout)', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, context, errors } = await openPage(browser, '', { colorScheme });
    await pickPreset(page, 'payment-fails');
    await run(page);
    await playToEnd(page);
    const edges = await page.$$eval('path.dep-edge--carried', (paths) => {
      // The canvas's colour as the browser resolves it.
      const probe = document.createElement('div');
      probe.style.color = 'var(--bg)';
      document.querySelector('.react-flow')!.append(probe);
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      return paths.map((path) => {
        const casing = path.previousElementSibling;
        return { cased: casing?.classList.contains('dep-edge__casing') === true && casing.getAttribute('d') === path.getAttribute('d'), stroke: casing && getComputedStyle(casing).stroke, canvas };
      });
    });
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) expect(edge).toEqual({ cased: true, stroke: edge.canvas, canvas: edge.canvas });
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('the response viewer shows the exact 424 a client gets, and the 207 for the run', async () => {
  const { page, context, errors } = await openPage(browser);
  await pickPreset(page, 'payment-fails');
  await run(page);
  await playToEnd(page);
  await askWhy(page, 'create-invoice');
  const responses = page.getByTestId('responses-section');
  const figure = responses.getByRole('figure', { name: 'Response of Create invoice' });
  const text = (await figure.locator('pre').textContent()) ?? '';
  expect(text.split('\n')[0]).toBe('HTTP/1.1 424 Failed Dependency');
  expect(text).toContain('Content-Type: application/problem+json');
  expect(text).toContain('"failed_prerequisite_step": "authorize-payment"');
  await responses.getByText(/Whole run: 207 Multi-Status/).click();
  expect(await responses.getByRole('figure', { name: /Batch response/ }).locator('pre').textContent()).toMatch(/^HTTP\/1\.1 207 Multi-Status/);
  await responses.getByText('How a client detects a 424').click();
  await responses.getByRole('button', { name: 'Python requests' }).click();
  expect(await responses.getByRole('figure', { name: /Detect the 424/ }).locator('pre').textContent()).toContain('response.status_code == 424');
  await figure.scrollIntoViewIfNeeded();
  await screenshot(page, 'playback-responses');
  expect(errors).toEqual([]);
  await context.close();
});

test('replay after fixing the payment: the plan keeps what succeeded, the replay continues the timeline and the invoice succeeds', async () => {
  const { page, context, errors } = await openPage(browser);
  await pickPreset(page, 'payment-fails');
  await run(page);
  await playToEnd(page);
  expect(await node(page, 'create-invoice').getAttribute('data-state')).toBe('blocked');

  // Open the plan from the Run tab's Replay section.
  await page.getByRole('tab', { name: 'Run' }).click();
  const replay = page.getByTestId('replay-section');
  await replay.getByRole('button', { name: 'Replay from failed step…' }).click();
  await replay.getByRole('heading', { name: 'Run again (3)' }).waitFor();
  await replay.getByRole('heading', { name: /Keep, reuse the result \(2\)/ }).waitFor();
  expect(await replay.textContent()).toMatch(/still set to fail/);
  // The plan is on the canvas too, in words: where the replay starts, what reruns, what is kept.
  const mark = (id: string) => node(page, id).getByTestId('node-replay');
  expect(await mark('authorize-payment').textContent()).toContain('replay from');
  expect(await mark('create-invoice').textContent()).toContain('will rerun');
  expect(await mark('create-order').textContent()).toContain('kept');
  await screenshot(page, 'replay-plan');

  // Fix the root cause in the inspector: authorize-payment answers 200.
  await node(page, 'authorize-payment').click();
  await page.getByRole('tab', { name: 'Step' }).click();
  await page.getByLabel('Answers').selectOption('none');
  await page.getByRole('tab', { name: 'Run' }).click();
  await transport(page).getByText(/The scenario changed after this run/).waitFor();

  await replay.getByRole('button', { name: 'Run replay' }).click();
  // The plan is closed: its marks leave the canvas (kept steps now show "reused" instead).
  await expect.poll(() => page.getByTestId('node-replay').count()).toBe(0);
  await playToEnd(page);
  expect(await node(page, 'create-invoice').getAttribute('data-state')).toBe('succeeded');
  expect(await node(page, 'send-receipt').getAttribute('data-state')).toBe('succeeded');
  // The replay's entries follow the first run's in the log, marked.
  const log = page.getByRole('region', { name: 'Event log' });
  expect(await log.getByText('Replay', { exact: true }).count()).toBeGreaterThan(3);
  expect(await log.getByRole('button', { name: /The run finishes: failed/ }).count()).toBe(1);
  expect(await log.getByRole('button', { name: /The replay finishes: succeeded/ }).count()).toBe(1);
  // Scrubbing back into the first run shows the 424 again.
  await transport(page).getByRole('button', { name: 'Previous failure' }).click();
  expect(await node(page, 'create-invoice').getAttribute('data-state')).toBe('blocked');
  expect(await transport(page).getByRole('button', { name: 'Next failure' }).isDisabled()).toBe(true);
  expect(await log.getByRole('button', { name: /The replay finishes: succeeded/ }).count()).toBe(0);
  await page.getByRole('checkbox', { name: /Show the end of the run/ }).check();
  await log.getByRole('button', { name: /The replay finishes: succeeded/ }).click();
  expect(await node(page, 'create-invoice').getAttribute('data-state')).toBe('succeeded');
  await screenshot(page, 'replay-done');
  expect(errors).toEqual([]);
  await context.close();
});

test('with reduced motion, playback still plays to the end', async () => {
  const { page, context, errors } = await openPage(browser, '', { reducedMotion: 'reduce' });
  await pickPreset(page, 'payment-fails');
  await run(page);
  await playToEnd(page);
  expect(await node(page, 'send-receipt').getAttribute('data-state')).toBe('blocked');
  expect(errors).toEqual([]);
  await context.close();
});

test('phone width: the dock stacks under the canvas and still plays', async () => {
  const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844 });
  await pickPreset(page, 'payment-fails');
  await run(page);
  await playToEnd(page);
  const bar = await transport(page).boundingBox();
  expect(bar && bar.width).toBeLessThanOrEqual(390);
  await page.getByRole('region', { name: 'Event log' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'playback-phone');
  expect(errors).toEqual([]);
  await context.close();
});

test('axe: the run panels fully open (responses, batch body, snippets, replay plan) have no serious violations', async () => {
  const { page, context, errors } = await openA11yPage(browser, 'index.html');
  await gallery(page).waitFor();
  await pickPreset(page, 'payment-fails');
  await run(page);
  await playToEnd(page);
  await askWhy(page, 'create-invoice');
  const responses = page.getByTestId('responses-section');
  await responses.getByText(/Whole run: 207 Multi-Status/).click();
  await responses.getByText('How a client detects a 424').click();
  await page.getByTestId('replay-section').getByRole('button', { name: 'Replay from failed step…' }).click();
  const found = blocking(await axe(page));
  expect(describeViolations(found)).toEqual([]);
  for (const theme of ['dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(describeViolations(blocking(await axe(page)))).toEqual([]);
  }
  expect(errors).toEqual([]);
  await context.close();
});
