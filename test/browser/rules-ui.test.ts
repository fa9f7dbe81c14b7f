import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './harness.ts';
import { node, openGallery, pickPreset } from './app.ts';
import { axe, blocking, canvasTextContrast, describeViolations, openA11yPage } from './axe.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { DRAFT_KEY, PREFS_KEY } from '../../src/store/persistence.ts';

// Scenario version 2 in the real app (issue #10): an atomic group drawn as a labelled frame
// that follows its members, a finally step's badge, a success status on the node, and a run
// condition typed in the inspector with the parser's message while it is wrong.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A release: build and docs feed deploy; deploy and smoke-test commit together; teardown always runs. */
const release: Scenario = {
  version: 2,
  title: 'Release with a teardown',
  steps: [
    { id: 'build', label: 'Build', request: 'POST /builds', position: { x: 0, y: 0 } },
    { id: 'docs', label: 'Docs', request: 'POST /docs', position: { x: 0, y: 130 } },
    { id: 'deploy', label: 'Deploy', request: 'PUT /releases/42', successStatus: 201, position: { x: 260, y: 60 } },
    { id: 'smoke-test', label: 'Smoke test', request: 'GET /health', position: { x: 480, y: 60 } },
    { id: 'teardown', label: 'Tear down preview', request: 'DELETE /previews/42', successStatus: 204, position: { x: 740, y: 60 } },
  ],
  dependencies: [
    { from: 'build', to: 'deploy' },
    { from: 'docs', to: 'deploy' },
    { from: 'deploy', to: 'smoke-test' },
    { from: 'smoke-test', to: 'teardown', on: 'always' },
  ],
  groups: [{ id: 'release', label: 'Release changeset', steps: ['deploy', 'smoke-test'] }],
};

/** A page whose saved draft is `release` (the gallery already seen), as a person who built it would reopen it. */
async function openRelease(
  options: { width: number; height: number; colorScheme: 'light' | 'dark' },
  open: (browser: Browser, path: string, options: { width: number; height: number; colorScheme: 'light' | 'dark' }) => Promise<{ context: BrowserContext; page: Page; errors: string[] }> = openPage,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const first = await open(browser, 'index.html', options);
  await first.page.evaluate(
    ([draftKey, prefsKey, value]) => {
      localStorage.setItem(draftKey, value);
      localStorage.setItem(prefsKey, JSON.stringify({ theme: 'system', view: 'canvas', seenGallery: true }));
    },
    [DRAFT_KEY, PREFS_KEY, JSON.stringify({ scenario: release, dirty: true, savedAt: 1 })] as const,
  );
  await first.page.goto(new URL('index.html', baseUrl()).href);
  await node(first.page, 'deploy').waitFor();
  return first;
}

const frame = (page: Page) => page.getByTestId('group-frame-release');

async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} is not drawn`);
  return b;
}

describe('version 2 on the canvas and in the inspector', () => {
  test('the group frame surrounds its members and follows a drag; the finally badge and the success status are on their steps', async () => {
    const { page, context, errors } = await openRelease({ width: 1280, height: 800, colorScheme: 'light' });
    await expect.poll(() => frame(page).textContent()).toBe('Release changesetall or nothing');
    const inside = async () => {
      const f = await box(page, 'group-frame-release');
      const members = [await box(page, 'step-node-deploy'), await box(page, 'step-node-smoke-test')];
      return members.every((m) => m.x > f.x && m.y > f.y && m.x + m.width < f.x + f.width && m.y + m.height < f.y + f.height);
    };
    expect(await inside()).toBe(true);
    // Not a member: build sits outside the frame.
    const f = await box(page, 'group-frame-release');
    const build = await box(page, 'step-node-build');
    expect(build.x + build.width).toBeLessThan(f.x);

    await expect.poll(() => node(page, 'teardown').getByTestId('node-finally').textContent()).toBe('finally');
    expect(await node(page, 'deploy').getByTestId('node-finally').count()).toBe(0);
    expect(await node(page, 'deploy').locator('[data-mark="success-status"]').textContent()).toBe('201 Created');
    expect(await node(page, 'teardown').locator('[data-mark="success-status"]').textContent()).toBe('204 No Content');
    await screenshot(page, 'rules-ui-1280-light');

    // Drag Smoke test 120 px down: the frame grows with it while dragging and after the drop.
    const before = await box(page, 'group-frame-release');
    const smoke = await box(page, 'step-node-smoke-test');
    await page.mouse.move(smoke.x + 40, smoke.y + 20);
    await page.mouse.down();
    await page.mouse.move(smoke.x + 40, smoke.y + 80, { steps: 4 });
    await page.mouse.move(smoke.x + 40, smoke.y + 140, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await box(page, 'group-frame-release')).height).toBeGreaterThan(before.height + 100);
    expect(await inside()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a scenario without groups never loads the frames' code; one with groups loads it and draws its frame", async () => {
    const { page, context, errors } = await openPage(browser, 'index.html', { width: 1280, height: 800 });
    const frameCode: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/GroupFrame-[^/]*\.js$/.test(request.url())) frameCode.push(request.url());
    });
    await pickPreset(page, 'payment-fails');
    await page.waitForLoadState('networkidle');
    expect(frameCode).toEqual([]);
    await openGallery(page);
    await pickPreset(page, 'odata-changeset-fails');
    await expect.poll(() => page.getByTestId('group-frame-changeset-1').textContent()).toBe('Change set 1all or nothing');
    expect(frameCode).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a wrong condition is reported with its column as it is typed, then fixed and applied', async () => {
    const { page, context, errors } = await openRelease({ width: 1280, height: 800, colorScheme: 'dark' });
    await node(page, 'deploy').click();
    const field = page.getByRole('textbox', { name: 'Runs when (condition)' });
    await field.scrollIntoViewIfNeeded();
    await field.fill('');
    await field.pressSequentially('build.Succeeded && tset');
    const message = page.getByTestId('when-message');
    await expect.poll(() => message.textContent()).toBe('"tset" is not a prerequisite of deploy (its prerequisites: "build", "docs") at column 20');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Insert a term').click();
    await screenshot(page, 'rules-ui-1280-dark-when-error');

    // Fixed with the helper: the mistyped word selected, the term inserted in its place.
    await field.evaluate((el: HTMLInputElement) => el.setSelectionRange(19, 23));
    await page.getByRole('group', { name: 'Terms for Docs' }).getByRole('button', { name: 'docs.Succeeded', exact: true }).click();
    expect(await field.inputValue()).toBe('build.Succeeded && docs.Succeeded');
    await expect.poll(() => message.textContent()).toBe('Valid. Press Enter or Apply to use it.');
    await field.press('Enter');
    await expect.poll(() => message.textContent()).toBe('Valid, and in use.');
    expect(await node(page, 'deploy').locator('[data-mark="when"]').getAttribute('title')).toBe('Runs when build.Succeeded && docs.Succeeded');
    await screenshot(page, 'rules-ui-1280-dark-when-applied');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe and the canvas's text contrast, ${colorScheme}: the frame, the pills and the condition field`, async () => {
      const { page, context, errors } = await openRelease({ width: 1280, height: 800, colorScheme }, openA11yPage);
      await node(page, 'deploy').click();
      const field = page.getByRole('textbox', { name: 'Runs when (condition)' });
      await field.pressSequentially('build.Succeeded && docs');
      await field.press('Enter');
      await field.pressSequentially(' && tset');
      await page.getByText('Insert a term').click();
      await expect.poll(() => page.getByTestId('when-message').textContent()).toContain('at column');
      expect(describeViolations(blocking(await axe(page)))).toEqual([]);
      const low = (await canvasTextContrast(page, '.react-flow__node *')).map((c) => `${c.target} “${c.text}”: ${c.ratio}:1`);
      expect(low).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

    test(`a 390 px phone, ${colorScheme}: the frame, the badge and the condition field fit`, async () => {
      const { page, context, errors } = await openRelease({ width: 390, height: 844, colorScheme });
      await expect.poll(() => frame(page).isVisible()).toBe(true);
      await screenshot(page, `rules-ui-390-${colorScheme}-canvas`);
      await node(page, 'deploy').click();
      const field = page.getByRole('textbox', { name: 'Runs when (condition)' });
      await field.scrollIntoViewIfNeeded();
      await field.pressSequentially('build.Succeded');
      await page.getByText('Insert a term').click();
      await expect.poll(() => page.getByTestId('when-message').textContent()).toContain('at column 7');
      // Nothing in the inspector is wider than the phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await field.scrollIntoViewIfNeeded();
      await screenshot(page, `rules-ui-390-${colorScheme}-when`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
