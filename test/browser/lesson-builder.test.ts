import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './harness.ts';
import { expectNoSeriousAxe as noSeriousAxe, openA11yPage } from './axe.ts';
import { node, pressTool, run, seekToEnd, sidePanel as panel } from './app.ts';
import { findPreset } from '../../src/presets/index.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';

/** The author starts from a scenario opened by its link (a first visit has no scenario). */
const START = `#${encodeScenarioLink(findPreset('payment-fails')!.scenario)}`;

// Issue #12 in a real browser: make a lesson in the builder (intro, a beat at the playhead),
// share it as a link (the page's address carries the scenario), open the link in a fresh
// browser context → the same lesson in lesson mode, graded the same for the same guesses, the
// same caption; presenter mode walks its beat; its progress is listed under "From links"; axe
// on builder, presenter and index; screenshots light, dark and 390 px.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/**
 * Plays the open predict lesson: every step guessed "succeeded" (by mouse: the table's
 * selects), run and check, playhead to the end; what the learner then reads.
 */
async function playAll(page: Page): Promise<{ heading: string; items: string; caption: string }> {
  const selects = panel(page).getByRole('table').getByRole('combobox');
  for (const select of await selects.all()) await select.selectOption('succeeded');
  await panel(page).getByRole('button', { name: /^Run and check \(5 of 5 guessed\)$/ }).click();
  const heading = panel(page).getByRole('heading', { name: /^Your prediction:/ });
  await heading.waitFor();
  await seekToEnd(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  return {
    heading: (await heading.textContent())!,
    items: (await panel(page).locator('.lesson-grade').textContent())!,
    caption: (await panel(page).locator('.lesson__caption').textContent())!,
  };
}

async function openLessons(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Pick a scenario' });
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  await pressTool(page, /^Lessons/);
  await panel(page).getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
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
  test('a lesson made in the builder (intro, a beat) opens from its link in a fresh context and plays the same: same questions, same grade, same caption; presenter walks its beat; progress under "From links"', async () => {
    const author = await openA11yPage(browser, START);
    const { page: a } = author;
    await openLessons(a);
    await panel(a).getByRole('button', { name: 'Make a lesson of this scenario' }).click();
    await panel(a).getByLabel(/Introduction/).fill('Guess how each step ends.\n\nThen run.');
    // A beat at the end of the run, pointing at the receipt.
    await run(a);
    await seekToEnd(a);
    await node(a, 'send-receipt').click();
    await a.getByRole('tab', { name: 'Lessons' }).click();
    await panel(a).getByLabel('Beat text').fill('The receipt never goes out.');
    await panel(a).getByRole('button', { name: /^Add a beat at \d+ ms$/ }).click();
    await noSeriousAxe(a, 'builder light');
    await screenshot(a, 'lesson-builder-light');
    await panel(a).getByRole('button', { name: 'Put the lesson in the scenario' }).click();
    await a.waitForFunction(() => location.hash.startsWith('#r2.'));
    const link = a.url();
    expect(link.startsWith(baseUrl())).toBe(true);
    // The author plays it as a learner: every step guessed "succeeded" (some are wrong).
    await panel(a).getByRole('button', { name: 'Preview as a learner' }).click();
    const authorPlay = await playAll(a);
    expect(authorPlay.heading).toMatch(/^Your prediction: \d of 5 right$/);
    expect(authorPlay.heading).not.toBe('Your prediction: 5 of 5 right');
    expect(authorPlay.caption).toMatch(/The receipt never goes out\.$/);
    expect(author.errors).toEqual([]);
    await author.context.close();

    const learner = await openA11yPage(browser, link.slice(baseUrl().length));
    const { page } = learner;
    await panel(page).getByText('Guess how each step ends.').waitFor();
    await expect(panel(page).getByRole('table').getByRole('combobox').count()).resolves.toBe(5);
    const learnerPlay = await playAll(page);
    expect(learnerPlay).toEqual(authorPlay);

    // Presenter on the link's lesson: hidden, then its one beat with the receipt lit.
    await panel(page).getByRole('button', { name: 'Present', exact: true }).click();
    const presenter = page.getByRole('dialog', { name: /^Presenting:/ });
    await presenter.getByText('Run hidden').waitFor();
    await noSeriousAxe(page, 'presenter, run hidden');
    await screenshot(page, 'lesson-presenter-light');
    await page.keyboard.press('Space');
    await presenter.getByText('Beat 1 of 1').waitFor();
    await expect(presenter.locator('.presenter__caption').textContent()).resolves.toBe(authorPlay.caption);
    // The room sees the run, not the learner's guesses.
    await expect(presenter.getByTestId('lesson-mark').count()).resolves.toBe(5);
    await expect(presenter.getByTestId('lesson-mark').first().isVisible()).resolves.toBe(false);
    await expect.poll(() => page.$$eval('.presenter .react-flow__node.selected [data-testid^="step-node-"]', (els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['step-node-send-receipt']);
    await noSeriousAxe(page, 'presenter, revealed');
    // Its zoom buttons look like the editor's: the app's surface, no browser border beside them.
    const zoomIn = presenter.locator('.react-flow__controls-button').first();
    await expect(zoomIn.evaluate((el) => getComputedStyle(el).borderLeftWidth)).resolves.toBe('0px');
    await expect(zoomIn.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      await page.evaluate(() => getComputedStyle(document.querySelector('.canvas-area .react-flow__controls-button')!).backgroundColor),
    );
    await screenshot(page, 'lesson-presenter-revealed-light');
    await page.keyboard.press('Escape');
    await expect(presenter.count()).resolves.toBe(0);

    // Finished, it is listed under "From links" with its score.
    await panel(page).getByRole('button', { name: 'Finish the lesson' }).click();
    await panel(page).getByRole('button', { name: '← All lessons' }).click();
    const fromLinks = panel(page).getByRole('list', { name: 'From links' });
    const score = /^Your prediction: (\d) of 5 right$/.exec(authorPlay.heading)![1];
    await expect(fromLinks.textContent()).resolves.toBe(`${findPreset('payment-fails')!.scenario.title}done, ${score} of 5 points`);
    await fromLinks.scrollIntoViewIfNeeded();
    await noSeriousAxe(page, 'lessons index with From links');
    await screenshot(page, 'lessons-index-from-links-light');
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
      // The presenter loads on first use: keys go to it once it is there.
      await opened.page.getByRole('dialog', { name: /^Presenting:/ }).getByText('Run hidden').waitFor();
      await opened.page.keyboard.press('Space');
      await opened.page.getByRole('dialog', { name: /^Presenting:/ }).getByText(/^(Beat|Event) 1 of \d+$/).waitFor();
      await noSeriousAxe(opened.page, `presenter ${name}`);
      await screenshot(opened.page, `lesson-presenter-${name}`);
      await opened.context.close();
    });
  }
});
