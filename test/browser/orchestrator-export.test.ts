import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadedBytes, launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { importArgo } from '../../src/scenario/dialects/argo.ts';
import { importGithubActions } from '../../src/scenario/dialects/github-actions.ts';
import { dialectExportFile } from '../../src/export/dialects/index.ts';
import { fixture, outcomes } from '../scenario/dialects/run.ts';
import { findPreset } from '../../src/presets/index.ts';

// Export back from the app (issue #11): the Import / Export menu downloads the orchestrator's own
// file, the bytes `ripple export --format` writes, says what the file leaves out, and refuses a
// condition the system cannot say, naming the step.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('an imported Argo DAG downloads as a GitHub workflow and an Argo file that run the same; Airflow is refused with the step named', async () => {
  const imported = importArgo(fixture('argo-continue-on-fail.yaml'));
  if (!imported.ok) throw new Error(imported.message);
  // B tolerated as Argo's continueOn.failed says, which a GitHub workflow cannot carry.
  const scenario = { ...imported.scenario, steps: imported.scenario.steps.map((s) => (s.id === 'B' ? { ...s, continueOnFailed: true } : s)) };
  const { page, context, errors } = await openPage(browser, `index.html#${encodeScenarioLink(scenario)}`, { width: 1280, height: 800, reducedMotion: 'reduce' });
  await page.getByTestId('step-node-A').waitFor();
  const menu = page.getByRole('button', { name: 'Import / Export' });

  await menu.click();
  const [github] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'GitHub Actions workflow (YAML)' }).click()]);
  expect(github.suggestedFilename()).toBe('dag-contiue-on-fail.yml');
  const workflow = (await downloadedBytes(github)).toString('utf8');
  const cli = dialectExportFile('github-actions', scenario);
  expect(cli.ok && cli.text).toBe(workflow);
  // GitHub's own parser reads it back; B and E still fail (they run `exit 1`), so the run is the same.
  const back = await importGithubActions(workflow);
  if (!back.ok) throw new Error(back.message);
  expect(outcomes(back.scenario, [])).toEqual(outcomes(scenario, []));
  const note = page.getByRole('status').filter({ hasText: 'Downloaded the GitHub Actions workflow (YAML)' });
  await expect.poll(() => note.textContent()).toContain('continueOn.failed (Argo) of B is not written');
  // The notes stand over the canvas, not over the side panel beside it (tryout: at 1280 × 800
  // they covered its left 60 px), nor over the toolbar or the timeline and legend under the canvas.
  await expectOverTheCanvasAlone(page);
  await screenshot(page, 'orchestrator-export-note');

  await menu.click();
  const [argo] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Argo Workflow (YAML)' }).click()]);
  expect(argo.suggestedFilename()).toBe('dag-contiue-on-fail.argo.yaml');
  const argoText = (await downloadedBytes(argo)).toString('utf8');
  // Ripple ran every branch (On failure: continue), so the file turns Argo's failFast (on by default) off.
  expect(argoText).toMatch(/\n {6}dag:\n {8}failFast: false\n/);
  const again = importArgo(argoText);
  if (!again.ok) throw new Error(again.message);
  expect(again.scenario.policy).toBeUndefined();
  expect(outcomes(again.scenario, [])).toEqual(outcomes(scenario, []));
  expect(again.scenario.steps.filter((s) => s.continueOnFailed).map((s) => s.id)).toEqual(['B']);

  await menu.click();
  await page.getByRole('menuitem', { name: 'Airflow task list (JSON)' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Airflow task list \(JSON\) export failed: This scenario has no exact Airflow task list: D: its condition "B\.Failed && C\.Succeeded" has no Airflow trigger rule/);
  expect(errors).toEqual([]);
  await context.close();
});

/** The share toast lies inside the canvas column: left of the side panel, under the toolbar, above the playback dock. */
async function expectOverTheCanvasAlone(page: Page): Promise<void> {
  const [toast, canvas, panel, header, dock] = await Promise.all(['.share-toast', '.canvas-area', '.side-panel', 'header.toolbar', '.pb-dock'].map((s) => page.locator(s).boundingBox()));
  expect(toast!.x).toBeGreaterThanOrEqual(canvas!.x);
  expect(toast!.x + toast!.width).toBeLessThanOrEqual(canvas!.x + canvas!.width);
  expect(toast!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  expect(toast!.y + toast!.height).toBeLessThanOrEqual(dock!.y);
  // Wide, the side panel is beside the canvas; narrow, it is under the dock.
  expect(toast!.x + toast!.width <= panel!.x || toast!.y + toast!.height <= panel!.y).toBe(true);
}

test('a preset downloads as an Airflow DAG file (Python), the bytes ripple export writes', async () => {
  const scenario = findPreset('payment-fails')!.scenario;
  const { page, context, errors } = await openPage(browser, `index.html#${encodeScenarioLink(scenario)}`, { width: 1280, height: 800, reducedMotion: 'reduce' });
  await page.locator('[data-testid^="step-node-"]').first().waitFor();
  await page.getByRole('button', { name: 'Import / Export' }).click();
  const [dag] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Airflow DAG file (Python)' }).click()]);
  const cli = dialectExportFile('airflow-dag', scenario);
  if (!cli.ok) throw new Error(cli.message);
  expect(dag.suggestedFilename()).toBe(cli.filename);
  expect((await downloadedBytes(dag)).toString('utf8')).toBe(cli.text);
  // The status line says this download, never the notes of an earlier one.
  const said = page.getByRole('status').filter({ hasText: 'Downloaded the Airflow DAG file (Python)' });
  await expect.poll(() => said.count()).toBe(1);
  // It says so for a moment and goes by itself (once the pointer is not resting on it).
  await page.mouse.move(5, 790);
  await page.locator('.share-toast').waitFor({ state: 'detached', timeout: 20_000 });
  expect(errors).toEqual([]);
  await context.close();
});

test('on a phone (390 × 844) the export notes stand at the top of the canvas, clear of the playback dock, and go by themselves', async () => {
  const scenario = { ...findPreset('payment-fails')!.scenario, policy: { failFast: false } };
  const { page, context, errors } = await openPage(browser, `index.html#${encodeScenarioLink(scenario)}`, { width: 390, height: 844, reducedMotion: 'reduce' });
  await page.locator('[data-testid^="step-node-"]').first().waitFor();
  await page.getByRole('banner').getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('toolbar', { name: 'Playback' }).waitFor();
  await page.getByRole('button', { name: 'Import / Export' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'GitHub Actions workflow (YAML)' }).click()]);
  const note = page.getByRole('status').filter({ hasText: 'Downloaded the GitHub Actions workflow (YAML)' });
  await expect.poll(() => note.textContent()).toContain('GitHub Actions skips a job when a job it needs has failed');
  await expectOverTheCanvasAlone(page);
  await screenshot(page, 'orchestrator-export-note-phone');
  await page.mouse.move(5, 840);
  await page.locator('.share-toast').waitFor({ state: 'detached', timeout: 20_000 });
  expect(errors).toEqual([]);
  await context.close();
});
