import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage } from './harness.ts';

// The preview server sends public/_headers (vite.config.ts), as a static host would: the editor
// may not be framed by any page, the embed by every page. The meta CSP cannot say this.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the editor’s response denies framing; the embed’s allows it', async () => {
  const { page, context } = await openPage(browser, '');
  const editor = await page.goto(baseUrl());
  expect(editor?.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(editor?.headers()['x-frame-options']).toBe('DENY');
  const embed = await page.goto(new URL('embed.html', baseUrl()).href);
  expect(embed?.headers()['content-security-policy']).toBe('frame-ancestors *');
  expect(embed?.headers()['x-frame-options']).toBeUndefined();
  await context.close();
});

test('a page that frames both: the embed loads, the editor is refused', async () => {
  const { page, context } = await openPage(browser, 'embed-demo.html');
  const loaded = await page.evaluate(async () => {
    const frame = (src: string) =>
      new Promise<HTMLIFrameElement>((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.addEventListener('load', () => resolve(iframe), { once: true });
        iframe.src = src;
        document.body.append(iframe);
      });
    const [editor, embed] = await Promise.all([frame('./'), frame('./embed.html')]);
    // Same origin: a frame that loaded exposes its document; a refused one shows the browser's
    // error page instead, which the host cannot read.
    const read = (f: HTMLIFrameElement) => Boolean(f.contentDocument?.querySelector('#root'));
    return { editor: read(editor), embed: read(embed) };
  });
  expect(loaded).toEqual({ editor: false, embed: true });
  await context.close();
});
