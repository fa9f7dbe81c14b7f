import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './harness.ts';
import { axe, blocking, describeViolations, openA11yPage } from './axe.ts';
import { findPreset } from '../../src/presets/index.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';

/** The author starts from a scenario opened by its link (a first visit has no scenario). */
const START = `#${encodeScenarioLink(findPreset('payment-fails')!.scenario)}`;

// Issue #12 in a real browser: make a lesson in the builder, share it as a link (the page's
// address carries the scenario), open the link in a fresh browser context → the same lesson in
// lesson mode; presenter mode advances with Space and →; axe on builder and presenter;
// screenshots light, dark and 390 px.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page): Locator => page.locator('#side-panel');

async function openLessons(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Pick a scenario' });
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  const lessons = page.getByRole('banner').getByRole('button', { name: /^Lessons/ });
  await lessons.focus();
  await lessons.press('Enter');
  await panel(page).getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
}

async function noSeriousAxe(page: Page, screen: string): Promise<void> {
  const violations = await axe(page);
  const lines = describeViolations(violations);
  if (lines.length > 0) console.log(`axe, ${screen}:\n  ${lines.join('\n  ')}`);
  expect(describeViolations(blocking(violations)), `serious or critical axe violations on: ${screen}`).toEqual([]);
}

/** Builder → a predict lesson put in the scenario; resolves to the share link the page carries. */
async function makeLesson(page: Page, shot: string): Promise<string> {
  await openLessons(page);
  await panel(page).getByRole('button', { name: 'Make a lesson of this scenario' }).click();
  await panel(page).getByLabel(/Introduction/).fill('Guess how each step ends.\n\nThen run.');
  await noSeriousAxe(page, `builder ${shot}`);
  await screenshot(page, `lesson-builder-${shot}`);
  await panel(page).getByRole('button', { name: 'Put the lesson in the scenario' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#r2.'));
  return page.url();
}

describe('lesson builder → link → fresh browser; presenter', () => {
  test('a lesson made in the builder opens from its link in lesson mode and plays the same; presenter advances', async () => {
    const author = await openA11yPage(browser, START);
    const link = await makeLesson(author.page, 'light');
    const steps = await author.page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
    await author.context.close();
    expect(link.startsWith(baseUrl())).toBe(true);

    const learner = await openA11yPage(browser, link.slice(baseUrl().length));
    const { page } = learner;
    await panel(page).getByText('Guess how each step ends.').waitFor();
    const check = panel(page).getByRole('button', { name: /Run and check \(0 of \d+ guessed\)/ });
    await expect(check.textContent()).resolves.toContain(`0 of ${steps} guessed`);
    await expect(panel(page).getByRole('table').getByRole('combobox').count()).resolves.toBe(steps);

    await panel(page).getByRole('button', { name: 'Present', exact: true }).click();
    const presenter = page.getByRole('dialog', { name: /^Presenting:/ });
    await presenter.getByText('Run hidden').waitFor();
    await noSeriousAxe(page, 'presenter, run hidden');
    await screenshot(page, 'lesson-presenter-light');
    await page.keyboard.press('Space');
    await presenter.getByText(/^(Beat|Event) 1 of \d+$/).waitFor();
    await noSeriousAxe(page, 'presenter, revealed');
    await screenshot(page, 'lesson-presenter-revealed-light');
    await page.keyboard.press('Escape');
    await expect(presenter.count()).resolves.toBe(0);
    expect(learner.errors).toEqual([]);
    await learner.context.close();
  });

  for (const { name, options } of [
    { name: 'dark', options: { colorScheme: 'dark' as const } },
    { name: '390', options: { width: 390, height: 844 } },
  ]) {
    test(`builder and presenter, ${name}`, async () => {
      const opened = await openA11yPage(browser, START, options);
      await makeLesson(opened.page, name);
      await panel(opened.page).getByRole('button', { name: 'Preview as a learner' }).click();
      await panel(opened.page).getByRole('button', { name: 'Present', exact: true }).click();
      await opened.page.keyboard.press('Space');
      await opened.page.getByRole('dialog', { name: /^Presenting:/ }).getByText(/^(Beat|Event) 1 of \d+$/).waitFor();
      await noSeriousAxe(opened.page, `presenter ${name}`);
      await screenshot(opened.page, `lesson-presenter-${name}`);
      await opened.context.close();
    });
  }
});
