import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { axe, expectNoSeriousAxe as noSeriousAxe, openA11yPage, type OpenedA11yPage } from './axe.ts';
import { openLessonsIndex, pressOn as press, sidePanel as panel } from './app.ts';
import { findLesson } from '../../src/lessons/course/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { introParagraphs } from '../../src/scenario/lesson.ts';

// Presenter mode (issue #12) in a real browser, by keyboard alone: entered from a lesson, the
// room sees the canvas and one caption, no run until Space reveals it; Space / → walk the beats
// with the beat's step lit like a laser pointer, ← goes back, Escape leaves and gives focus
// back. Without beats, the arrows walk the run's events. axe and screenshots light, dark, 390 px.

const LESSON = findLesson('first-424')!;
const BEATS = LESSON.scenario.lesson!.beats!;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const presenter = (page: Page): Locator => page.getByRole('dialog', { name: /^Presenting: / });



/** The presenter's nodes' states, by step id (the editor's canvas underneath is not counted). */
function states(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.presenter [data-testid^="step-node-"]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-testid')!.slice('step-node-'.length), el.getAttribute('data-state') ?? ''])),
  );
}

/** The step ids lit by the laser pointer (selected nodes of the presenter's canvas). */
function lit(page: Page): Promise<string[]> {
  return page.$$eval('.presenter .react-flow__node.selected [data-testid^="step-node-"]', (els) =>
    els.map((el) => el.getAttribute('data-testid')!.slice('step-node-'.length)),
  );
}

async function openFirstLesson(page: Page): Promise<void> {
  await openLessonsIndex(page);
  await press(panel(page).getByRole('button', { name: `Start: ${LESSON.title}` }));
  await panel(page).getByRole('heading', { name: LESSON.title }).waitFor();
}

describe('presenter mode by keyboard', () => {
  let opened: OpenedA11yPage;
  beforeAll(async () => {
    opened = await openA11yPage(browser, '');
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  test('enter from a lesson: canvas and one caption, the run hidden; Space reveals beat 1 with its step lit; → ← walk the beats; Escape leaves', async () => {
    const { page } = opened;
    await openFirstLesson(page);
    const present = panel(page).getByRole('button', { name: 'Present', exact: true });
    await press(present);
    const dialog = presenter(page);
    await dialog.getByText('Run hidden').waitFor();
    await expect(dialog.getAttribute('aria-label')).resolves.toBe(`Presenting: ${LESSON.title}`);
    // Focus is inside; the room sees every step, none with a state yet, and one caption.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.presenter') !== null)).toBe(true);
    const before = await states(page);
    expect(Object.keys(before).sort()).toEqual(LESSON.scenario.steps.map((s) => s.id).sort());
    expect(new Set(Object.values(before))).toEqual(new Set(['design']));
    await expect(dialog.locator('.presenter__caption').count()).resolves.toBe(1);
    await expect(dialog.locator('.presenter__caption').textContent()).resolves.toBe(introParagraphs(LESSON.scenario.lesson!.intro)[0]);
    // Full screen where the page may use it (headless Chromium allows it after a key press).
    const fullscreen = await page.evaluate(() => (document.fullscreenEnabled ? document.fullscreenElement?.classList.contains('presenter') === true : null));
    if (fullscreen !== null) expect(fullscreen).toBe(true);
    // Large type: the caption is set well above the page's body text.
    const sizes = await page.evaluate(() => ({
      caption: parseFloat(getComputedStyle(document.querySelector('.presenter__caption')!).fontSize),
      body: parseFloat(getComputedStyle(document.body).fontSize),
    }));
    expect(sizes.caption).toBeGreaterThanOrEqual(sizes.body * 1.3);
    await noSeriousAxe(page, 'presenter, run hidden');
    await screenshot(page, 'presenter-hidden-light');

    // Tab stays in the dialog.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('.presenter') !== null)).resolves.toBe(true);
    await dialog.focus();

    await page.keyboard.press('Space');
    await dialog.getByText(`Beat 1 of ${BEATS.length}`).waitFor();
    await expect(dialog.locator('.presenter__caption').textContent()).resolves.toContain(BEATS[0].text);
    await expect.poll(() => lit(page)).toEqual([BEATS[0].step]);
    await page.keyboard.press('ArrowRight');
    await dialog.getByText(`Beat 2 of ${BEATS.length}`).waitFor();
    await expect(dialog.locator('.presenter__caption').textContent()).resolves.toBe(BEATS[1].text);
    await page.keyboard.press('Space');
    await dialog.getByText(`Beat 3 of ${BEATS.length}`).waitFor();
    await expect(dialog.locator('.presenter__caption').textContent()).resolves.toContain(BEATS[2].text);
    await expect.poll(() => lit(page)).toEqual([BEATS[2].step]);
    // At the third beat's moment the invoice answers 424.
    await expect.poll(async () => (await states(page))['create-invoice']).toBe('blocked');
    await noSeriousAxe(page, 'presenter, revealed');
    await screenshot(page, 'presenter-beat-light');
    await page.keyboard.press('ArrowLeft');
    await dialog.getByText(`Beat 2 of ${BEATS.length}`).waitFor();

    await page.keyboard.press('Escape');
    await expect.poll(() => presenter(page).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Present');
    // The learner's view is where it was: the lesson, not the Run tab.
    await panel(page).getByRole('heading', { name: LESSON.title }).waitFor();
    expect(opened.errors).toEqual([]);
  });

  test('a scenario without beats: Space reveals the first event, → and ← walk the events with a sentence as the caption', async () => {
    const { page } = opened;
    await press(panel(page).getByRole('button', { name: '← All lessons' }));
    await press(panel(page).getByRole('button', { name: 'Present this scenario' }));
    const dialog = presenter(page);
    await dialog.getByText('Run hidden').waitFor();
    await page.keyboard.press('Space');
    const where = dialog.locator('.presenter__where');
    await expect.poll(() => where.textContent()).toMatch(/^Event 1 of \d+$/);
    await expect(dialog.locator('.presenter__caption').textContent()).resolves.toBe('0 ms — The run starts.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => where.textContent()).toMatch(/^Event 3 of \d+$/);
    const third = await dialog.locator('.presenter__caption').textContent();
    expect(third).not.toBe('0 ms — The run starts.');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => where.textContent()).toMatch(/^Event 2 of \d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => presenter(page).count()).toBe(0);
    expect(opened.errors).toEqual([]);
  });
});

describe('presenter mode, dark and 390 px', () => {
  const link = `#${encodeScenarioLink(findPreset('payment-fails')!.scenario)}`;
  for (const { name, options } of [
    { name: 'dark', options: { colorScheme: 'dark' as const } },
    { name: '390', options: { width: 390, height: 844 } },
  ]) {
    test(`${name}: a lesson's beat presented; no serious axe violation; screenshot`, async () => {
      const opened = await openA11yPage(browser, name === 'dark' ? '' : link, options);
      try {
        const { page } = opened;
        await openFirstLesson(page);
        await press(panel(page).getByRole('button', { name: 'Present', exact: true }));
        await presenter(page).getByText('Run hidden').waitFor();
        await screenshot(page, `presenter-hidden-${name}`);
        await page.keyboard.press('Space');
        await presenter(page).getByText(`Beat 1 of ${BEATS.length}`).waitFor();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await presenter(page).getByText(`Beat 3 of ${BEATS.length}`).waitFor();
        await noSeriousAxe(page, `presenter ${name}`);
        // Nor a moderate one about landmarks: the presenter's bar was a second banner (tryout).
        expect((await axe(page)).filter((v) => v.id.startsWith('landmark')).map((v) => v.id)).toEqual([]);
        expect(await page.getByRole('banner').count()).toBe(1);
        await screenshot(page, `presenter-beat-${name}`);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.context.close();
      }
    });
  }
});

test('on a touch phone the presenter tells of no keys: no "Space or → next" line, the button reads "Leave"', async () => {
  const { page, context, errors } = await openPage(browser, '', { width: 390, height: 844, touch: true });
  try {
    await openFirstLesson(page);
    await press(panel(page).getByRole('button', { name: 'Present', exact: true }));
    await presenter(page).getByText('Run hidden').waitFor();
    expect(await presenter(page).getByText(/Space or → next/).isVisible()).toBe(false);
    // innerText: what is drawn, as a person reads it.
    expect(await presenter(page).getByRole('button', { name: /^Leave/ }).innerText()).toBe('Leave');
    await screenshot(page, 'presenter-touch-390');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
