import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshot } from './harness.ts';
import { seekToEnd } from './app.ts';

// Issue #11 in real Chromium: open a GitHub workflow file, fail one job, run, and read the run
// in GitHub's words, then in Argo's and Airflow's.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, id: string) => page.getByTestId(`step-node-${id}`);
const workflow = readFileSync(new URL('../fixtures/dialects/github-monorepo.yml', import.meta.url));

const SIZES = [
  { width: 1280, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
] as const;

for (const size of SIZES) test(`a GitHub workflow opens in its dialect; a failed job reads failure, its dependents skipped, then Omitted as Argo (${size.width} px, ${size.colorScheme})`, async () => {
  const { context, page, errors } = await openPage(browser, '', { width: size.width, colorScheme: size.colorScheme });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'ci.yml', mimeType: 'text/yaml', buffer: workflow });
  await node(page, 'test-shared').waitFor({ timeout: 30_000 });

  await node(page, 'test-shared').click();
  await page.getByLabel('Answers').selectOption('500');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => node(page, 'test-frontend').getAttribute('data-state'), { timeout: 15_000 }).toBe('blocked');
  // The panel tells the run as of the playhead (issue #11: no conclusion before the end).
  await seekToEnd(page);

  await page.getByRole('tab', { name: 'Run' }).click();
  const section = page.getByTestId('dialect-section');
  await section.locator('summary').first().click();
  const speakAs = section.getByRole('combobox', { name: /Speak as/ });
  expect(await speakAs.inputValue()).toBe('github-actions');
  const word = (id: string) => section.getByRole('row', { name: new RegExp(`^${id} `) }).getByRole('cell').first().textContent();
  expect(await word('test-shared')).toBe('failure');
  expect(await word('test-frontend')).toBe('skipped');
  expect(await section.getByTestId('dialect-conclusion').textContent()).toBe('failure');
  await screenshot(page, `dialects-github-${size.width}-${size.colorScheme}`);

  await speakAs.selectOption('argo');
  expect(await word('test-frontend')).toBe('Omitted');
  await speakAs.selectOption('airflow');
  expect(await word('test-frontend')).toBe('upstream_failed');
  await screenshot(page, `dialects-airflow-${size.width}-${size.colorScheme}`);
  expect(errors).toEqual([]);
  await context.close();
});

/** An Argo DAG of `n` tasks under a root, seven of them on a template that always fails (as in the tryout's big-argo.yaml). */
function argoWithFailingTasks(n: number): Buffer {
  const bad = new Set([4, 9, 13, 18, 22, 27, 31]);
  const tasks = Array.from({ length: n }, (_, i) => `      - { name: t${String(i).padStart(3, '0')}, depends: root, template: ${bad.has(i) ? 'bad' : 'ok'} }`);
  return Buffer.from(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { generateName: notes-dag- }
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      failFast: false
      tasks:
      - { name: root, template: ok }
${tasks.join('\n')}
  - name: ok
    container: { image: busybox, command: [echo], args: ["ok"] }
  - name: bad
    container: { image: busybox, command: [sh, -c], args: ["exit 1"] }
`);
}

const GROUPED = '7 tasks (“t004”, “t009”, “t013”, “t018” and 3 more): template "bad" runs "exit 1" whatever happens, so Argo marks the task Failed: imported as failing';

test('an Argo file whose seven tasks run a failing template opens with one note naming them, its field paths a click away, in a box over the top of the canvas (1280 px)', async () => {
  const { context, page, errors } = await openPage(browser, '', { width: 1280, height: 800 });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'notes.yaml', mimeType: 'text/yaml', buffer: argoWithFailingTasks(40) });
  const toast = page.getByRole('status').filter({ hasText: 'Opened “notes-dag”' });
  await toast.waitFor({ timeout: 30_000 });
  expect(await toast.getByRole('listitem').allTextContents()).toEqual([GROUPED]);
  // The headline counts the one line below it (tryout: "7 notes" above one line).
  expect(await toast.locator('.share-toast__body').evaluate((body) => body.firstChild?.textContent)).toMatch(/^Opened “notes-dag” from the Argo [^.]*\. 1 note about 7 tasks:$/);
  expect(await toast.getByText('“t009”').getAttribute('title')).toBe('spec.templates[0].dag.tasks[10].template');
  await toast.getByText('Where in the file').click();
  await expect.poll(() => toast.locator('details li').first().textContent()).toBe('spec.templates[0].dag.tasks[5].template (task "t004")');
  const [box, canvas] = await Promise.all([toast.boundingBox(), page.locator('.canvas-area').boundingBox()]);
  expect(box!.height).toBeLessThanOrEqual(canvas!.height * 0.4 + 1);
  await screenshot(page, 'import-notes-grouped-1280');
  expect(errors).toEqual([]);
  await context.close();
});

test('on a phone (390 × 844, touch) the import notes go by themselves unless tapped; a tap holds them until dismissed', async () => {
  const { context, page, errors } = await openPage(browser, '', { width: 390, height: 844, colorScheme: 'dark', touch: true });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  // Time is the page's fake clock from here: the toast's timeout runs when the test moves it on.
  await page.clock.install();
  const open = async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: 'notes.yaml', mimeType: 'text/yaml', buffer: argoWithFailingTasks(40) });
    const toast = page.locator('.share-toast');
    await toast.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    return toast;
  };

  // Untouched, the notes go after their few seconds.
  const first = await open();
  await page.clock.fastForward(20_000);
  await first.waitFor({ state: 'detached' });

  // Tapped, they stay well past that, readable inside a box that leaves most of the canvas in sight.
  const toast = await open();
  await toast.getByText('Opened “notes-dag”').tap();
  await page.clock.fastForward(60_000);
  expect(await toast.getByRole('listitem').allTextContents()).toEqual([GROUPED]);
  expect(await toast.getAttribute('data-pinned')).toBe('true');
  const [box, canvas] = await Promise.all([toast.boundingBox(), page.locator('.canvas-area').boundingBox()]);
  expect(box!.x).toBeGreaterThanOrEqual(canvas!.x);
  expect(box!.x + box!.width).toBeLessThanOrEqual(canvas!.x + canvas!.width);
  expect(box!.height).toBeLessThanOrEqual(canvas!.height / 2 + 1);
  await screenshot(page, 'import-notes-held-390-dark');
  await toast.getByRole('button', { name: 'Dismiss' }).tap();
  await toast.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await context.close();
});

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`an opened file's graph is fitted below its notes, not hidden under them (tryout: four GitHub notes covered all three jobs; ${size.width} px)`, async () => {
    const { context, page, errors } = await openPage(browser, '', size);
    await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    const release = readFileSync(new URL('../fixtures/dialects/github-release.yml', import.meta.url));
    await page.locator('input[type="file"]').setInputFiles({ name: 'release.yml', mimeType: 'text/yaml', buffer: release });
    const toast = page.getByRole('status').filter({ hasText: 'Opened “' });
    await toast.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    // Once the fit's animation is over, every job lies wholly below the notes.
    const covered = () =>
      page.evaluate(() => {
        const notes = document.querySelector('.share-toast')!.getBoundingClientRect();
        // The steps and the pills on their top borders ("when").
        return [...document.querySelectorAll('.react-flow__node, .step-node__when')]
          .map((node) => node.getBoundingClientRect())
          .filter((box) => box.top < notes.bottom && box.bottom > notes.top && box.left < notes.right && box.right > notes.left).length;
      });
    await expect.poll(covered, { timeout: 5_000 }).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    await screenshot(page, `file-open-notes-clear-${size.width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('a one-line toast stands level with its dismiss button, no empty line under its words (tryout)', async () => {
  const { context, page, errors } = await openPage(browser, '', { width: 1280, height: 800 });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  const scenario = { version: 2, title: 'Two steps', steps: [{ id: 'a' }, { id: 'b' }], dependencies: [{ from: 'a', to: 'b' }] };
  await page.locator('input[type="file"]').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  const toast = page.getByRole('status').filter({ hasText: 'Opened “Two steps”' });
  await toast.waitFor({ timeout: 30_000 });
  const [words, button] = await Promise.all([toast.locator('.share-toast__body').boundingBox(), toast.getByRole('button', { name: 'Dismiss' }).boundingBox()]);
  expect(Math.abs(words!.y + words!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(2);
  expect(errors).toEqual([]);
  await context.close();
});
