import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';
import { existsSync } from 'node:fs';

// How every real-browser run here starts Chromium: Debian's, never a downloaded one, with
// flags that keep it off the (closed) network. Shared by the browser tests and `npm run bench`,
// which runs outside Vitest and so cannot use the harness (it reads Vitest's `inject`).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launchOptions(options: LaunchOptions): LaunchOptions {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (see README).`);
  return { executablePath: CHROMIUM_PATH, headless: true, ...options, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] };
}

/** A Chromium of this process's own. Throws (naming the install command) when Debian's Chromium is missing. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(launchOptions(options));
}

/**
 * One Chromium that several processes share: the browser tests' global setup starts it once, and each
 * test file connects to its `wsEndpoint()` (`connectChromium`) instead of starting its own, which costs
 * some seconds a file on a loaded machine. Each file still works in contexts of its own, closed with it.
 * Throws as `launchChromium` does.
 */
export async function launchChromiumServer(options: LaunchOptions = {}): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(options));
}

/**
 * Connects to a Chromium started by `launchChromiumServer`. Closing the returned browser closes the
 * contexts this connection made and disconnects; the shared Chromium keeps running.
 */
export async function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
