import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, screenshot } from './harness.ts';
import { askWhy, node, seekToEnd, transport } from './app.ts';

// Issue #11's browser test: paste a real GitHub workflow, fail one job, run, switch dialects
// and read the words on the canvas nodes, in the event log and in the run summary — and, before
// the end of the run, the words of a run still going (queued, in_progress), never its conclusion.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// A monorepo CI workflow (test/fixtures/dialects/SOURCES.md names its source).
const workflow = readFileSync(new URL('../fixtures/dialects/github-monorepo.yml', import.meta.url), 'utf8');

const pill = (page: Page, id: string) => node(page, id).getByTestId('node-state').textContent();
const legendSelect = (page: Page) => page.getByRole('list', { name: 'Timeline legend' }).getByRole('combobox', { name: /Speak as/ });
const logText = (page: Page) => page.getByRole('region', { name: 'Event log' }).textContent();

for (const size of [
  { width: 1280, colorScheme: 'light' },
  { width: 390, colorScheme: 'dark' },
] as const) {
  test(`a pasted GitHub workflow with test-shared failing: nodes read failure / skipped, then upstream_failed as Airflow (${size.width} px, ${size.colorScheme})`, async () => {
    const { context, page, errors } = await openPage(browser, '', { width: size.width, height: 900, colorScheme: size.colorScheme });
    await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    // Paste: the import dialog recognises a workflow from its content.
    await page.getByRole('button', { name: /Import \/ Export/ }).click();
    await page.getByRole('menuitem', { name: /Import JSON \$batch body/ }).click();
    await page.getByRole('dialog').locator('textarea').fill(workflow);
    await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
    await node(page, 'test-shared').waitFor({ timeout: 30_000 });
    // The import's notes (matrix, continue-on-error, status functions) are read; clear the view.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    if ((await dismiss.count()) > 0) await dismiss.dispatchEvent('click');

    await node(page, 'test-shared').click();
    await page.getByLabel('Answers').selectOption('500');
    await page.keyboard.press('Control+Enter');
    await transport(page).waitFor();

    // Before the end: the run is still going in GitHub's words.
    const slider = transport(page).getByRole('slider', { name: 'Playback position (virtual time)' });
    await transport(page).getByRole('button', { name: 'Pause', exact: true }).click().catch(() => undefined);
    await slider.press('Home');
    expect(await legendSelect(page).inputValue()).toBe('github-actions');
    expect(await pill(page, 'test-frontend')).toBe('queued');
    await page.getByRole('tab', { name: 'Run' }).click();
    const summary = page.getByTestId('summary-section');
    expect(await summary.getByTestId('summary-dialect-conclusion').textContent()).toBe('in_progress');

    await seekToEnd(page);
    expect(await pill(page, 'test-shared')).toBe('failure');
    expect(await pill(page, 'test-frontend')).toBe('skipped');
    expect(await node(page, 'test-frontend').getByTestId('node-state').getAttribute('title')).toBe('Ripple: 424 blocked');
    expect(await summary.getByTestId('summary-dialect-conclusion').textContent()).toBe('failure');
    expect(await logText(page)).toContain('GitHub Actions: skipped.');
    await screenshot(page, `dialect-words-github-${size.width}-${size.colorScheme}`);

    // Why keeps Ripple's rule and adds GitHub's word with the reason for it.
    const why = await askWhy(page, 'test-frontend');
    expect(await why.getByTestId('why-dialect').textContent()).toMatch(/^GitHub Actions: skipped — A job it needs failed, and “if a job fails or is skipped, all jobs that need it are skipped”/);
    expect(await why.getByRole('heading', { level: 3 }).textContent()).toMatch(/^Why did test-frontend.* answer 424\?$/);
    await why.scrollIntoViewIfNeeded();
    await screenshot(page, `dialect-words-why-${size.width}-${size.colorScheme}`);

    await legendSelect(page).selectOption('airflow');
    expect(await pill(page, 'test-frontend')).toBe('upstream_failed');
    expect(await pill(page, 'test-shared')).toBe('failed');
    expect(await logText(page)).toContain('Airflow: upstream_failed.');
    // Airflow decides the DAG run from its leaves: report (if: failure()) and cleanup ran and succeeded.
    expect(await summary.getByTestId('summary-dialect-conclusion').textContent()).toBe('success');
    await screenshot(page, `dialect-words-airflow-${size.width}-${size.colorScheme}`);

    await legendSelect(page).selectOption('argo');
    expect(await pill(page, 'test-frontend')).toBe('Omitted');
    // The workflow's ifs are GitHub's: Speak as changes the words, not the scenario, and GitHub
    // Actions speaks again when picked.
    await legendSelect(page).selectOption('github-actions');
    expect(await pill(page, 'test-frontend')).toBe('skipped');

    if (size.width === 1280) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, `dialect-words-airflow-${size.width}-dark`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

// Argo's examples/dag-disable-failFast.yaml with its `failFast: false` taken out, so Argo's
// default holds: once C fails, Argo schedules no new tasks (test/fixtures/dialects/SOURCES.md).
const argoDefault = readFileSync(new URL('../fixtures/dialects/argo-disable-failfast.yaml', import.meta.url), 'utf8').replace('      failFast: false\n', '');

test('a pasted Argo DAG with failFast on by default: the note names it, the run aborts, and D and E read Omitted, never scheduled after C failed', async () => {
  const { context, page, errors } = await openPage(browser, '', { width: 1280, height: 900 });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /Import \/ Export/ }).click();
  await page.getByRole('menuitem', { name: /Import JSON \$batch body/ }).click();
  await page.getByRole('dialog').locator('textarea').fill(argoDefault);
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await node(page, 'C').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('body').textContent()).toContain("Argo's failFast is on by default: once a task fails, Argo schedules no new tasks. Imported as On failure “abort”");
  await screenshot(page, 'dialect-words-argo-failfast-note');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if ((await dismiss.count()) > 0) await dismiss.dispatchEvent('click');

  await page.keyboard.press('Control+Enter');
  await transport(page).waitFor();
  await seekToEnd(page);
  expect(await legendSelect(page).inputValue()).toBe('argo');
  expect(await Promise.all(['B', 'C', 'D', 'E'].map((id) => pill(page, id)))).toEqual(['Succeeded', 'Failed', 'Omitted', 'Omitted']);
  expect(await node(page, 'D').getByTestId('node-state').getAttribute('title')).toBe('Ripple: cancelled');
  const why = await askWhy(page, 'D');
  expect(await why.getByTestId('why-dialect').textContent()).toBe(
    "Argo: Omitted — Never scheduled once a failure stopped the DAG (Argo's failFast, on by default); Argo creates no node for such a task, and Omitted is its word for one that did not run.",
  );
  expect(await page.getByTestId('summary-section').getByTestId('summary-dialect-conclusion').textContent()).toBe('Failed');
  await screenshot(page, 'dialect-words-argo-failfast-run');
  expect(errors).toEqual([]);
  await context.close();
});
