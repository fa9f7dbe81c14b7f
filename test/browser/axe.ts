import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './harness.ts';

// axe-core in the built app. The pages' CSP (script-src 'self') blocks the inline <script>
// that addScriptTag makes, so contexts made here bypass CSP: only for these accessibility
// checks, never for the tests that prove the CSP holds.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface OpenedA11yPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openA11yPage(
  browser: Browser,
  path: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedA11yPage> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    colorScheme: options.colorScheme ?? 'light',
    // Transitions settled at once: colour contrast is measured on the colours at rest.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(path, baseUrl()).href);
  return { context, page, errors };
}

/** Runs axe on the whole page (every frame's document it can reach) and returns its violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** One line per violation and element: what to fix and where. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} — at ${n.target.map(String).join(' › ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : ''} (${v.helpUrl})`),
  );
}

/** The violations a screen must not have: serious and critical ones. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface LowContrast {
  target: string;
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/**
 * WCAG contrast of text that axe leaves "incomplete": on the canvas every node sits in React
 * Flow's stacked layers, so axe cannot find its background and checks none of it. Here the
 * background is the nearest painted ancestor's (alpha layers composited), an ancestor's
 * opacity is applied to both, and the needed ratio is 4.5:1, or 3:1 for large text.
 */
export async function canvasTextContrast(page: Page, selector = '.react-flow__node *, .edge-label'): Promise<LowContrast[]> {
  return page.$$eval(selector, (elements) => {
    type RGBA = [number, number, number, number];
    const parse = (value: string): RGBA | null => {
      const srgb = value.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
      const rgb = value.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
      if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
      return null;
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const background = (from: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let at = from; at; at = at.parentElement) {
        const color = parse(getComputedStyle(at).backgroundColor);
        if (color && color[3] > 0) layers.push(color);
        if (color && color[3] >= 1) break;
      }
      return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: RGBA) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const out: { target: string; text: string; ratio: number; needed: number; color: string; background: string }[] = [];
    for (const el of elements) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!own || el.closest('[aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const fg = parse(style.color);
      if (!fg) continue;
      let bg = background(el);
      let text = over(fg, bg);
      // An ancestor drawn translucent blends text and background with what is behind it.
      let opacity = 1;
      let faded: Element | null = null;
      for (let at: Element | null = el; at; at = at.parentElement) {
        const o = Number(getComputedStyle(at).opacity);
        if (o < 1) {
          opacity *= o;
          faded = at;
        }
      }
      if (faded) {
        const behind = background(faded.parentElement);
        text = over([text[0], text[1], text[2], opacity], behind);
        bg = over([bg[0], bg[1], bg[2], opacity], behind);
      }
      const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) {
        const id = el.closest('.react-flow__node')?.getAttribute('data-id') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
        const rgb = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
        out.push({ target: `${id} .${[...el.classList].join('.')}`, text: own, ratio: Math.round(ratio * 100) / 100, needed, color: rgb(text), background: rgb(bg) });
      }
    }
    return out;
  });
}

/**
 * Runs axe on the page and fails on a serious or critical violation, naming `screen`; every
 * lesser violation is printed, so a report shows what to improve next.
 */
export async function expectNoSeriousAxe(page: Page, screen: string): Promise<void> {
  const violations = await axe(page);
  const lines = describeViolations(violations);
  if (lines.length > 0) console.log(`axe, ${screen}:\n  ${lines.join('\n  ')}`);
  expect(describeViolations(blocking(violations)), `serious or critical axe violations on: ${screen}`).toEqual([]);
}

/**
 * WCAG 1.4.11 (non-text contrast) of a control drawn by the browser, which axe does not measure:
 * the contrast against the page just outside `selector`'s first element (a 4 px margin's
 * corner) that at least half a 1 px ring round the element reaches, so one stray pixel does
 * not count. A check box whose edge is drawn at 3:1 or more scores at least 3.
 */
export async function controlContrast(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  const pad = 4;
  const shot = await page.screenshot({ clip: { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad }, animations: 'disabled', scale: 'css' });
  return page.evaluate(async ({ png, pad }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    const luminance = (i: number) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(data[i]) + 0.7152 * channel(data[i + 1]) + 0.0722 * channel(data[i + 2]);
    };
    const behind = luminance(0);
    const ratios: number[] = [];
    for (let y = pad; y < height - pad; y++) {
      for (let x = pad; x < width - pad; x++) {
        const l = luminance((y * width + x) * 4);
        ratios.push((Math.max(l, behind) + 0.05) / (Math.min(l, behind) + 0.05));
      }
    }
    ratios.sort((a, b) => b - a);
    const perimeter = 2 * (width - 2 * pad) + 2 * (height - 2 * pad) - 4;
    return Math.round(ratios[Math.floor(perimeter / 2)] * 100) / 100;
  }, { png: shot.toString('base64'), pad });
}
