import type { Scenario, Step } from '../scenario/types.ts';
import { layeredLayout } from '../canvas/layout/simple-layout.ts';

// Positions that say nothing. A scenario that arrives without positions (an imported workflow,
// a generated batch, a CLI link) is placed on opening by the built-in layered layout (`prepare`
// in editor-slice.ts). Written back into a share link, those positions add half again to its
// length (a 2,000-step chain: 12,695 → 20,922 characters) and tell the receiver nothing it would
// not compute itself, so a link leaves them out.
//
// "Auto" is a fact about the scenario, not a flag kept beside it: every step stands exactly where
// `layeredLayout` puts it for this scenario's steps and dependencies. A flag ("not moved since
// the layout") would be wrong after an edit that moves no step but changes the layout (connect,
// delete a step, add one): the receiver would lay out the new graph and see another picture. The
// check needs no bookkeeping either: undo back to the laid-out scenario, and it holds again.
// A layout that happens to equal the built-in one (Tidy on a chain) is left out too: the receiver
// sees the very same coordinates.
//
// This is the store's module, loaded with the link code (share-url.ts) and kept out of the main
// bundle; autosave may ask `positionsAreAuto` too.

const stripped = new WeakMap<Scenario, Scenario>();

/**
 * Whether every step of `scenario` has a position and it is exactly (integers, px) the one the
 * built-in layout (`layeredLayout`) gives it, i.e. the one a receiver computes when the scenario
 * arrives without positions. False for a scenario with no steps, and for one with some steps
 * unplaced (the app re-lays every step of such a scenario on opening; the store never holds one).
 *
 * @example
 * positionsAreAuto(withPositions(s, layeredLayout(s))) // → true; after a drag → false
 */
export function positionsAreAuto(scenario: Scenario): boolean {
  if (scenario.steps.length === 0 || scenario.steps.some((s) => !s.position)) return false;
  const laid = layeredLayout(scenario);
  return scenario.steps.every((s) => laid[s.id].x === s.position!.x && laid[s.id].y === s.position!.y);
}

/**
 * The scenario as a share link carries it: every position left out when they are all the built-in
 * layout's (`positionsAreAuto`), so the receiver lays it out to the same coordinates; otherwise
 * `scenario` itself. Remembered per scenario object (the layout of 2,000 steps takes 10–40 ms).
 *
 * @example
 * withoutAutoPositions(openedFromCliLink).steps[0].position // → undefined
 */
export function withoutAutoPositions(scenario: Scenario): Scenario {
  let out = stripped.get(scenario);
  if (!out) {
    out = positionsAreAuto(scenario) ? { ...scenario, steps: scenario.steps.map(unplaced) } : scenario;
    stripped.set(scenario, out);
  }
  return out;
}

function unplaced({ position: _position, ...step }: Step): Step {
  return step;
}
