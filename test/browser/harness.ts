import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject, onTestFailed } from 'vitest';
import { connectChromium } from './chromium.ts';

export { CHROMIUM_PATH as CHROMIUM } from './chromium.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * The browser a test file works in: a connection to the one Chromium the global setup started
 * (global-setup.ts), so no file waits for a Chromium of its own. `close()` closes the file's
 * contexts and disconnects, leaving the shared Chromium to the other files.
 */
export function launch(): Promise<Browser> {
  return connectChromium(inject('chromiumEndpoint'));
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen on the page. */
  errors: string[];
  /** Requests that left the app's own origin (the app must make none). */
  foreignRequests: string[];
}

export async function openPage(
  browser: Browser,
  path = '',
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; touch?: boolean } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    // A phone: taps are touch pointers, and there is no hover.
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const log: string[] = [];
  page.on('console', (message) => log.push(`${message.type()}: ${message.text().slice(0, 300)}`));
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`));
  page.on('crash', () => log.push('the page crashed'));
  describeOnFailure(page, log);
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(new URL(path, baseUrl()).href);
  return { context, page, errors, foreignRequests };
}

/**
 * When the running test fails, prints what its page showed: the address, the page's text, what
 * it stores and its console, and saves a screenshot (`failed-<n>.png`). A flaky wait that
 * times out in CI then says what the page was doing. Nothing when called outside a test.
 */
function describeOnFailure(page: Page, log: string[]): void {
  try {
    onTestFailed(async ({ task }) => {
      if (page.isClosed()) return;
      const seen = await page
        .evaluate(() => ({
          url: location.href.slice(0, 160),
          text: document.body.innerText.slice(0, 1200),
          stored: Object.keys(localStorage).map((key) => `${key} (${localStorage.getItem(key)?.length ?? 0} chars)`),
        }))
        .catch((error: unknown) => ({ url: page.url().slice(0, 160), text: `(the page did not answer: ${String(error).slice(0, 200)})`, stored: [] as string[] }));
      const shot = await screenshot(page, `failed-${task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`).catch(() => '(no screenshot)');
      console.log(
        [`== the page of the failed test "${task.name}"`, `url: ${seen.url}`, `stored: ${seen.stored.join(', ')}`, `screenshot: ${shot}`, '-- text:', seen.text, '-- console:', ...log.slice(-40)].join('\n'),
      );
    });
  } catch {
    // Not inside a test (a beforeAll): nothing to describe.
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * A finished download's bytes. Read through Playwright's stream, since `download.path()` is not
 * available over a connection to the shared Chromium (`launch`). Rejects when the download failed.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
