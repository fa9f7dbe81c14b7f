import type { Locator, Page } from 'playwright-core';
import { findPreset } from '../../src/presets/index.ts';

// What a person does in the editor, as steps the browser tests share: pick a preset from the
// gallery, run it, play to the end, select a step and ask why it answered 424.

/** The preset's title, as the gallery shows it. */
export function presetTitle(name: string): string {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  return preset.title;
}

export const gallery = (page: Page): Locator => page.getByRole('dialog', { name: 'Pick a scenario' });

/** A preset's button in the open gallery (its name also holds its description and any badge). */
export const presetButton = (page: Page, name: string): Locator =>
  gallery(page).getByRole('listitem').getByRole('button').filter({ has: page.getByText(presetTitle(name), { exact: true }) });

/** Opens the gallery from the toolbar ("Examples"). */
export async function openGallery(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: /^Examples/ }).click();
  await gallery(page).waitFor();
}

/** Picks a preset in the open gallery and waits for its steps on the canvas. */
export async function pickPreset(page: Page, name: string): Promise<void> {
  const dialog = gallery(page);
  await dialog.waitFor();
  await presetButton(page, name).click();
  await dialog.waitFor({ state: 'detached' });
  const first = findPreset(name)!.scenario.steps[0].id;
  await page.getByTestId(`step-node-${first}`).waitFor();
}

export const transport = (page: Page): Locator => page.getByRole('toolbar', { name: 'Playback' });

/** Presses the toolbar's Run and waits for the transport bar. */
export async function run(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Run', exact: true }).click();
  await transport(page).waitFor();
}

/** Sets the speed and waits until playback stops at the end of the run. */
export async function playToEnd(page: Page, speed = '4'): Promise<void> {
  const bar = transport(page);
  await bar.getByLabel('Speed').selectOption(speed);
  const play = bar.getByRole('button', { name: 'Play', exact: true });
  // Stopped with the forward button disabled: the playhead is on the last event.
  await play.waitFor({ timeout: 30_000 });
  await expectDisabled(bar.getByRole('button', { name: 'Forward one event' }));
}

/** Pauses and moves the playhead to the end of the run with the scrubber (End key on the slider). */
export async function seekToEnd(page: Page): Promise<void> {
  await pause(page);
  const bar = transport(page);
  await bar.getByRole('slider', { name: 'Playback position (virtual time)' }).press('End');
  await expectDisabled(bar.getByRole('button', { name: 'Forward one event' }));
}

async function expectDisabled(locator: Locator): Promise<void> {
  await locator.page().waitForFunction((el) => (el as HTMLButtonElement).disabled, await locator.elementHandle(), { timeout: 5_000 });
}

/** Pauses wherever playback is. */
export async function pause(page: Page): Promise<void> {
  const pauseButton = transport(page).getByRole('button', { name: 'Pause', exact: true });
  // Playback may end between the look and the click (the button turns into Play): then it is
  // paused already. Either way it is not playing when this returns.
  if (await pauseButton.isVisible()) await pauseButton.click({ timeout: 5_000 }).catch(() => undefined);
  await pauseButton.waitFor({ state: 'hidden', timeout: 10_000 });
}

export const node = (page: Page, id: string): Locator => page.getByTestId(`step-node-${id}`);

/** Every step node's `data-state`, by step id. */
export async function nodeStates(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid^="step-node-"]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-testid')!.slice('step-node-'.length), el.getAttribute('data-state') ?? ''])),
  );
}

/** Clicks a step on the canvas and opens the Run tab's "Why 424?" section. */
export async function askWhy(page: Page, id: string): Promise<Locator> {
  await node(page, id).click();
  const runTab = page.getByRole('tab', { name: 'Run' });
  if ((await runTab.getAttribute('aria-selected')) !== 'true') await runTab.click();
  const section = page.getByTestId('why-section');
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  return section;
}

/** The editor's side panel (Step, Scenario, Run, Source, Lessons). */
export const sidePanel = (page: Page): Locator => page.locator('#side-panel');

/** `key` pressed on `target` once focused (focus() stands in for the Tab presses that reach it). */
export async function pressOn(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.press(key);
}

/**
 * The Lessons index, reached by keyboard. A first visit (no link) opens the gallery, which
 * loads on demand: it is waited for and closed with Escape first.
 */
export async function openLessonsIndex(page: Page): Promise<void> {
  if (new URL(page.url()).hash === '') {
    await gallery(page).waitFor();
    await page.keyboard.press('Escape');
    await gallery(page).waitFor({ state: 'hidden' });
  }
  await pressTool(page, /^Lessons/);
  await sidePanel(page).getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
}

/**
 * Presses a toolbar tool by keyboard: its button, or on a phone, where the less-used tools are in
 * the More menu (Toolbar.tsx), that menu's item, reached by the arrow keys.
 */
export async function pressTool(page: Page, name: RegExp | string): Promise<void> {
  const banner = page.getByRole('banner');
  const button = banner.getByRole('button', { name, exact: typeof name === 'string' });
  const more = banner.getByRole('button', { name: 'More tools' });
  // Whichever the toolbar draws, once it is drawn.
  await button.or(more).waitFor();
  if (await button.isVisible()) return pressOn(button);
  await pressOn(more);
  const item = banner.getByRole('menu', { name: 'More tools' }).locator('[role^="menuitem"]').filter({ hasText: name });
  await item.waitFor();
  // Down from the first item until the wanted one has the focus.
  for (let i = 0; i < 12 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

