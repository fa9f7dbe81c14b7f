import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshot } from './harness.ts';

// Issue #11 in real Chromium: an opened GitHub workflow runs by its jobs' ifs, and the GitHub
// context form sets what they read: deploy (`if: github.ref == 'refs/heads/main'`) runs on the
// default push to main and is skipped once github.ref names a feature branch.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, id: string) => page.getByTestId(`step-node-${id}`);
const workflow = readFileSync(new URL('../fixtures/dialects/github-nightly.yml', import.meta.url));

for (const size of [
  { width: 1280, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
] as const) {
  test(`setting github.ref in the context form skips deploy; a bad value gets a message (${size.width} px, ${size.colorScheme})`, async () => {
    const { context, page, errors } = await openPage(browser, '', { width: size.width, colorScheme: size.colorScheme });
    await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'nightly.yml', mimeType: 'text/yaml', buffer: workflow });
    await node(page, 'deploy').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Enter');

    await page.getByRole('tab', { name: 'Run' }).click();
    const section = page.getByTestId('dialect-section');
    await section.locator('summary').first().click();
    const word = (id: string) => section.getByRole('row', { name: new RegExp(`^${id} `) }).getByRole('cell').first().textContent();
    await expect.poll(() => word('deploy'), { timeout: 15_000 }).toBe('success');

    const form = section.getByTestId('github-context-form');
    const ref = form.getByLabel('github.ref', { exact: true });
    expect(await ref.inputValue()).toBe('refs/heads/main');
    await ref.fill('refs/heads/feature');
    await ref.press('Enter');
    await expect.poll(() => word('deploy'), { timeout: 15_000 }).toBe('skipped');
    expect(await word('report')).toBe('success');
    await expect.poll(() => node(page, 'deploy').getAttribute('data-state'), { timeout: 15_000 }).toBe('skipped');
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, `dialect-context-${size.width}-${size.colorScheme}`);

    await ref.fill('x'.repeat(501));
    await ref.press('Enter');
    expect(await form.getByRole('alert').textContent()).toMatch(/a value of 501 characters; at most 500/);
    await ref.press('Escape');

    await form.getByRole('button', { name: 'Use the default' }).click();
    await expect.poll(() => ref.inputValue()).toBe('refs/heads/main');
    await expect.poll(() => word('deploy'), { timeout: 15_000 }).toBe('success');
    expect(errors).toEqual([]);
    await context.close();
  });
}
