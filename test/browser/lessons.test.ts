import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './harness.ts';
import { expectNoSeriousAxe as check, openA11yPage, type OpenedA11yPage } from './axe.ts';
import { openLessonsIndex as openLessons, pressOn as press, sidePanel as panel } from './app.ts';

// Issue #12 in a real browser, by keyboard alone and by mouse: three lessons, one per challenge
// kind, each with a wrong answer first. Keys are pressed on focused controls (focus() stands in
// for the Tab presses that reach them). axe on the lesson view; screenshots light, dark and 390 px.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});



/** In the predict table: Enter on the step's name selects it, then the state's key sets the guess. */
async function guess(page: Page, label: string, key: string): Promise<void> {
  const row = panel(page).getByRole('table').getByRole('button', { name: label, exact: true });
  await press(row);
  await page.keyboard.press(key);
}


describe('lessons by keyboard', () => {
  let opened: OpenedA11yPage;
  beforeAll(async () => {
    opened = await openA11yPage(browser, '');
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  test('predict: first 424 with a wrong guess, graded with the rule; then the next lesson is one key away', async () => {
    const { page } = opened;
    await openLessons(page);
    await check(page, 'lessons index');
    await screenshot(page, 'lessons-index-light');
    await press(panel(page).getByRole('button', { name: /^Start: Your first 424/ }));
    await panel(page).getByRole('heading', { name: 'Your first 424: the card is declined' }).waitFor();
    await guess(page, 'Create order', 's');
    await guess(page, 'Authorize payment', 'f');
    await guess(page, 'Reserve stock', 's');
    await guess(page, 'Create invoice', 'k'); // wrong: it answers 424
    await guess(page, 'Send receipt', 'b');
    await expect.poll(() => panel(page).getByLabel('Your guess for Create invoice').inputValue()).toBe('skipped');
    // The guess is on the step's node on the canvas too (its mark loads with the lesson).
    const node = page.locator('.react-flow__node[data-id="create-invoice"]');
    await expect.poll(() => node.getByTestId('lesson-mark').textContent()).toBe('guess: skipped');
    await check(page, 'predict, before the run');
    await screenshot(page, 'lesson-predict-light');
    await press(panel(page).getByRole('button', { name: /^Run and check \(5 of 5 guessed\)/ }));
    await panel(page).getByRole('heading', { name: 'Your prediction: 4 of 5 right' }).waitFor();
    const miss = panel(page).getByRole('listitem').filter({ hasText: 'Create invoice: you said skipped' });
    await expect.poll(() => miss.textContent()).toContain('blocked (424).With the fail-fast guard on');
    // The rule and the one step it acted on, then the rule's number, as text a tap needs no hover for.
    expect(await miss.locator('.lesson-grade__why').textContent()).toBe(
      'With the fail-fast guard on, a step whose prerequisite failed or answered 424 is not run; it answers 424 Failed Dependency. Create invoice answered 424 Failed Dependency because Authorize payment failed. (Ripple rule R5)',
    );
    expect(await miss.locator('.lesson-grade__rule').isVisible()).toBe(true);
    await expect.poll(() => node.getByTestId('lesson-mark').getAttribute('data-verdict')).toBe('miss');
    await check(page, 'predict, graded');
    await screenshot(page, 'lesson-graded-light');
    await press(panel(page).getByRole('button', { name: 'Finish the lesson' }));
    await panel(page).getByText('Lesson done: 4 of 5 points.').waitFor();
    await press(panel(page).getByRole('button', { name: 'Next lesson: Direct prerequisite or root cause?' }));
    await panel(page).getByRole('heading', { name: 'Direct prerequisite or root cause?' }).waitFor();
  });

  test('find the cause: the direct prerequisite first (a miss), then the root cause', async () => {
    const { page } = opened;
    const steps = panel(page).getByRole('group', { name: 'Steps' });
    await press(steps.getByRole('button', { name: 'Make thumbnail' }));
    await expect.poll(() => panel(page).getByRole('status').textContent()).toContain('Not this one. Make thumbnail is its direct prerequisite');
    await press(steps.getByRole('button', { name: 'Scan for viruses' }));
    await expect.poll(() => panel(page).getByRole('status').textContent()).toContain('Right.');
    await check(page, 'find the cause');
    await screenshot(page, 'lesson-cause-light');
    await press(panel(page).getByRole('button', { name: 'Next challenge' }));
    await panel(page).getByRole('heading', { name: 'Predict how each step ends' }).waitFor();
  });

  test('fix: checked unsolved first, then the policy changed by keyboard; the goal holds within par; progress kept', async () => {
    const { page } = opened;
    await press(panel(page).getByRole('button', { name: '← All lessons' }));
    await press(panel(page).getByRole('button', { name: /^The naive retry loop/ }));
    const goal = panel(page).getByRole('list', { name: 'Goal' });
    await goal.waitFor();
    await press(panel(page).getByRole('button', { name: 'Run and check the goal' }));
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: does not hold yet.');
    await press(page.getByRole('tab', { name: 'Scenario' }));
    const graphAware = panel(page).getByRole('group', { name: 'Retrying a blocked step' }).getByRole('radio', { name: 'graph-aware' });
    await press(graphAware, 'Space');
    await press(page.getByRole('tab', { name: 'Lessons' }));
    // Edited: the lines wait for the next check.
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: not checked yet.');
    await panel(page).getByText('Edits: 1 (par 1)').waitFor();
    await press(panel(page).getByRole('button', { name: 'Run and check the goal' }));
    await panel(page).getByText('Solved in 1 edit, within par.').waitFor();
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: holds.');
    await check(page, 'fix');
    await screenshot(page, 'lesson-fix-light');
    const progress = await page.evaluate(() => localStorage.getItem('ripple.lessons.progress.v1'));
    expect(JSON.parse(progress!)['first-424']).toEqual({ done: true, score: 4, total: 5 });
    expect(opened.errors).toEqual([]);
  });
});

describe('lessons by mouse', () => {
  let opened: OpenedA11yPage;
  beforeAll(async () => {
    opened = await openA11yPage(browser, '');
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  test('predict, find the cause, fix: each with a wrong answer first, by clicks (a select is picked with the pointer)', async () => {
    const { page } = opened;
    const gallery = page.getByRole('dialog', { name: 'Pick a scenario' });
    await gallery.getByRole('button', { name: 'Close' }).click();
    await gallery.waitFor({ state: 'hidden' });
    await page.getByRole('banner').getByRole('button', { name: /^Lessons/ }).click();
    await panel(page).getByRole('button', { name: /^Start: Your first 424/ }).click();

    // Predict: the invoice guessed "skipped" (wrong: it answers 424).
    const guesses: [string, string][] = [
      ['Create order', 'succeeded'],
      ['Authorize payment', 'failed'],
      ['Reserve stock', 'succeeded'],
      ['Create invoice', 'skipped'],
      ['Send receipt', 'blocked'],
    ];
    for (const [step, state] of guesses) await panel(page).getByLabel(`Your guess for ${step}`).selectOption(state);
    await panel(page).getByRole('button', { name: /^Run and check \(5 of 5 guessed\)/ }).click();
    await panel(page).getByRole('heading', { name: 'Your prediction: 4 of 5 right' }).waitFor();
    await expect(panel(page).getByRole('listitem').filter({ hasText: 'Create invoice: you said skipped' }).textContent()).resolves.toContain('With the fail-fast guard on');
    // The node on the canvas says the guess was wrong.
    await expect(page.getByTestId('step-node-create-invoice').getByTestId('lesson-mark').getAttribute('data-verdict')).resolves.toBe('miss');
    await panel(page).getByRole('button', { name: 'Finish the lesson' }).click();
    await panel(page).getByText('Lesson done: 4 of 5 points.').waitFor();
    await panel(page).getByRole('button', { name: 'Next lesson: Direct prerequisite or root cause?' }).click();

    // Find the cause: the direct prerequisite first (a miss), then the root cause.
    const steps = panel(page).getByRole('group', { name: 'Steps' });
    await steps.getByRole('button', { name: 'Make thumbnail' }).click();
    await expect.poll(() => panel(page).getByRole('status').textContent()).toContain('Not this one.');
    await steps.getByRole('button', { name: 'Scan for viruses' }).click();
    await expect.poll(() => panel(page).getByRole('status').textContent()).toContain('Right.');
    await panel(page).getByRole('button', { name: 'Next challenge' }).click();
    await panel(page).getByRole('heading', { name: 'Predict how each step ends' }).waitFor();

    // Fix: checked before any change (the goal does not hold), then the policy changed by clicks.
    await panel(page).getByRole('button', { name: '← All lessons' }).click();
    await panel(page).getByRole('button', { name: /^The naive retry loop/ }).click();
    const goal = panel(page).getByRole('list', { name: 'Goal' });
    await panel(page).getByRole('button', { name: 'Run and check the goal' }).click();
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: does not hold yet.');
    await page.getByRole('tab', { name: 'Scenario' }).click();
    await panel(page).getByRole('group', { name: 'Retrying a blocked step' }).getByRole('radio', { name: 'graph-aware' }).click();
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: not checked yet.');
    await panel(page).getByRole('button', { name: 'Run and check the goal' }).click();
    await panel(page).getByText('Solved in 1 edit, within par.').waitFor();
    await expect.poll(() => goal.textContent()).toContain('The run ends succeeded: holds.');
    await panel(page).getByRole('button', { name: '← All lessons' }).click();
    await expect(panel(page).getByRole('button', { name: /^Your first 424/ }).textContent()).resolves.toContain('done, 4 of 5 points');
    expect(opened.errors).toEqual([]);
  });
});

describe('lesson view, dark and 390 px', () => {
  for (const { name, options } of [
    { name: 'dark', options: { colorScheme: 'dark' as const } },
    { name: '390', options: { width: 390, height: 844 } },
  ]) {
    test(`${name}: no serious axe violation; screenshot`, async () => {
      const opened = await openA11yPage(browser, '', options);
      try {
        const { page } = opened;
        await openLessons(page);
        await press(panel(page).getByRole('button', { name: /^Start: Your first 424/ }));
        await guess(page, 'Create invoice', 'k');
        await press(panel(page).getByRole('button', { name: /^Run and check/ }));
        await panel(page).getByRole('heading', { name: /^Your prediction/ }).waitFor();
        await check(page, `graded, ${name}`);
        await panel(page).getByRole('heading', { name: /^Your prediction/ }).scrollIntoViewIfNeeded();
        await screenshot(page, `lesson-graded-${name}`);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.context.close();
      }
    });
  }
});

describe('lesson fixes from a fresh-user tryout', () => {
  test('a guess key on a canvas node reached by Tab guesses that step; the side panel neither scrolls its tabs nor overflows', async () => {
    const opened = await openA11yPage(browser, '');
    try {
      const { page } = opened;
      await openLessons(page);
      await press(panel(page).getByRole('button', { name: /^Start: Your first 424/ }));
      // Select one step, then move focus to another node (as Tab does) and press k.
      await press(panel(page).getByRole('table').getByRole('button', { name: 'Create order', exact: true }));
      await page.locator('.react-flow__node[data-id="create-invoice"]').focus();
      await page.keyboard.press('k');
      await expect.poll(() => panel(page).getByLabel('Your guess for Create invoice').inputValue()).toBe('skipped');
      await expect(panel(page).getByLabel('Your guess for Create order').inputValue()).resolves.toBe('');
      // Every tab fits: no horizontal scrolling that clips "Lessons"; the lesson's header stays inside the panel.
      const fits = await page.evaluate(() => {
        const tabs = document.querySelector('#side-panel [role="tablist"]')!;
        const body = document.querySelector('#side-panel .lesson')!;
        const edge = document.querySelector('#side-panel')!.getBoundingClientRect().right;
        const right = Math.max(...[...body.querySelectorAll('.lesson__top > *, .btn')].map((e) => e.getBoundingClientRect().right));
        return { tabs: tabs.scrollWidth <= tabs.clientWidth, inside: right <= edge };
      });
      expect(fits).toEqual({ tabs: true, inside: true });
      await screenshot(page, 'lesson-focused-guess');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
