import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './harness.ts';
import { storedDraft } from './stored-draft.ts';

// The editor in real Chromium: drawing by mouse and by keyboard, refusing a cycle, undo,
// and a reload that restores the work exactly.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function closeGallery(page: Page) {
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
}

const node = (page: Page, id: string) => page.getByTestId(`step-node-${id}`);

async function connect(page: Page, from: string, to: string) {
  const source = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const target = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error('handle not visible');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.up();
}

const draft = (page: Page) => storedDraft(page);

test('draw three steps by mouse, connect them, a cycle is refused, undo, reload restores', async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  expect(pane).not.toBeNull();
  const names = ['Reserve stock', 'Charge card', 'Ship order'];
  for (let i = 0; i < 3; i++) {
    await page.mouse.dblclick(pane!.x + 140 + i * 260, pane!.y + 120);
    const input = page.getByRole('textbox', { name: 'Step name' });
    await input.waitFor();
    await input.fill(names[i]);
    await input.press('Enter');
  }
  await connect(page, 'step-1', 'step-2');
  await connect(page, 'step-2', 'step-3');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

  await connect(page, 'step-3', 'step-1');
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Ship order → Reserve stock → Charge card → Ship order');
  expect(await page.locator('.react-flow__edge').count()).toBe(2);

  // Move a step, then undo the move with Ctrl+Z (focus on the canvas, not in a field).
  const before = await node(page, 'step-2').boundingBox();
  await page.mouse.move(before!.x + 60, before!.y + 40);
  await page.mouse.down();
  await page.mouse.move(before!.x + 60, before!.y + 180, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await node(page, 'step-2').boundingBox())!.y).toBeGreaterThan(before!.y + 100);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node(page, 'step-2').boundingBox())!.y)).toBe(Math.round(before!.y));
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await node(page, 'step-2').boundingBox())!.y).toBeGreaterThan(before!.y + 100);

  await screenshot(page, 'editor-drawn-by-mouse');
  // The autosave is debounced: wait until it holds the redone move.
  const movedY = async () => (await draft(page))?.scenario.steps.find((s: { id: string }) => s.id === 'step-2')?.position?.y ?? 0;
  const startY = (await draft(page))?.scenario.steps[0].position?.y ?? 0;
  await expect.poll(movedY).toBeGreaterThan(startY + 50);
  const saved = await draft(page);
  // Written by the text worker, packed (draft-pack.ts): the reload below reads it back.
  expect(await page.evaluate(() => localStorage.getItem('ripple:draft:v1')?.slice(0, 3))).toBe('z1.');
  await page.reload();
  await node(page, 'step-3').waitFor();
  expect(await page.locator('.react-flow__edge').count()).toBe(2);
  expect(await node(page, 'step-1').textContent()).toContain('Reserve stock');
  // No gallery on a return visit; the restored draft is byte-for-byte what was saved.
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect((await draft(page))!.scenario).toEqual(saved!.scenario);
  expect(errors).toEqual([]);
  await context.close();
});

test('Enter on a step name then N within the same frame: the new step keeps its name field open and focused (CI: the first name field gave focus back to its node a frame later and closed the second)', async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await page.keyboard.press('n');
  const input = page.getByRole('textbox', { name: 'Step name' });
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('First');
  // Both keys in one task, before any frame: as a fast typist's, or any two on a busy machine.
  await input.evaluate((el) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
  });
  // Several frames later the second step's name field is still open, with the focus.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await node(page, 'step-1').textContent()).toContain('First');
  await page.keyboard.type('Second');
  await page.keyboard.press('Enter');
  await expect.poll(() => node(page, 'step-2').textContent()).toContain('Second');
  expect(errors).toEqual([]);
  await context.close();
});

test('draw three steps by keyboard: N to add and name, the inspector to connect, Delete and undo', async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  for (const name of ['Validate', 'Build', 'Publish']) {
    await page.keyboard.press('n');
    const input = page.getByRole('textbox', { name: 'Step name' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect.poll(() => input.count()).toBe(0);
  }
  // Publish is selected (the last one added): make it depend on Build, and Build on Validate.
  const addPrerequisite = page.getByLabel('Add a prerequisite');
  await addPrerequisite.selectOption({ label: 'Build' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await node(page, 'step-2').click();
  await page.getByLabel('Add a prerequisite').selectOption({ label: 'Validate' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

  // Mark Validate as failing with 422 from the inspector.
  await node(page, 'step-1').click();
  await page.getByLabel('Answers').selectOption('422');
  await expect(page.getByTestId('status-info').textContent()).resolves.toContain('422 Unprocessable Content');
  expect(await node(page, 'step-1').locator('[data-mark="fail"]').textContent()).toBe('422');

  // Keyboard focus on a node, Delete removes it with its edges; Ctrl+Z brings all back.
  await node(page, 'step-2').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator('.step-node').count()).toBe(2);
  expect(await page.locator('.react-flow__edge').count()).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.locator('.step-node').count()).toBe(3);
  expect(await page.locator('.react-flow__edge').count()).toBe(2);

  // Run: Publish answers 424 because Validate failed.
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => node(page, 'step-3').getAttribute('data-state'), { timeout: 15_000 }).toBe('blocked');
  await screenshot(page, 'editor-drawn-by-keyboard-run');
  expect(errors).toEqual([]);
  await context.close();
});

test('loading a preset over edited work keeps the draft one click away', async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await page.keyboard.press('n');
  await page.keyboard.type('My own step');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('button', { name: /payment declined/ }).click();
  await node(page, 'create-invoice').waitFor();
  await page.reload();
  await node(page, 'create-invoice').waitFor();
  await page.getByRole('button', { name: /^Restore draft “/ }).click();
  await node(page, 'step-1').waitFor();
  expect(await node(page, 'step-1').textContent()).toContain('My own step');
  expect(errors).toEqual([]);
  await context.close();
});

test('a reload that begins just before the address bar catches up still comes back to the newest work', async () => {
  // The browser reloads the address it had when the reload began. Here the page's document is
  // held back for a second, so the link of the preset just loaded lands in the address bar while
  // the old page still runs; the reloaded page must open the draft (the preset), not the link
  // of the step drawn before it (stale-link.ts). A CI run once failed on exactly this timing.
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await page.keyboard.press('n');
  await page.keyboard.type('My own step');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash.length), { timeout: 10_000 }).toBeGreaterThan(1);
  // The drawn step's link: the one an old page would wrongly open again.
  const stepLink = await page.evaluate(() => location.hash);
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('button', { name: /payment declined/ }).click();
  await node(page, 'create-invoice').waitFor();
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    },
    { times: 1 },
  );
  await page.reload();
  // The preset, not the step drawn before it. (Where the address bar had caught up before the
  // reload began, this holds without the stale-link rule: the race is only likely, not forced.)
  await node(page, 'create-invoice').waitFor();
  expect(await page.locator('[data-testid="step-node-step-1"]').count()).toBe(0);
  // The address bar comes to hold the preset's own link (written after the page opened the draft).
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).not.toBe(stepLink);
  expect(errors).toEqual([]);
  await context.close();
});

test('a reload while a field is still being typed in keeps what was typed: the Title, and a step name on the canvas', async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await page.keyboard.press('n');
  // The step's name is being typed on the canvas, not yet confirmed with Enter.
  await page.keyboard.type('Typed, not confirmed');
  await page.reload();
  await expect.poll(() => page.locator('.step-node').first().textContent(), { timeout: 15_000 }).toContain('Typed, not confirmed');
  await page.getByRole('tab', { name: 'Scenario' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('A title still in its field');
  await page.reload();
  await page.getByRole('tab', { name: 'Scenario' }).click();
  await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('A title still in its field');
  expect(errors).toEqual([]);
  await context.close();
});

test("Ctrl+Z in the next field after renaming undoes the rename once: the Name field and the canvas agree, and nothing is re-applied", async () => {
  const { page, errors, context } = await openPage(browser);
  await closeGallery(page);
  await page.getByRole('button', { name: /^Add step/ }).click();
  const step = page.locator('[data-testid^="step-node-"]').first();
  await step.waitFor();
  await page.keyboard.press('Escape');
  await step.click();
  const name = page.getByLabel('Name', { exact: true });
  const before = await name.inputValue();
  await name.fill('Renamed by hand');
  await page.keyboard.press('Tab');
  await expect.poll(() => step.textContent()).toContain('Renamed by hand');
  // Focus is now in the next field, with nothing typed there: Chromium's own undo would put the
  // old name back in the Name field only (one undo list for the page's fields).
  await page.keyboard.press('Control+z');
  await expect.poll(() => step.textContent()).not.toContain('Renamed by hand');
  expect(await name.inputValue()).toBe(before);
  // Leaving the fields commits nothing new: the undone rename stays undone.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await step.click();
  expect(await step.textContent()).not.toContain('Renamed by hand');
  await screenshot(page, 'editor-undo-from-next-field');
  expect(errors).toEqual([]);
  await context.close();
});

test('first visit, by keyboard: Enter on "Start here" opens it and focus lands on Run; Enter runs it; the scrubber\'s arrows move one event; a reload keeps the moment and the selection', async () => {
  const { page, errors, context } = await openPage(browser);
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-run-button'))).toBe(true);
  await page.keyboard.press('Enter');
  const slider = page.getByRole('toolbar', { name: 'Playback' }).getByRole('slider', { name: 'Playback position (virtual time)' });
  await slider.waitFor();
  await page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Pause', exact: true }).click().catch(() => undefined);
  await slider.press('Home');
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  // Two events on: the sentence the slider reads is the second event's, not 2 ms into the first.
  const valueText = await slider.getAttribute('aria-valuetext');
  await slider.press('ArrowLeft');
  expect(await slider.getAttribute('aria-valuetext')).not.toBe(valueText);
  await slider.press('ArrowRight');
  expect(await slider.getAttribute('aria-valuetext')).toBe(valueText);
  await page.getByRole('tab', { name: 'Run' }).click();
  await screenshot(page, 'first-visit-keyboard-run');

  // A reload keeps the run, paused at the same moment, and the selected step (not only the scenario).
  const clock = page.getByRole('timer');
  const shownAt = await clock.getAttribute('aria-label');
  await page.getByTestId('step-node-create-invoice').click();
  await page.reload();
  await slider.waitFor();
  await expect.poll(() => clock.getAttribute('aria-label')).toBe(shownAt);
  expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('create-invoice');
  expect(await page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('a file dropped while the gallery is up: the gallery steps aside, the refusal or the canvas is seen, focus is on Run', async () => {
  const { page, context } = await openPage(browser);
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"version": 2, "steps": ['], 'broken.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor({ state: 'detached' });
  await expect.poll(() => page.getByRole('alert').filter({ hasText: /broken\.json/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  // Focus is on Run, which stays whatever the file did (not on the page's body).
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-run-button'))).toBe(true);
  await screenshot(page, 'gallery-file-drop-refused');
  await context.close();

  // A good file: its canvas shows, and focus is still on Run once the file is read.
  const good = await openPage(browser);
  await good.page.getByRole('dialog', { name: 'Pick a scenario' }).waitFor();
  await good.page.evaluate(() => {
    const scenario = { version: 2, title: 'Dropped', steps: [{ id: 'a' }, { id: 'b' }], dependencies: [{ from: 'a', to: 'b' }] };
    const data = new DataTransfer();
    data.items.add(new File([JSON.stringify(scenario)], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await good.page.getByTestId('step-node-b').waitFor();
  expect(await good.page.evaluate(() => document.activeElement?.hasAttribute('data-run-button'))).toBe(true);
  expect(good.errors).toEqual([]);
  await good.context.close();
});
