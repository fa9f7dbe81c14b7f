import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';
import { generatedScenario, wideDag } from '../../bench/sample-scenarios.ts';
import { findPreset } from '../../src/presets/index.ts';

// A new user on a 390 × 844 px phone opened a 2,000-step link and an imported wide Argo DAG: the
// first view was the narrow fit's 0.25 zoom floor, step names 4 px tall, unreadable. On a phone
// a large graph opens on its first step and its nearest neighbours, at a zoom where the names can
// be read (StepCanvas.tsx FIT_NARROW_START): fewer steps rather than smaller ones.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** 20 layers of 100 steps placed on a grid (240 × 110 px), each after the same row of the layer before. */
function layered(count: number): Scenario {
  const perLayer = count / 20;
  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / perLayer);
    steps.push({ id: `s${i}`, label: `Step ${i}`, durationMs: 100, position: { x: layer * 240, y: (i % perLayer) * 110 } });
    if (layer > 0) dependencies.push({ from: `s${i - perLayer}`, to: `s${i}` });
  }
  return { version: 2, title: `Phone: ${count}-step grid`, steps, dependencies };
}

/**
 * The steps drawn whole inside the canvas, the zoom, and the first step's name as drawn: the
 * height (px) of its text's box on screen, and its font size times the zoom.
 */
function firstView(page: Page, first: string) {
  return page.evaluate((first) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const ids = [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid^="step-node-"]')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.width > 0 && r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
      })
      .map((n) => n.dataset.testid!.slice('step-node-'.length));
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const label = document.querySelector(`[data-testid="step-node-${first}"] .step-node__label`);
    let textHeight = 0;
    let fontPx = 0;
    if (label) {
      const range = document.createRange();
      range.selectNodeContents(label);
      textHeight = range.getBoundingClientRect().height;
      fontPx = parseFloat(getComputedStyle(label).fontSize) * zoom;
    }
    return { ids, zoom, textHeight, fontPx };
  }, first);
}

describe('on a 390 × 844 px phone, a large graph opens on its start with names that can be read', () => {
  const cases: [string, () => Scenario, string][] = [
    ['a 2,000-step link', () => layered(2_000), 's0'],
    ['an imported wide Argo DAG of 1,000 tasks', () => wideDag(1_000), 'generate-shards'],
  ];
  for (const [name, make, first] of cases) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${name} (${colorScheme})`, async () => {
        const scenario = make();
        const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { width: 390, height: 844, touch: true, colorScheme, reducedMotion: 'reduce' });
        await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
        // Polled: a link's graph is laid out and fitted after the canvas mounts.
        await expect.poll(async () => (await firstView(page, first)).ids.includes(first), { timeout: 30_000 }).toBe(true);
        const view = await firstView(page, first);
        await screenshot(page, `phone-first-view-${first}-${colorScheme}`);
        // Readable: the zoom is the phone's first-view floor or more (it was 0.27), the name's
        // text 12 px tall on screen (it was 4.3 px), drawn at 10 px or more.
        expect(view.zoom).toBeGreaterThanOrEqual(0.8);
        expect(view.fontPx).toBeGreaterThanOrEqual(10.4);
        expect(view.textHeight).toBeGreaterThanOrEqual(11.5);
        // The first step and its nearest neighbours: a handful of steps, not dozens of small ones.
        expect(view.ids.length).toBeGreaterThanOrEqual(3);
        expect(view.ids.length).toBeLessThanOrEqual(16);
        // The page does not scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(errors).toEqual([]);
        await context.close();
      }, 180_000);
    }
  }

  test('a small graph still opens whole: the 5-step starter is not cut to its start', async () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Five steps',
      steps: Array.from({ length: 5 }, (_, i): Step => ({ id: `t${i}`, label: `Task ${i}`, position: { x: i * 220, y: 0 } })),
      dependencies: Array.from({ length: 4 }, (_, i): Dependency => ({ from: `t${i}`, to: `t${i + 1}` })),
    };
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { width: 390, height: 844, touch: true, reducedMotion: 'reduce' });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await firstView(page, 't0')).ids.length, { timeout: 30_000 }).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a 390 × 844 px phone, no step drawn whole sits under the zoom controls', () => {
  // Tryout: the controls, a column down the top-right corner, covered the top-right step. They
  // lie in a row across the top now, and a phone's fit keeps that strip clear (StepCanvas.tsx CONTROLS_ROOM).
  const cases: [string, () => Scenario][] = [
    ['a 50-step graph opened on its start, which fills the canvas', () => generatedScenario(50)],
    ['the payment preset, fitted whole', () => findPreset('payment-fails')!.scenario],
  ];
  for (const [name, make] of cases) {
    test(name, async () => {
      const scenario = make();
      const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { width: 390, height: 844, touch: true, reducedMotion: 'reduce' });
      await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await firstView(page, scenario.steps[0].id)).ids.length, { timeout: 30_000 }).toBeGreaterThan(2);
      const under = await page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const controls = document.querySelector('.react-flow__controls')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
          .filter((n) => {
            const r = n.getBoundingClientRect();
            const whole = r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
            return whole && r.right > controls.left && r.left < controls.right && r.bottom > controls.top && r.top < controls.bottom;
          })
          .map((n) => n.dataset.id);
      });
      expect(under).toEqual([]);
      await screenshot(page, `phone-controls-clear-${scenario.steps.length}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
