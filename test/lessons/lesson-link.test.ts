import { describe, expect, it } from 'vitest';
import { bootFromLocation } from '../../src/app/share/boot-link.ts';
import { COURSE } from '../../src/lessons/course/index.ts';
import { lessonEmbedUrl, lessonLinkId } from '../../src/lessons/lesson-link.ts';
import { embedUrl } from '../../src/app/share/snippets.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { createRippleStore } from '../../src/store/store.ts';
import { layeredLayout, withPositions } from '../../src/canvas/layout/simple-layout.ts';

// A share link that carries a lesson opens in lesson mode, its progress kept per link.

const first = COURSE[0];

describe('a lesson share link', () => {
  it('opens in lesson mode with the lesson, keyed by the hash of its canonical form', () => {
    const store = createRippleStore();
    const outcome = bootFromLocation(store, `http://x/#${encodeScenarioLink(first.scenario)}`);
    expect(outcome.kind).toBe('opened');
    const active = store.getState().lessonActive;
    expect(active?.id).toBe(lessonLinkId(first.scenario));
    expect(active?.id).toMatch(/^link-[0-9a-f]{8}$/);
    expect(active?.lesson).toEqual(first.scenario.lesson);
    expect(store.getState().panelTab).toBe('lesson');
    expect(store.getState().scenario.lesson).toBeUndefined();
  });

  it('gives one id per lesson: the same lesson again the same, an edited one another', () => {
    const id = lessonLinkId(first.scenario);
    expect(lessonLinkId(structuredClone(first.scenario))).toBe(id);
    const edited = { ...first.scenario, lesson: { ...first.scenario.lesson!, intro: 'Another intro.' } };
    expect(lessonLinkId(edited)).not.toBe(id);
    expect(lessonLinkId(COURSE[1].scenario)).not.toBe(id);
  });

  it('keeps one id for a lesson without positions and the same lesson as laid out on opening; a moved step makes another', () => {
    const unplaced = { ...first.scenario, steps: first.scenario.steps.map(({ position: _p, ...step }) => step) };
    const laidOut = withPositions(unplaced, layeredLayout(unplaced));
    expect(lessonLinkId(laidOut)).toBe(lessonLinkId(unplaced));
    const moved = withPositions(laidOut, { ...layeredLayout(unplaced), [unplaced.steps[0].id]: { x: 999, y: 999 } });
    expect(lessonLinkId(moved)).not.toBe(lessonLinkId(unplaced));
  });

  it('a link without a lesson opens no lesson', () => {
    const store = createRippleStore();
    const plain = { ...first.scenario };
    delete plain.lesson;
    expect(bootFromLocation(store, `http://x/#${encodeScenarioLink(plain)}`).kind).toBe('opened');
    expect(store.getState().lessonActive).toBeNull();
  });

  it('the embed code of a scenario with a lesson asks the embed for it (lesson=1), keeping the other options', () => {
    const src = embedUrl('https://x.org/ripple/#r1.abc', { controls: false, theme: 'auto', panel: 'none' });
    expect(lessonEmbedUrl(src, first.scenario)).toBe('https://x.org/ripple/embed.html?controls=0&lesson=1#r1.abc');
    const plain = { ...first.scenario };
    delete plain.lesson;
    expect(lessonEmbedUrl(src, plain)).toBe(src);
  });
});
