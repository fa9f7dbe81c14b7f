import { build, preview, type PreviewServer } from 'vite';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium.ts';

// Builds the production app once and serves it on loopback for the real-browser tests, and
// starts the one Chromium they all connect to (harness.ts `launch`), while the build runs.
let server: PreviewServer | undefined;
let browserServer: BrowserServer | undefined;

export async function setup(project: TestProject) {
  process.env.NODE_ENV = 'production';
  const chromium = launchChromiumServer();
  // Awaited even when the build fails, so that no Chromium is left running.
  const [built, launched] = await Promise.allSettled([build({ logLevel: 'warn', mode: 'production' }), chromium]);
  if (launched.status === 'fulfilled') browserServer = launched.value;
  if (built.status === 'rejected') throw built.reason;
  if (launched.status === 'rejected') throw launched.reason;
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('chromiumEndpoint', launched.value.wsEndpoint());
}

export async function teardown() {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
  await browserServer?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shared Chromium's Playwright endpoint (ws://127.0.0.1:…), for `chromium.connect`. */
    chromiumEndpoint: string;
  }
}
