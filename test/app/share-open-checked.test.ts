import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { bootFromLocation, bootFromLocationOffThread, OFF_THREAD_LINK_CHARS } from '../../src/app/share/boot-link.ts';
import { openInStore } from '../../src/app/share/open-in-store.ts';
import { decodeScenarioLink, encodeScenarioLink, frameLinkPayload } from '../../src/scenario/link-codec.ts';
import { checkedClean, provideValidate } from '../../src/scenario/gate-loader.ts';
import { validate, validateEdit } from '../../src/scenario/validate.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { createRippleStore } from '../../src/store/store.ts';

// A link is checked once, by the gate that decodes it (here or in the text worker), not a second
// time as it is put into the editor (issue #15: the first canvas of a 1,000-step link). Whatever
// did not just come through the gate (a file, a paste) is still checked as it is loaded.

// The store's check (src/store/edit-check.ts) asks the gate loader's `validate`; the gate's own
// decoding calls validate.ts directly. Counting the first counts the store's checks.
const storeChecks = vi.fn(validate);
beforeEach(() => {
  provideValidate(storeChecks, validateEdit);
  storeChecks.mockClear();
});
afterAll(() => provideValidate(validate, validateEdit));

/** A scenario long enough for its link to be decoded off the page (OFF_THREAD_LINK_CHARS). */
function chain(count: number): Scenario {
  const steps = Array.from({ length: count }, (_, i) => ({ id: `step-${i}`, label: `Step number ${i} of a long chain`, position: { x: i * 220, y: (i % 7) * 90 } }));
  const dependencies = steps.slice(1).map((s, i) => ({ from: steps[i].id, to: s.id }));
  return { version: 2, title: 'A long chain', steps, dependencies };
}

const long = chain(160);
const longLink = encodeScenarioLink(long);

describe('a link is checked once, by the gate', () => {
  test('decoded in the text worker, it opens without a second check on the page', async () => {
    expect(longLink.length).toBeGreaterThanOrEqual(OFF_THREAD_LINK_CHARS);
    const store = createRippleStore();
    const outcome = await bootFromLocationOffThread(store, `http://x/#${longLink}`, (fragment) => Promise.resolve(decodeScenarioLink(fragment)));
    expect(outcome).toMatchObject({ kind: 'opened', title: 'A long chain' });
    expect(store.getState().scenario.steps).toHaveLength(160);
    expect(store.getState().history.past.at(-1)?.label).toBe('open link');
    expect(storeChecks).not.toHaveBeenCalled();
  });

  test('decoded in the text worker (a copy of what the gate checked), it is known clean: its edits are checked by what they change', async () => {
    const store = createRippleStore();
    // The worker's answer arrives as a structured clone, not the object the gate checked.
    await bootFromLocationOffThread(store, `http://x/#${longLink}`, (fragment) => Promise.resolve(structuredClone(decodeScenarioLink(fragment))));
    expect(checkedClean.has(store.getState().scenario)).toBe(true);
    expect(store.getState().renameStep('step-3', 'Renamed')).toEqual({ ok: true });
    expect(storeChecks).not.toHaveBeenCalled();
    expect(store.getState().renameStep('step-3', 'x'.repeat(121))).toMatchObject({ ok: false, problems: [{ path: 'steps[3].label' }] });
  });

  test('decoded on the page, it opens without a second check', () => {
    const store = createRippleStore();
    expect(bootFromLocation(store, `http://x/#${longLink}`)).toMatchObject({ kind: 'opened', title: 'A long chain' });
    expect(storeChecks).not.toHaveBeenCalled();
    expect(store.getState().scenario.title).toBe('A long chain');
  });

  test('a link the gate refuses is still refused when the text worker decodes it, and the editor keeps its scenario', async () => {
    // Two steps share the id "a", among enough others for the link to be decoded off the page.
    const ids = ['a', 'a', ...Array.from({ length: 600 }, (_, i) => `s${(i * 7919) % 100_003}`)];
    const broken = frameLinkPayload(JSON.stringify(['Broken', ids, [0, 1]]));
    expect(broken.length).toBeGreaterThanOrEqual(OFF_THREAD_LINK_CHARS);
    const store = createRippleStore();
    store.getState().loadScenario(long);
    const decode = vi.fn((fragment: string) => Promise.resolve(decodeScenarioLink(fragment)));
    const outcome = await bootFromLocationOffThread(store, `http://x/#${broken}`, decode);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ kind: 'failed', problem: { kind: 'invalid' } });
    expect(store.getState().scenario.title).toBe('A long chain');
  });
});

describe('what did not come through the gate just now is checked as it is loaded', () => {
  const invalid: Scenario = {
    version: 2,
    title: 'Pasted',
    steps: [
      { id: 'a', label: 'A', position: { x: 0, y: 0 } },
      { id: 'b', label: 'B', position: { x: 200, y: 0 } },
    ],
    dependencies: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
    ],
  };

  test('a file or a paste opened into the editor is checked, and a cycle is refused', () => {
    const store = createRippleStore();
    store.getState().loadScenario(long);
    storeChecks.mockClear();
    const result = openInStore(store, invalid, {}, 'open file');
    expect(storeChecks).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/cycle/i) });
    expect(store.getState().scenario.title).toBe('A long chain');
  });

  test('a preset or a lesson loaded by the store is checked', () => {
    const store = createRippleStore();
    expect(store.getState().loadScenario(invalid, { label: 'open preset' }).ok).toBe(false);
    expect(store.getState().scenario.steps).toHaveLength(0);
  });
});
