import { describe, expect, test } from 'vitest';
import { positionsAreAuto, withoutAutoPositions } from '../../src/store/auto-positions.ts';
import { layeredLayout } from '../../src/canvas/layout/simple-layout.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { chain, dep, scenario as unplaced, step } from '../scenario/helpers.ts';
import { editorStore } from './helpers.ts';

// A scenario opened without positions is laid out by the built-in layout; as long as every step
// still stands where that layout put it, a link leaves the positions out (the receiver computes
// the same ones), and once the picture differs from it, the positions are the picture.

const placed = (s: Scenario) => s.steps.filter((x) => x.position).length;

/** a → b → d, a → c → d: two layers of two in the middle. */
const diamond = () => unplaced(['a', 'b', 'c', 'd'], [dep('a', 'b'), dep('a', 'c'), dep('b', 'd'), dep('c', 'd')]);

describe('a scenario opened without positions', () => {
  test('is laid out on opening, and shared without positions', () => {
    const store = editorStore({ scenario: diamond() });
    const opened = store.getState().scenario;
    expect(placed(opened)).toBe(4);
    expect(positionsAreAuto(opened)).toBe(true);
    expect(withoutAutoPositions(opened)).toEqual(diamond());
  });

  test('a 2,000-step chain opened and shared again is the chain it came from', () => {
    const store = editorStore({ scenario: chain(2000) });
    expect(placed(store.getState().scenario)).toBe(2000);
    expect(withoutAutoPositions(store.getState().scenario)).toEqual(chain(2000));
  });

  test('edits that keep the layout keep the positions out: a label, a failure, the title', () => {
    const store = editorStore({ scenario: diamond() });
    store.getState().renameStep('b', 'Charge card');
    store.getState().setStepFailure('c', 503);
    store.getState().setTitle('Renamed');
    const shared = withoutAutoPositions(store.getState().scenario);
    expect(placed(shared)).toBe(0);
    expect(shared.steps[1].label).toBe('Charge card');
  });

  test('after a drag the positions are kept: every step, the moved one where it was dropped', () => {
    const store = editorStore({ scenario: diamond() });
    store.getState().moveSteps({ b: { x: 300, y: 400 } });
    const shared = withoutAutoPositions(store.getState().scenario);
    expect(placed(shared)).toBe(4);
    expect(shared.steps[1].position).toEqual({ x: 300, y: 400 });
  });

  test('undo back to the laid-out state leaves them out again; redo brings the drag back', () => {
    const store = editorStore({ scenario: diamond() });
    store.getState().moveSteps({ b: { x: 300, y: 400 } });
    store.getState().undo();
    expect(placed(withoutAutoPositions(store.getState().scenario))).toBe(0);
    store.getState().redo();
    expect(placed(withoutAutoPositions(store.getState().scenario))).toBe(4);
  });

  test('a step dragged back to the very place the layout gave it is laid out the same by the receiver', () => {
    const store = editorStore({ scenario: diamond() });
    const home = store.getState().scenario.steps[1].position!;
    store.getState().moveSteps({ b: { x: 300, y: 400 } });
    store.getState().moveSteps({ b: home });
    expect(placed(withoutAutoPositions(store.getState().scenario))).toBe(0);
  });

  test('an edit that moves no step but changes the layout keeps the positions (the receiver would draw another picture)', () => {
    // a → b → c, then b is deleted: a and c stay apart, where a fresh layout would stack them.
    const deleted = editorStore({ scenario: chain(3) });
    deleted.getState().deleteSteps(['s1']);
    expect(placed(withoutAutoPositions(deleted.getState().scenario))).toBe(2);
    // Two unconnected steps stacked in one layer, then connected: the layout would put them side by side.
    const connected = editorStore({ scenario: unplaced(['a', 'b']) });
    connected.getState().connect('a', 'b');
    expect(placed(withoutAutoPositions(connected.getState().scenario))).toBe(2);
  });

  test('Tidy (dagre) keeps its positions where they differ from the built-in layout', async () => {
    const store = editorStore({ scenario: unplaced(['a', 'b', 'c', 'd', 'e'], [dep('a', 'e'), dep('b', 'c'), dep('c', 'd'), dep('d', 'e')]) });
    const before = store.getState().scenario;
    await store.getState().autoLayout();
    const tidied = store.getState().scenario;
    expect(tidied).not.toBe(before);
    expect(tidied.steps.map((s) => s.position)).not.toEqual(before.steps.map((s) => s.position));
    expect(placed(withoutAutoPositions(tidied))).toBe(5);
  });
});

describe('scenarios with positions of their own', () => {
  test('a scenario drawn by hand keeps its positions', () => {
    const drawn = unplaced([step('a', { position: { x: 0, y: 0 } }), step('b', { position: { x: 260, y: 40 } })], [dep('a', 'b')]);
    expect(withoutAutoPositions(drawn)).toBe(drawn);
  });

  test('a scenario with some steps placed and some not is laid out whole on opening, so its given positions do not survive either way', () => {
    const partly = unplaced([step('a', { position: { x: 500, y: 500 } }), 'b', 'c'], [dep('a', 'b'), dep('b', 'c')]);
    // On its own it is not "auto" (not every step is placed): a link made of it is left as it is.
    expect(positionsAreAuto(partly)).toBe(false);
    expect(withoutAutoPositions(partly)).toBe(partly);
    // Opened, every step (a too) is placed by the layout, and the link leaves them all out.
    const opened = editorStore({ scenario: partly }).getState().scenario;
    expect(opened.steps.map((s) => s.position)).toEqual(['a', 'b', 'c'].map((id) => layeredLayout(partly)[id]));
    expect(placed(withoutAutoPositions(opened))).toBe(0);
  });

  test('no steps: nothing to leave out', () => {
    const empty = unplaced([]);
    expect(positionsAreAuto(empty)).toBe(false);
    expect(withoutAutoPositions(empty)).toBe(empty);
  });
});
