// Compare mode (issue #13): A and B both run, one playhead, one selection.
import { variants } from '../../src/engine/compare.ts';
import { findPreset } from '../../src/presets/index.ts';
import { selectLiveStates } from '../../src/store/selectors.ts';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';

const preset = (name: string) => findPreset(name)!.scenario;

function comparing(a: string, b: string): RippleStore {
  const store = createRippleStore({ scenario: preset(a) });
  expect(store.getState().openCompare(preset(b), { label: b })).toBe(true);
  store.getState().comparePause();
  return store;
}

const sides = (store: RippleStore) => {
  const session = store.getState().compare!;
  return { a: session.a.store.getState(), b: session.b.store.getState() };
};

describe('compare mode', () => {
  it('runs A (the editor\'s scenario) and B side by side, with the diff and its sentence', () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    const session = store.getState().compare!;
    expect(session.a.label).toBe('A');
    expect(session.b.label).toBe('shipping-retry-graph-aware');
    expect(sides(store).a.scenario).toBe(store.getState().scenario);
    expect(sides(store).a.run!.durationMs).toBe(1600);
    expect(sides(store).b.run!.durationMs).toBe(1190);
    expect(Object.keys(session.diff.steps)).toEqual(['reserve-stock', 'create-shipping-label', 'notify-customer']);
    expect(session.summary).toBe('B avoided 2 answers of 424, made 2 more attempts, had 1 fewer step fail, and finished 410 ms sooner.');
    // The sides are read-only and the editor's own run is untouched.
    expect(sides(store).a.readOnly && sides(store).b.readOnly).toBe(true);
    expect(store.getState().run).toBeNull();
  });

  it('one playhead: the shared clock runs to the longer run, and each side stands at min(time, its end)', () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    expect(store.getState().compare!.duration).toBe(1600);
    store.getState().compareSeek(1300);
    expect(store.getState().compare!.time).toBe(1300);
    expect(sides(store).a.time).toBe(1300);
    expect(sides(store).b.time).toBe(1190);
    // At 1300 ms B has finished: the label succeeded; A's label is still waiting on its naive retries.
    expect(selectLiveStates(sides(store).b)?.['create-shipping-label']?.state).toBe('succeeded');
    expect(selectLiveStates(sides(store).a)?.['create-shipping-label']?.state).not.toBe('succeeded');
    store.getState().compareSeek(99_999);
    expect(store.getState().compare!.time).toBe(1600);
    store.getState().compareSeek(0);
    expect(sides(store).a.time).toBe(0);
    expect(sides(store).b.time).toBe(0);
  });

  it('the clock stops at the end, and play at the end starts over', () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    store.getState().comparePlay();
    store.getState().compareTick(5_000);
    expect(store.getState().compare).toMatchObject({ time: 1600, playing: false });
    store.getState().comparePlay();
    expect(store.getState().compare).toMatchObject({ time: 0, playing: true });
    store.getState().compareTick(400, false);
    expect(store.getState().compare!.time).toBe(400);
    expect(sides(store).a.time).toBe(0);
  });

  it('stepping goes to the next moment at which anything happens on either side', () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    const moments = [...new Set([...sides(store).a.timeline, ...sides(store).b.timeline].map((e) => e.at))].sort((x, y) => x - y);
    store.getState().compareStep(1);
    expect(store.getState().compare!.time).toBe(moments.find((t) => t > 0));
    store.getState().compareSeek(1600);
    store.getState().compareStep(-1);
    expect(store.getState().compare!.time).toBe(moments.at(-2));
  });

  it('selecting a step on either side selects it on both', () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    const { a, b } = store.getState().compare!;
    b.store.getState().selectStep('notify-customer');
    expect(a.store.getState().selectedStepId).toBe('notify-customer');
    expect(store.getState().compare!.selectedStepId).toBe('notify-customer');
    a.store.getState().setSelection(['reserve-stock']);
    expect(b.store.getState().selectedStepIds).toEqual(['reserve-stock']);
    a.store.getState().selectStep(null);
    expect(b.store.getState().selectedStepId).toBeNull();
  });

  it("a step selected on one side is brought into view on the other (revealSeq); from the diff table, on both", () => {
    const store = comparing('shipping-retry-loop', 'shipping-retry-graph-aware');
    const { a, b } = store.getState().compare!;
    const seqs = () => [a.store.getState().revealSeq, b.store.getState().revealSeq];
    const [a0, b0] = seqs();
    // Clicked on A's canvas (setSelection): A stays where the person is looking, B reveals it.
    a.store.getState().setSelection(['reserve-stock']);
    expect(seqs()).toEqual([a0, b0 + 1]);
    // Picked in B's Why panel (selectStep): B reveals it as its own selection does, and A too.
    b.store.getState().selectStep('notify-customer');
    expect(seqs()).toEqual([a0 + 1, b0 + 2]);
    // A row of the diff table belongs to neither side: both reveal it.
    store.getState().compareSelect('create-shipping-label');
    expect(seqs()).toEqual([a0 + 2, b0 + 3]);
    // Nothing selected: nothing to reveal.
    a.store.getState().selectStep(null);
    expect(seqs()).toEqual([a0 + 2, b0 + 3]);
  });

  it('"the root cause fixed" runs B as a replay: B\'s timeline is A\'s run, then the replay', () => {
    const a = preset('payment-fails');
    const store = createRippleStore({ scenario: a });
    const fixed = variants(a).find((v) => v.id === 'root-cause-fixed')!;
    expect(store.getState().openCompare(fixed.scenario, { label: fixed.label, replay: true })).toBe(true);
    const { b } = sides(store);
    expect(b.segments.map((s) => s.kind)).toEqual(['run', 'replay']);
    const session = store.getState().compare!;
    expect(session.duration).toBe(b.duration);
    expect(session.duration).toBeGreaterThan(sides(store).a.duration);
    expect(session.diff.summary.blocked).toEqual([2, 0]);
  });

  it('an invalid B does not open, and says why with the side named', () => {
    const store = createRippleStore({ scenario: preset('payment-fails') });
    const bad = { ...preset('payment-fails'), steps: [...preset('payment-fails').steps, preset('payment-fails').steps[0]] };
    expect(store.getState().openCompare(bad, { label: 'broken' })).toBe(false);
    expect(store.getState().compare).toBeNull();
    expect(store.getState().compareProblems![0].path).toMatch(/^B: /);
  });

  // Tryout: a person who pressed "Saga on" without reading the menu's warning (or opened a
  // comparison link) read only "no step differs" and thought saga was broken.
  it('a variant that runs like A for a plain reason says that reason after "no step differs"', () => {
    const a = preset('payment-fails');
    const store = createRippleStore({ scenario: a });
    const saga = variants(a).find((v) => v.id === 'saga')!;
    expect(store.getState().openCompare(saga.scenario, { label: saga.label })).toBe(true);
    expect(store.getState().compare!.summary).toBe(
      'A and B ran the same: no step differs. It makes no difference here: no step has an undo (compensation) handler, so there is nothing to undo.',
    );
    // A variant that changes the run gets no such sentence.
    const failFast = variants(a).find((v) => v.id === 'fail-fast')!;
    expect(store.getState().openCompare(failFast.scenario, { label: failFast.label })).toBe(true);
    expect(store.getState().compare!.summary).not.toMatch(/no difference here/);
  });

  it('an edited copy of B runs again with its edits; closing leaves compare mode', () => {
    const a = preset('timeout-no-guard');
    const store = createRippleStore({ scenario: a });
    store.getState().openCompare(a, { label: 'Edited copy', editable: true });
    expect(store.getState().compare!.summary).toBe('A and B ran the same: no step differs.');
    const b = store.getState().compare!.b.store;
    expect(b.getState().readOnly).toBe(false);
    expect(b.getState().setPolicy({ failFast: true }).ok).toBe(true);
    expect(store.getState().rerunCompare()).toBe(true);
    expect(store.getState().compare!.diff.steps['price-cart']).toMatchObject({ a: { state: 'failed' }, b: { state: 'blocked', status: 424 } });
    // The editor's own scenario is unchanged.
    expect(store.getState().scenario).toBe(a);
    store.getState().closeCompare();
    expect(store.getState().compare).toBeNull();
  });
});
