import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, downloadedBytes, launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { DRAFT_KEY, PREFS_KEY } from '../../src/store/persistence.ts';
import { pickPreset, presetTitle } from './app.ts';

// Opening links in the built app: good ones open their scenario (at their moment), bad ones
// the recovery screen with the person's draft intact, and nothing from a link is ever markup.

const payment = findPreset('payment-fails')!.scenario;
const draft: Scenario = {
  version: 2,
  title: 'My own draft',
  steps: [
    { id: 'mine', label: 'My step', request: 'POST /mine', position: { x: 0, y: 0 } },
    { id: 'next', label: 'Next step', position: { x: 220, y: 0 } },
  ],
  dependencies: [{ from: 'mine', to: 'next' }],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A context whose localStorage holds an edited draft (and the gallery already seen). */
async function contextWithDraft(): Promise<{ context: BrowserContext; errors: string[] }> {
  const { context, page, errors } = await openPage(browser, 'index.html');
  await page.evaluate(
    ([draftKey, prefsKey, value]) => {
      localStorage.setItem(draftKey, value);
      localStorage.setItem(prefsKey, JSON.stringify({ theme: 'system', view: 'canvas', seenGallery: true }));
    },
    [DRAFT_KEY, PREFS_KEY, JSON.stringify({ scenario: draft, dirty: true, savedAt: 1 })] as const,
  );
  await page.close();
  return { context, errors };
}

async function visit(context: BrowserContext, fragment: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(`index.html#${fragment}`, baseUrl()).href);
  return page;
}

describe('good links', () => {
  test('a link made by the CLI opens its scenario', async () => {
    const link = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--link', '--preset', 'payment-fails', '--base', baseUrl()], { encoding: 'utf8' }).trim().split('\n').pop()!;
    expect(link.startsWith(`${baseUrl()}#r1.`)).toBe(true);
    const { context, errors } = await contextWithDraft();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByTestId('step-node-authorize-payment').waitFor();
    expect(await page.getByTestId('step-node-create-invoice').textContent()).toContain('Create invoice');
    expect(await page.locator('.react-flow__node').count()).toBe(payment.steps.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a link to a moment opens the run there, the linked step selected', async () => {
    const { context, errors } = await contextWithDraft();
    const page = await visit(context, encodeScenarioLink(payment, { at: 200, select: 'create-invoice' }));
    const invoice = page.getByTestId('step-node-create-invoice');
    await invoice.waitFor();
    // At 200 ms authorization has answered 402, so the invoice answers 424 without running.
    await expect.poll(() => invoice.getAttribute('data-state')).toBe('blocked');
    expect(await page.getByTestId('step-node-authorize-payment').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('step-node-send-receipt').getAttribute('data-state')).toBe('blocked');
    expect(await page.getByTestId('step-node-reserve-stock').getAttribute('data-state')).toBe('succeeded');
    expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('create-invoice');
    // It opens on the Run tab, with the Why chain of the linked step showing (issue 8.8).
    expect(await page.getByRole('tab', { name: 'Run' }).getAttribute('aria-selected')).toBe('true');
    const why = page.getByTestId('why-section');
    await why.getByRole('heading', { name: 'Why did Create invoice answer 424?' }).waitFor();
    expect(await why.getByRole('list', { name: /causal chain/i }).textContent()).toContain('Authorize payment');
    await screenshot(page, 'share-link-at-moment');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('bad links open the recovery screen, the draft intact', () => {
  const good = encodeScenarioLink(payment);
  const cases = [
    ['truncated', good.slice(0, Math.floor(good.length * 0.6)), 'Part of this link is missing', /copy the whole link/],
    ['newer version', `r7.${good.slice(3)}`, 'This link was made by a newer Ripple', /link format r7; this Ripple reads r2/],
    ['garbage', 'r1.%%zz-not*a*link', 'This link cannot be read', /damaged/],
  ] as const;

  for (const [name, fragment, heading, message] of cases) {
    test(name, async () => {
      const { context, errors } = await contextWithDraft();
      const page = await visit(context, fragment);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.getByTestId('recovery-message').textContent()).toMatch(message);
      // The heading and the gate's message under it do not say the same thing twice.
      const said = (await page.locator('main').textContent())!;
      expect(said.match(/damaged/g)?.length ?? 0).toBeLessThanOrEqual(1);
      if (name === 'truncated') await screenshot(page, 'share-recovery-truncated');
      // No blank paragraph or row in the card (the status line is empty until Copy is pressed).
      expect(await page.locator('main p').evaluateAll((ps) => ps.filter((p) => p.textContent!.trim() === '').length)).toBe(0);
      if (name === 'garbage') await screenshot(page, 'share-recovery-garbage');
      // The draft in storage is untouched while the screen shows.
      const stored = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
      expect(JSON.parse(stored!).scenario.title).toBe('My own draft');

      await page.getByRole('button', { name: 'Open your last draft “My own draft”' }).click();
      await page.getByTestId('step-node-mine').waitFor();
      expect(await page.getByTestId('step-node-mine').textContent()).toContain('My step');
      // The address bar now holds the draft's own working link (once the codec has loaded).
      await expect.poll(() => new URL(page.url()).hash).toMatch(/^#r1\./);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a first visit by a damaged link (${colorScheme}): one way to the editor, "Start empty", and it opens an empty canvas`, async () => {
      const { context, page, errors } = await openPage(browser, `index.html#${good.slice(0, Math.floor(good.length * 0.6))}`, { colorScheme });
      await page.getByRole('heading', { level: 1, name: 'Part of this link is missing' }).waitFor();
      expect(await page.locator('.recovery__actions button').allTextContents()).toEqual(['Start empty', 'Copy the raw text']);
      await screenshot(page, `share-recovery-no-draft-${colorScheme}`);
      await page.getByRole('button', { name: 'Start empty' }).click();
      await page.locator('.react-flow').waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`on a 390 px phone the recovery card fits the screen, with a long-titled draft's button wrapping and without a draft (${colorScheme})`, async () => {
      const damaged = `index.html#${good.slice(0, Math.floor(good.length * 0.6))}`;
      /** How far the page reaches past the screen's right edge (px; 0 when nothing scrolls sideways). */
      const overflow = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.querySelector('.recovery__card')!.getBoundingClientRect().right) - innerWidth);
      const { context, page, errors } = await openPage(browser, '', { width: 390, height: 844, colorScheme });
      await page.getByRole('heading', { level: 1, name: 'Part of this link is missing' }).or(page.getByRole('dialog', { name: 'Pick a scenario' })).waitFor();
      // Without a draft…
      await page.goto(new URL(damaged, baseUrl()).href);
      await page.getByRole('heading', { level: 1, name: 'Part of this link is missing' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `share-recovery-390-no-draft-${colorScheme}`);
      // …and with one whose title is long: a preset opened is kept as the draft.
      await page.goto(new URL('index.html', baseUrl()).href);
      await pickPreset(page, 'artifact-checksum');
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, DRAFT_KEY)).toBe(true);
      await page.goto(new URL(damaged, baseUrl()).href);
      const open = page.getByRole('button', { name: `Open your last draft “${presetTitle('artifact-checksum')}”` });
      await open.waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The button's words wrap inside the card, none cut.
      expect(await open.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
      await screenshot(page, `share-recovery-390-draft-${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a link pasted into an open tab is opened too (hashchange)', async () => {
    const { context, errors } = await contextWithDraft();
    const page = await context.newPage();
    await page.goto(new URL('index.html', baseUrl()).href);
    await page.getByTestId('step-node-mine').waitFor();
    await page.evaluate((fragment) => (location.hash = fragment), good.slice(0, 40));
    await page.getByRole('heading', { level: 1, name: 'Part of this link is missing' }).waitFor();
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('markup in a scenario is shown as text; no script runs', async () => {
  const markup = '<img src=x onerror=alert(1)>';
  const hostile: Scenario = {
    version: 2,
    title: `${markup} title`,
    description: `<script>alert(2)</script> ${markup}`,
    steps: [
      { id: 'a', label: markup, request: 'GET javascript:alert(3)', fail: { status: 500, message: markup }, position: { x: 0, y: 0 } },
      { id: 'b', label: '<b onmouseover=alert(4)>bold</b>', position: { x: 220, y: 0 } },
    ],
    dependencies: [{ from: 'a', to: 'b' }],
  };
  const { context, errors } = await contextWithDraft();
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
  const page = await visit(context, encodeScenarioLink(hostile, { at: 10_000 }));
  await page.getByTestId('step-node-a').waitFor();
  expect(await page.getByTestId('step-node-a').textContent()).toContain(markup);
  expect(await page.getByTestId('step-node-b').textContent()).toContain('<b onmouseover=alert(4)>bold</b>');
  await page.getByTestId('step-node-b').hover();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('dialog', { name: 'Share this scenario' }).waitFor();
  await page.waitForTimeout(300);
  expect(await page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

describe('share dialog, files and images', () => {
  test('the Share dialog', async () => {
    const { context, errors } = await contextWithDraft();
    const page = await visit(context, encodeScenarioLink(payment));
    await page.getByTestId('step-node-create-order').waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
    await dialog.waitFor();
    const link = await dialog.getByLabel('Share link').inputValue();
    expect(link).toBe(page.url());
    expect(await dialog.getByTestId('link-fit').textContent()).toContain('Fits chat messages and QR codes');
    expect(await dialog.getByLabel('Embed code (HTML)').inputValue()).toContain('loading="lazy"');
    await screenshot(page, 'share-dialog');
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await dialog.getByText(/Copied\.|Could not copy/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  async function download(page: Page, item: string): Promise<Buffer> {
    await page.getByRole('button', { name: /Import \/ Export/ }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    return downloadedBytes(file);
  }

  async function drop(page: Page, bytes: Buffer, name: string, type: string) {
    const data = await page.evaluateHandle(
      ([b64, fileName, mime]) => {
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([raw], fileName, { type: mime }));
        return transfer;
      },
      [bytes.toString('base64'), name, type] as const,
    );
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: data });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: data });
    await page.dispatchEvent('body', 'drop', { dataTransfer: data });
  }

  for (const [kind, item, mime] of [
    ['SVG', 'SVG image', 'image/svg+xml'],
    ['PNG', 'PNG image (2×)', 'image/png'],
  ] as const) {
    test(`an exported ${kind} dropped back onto the app reopens its scenario`, async () => {
      const { context, errors } = await contextWithDraft();
      const page = await visit(context, encodeScenarioLink(payment, { at: 200 }));
      await page.getByTestId('step-node-create-order').waitFor();
      const image = await download(page, item);
      if (kind === 'PNG') {
        expect(image.subarray(1, 4).toString()).toBe('PNG');
        // 2×: the IHDR width is twice the SVG's.
        expect(image.readUInt32BE(16)).toBeGreaterThan(1000);
      } else expect(image.toString()).toContain('<ripple:link');

      // Somewhere else entirely: another browser profile holding only its own draft.
      const elsewhere = await contextWithDraft();
      const other = await elsewhere.context.newPage();
      await other.goto(new URL('index.html', baseUrl()).href);
      await other.getByTestId('step-node-mine').waitFor();
      await drop(other, image, `scenario.${kind.toLowerCase()}`, mime);
      await other.getByTestId('step-node-authorize-payment').waitFor();
      await other.getByText(/Opened “Order pipeline: payment declined” from the (SVG|PNG) image/).waitFor();
      // The image carried the moment it showed (its run is made in a worker: on a loaded machine it takes seconds).
      await expect.poll(() => other.getByTestId('step-node-create-invoice').getAttribute('data-state'), { timeout: 20_000 }).toBe('blocked');
      if (kind === 'PNG') await screenshot(other, 'share-png-dropped-back');
      expect(errors).toEqual([]);
      expect(elsewhere.errors).toEqual([]);
      await context.close();
      await elsewhere.context.close();
    });
  }

  test('the run exports download as the formats they claim', async () => {
    const { context, errors } = await contextWithDraft();
    const page = await visit(context, encodeScenarioLink(payment));
    await page.getByTestId('step-node-create-order').waitFor();
    const batch = JSON.parse((await download(page, 'Batch response (JSON $batch)')).toString());
    expect(batch.responses.find((r: { id: string }) => r.id === 'create-invoice').status).toBe(424);
    const xml = (await download(page, 'WebDAV 207 Multi-Status (XML)')).toString();
    expect(xml).toContain('multistatus');
    const trace = JSON.parse((await download(page, 'Chrome trace (Perfetto)')).toString());
    expect(Array.isArray(trace.traceEvents ?? trace)).toBe(true);
    const saved = JSON.parse((await download(page, 'Download scenario (JSON)')).toString());
    expect(saved.title).toBe(payment.title);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a pasted $batch body becomes steps; a 50 MB paste gets a message, not a hang', async () => {
    const { context, errors } = await contextWithDraft();
    const page = await context.newPage();
    await page.goto(new URL('index.html', baseUrl()).href);
    await page.getByTestId('step-node-mine').waitFor();
    await page.getByRole('button', { name: /Import \/ Export/ }).click();
    await page.getByRole('menuitem', { name: 'Import JSON $batch body…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a JSON $batch request body' });
    const area = dialog.getByLabel('Batch request body (JSON)');

    const started = Date.now();
    await area.evaluate((el) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', '{"requests":['.padEnd(50_000_000, ' '));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    });
    await dialog.getByRole('alert').getByText(/That paste is 50\.0 MB; a batch body can be at most 1\.0 MB/).waitFor();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await area.inputValue()).toBe('');

    await area.fill(
      JSON.stringify({
        requests: [
          { id: '1', method: 'POST', url: '/orders' },
          { id: '2', method: 'POST', url: '/invoices', dependsOn: ['1'] },
          { id: '3', method: 'POST', url: '/emails', dependsOn: ['2'] },
        ],
      }),
    );
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('step-node-3').waitFor();
    expect(await page.getByTestId('step-node-2').textContent()).toContain('POST /invoices');
    expect(errors).toEqual([]);
    await context.close();
  });
});
