import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';
import { longTasks, recordLongTasks } from '../fixtures/long-tasks.ts';

// Issue #15: a 2,000-step graph opens, runs and answers. What is drawn is bounded by what is on
// screen: the canvas draws the steps in view, the Gantt and the event log a window of rows.
// The page answers a click once the link has opened and run. (Figures are the browser bench's
// to print: no timed assertions here; the long tasks are printed for the record.)

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** 20 layers of 100 steps, each after the first depending on 3 steps of the two layers before; every 97th fails, every 13th retries once. */
function layered(count: number): Scenario {
  const perLayer = count / 20;
  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / perLayer);
    const step: Step = { id: `s${i}`, label: `Step ${i}`, durationMs: 100 + ((i * 37) % 9) * 100, position: { x: layer * 240, y: (i % perLayer) * 110 } };
    if (i % 97 === 96 && layer >= 10) step.fail = { status: 503, message: 'down' };
    else if (i % 13 === 12) {
      step.fail = { status: 503, times: 1 };
      step.retry = { maxAttempts: 2, delayMs: 100 };
    }
    steps.push(step);
    if (layer === 0) continue;
    const lo = Math.max(0, (layer - 2) * perLayer);
    const span = layer * perLayer - lo;
    for (const k of new Set([(i * 7) % span, (i * 31 + 5) % span, (i * 53 + 11) % span])) dependencies.push({ from: `s${lo + k}`, to: step.id });
  }
  return { version: 2, title: `Scale: ${count}-step saga`, steps, dependencies };
}

describe('a 2,000-step scenario by link, opened at a moment in the middle of its run', () => {
  test('draws the steps in view and a window of Gantt and log rows, and answers a click', async () => {
    const scenario = layered(2_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordLongTasks(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(`index.html#${encodeScenarioLink(scenario, { at: 3_000 })}`, baseUrl()).href);
    await page.getByRole('toolbar', { name: 'Playback' }).waitFor({ timeout: 120_000 });

    // The canvas: only the steps in view are in the DOM (group frames are not steps).
    await page.locator('.react-flow__node').first().waitFor();
    const stepNodes = await page.locator('.react-flow__node:not(:has(.group-frame))').count();
    expect(stepNodes).toBeGreaterThan(0);
    expect(stepNodes).toBeLessThan(300);

    // The Gantt: one labelled row per step, but only the rows in view are drawn.
    const gantt = page.getByRole('region', { name: /Timeline \(Gantt\)/ });
    const labels = gantt.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    expect(await labels.count()).toBeLessThan(100);
    expect(await labels.first().textContent()).toBe('Step 0');
    // The bars are drawn for the same window of rows as the labels.
    expect(await gantt.locator('.pb-gantt-row').count()).toBe(await labels.count());

    // The event log: a window of rows, each telling its place in the whole list.
    const log = page.getByRole('region', { name: 'Event log' });
    const rows = log.getByRole('listitem');
    expect(await rows.count()).toBeLessThan(200);
    const current = log.locator('li:has([aria-current="step"])');
    await current.waitFor();
    expect(Number(await current.getAttribute('aria-setsize'))).toBeGreaterThan(await rows.count());

    // The page answers: clicking a Gantt label selects that step (its row is marked, the store's selection).
    expect(await gantt.locator('.pb-gantt-selected').count()).toBe(0);
    await labels.first().getByRole('button').click();
    await gantt.locator('.pb-gantt-selected').waitFor({ state: 'attached' });

    await screenshot(page, 'scale-2000-steps');
    const tasks = await longTasks(page);
    console.log(`[scale] 2,000 steps by link at 3 s: ${stepNodes} step nodes in the DOM, ${tasks.length} long tasks, longest ${Math.round(Math.max(0, ...tasks))} ms`);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
