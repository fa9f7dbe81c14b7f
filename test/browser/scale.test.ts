import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './harness.ts';
import { encodeScenarioLink } from '../../src/scenario/index.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';
import { longTasks, recordLongTasks } from '../fixtures/long-tasks.ts';
import { nodeStates, playToEnd, run, transport } from './app.ts';
import { simulate } from '../../src/engine/index.ts';
import { stateAt } from '../../src/engine/state-at.ts';
import { buildTimeline, indexAtTime } from '../../src/store/timeline.ts';
import { wideDag } from '../../bench/sample-scenarios.ts';

// Issue #15: a 2,000-step graph opens, runs and answers. What is drawn is bounded by what is on
// screen: the canvas draws the steps in view, the Gantt and the event log a window of rows.
// The page answers a click once the link has opened and run. (Figures are the browser bench's
// to print: no timed assertions here; the long tasks are printed for the record.)

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** 20 layers of 100 steps, each after the first depending on 3 steps of the two layers before; every 97th fails, every 13th retries once. */
function layered(count: number): Scenario {
  const perLayer = count / 20;
  const steps: Step[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / perLayer);
    const step: Step = { id: `s${i}`, label: `Step ${i}`, durationMs: 100 + ((i * 37) % 9) * 100, position: { x: layer * 240, y: (i % perLayer) * 110 } };
    if (i % 97 === 96 && layer >= 10) step.fail = { status: 503, message: 'down' };
    else if (i % 13 === 12) {
      step.fail = { status: 503, times: 1 };
      step.retry = { maxAttempts: 2, delayMs: 100 };
    }
    steps.push(step);
    if (layer === 0) continue;
    const lo = Math.max(0, (layer - 2) * perLayer);
    const span = layer * perLayer - lo;
    for (const k of new Set([(i * 7) % span, (i * 31 + 5) % span, (i * 53 + 11) % span])) dependencies.push({ from: `s${lo + k}`, to: step.id });
  }
  return { version: 2, title: `Scale: ${count}-step saga`, steps, dependencies };
}

describe('a 2,000-step scenario by link, opened at a moment in the middle of its run', () => {
  test('draws the steps in view and a window of Gantt and log rows, and answers a click', async () => {
    const scenario = layered(2_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordLongTasks(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(`index.html#${encodeScenarioLink(scenario, { at: 3_000 })}`, baseUrl()).href);
    await page.getByRole('toolbar', { name: 'Playback' }).waitFor({ timeout: 120_000 });

    // The canvas: only the steps in view are in the DOM (group frames are not steps).
    await page.locator('.react-flow__node').first().waitFor();
    const stepNodes = await page.locator('.react-flow__node:not(:has(.group-frame))').count();
    expect(stepNodes).toBeGreaterThan(0);
    expect(stepNodes).toBeLessThan(300);

    // The edges: drawn once the steps are (the first picture is the steps alone), every edge
    // between two steps wholly in view among them.
    const betweenInView = await edgesBetweenStepsInView(page, scenario);
    expect(betweenInView.length).toBeGreaterThan(0);
    await expect.poll(() => missingEdges(page, betweenInView), { timeout: 30_000 }).toEqual([]);

    // Fitted, the view is the middle of the graph (it does not fit whole at the zoom floor): the
    // plain lines from the layers above it to those below only cross it, and are drawn as one
    // path, each shared stretch once (PassingLines); the edges between steps in view, as edges.
    await page.getByRole('button', { name: 'Fit View' }).click();
    const passing = page.locator('.passing-lines path');
    await expect.poll(async () => ((await passing.count()) === 1 ? ((await passing.getAttribute('d'))?.match(/M/g)?.length ?? 0) : 0), { timeout: 30_000 }).toBeGreaterThan(10);
    // Stacked under every edge, so a 424 or a failure edge sharing a stretch is drawn over them.
    expect(await passing.evaluate((path) => getComputedStyle((path as SVGPathElement).ownerSVGElement!).zIndex)).toBe('-1');
    const betweenInMiddle = await edgesBetweenStepsInView(page, scenario);
    expect(betweenInMiddle.length).toBeGreaterThan(0);
    await expect.poll(() => missingEdges(page, betweenInMiddle), { timeout: 30_000 }).toEqual([]);
    await screenshot(page, 'scale-2000-steps-fitted');

    // The Gantt: one labelled row per step, but only the rows in view are drawn.
    const gantt = page.getByRole('region', { name: /Timeline \(Gantt\)/ });
    const labels = gantt.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    expect(await labels.count()).toBeLessThan(100);
    expect(await labels.first().textContent()).toBe('Step 0');
    // The bars are drawn for the same window of rows as the labels.
    expect(await gantt.locator('.pb-gantt-row').count()).toBe(await labels.count());

    // The event log: a window of rows, each telling its place in the whole list.
    const log = page.getByRole('region', { name: 'Event log' });
    const rows = log.getByRole('listitem');
    expect(await rows.count()).toBeLessThan(200);
    const current = log.locator('li:has([aria-current="step"])');
    await current.waitFor();
    expect(Number(await current.getAttribute('aria-setsize'))).toBeGreaterThan(await rows.count());

    // The page answers: clicking a Gantt label selects that step (its row is marked, the store's selection).
    expect(await gantt.locator('.pb-gantt-selected').count()).toBe(0);
    await labels.first().getByRole('button').click();
    await gantt.locator('.pb-gantt-selected').waitFor({ state: 'attached' });

    await screenshot(page, 'scale-2000-steps');
    const tasks = await longTasks(page);
    console.log(`[scale] 2,000 steps by link at 3 s: ${stepNodes} step nodes in the DOM, ${tasks.length} long tasks, longest ${Math.round(Math.max(0, ...tasks))} ms`);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

/** Ids (`from->to`) of the dependencies whose both steps are drawn wholly inside the canvas. */
async function edgesBetweenStepsInView(page: Page, scenario: Scenario): Promise<string[]> {
  const inView = new Set(
    await page.$$eval('.react-flow__node', (nodes) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return nodes
        .filter((node) => {
          const box = node.getBoundingClientRect();
          return box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
        })
        .map((node) => node.getAttribute('data-id')!);
    }),
  );
  return scenario.dependencies.filter((d) => inView.has(d.from) && inView.has(d.to)).map((d) => `${d.from}->${d.to}`);
}

/** Which of `ids` have no drawn path on the canvas. */
async function missingEdges(page: Page, ids: string[]): Promise<string[]> {
  const drawn = new Set(await page.$$eval('.react-flow__edge-path', (paths) => paths.map((path) => path.closest('.react-flow__edge')?.getAttribute('data-id') ?? '')));
  return ids.filter((id) => !drawn.has(id));
}

/** The event log (windowed at this size) has followed the playhead: its current entry is drawn, whole, within the list's scrolled view (tryout: its last 4 px were cut off). */
async function expectLogFollows(page: Page): Promise<void> {
  const list = page.getByRole('region', { name: 'Event log' }).locator('ol');
  const current = list.locator('li:has([aria-current="step"])');
  // Polled as a description, so a failure says where the list and its entry were (CI under load).
  await expect
    .poll(
      async () => {
        const [box, entry] = await Promise.all([list.boundingBox(), current.count().then((n) => (n === 1 ? current.boundingBox() : null))]);
        const inView = box !== null && entry !== null && entry.y >= box.y - 0.5 && entry.y + entry.height <= box.y + box.height + 0.5;
        return inView ? 'in view' : `list ${JSON.stringify(box)}, entry ${JSON.stringify(entry)}`;
      },
      { timeout: 30_000 },
    )
    .toBe('in view');
}

describe('a 2,000-step scenario plays and scrubs: the canvas shows the engine’s moment', () => {
  test('played to the end at 4×, every step in view shows its final state; scrubbed back to a moment, that moment’s states', async () => {
    const scenario = layered(2_000);
    const result = simulate(scenario);
    const { timeline, duration } = buildTimeline([{ kind: 'run', result, scenario }]);
    /** Each step's state at `index` as the engine folds it (src/engine/state-at.ts). */
    const statesAt = (index: number) => Object.fromEntries(Object.entries(stateAt(result, index).steps).map(([id, view]) => [id, view.state as string]));
    /** The states the canvas shows for the steps it has in the DOM (the steps in view). */
    const shownAgainst = async (expected: Record<string, string>) => {
      const shown = await nodeStates(page);
      return Object.keys(shown).filter((id) => shown[id] !== expected[id]);
    };

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(`index.html#${encodeScenarioLink(scenario)}`, baseUrl()).href);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await run(page);
    await playToEnd(page, '4');

    const end = statesAt(result.events.length - 1);
    const inView = Object.keys(await nodeStates(page));
    expect(inView.length).toBeGreaterThan(10);
    expect(await shownAgainst(end)).toEqual([]);
    await expectLogFollows(page);

    // A moment while a step in view has started and not finished (the first view shows the start
    // of a large graph): drag the scrubber's thumb end to end, then to that moment.
    const probe = result.events.findIndex((e) => e.type === 'started' && e.step !== undefined && inView.includes(e.step));
    const target = result.events[probe].t + 50;
    const slider = transport(page).getByRole('slider', { name: 'Playback position (virtual time)' });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const xAt = (fraction: number) => box.x + 8 + (box.width - 16) * fraction;
    await page.mouse.move(xAt(0), y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(xAt(i / 20), y);
    for (let i = 19; i >= 0; i--) await page.mouse.move(xAt(Math.max(target / duration, i / 20)), y);
    await page.mouse.up();

    const at = Number(await slider.inputValue());
    expect(Math.abs(at - target)).toBeLessThan(duration / 20);
    const moment = statesAt(timeline[indexAtTime(timeline, at)].index);
    // The moment differs from the end for steps in view, so the canvas must have changed.
    expect(inView.filter((id) => moment[id] !== end[id]).length).toBeGreaterThan(0);
    await expect.poll(() => shownAgainst(moment), { timeout: 10_000 }).toEqual([]);
    await expectLogFollows(page);
    await screenshot(page, 'scale-2000-steps-scrubbed');

    // A reload comes back to the same moment, the log scrolled to its entry (tryout: the entry
    // was marked but off-screen: its scroll position was worked out for a guessed list height).
    await page.reload();
    await expect.poll(() => slider.inputValue(), { timeout: 60_000 }).toBe(String(at));
    await expectLogFollows(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('a wide imported DAG of 1,000 steps by link opens on its start', () => {
  // The bench's wide Argo-like DAG: one fan-out task, then levels of 250 tasks stacked 27,000 px
  // tall, laid out on open. The first view fitted the four leftmost steps (the fan-out task in the
  // middle of that height and the top three tasks of the next level): at the lowest zoom their
  // box was still 13,800 px tall, and the view centred on its empty middle.
  test('the first view shows the fan-out task and the steps around it, readably', async () => {
    const scenario = wideDag(1_000);
    const first = scenario.steps[0].id;
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(scenario)}`, { height: 800 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });

    /** The steps drawn whole inside the canvas's visible rectangle, and the zoom. */
    const inView = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const ids = [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid^="step-node-"]')]
          .filter((n) => {
            const r = n.getBoundingClientRect();
            return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
          })
          .map((n) => n.dataset.testid!.slice('step-node-'.length));
        const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
        return { ids, zoom };
      });
    // Polled: the picture is fitted once the layout is in (an animated fit); no timing asserted.
    await expect.poll(async () => (await inView()).ids.includes(first), { timeout: 30_000 }).toBe(true);
    const { ids, zoom } = await inView();
    expect(ids.length).toBeGreaterThan(10);
    // Readable: no smaller than the canvas's fit floor (StepCanvas.tsx FIT.minZoom).
    expect(zoom).toBeGreaterThanOrEqual(0.6);
    await screenshot(page, 'scale-wide-dag-first-view');

    // Selecting the fan-out task makes its own edges on screen stand out (each edge asks only
    // while its line is on screen: issue #15), and only its own.
    const standingOut = () => page.evaluate(() => [...document.querySelectorAll('path.dep-edge--adjacent')].map((p) => p.id));
    expect(await standingOut()).toEqual([]);
    await page.locator(`.react-flow__node[data-id="${first}"]`).click();
    await expect.poll(async () => (await standingOut()).length, { timeout: 30_000 }).toBeGreaterThan(3);
    expect((await standingOut()).filter((id) => !id.startsWith(`${first}->`))).toEqual([]);
    await screenshot(page, 'scale-wide-dag-fan-out-selected');

    // Run opens the dock below the canvas: the smaller canvas is fitted again on the same start.
    const paneHeight = () => page.locator('.react-flow').evaluate((n) => n.getBoundingClientRect().height);
    const before = await paneHeight();
    await run(page);
    await expect
      .poll(async () => {
        const [height, now] = await Promise.all([paneHeight(), inView()]);
        return { shrunk: height < before - 50, first: now.ids.includes(first), moreThan10: now.ids.length > 10 };
      }, { timeout: 30_000 })
      .toEqual({ shrunk: true, first: true, moreThan10: true });
    await screenshot(page, 'scale-wide-dag-after-run');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('a 180-step graph by link: the Why section’s root-cause link brings that step into view', () => {
  /** Three layers of 60 steps, 6,600 px tall; the top step of the second layer depends on the bottom step of the first, which fails. */
  function tall(): Scenario {
    const steps: Step[] = [];
    const dependencies: Dependency[] = [];
    for (let layer = 0; layer < 3; layer++) {
      for (let row = 0; row < 60; row++) {
        const id = `l${layer}-${row}`;
        steps.push({ id, durationMs: 100, position: { x: layer * 240, y: row * 110 }, ...(id === 'l1-59' ? { fail: { status: 500, message: 'exit 1' } } : {}) });
        if (layer > 0) dependencies.push({ from: id === 'l2-0' ? 'l1-59' : `l${layer - 1}-${row}`, to: id });
      }
    }
    return { version: 2, title: 'Tall', steps, dependencies };
  }
  const viewport = (page: Page) => page.locator('.react-flow__viewport').evaluate((n) => getComputedStyle(n).transform);
  /** Whether step `id` is drawn wholly inside the canvas's visible rectangle. */
  const wholeInView = (page: Page, id: string) =>
    page.evaluate((testId) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const step = document.querySelector(`[data-testid="${testId}"]`)?.getBoundingClientRect();
      return step !== undefined && step.left >= pane.left && step.right <= pane.right && step.top >= pane.top && step.bottom <= pane.bottom;
    }, `step-node-${id}`);

  test('clicking a step on the canvas leaves the view; the root-cause link pans to the failed step, off screen before', async () => {
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(tall(), { at: 10_000 })}`, { height: 800 });
    await transport(page).waitFor({ timeout: 60_000 });
    await expect.poll(() => wholeInView(page, 'l2-0'), { timeout: 30_000 }).toBe(true);
    // The root cause is 6,500 px below: not drawn at all (React Flow draws only the steps in view).
    expect(await page.getByTestId('step-node-l1-59').count()).toBe(0);

    const before = await viewport(page);
    await page.getByTestId('step-node-l2-0').click();
    await page.getByRole('tab', { name: 'Run' }).click();
    const why = page.getByTestId('why-section');
    await expect.poll(() => why.getByRole('heading', { level: 3 }).textContent()).toBe('Why did l2-0 answer 424?');
    expect(await viewport(page)).toBe(before);

    await why.getByRole('button', { name: 'Select step l1-59' }).click();
    await expect.poll(() => why.getByRole('heading', { level: 3 }).textContent()).toBe('Why did l1-59 fail?');
    await expect.poll(() => wholeInView(page, 'l1-59'), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('.react-flow__node.selected [data-testid="step-node-l1-59"]').count()).toBe(1);
    await screenshot(page, 'scale-why-root-cause-revealed');

    // A click on the canvas, on a step in view, moves nothing.
    const revealed = await viewport(page);
    await page.getByTestId('step-node-l0-58').click();
    await expect.poll(() => why.getByRole('heading', { level: 3 }).textContent()).toBe('What happened to l0-58?');
    expect(await viewport(page)).toBe(revealed);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a step picked in the Table view is in view when the canvas comes back (${colorScheme})`, async () => {
      const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink(tall())}`, { height: 800, colorScheme });
      await expect.poll(() => wholeInView(page, 'l0-0'), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('step-node-l1-59').count()).toBe(0);
      const tableButton = page.getByRole('banner').getByRole('button', { name: 'Table view' });
      await tableButton.click();
      await page.locator('.step-table').getByRole('button', { name: 'l1-59', exact: true }).click();
      await expect.poll(() => page.locator('.step-table tr[aria-selected="true"]').count()).toBe(1);
      await tableButton.click();
      await expect.poll(() => wholeInView(page, 'l1-59'), { timeout: 10_000 }).toBe(true);
      expect(await page.locator('.react-flow__node.selected [data-testid="step-node-l1-59"]').count()).toBe(1);
      await screenshot(page, `scale-table-pick-revealed-${colorScheme}`);
      // The view is the person's from then on: a click on a step in view moves nothing.
      const revealed = await viewport(page);
      await page.getByTestId('step-node-l1-58').click();
      expect(await viewport(page)).toBe(revealed);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  test('a step picked in the Table view is in view when the canvas comes back: a 100-step chain, mounted a few steps a frame', async () => {
    // Steps 0–99 in one row, 24,000 px wide: drawn whole (not visible-only), its first view
    // shows the start alone and the rest is mounted after it (staged-mount.ts). Tryout: Step 77,
    // picked in the table, was selected but the canvas still showed Steps 0–3.
    const steps: Step[] = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, label: `Step ${i}`, durationMs: 100, position: { x: i * 240, y: 0 } }));
    const dependencies: Dependency[] = steps.slice(1).map((step, i) => ({ from: `s${i}`, to: step.id }));
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink({ version: 2, title: 'Chain', steps, dependencies })}`, { height: 800 });
    await expect.poll(() => wholeInView(page, 's0'), { timeout: 30_000 }).toBe(true);
    expect(await wholeInView(page, 's77')).toBe(false);
    const tableButton = page.getByRole('banner').getByRole('button', { name: 'Table view' });
    await tableButton.click();
    await page.locator('.step-table').getByRole('button', { name: 'Step 77', exact: true }).click();
    await expect.poll(() => page.locator('.step-table tr[aria-selected="true"]').count()).toBe(1);
    await tableButton.click();
    await expect.poll(() => wholeInView(page, 's77'), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('.react-flow__node.selected [data-testid="step-node-s77"]').count()).toBe(1);
    expect(await wholeInView(page, 's0')).toBe(false);
    await screenshot(page, 'scale-table-pick-revealed-chain');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('a 2,000-step chain is given to React Flow from its start, the rest a few hundred steps a frame: its last step, picked in the Table view, is in view and selected on the canvas', async () => {
    // Drawn only where it is in view (over 100 steps): React Flow takes the steps near the start
    // first and the others in the frames after (staged-mount.ts); every step ends up on the
    // canvas, the last one 480,000 px from the first.
    const steps: Step[] = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, label: `Step ${i}`, durationMs: 100, position: { x: i * 240, y: 0 } }));
    const dependencies: Dependency[] = steps.slice(1).map((step, i) => ({ from: `s${i}`, to: step.id }));
    const { page, context, errors } = await openPage(browser, `#${encodeScenarioLink({ version: 2, title: 'Long chain', steps, dependencies })}`, { height: 800 });
    await expect.poll(() => wholeInView(page, 's0'), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('step-node-s1999').count()).toBe(0);
    const tableButton = page.getByRole('banner').getByRole('button', { name: 'Table view' });
    await tableButton.click();
    await page.locator('.step-table').getByRole('button', { name: 'Step 1999', exact: true }).click();
    await expect.poll(() => page.locator('.step-table tr[aria-selected="true"]').count()).toBe(1);
    await tableButton.click();
    await expect.poll(() => wholeInView(page, 's1999'), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('.react-flow__node.selected [data-testid="step-node-s1999"]').count()).toBe(1);
    // Its edge from Step 1998 is drawn too: edges come with the later of their ends.
    await expect.poll(() => page.locator('.react-flow__edge[data-id*="s1998"]').count()).toBeGreaterThan(0);
    expect(await wholeInView(page, 's0')).toBe(false);
    await screenshot(page, 'scale-table-pick-revealed-chain-2000');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
