import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
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
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
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
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(new URL(path, baseUrl()).href);
  return { context, page, errors, foreignRequests };
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
