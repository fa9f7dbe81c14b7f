import type { Browser, Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../../src/engine/index.ts';
import { renderAnimatedSvg } from '../../src/export/render.ts';
import { findPreset } from '../../src/presets/index.ts';
import { launchChromium } from './chromium.ts';
import { ARTIFACTS, downloadedBytes, launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';

// `ripple render --animate` in a real browser (issue #14): the SVG moves as an <img> (how a
// README shows it: no script runs there), and with reduced motion it shows the final frame.
// Moments are chosen by pausing the document's CSS animations at a time, not by waiting.

const payment = findPreset('payment-fails')!.scenario;
const svg = renderAnimatedSvg(payment, simulate(payment));
/** The same picture with no CSS: every element at its opacity attribute, i.e. the end of the run. */
const still = svg.replace(/<style>[\s\S]*?<\/style>\n/, '');

let browser: Browser;
/** A blank page that decodes and compares screenshots. */
let differ: Page;
beforeAll(async () => {
  browser = await launch();
  differ = await browser.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

function dataUrl(text: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`;
}

async function pageWith(html: string, reducedMotion: 'reduce' | 'no-preference'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 380 }, reducedMotion });
  await page.setContent(`<!doctype html><body style="margin:0">${html}</body>`);
  return page;
}

/**
 * How many pixels of two same-sized screenshots differ by more than a faint anti-aliasing
 * shade (any channel by more than 48 of 255), decoded by the browser.
 */
async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  return differ.evaluate(
    async ([x, y]) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const [p, q] = [await load(x), await load(y)];
      if (p.length !== q.length) return Number.POSITIVE_INFINITY;
      let count = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2])) > 48) count++;
      }
      return count;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** The same picture: at most a few anti-aliased pixels apart (of 900 × 380). */
const SAME = 20;

/** A screenshot with every CSS animation of the page's own document paused at `ms`. */
async function inlineAt(page: Page, ms: number): Promise<Buffer> {
  await page.evaluate(async (t) => {
    const animations = document.getAnimations();
    for (const a of animations) {
      a.pause();
      a.currentTime = t;
    }
    // A pause is pending until the animation is ready (a compositor animation pauses a frame
    // later): wait for every one, set the time again, then let the frame reach the screen.
    await Promise.all(animations.map((a) => a.ready));
    for (const a of animations) a.currentTime = t;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, ms);
  return page.screenshot();
}

describe('the animated SVG in Chromium', () => {
  it('moves: an early moment and the end look different, and the end is the still picture', async () => {
    const page = await pageWith(svg, 'no-preference');
    const animations = await page.evaluate(() => document.getAnimations().length);
    expect(animations).toBeGreaterThan(0);
    const early = await inlineAt(page, 100); // every step pending
    const middle = await inlineAt(page, 2_500); // payment still running
    const end = await inlineAt(page, 5_000); // the pause on the end
    writeFileSync(join(ARTIFACTS, 'animated-svg-early.png'), early);
    writeFileSync(join(ARTIFACTS, 'animated-svg-end.png'), end);
    expect(await differingPixels(early, end)).toBeGreaterThan(1_000);
    expect(await differingPixels(middle, end)).toBeGreaterThan(200);
    expect(await differingPixels(middle, early)).toBeGreaterThan(200);
    const stillPage = await pageWith(still, 'no-preference');
    const stillShot = await stillPage.screenshot();
    writeFileSync(join(ARTIFACTS, 'animated-svg-still.png'), stillShot);
    expect(await differingPixels(stillShot, end)).toBeLessThanOrEqual(SAME);
    await Promise.all([page.close(), stillPage.close()]);
  }, 120_000);

  it('moves inside an <img>, where no script runs: two screenshots differ', async () => {
    const page = await pageWith(`<img src="${dataUrl(svg)}" alt="">`, 'no-preference');
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const first = await page.screenshot();
    // The loop is a few seconds long and changes many times: some later frame differs.
    let moved = false;
    for (let i = 0; i < 40 && !moved; i++) {
      await page.waitForTimeout(150);
      moved = (await differingPixels(await page.screenshot(), first)) > 200;
    }
    expect(moved).toBe(true);
    await page.close();
  }, 120_000);

  it('with reduced motion, inline: no animation runs and the picture is the final frame', async () => {
    const page = await pageWith(svg, 'reduce');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    const stillPage = await pageWith(still, 'reduce');
    expect(await differingPixels(await page.screenshot(), await stillPage.screenshot())).toBeLessThanOrEqual(SAME);
    await Promise.all([page.close(), stillPage.close()]);
  }, 120_000);

  // Chromium's page-level emulation does not reach the separate document of an SVG image;
  // the browser-wide switch (as the system setting does) reaches every document.
  it('with reduced motion set for the browser, the <img> shows the final frame and stays on it', async () => {
    const reduced = await launchChromium({ args: ['--force-prefers-reduced-motion'] });
    try {
      const open = async (text: string) => {
        const page = await reduced.newPage({ viewport: { width: 900, height: 380 } });
        await page.setContent(`<!doctype html><body style="margin:0"><img src="${dataUrl(text)}" alt=""></body>`);
        await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
        return page;
      };
      const [page, stillPage] = [await open(svg), await open(still)];
      const final = await stillPage.screenshot();
      writeFileSync(join(ARTIFACTS, 'animated-svg-reduced-motion.png'), final);
      const shots = [await page.screenshot()];
      for (let i = 0; i < 3; i++) {
        await page.waitForTimeout(300);
        shots.push(await page.screenshot());
      }
      for (const shot of shots) expect(await differingPixels(shot, final)).toBeLessThanOrEqual(SAME);
    } finally {
      await reduced.close();
    }
  }, 120_000);

  it('the app\'s Share dialog downloads the same animated SVG, with its Markdown', async () => {
    const { context, page, errors } = await openPage(browser, `index.html#${encodeScenarioLink(payment)}`, { width: 1280, height: 900 });
    await page.getByTestId('step-node-create-order').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
    await dialog.waitFor();
    const section = dialog.getByRole('region', { name: 'Animated picture' });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'share-dialog-animated');
    expect(await section.getByLabel('Markdown (the animated picture, linking to the scenario)').inputValue()).toMatch(
      /^\[!\[Order pipeline: payment declined — the run, animated\]\(order-pipeline-payment-declined-animated\.svg\)\]\(http/,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download animated SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('order-pipeline-payment-declined-animated.svg');
    const file = (await downloadedBytes(download)).toString('utf8');
    // The same drawing as ripple render --animate; only the link's address differs.
    expect(file.replace(/<metadata>[\s\S]*?<\/metadata>\n/, '')).toBe(svg);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
