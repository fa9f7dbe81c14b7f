import { describe, expect, test } from 'vitest';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { findPreset } from '../../src/presets/index.ts';
import { buildTimeline, indexAtTime } from '../../src/store/run-slice.ts';
import {
  selectCurrentEvent,
  selectIsStale,
  selectLiveStates,
  selectReplayMarks,
  selectReplayPlan,
  selectHighlightPath,
} from '../../src/store/selectors.ts';
import { selectMarkers } from '../../src/store/timeline-markers.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// The story: payment authorization is declined with 402, so create-invoice and send-receipt
// answer 424 instead of running.
function paymentStore(): RippleStore {
  const preset = findPreset('payment-fails');
  if (!preset) throw new Error('payment-fails preset missing');
  return createRippleStore({ scenario: preset.scenario });
}

function ran(): RippleStore {
  const store = paymentStore();
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

const indexOf = (store: RippleStore, type: string, step?: string) =>
  store.getState().timeline.findIndex((e) => e.event.type === type && (step === undefined || e.event.step === step));

describe('runScenario', () => {
  test('payment fails → the run opens at cursor 0, playing, with its events on the timeline', () => {
    const store = paymentStore();
    store.getState().runScenario();
    const s = store.getState();
    expect(s.run).not.toBeNull();
    expect(s.run?.outcome).toBe('failed');
    expect(s.run?.steps['create-invoice'].status).toBe(424);
    expect(s.cursor).toBe(0);
    expect(s.time).toBe(0);
    expect(s.playing).toBe(true);
    expect(s.timeline).toHaveLength(s.run!.events.length);
    expect(s.duration).toBe(s.run!.durationMs);
    expect(s.segments.map((x) => x.kind)).toEqual(['run']);
    expect(s.runProblems).toBeNull();
  });

  test('an empty scenario does not run and says why', () => {
    const store = createRippleStore();
    store.getState().runScenario();
    expect(store.getState().run).toBeNull();
    expect(store.getState().runProblems?.[0].message).toMatch(/add a step/i);
  });

  test('running again replaces the previous run and its replays', () => {
    const store = ran();
    store.getState().stepForward();
    store.getState().runScenario();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().segments).toHaveLength(1);
  });
});

describe('stepping and seeking', () => {
  test('forward / back move one event and pause', () => {
    const store = paymentStore();
    store.getState().runScenario();
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(1);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().time).toBe(store.getState().timeline[1].at);
    store.getState().stepForward();
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(1);
    store.getState().stepBack();
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
  });

  test('stepping stops at both ends', () => {
    const store = ran();
    const last = store.getState().timeline.length - 1;
    store.getState().setCursor(last + 10);
    expect(store.getState().cursor).toBe(last);
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(last);
  });

  test('next failure jumps to the 402, then to the 424s; previous failure goes back', () => {
    const store = ran();
    store.getState().nextFailure();
    const first = selectCurrentEvent(store.getState())!.event;
    expect(first.type).toBe('failed');
    expect(first.step).toBe('authorize-payment');
    expect(first.status).toBe(402);
    store.getState().nextFailure();
    expect(selectCurrentEvent(store.getState())!.event.type).toBe('blocked');
    store.getState().prevFailure();
    expect(selectCurrentEvent(store.getState())!.event.step).toBe('authorize-payment');
    store.getState().prevFailure();
    expect(selectCurrentEvent(store.getState())!.event.step).toBe('authorize-payment');
  });

  test('seekTime puts the cursor on the last event at or before that time', () => {
    const store = ran();
    const failedAt = store.getState().timeline[indexOf(store, 'failed', 'authorize-payment')].at;
    store.getState().seekTime(failedAt - 1);
    expect(store.getState().time).toBe(failedAt - 1);
    expect(store.getState().timeline[store.getState().cursor].at).toBeLessThan(failedAt);
    store.getState().seekTime(failedAt);
    const at = store.getState().cursor;
    expect(store.getState().timeline[at].at).toBe(failedAt);
    expect(store.getState().timeline[at + 1]?.at ?? Infinity).toBeGreaterThan(failedAt);
  });

  test('the clock stops playing at the end; play at the end starts over', () => {
    const store = paymentStore();
    store.getState().runScenario();
    store.getState().tick(store.getState().duration + 50);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor).toBe(store.getState().timeline.length - 1);
    store.getState().play();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
  });

  test('restart goes back to the first event; speed is kept', () => {
    const store = ran();
    store.getState().setSpeed(4);
    store.getState().setCursor(3);
    store.getState().restart();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().speed).toBe(4);
  });

  test('indexAtTime finds the last event at or before a time', () => {
    const store = ran();
    const { timeline } = store.getState();
    expect(indexAtTime(timeline, -5)).toBe(0);
    expect(indexAtTime(timeline, 1e9)).toBe(timeline.length - 1);
  });
});

describe('what the canvas draws', () => {
  test('live states: everything pending at the start, create-invoice 424 at the end', () => {
    const store = ran();
    const start = selectLiveStates(store.getState())!;
    expect(start['create-invoice'].state).toBe('pending');
    store.getState().setCursor(store.getState().timeline.length - 1);
    const end = selectLiveStates(store.getState())!;
    expect(end['authorize-payment']).toMatchObject({ state: 'failed', status: 402 });
    expect(end['create-invoice']).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: 'authorize-payment' });
    expect(end['send-receipt']).toMatchObject({ state: 'blocked', failedPrerequisiteStep: 'create-invoice' });
    expect(end['reserve-stock'].state).toBe('succeeded');
  });

  test('live states are memoised on (run, cursor): moving the playhead between events keeps the object', () => {
    const store = ran();
    store.getState().setCursor(1);
    const a = selectLiveStates(store.getState());
    const next = store.getState().timeline[2].at;
    store.getState().seekTime(store.getState().timeline[1].at + Math.max(0, (next - store.getState().timeline[1].at) / 2));
    if (store.getState().cursor === 1) expect(selectLiveStates(store.getState())).toBe(a);
  });

  test('no run → null', () => {
    expect(selectLiveStates(paymentStore().getState())).toBeNull();
  });

  test('selecting a blocked step highlights its dependency path; another step clears it', () => {
    const store = ran();
    store.getState().selectStep('send-receipt');
    expect(selectHighlightPath(store.getState())).toEqual(['authorize-payment', 'create-invoice', 'send-receipt']);
    store.getState().selectStep('reserve-stock');
    expect(selectHighlightPath(store.getState())).toEqual([]);
  });

  test('scrubber markers: a failure and two 424s', () => {
    const kinds = selectMarkers(ran().getState()).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'failure')).toHaveLength(1);
    expect(kinds.filter((k) => k === '424')).toHaveLength(2);
  });
});

describe('stale runs', () => {
  test('a run is stale after the scenario changes, not after a node is moved', () => {
    const store = ran();
    expect(selectIsStale(store.getState())).toBe(false);
    store.getState().moveSteps({ 'create-order': { x: 999, y: 999 } });
    expect(selectIsStale(store.getState())).toBe(false);
    store.getState().updateStep('authorize-payment', { fail: undefined });
    expect(selectIsStale(store.getState())).toBe(true);
    // The run is kept and still shown.
    expect(store.getState().run).not.toBeNull();
    store.getState().runScenario();
    expect(selectIsStale(store.getState())).toBe(false);
  });
});

describe('replay from the failed step', () => {
  test('the plan reruns the failure and its dependents and keeps what succeeded', () => {
    const store = ran();
    store.getState().openReplayPlan();
    const plan = selectReplayPlan(store.getState());
    expect(plan?.ok).toBe(true);
    if (!plan?.ok) return;
    expect(plan.value.from).toEqual(['authorize-payment']);
    expect([...plan.value.rerun].sort()).toEqual(['authorize-payment', 'create-invoice', 'send-receipt']);
    expect([...plan.value.keep].sort()).toEqual(['create-order', 'reserve-stock']);
    expect(selectReplayMarks(store.getState())).toEqual({
      'authorize-payment': 'from',
      'create-invoice': 'rerun',
      'send-receipt': 'rerun',
      'create-order': 'keep',
      'reserve-stock': 'keep',
    });
    store.getState().closeReplayPlan();
    expect(selectReplayMarks(store.getState())).toBeNull();
  });

  test('after fixing the payment, the replay continues the timeline and succeeds, reusing kept steps', () => {
    const store = ran();
    const firstLength = store.getState().timeline.length;
    const firstDuration = store.getState().duration;
    store.getState().updateStep('authorize-payment', { fail: undefined });
    store.getState().openReplayPlan();
    store.getState().runReplay();
    const s = store.getState();
    expect(s.replayProblems).toBeNull();
    expect(s.replayDraft).toBeNull();
    expect(s.segments.map((x) => x.kind)).toEqual(['run', 'replay']);
    expect(s.timeline.length).toBeGreaterThan(firstLength);
    expect(s.cursor).toBe(firstLength);
    expect(s.timeline[firstLength].segment).toBe(1);
    expect(s.timeline.slice(firstLength).every((e) => e.at >= firstDuration)).toBe(true);
    expect(s.duration).toBeGreaterThanOrEqual(firstDuration);
    expect(s.playing).toBe(true);
    expect(selectMarkers(s).some((m) => m.kind === 'replay')).toBe(true);

    store.getState().setCursor(s.timeline.length - 1);
    const end = selectLiveStates(store.getState())!;
    expect(end['create-invoice'].state).toBe('succeeded');
    expect(end['send-receipt'].state).toBe('succeeded');
    expect(end['create-order']).toMatchObject({ state: 'succeeded', reused: true });
    expect(end['reserve-stock'].reused).toBe(true);
    expect(end['authorize-payment'].reused).toBeFalsy();
    // The first run is still there: scrubbing back shows the 424.
    store.getState().setCursor(firstLength - 1);
    expect(selectLiveStates(store.getState())!['create-invoice'].state).toBe('blocked');
    expect(selectIsStale(store.getState())).toBe(false);
  });

  test('a replay with nothing fixed fails the same way', () => {
    const store = ran();
    store.getState().openReplayPlan();
    store.getState().runReplay();
    const s = store.getState();
    expect(s.segments[1].result.outcome).toBe('failed');
    expect(s.segments[1].result.steps['create-invoice'].status).toBe(424);
  });

  test('a scenario whose steps changed cannot be replayed: the plan lists the differences', () => {
    const store = ran();
    store.getState().addStep({ after: 'send-receipt' });
    store.getState().openReplayPlan();
    const plan = selectReplayPlan(store.getState());
    expect(plan?.ok).toBe(false);
    store.getState().runReplay();
    expect(store.getState().segments).toHaveLength(1);
    expect(store.getState().replayProblems?.length).toBeGreaterThan(0);
  });

  test('picking which failed step to replay from', () => {
    const store = ran();
    store.getState().openReplayPlan(['authorize-payment']);
    expect(store.getState().replayDraft).toEqual({ from: ['authorize-payment'] });
    store.getState().setReplayFrom(null);
    expect(store.getState().replayDraft).toEqual({ from: null });
  });
});

describe('buildTimeline', () => {
  test('a replay whose events start at 0 is placed after the previous run', () => {
    const store = ran();
    const run = store.getState().run!;
    const scenario: Scenario = store.getState().scenario;
    const { timeline, segments, duration } = buildTimeline([
      { kind: 'run', result: run, scenario },
      { kind: 'replay', result: run, scenario },
    ]);
    expect(segments[1].offset).toBe(run.durationMs);
    expect(segments[1].firstIndex).toBe(run.events.length);
    expect(timeline[run.events.length].at).toBe(run.durationMs + run.events[0].t);
    expect(duration).toBe(run.durationMs * 2);
  });
});

describe('live states keep unchanged steps', () => {
  test('a step whose state did not change keeps the same object when the cursor moves', () => {
    const store = ran();
    store.getState().setCursor(indexOf(store, 'started', 'authorize-payment'));
    const before = selectLiveStates(store.getState())!;
    store.getState().stepForward();
    const after = selectLiveStates(store.getState())!;
    expect(after).not.toBe(before);
    expect(after['create-order']).toBe(before['create-order']);
    expect(after['send-receipt']).toBe(before['send-receipt']);
  });
});

describe('live states with two simulators on one page', () => {
  test('each store keeps its own unchanged step views while the other store moves', () => {
    const a = ran();
    const b = ran();
    const last = a.getState().timeline.length - 1;
    a.getState().setCursor(last);
    b.getState().setCursor(0);
    const aBefore = selectLiveStates(a.getState())!;
    const bBefore = selectLiveStates(b.getState())!;
    // Reading b in between must not throw away a's remembered views.
    b.getState().setCursor(1);
    selectLiveStates(b.getState());
    a.getState().setCursor(last - 1);
    const aAfter = selectLiveStates(a.getState())!;
    expect(aAfter['create-order']).toBe(aBefore['create-order']);
    expect(bBefore['create-order'].state).not.toBe(aBefore['create-order'].state);
  });

  test('a cursor move that changes no step gives back the same record', () => {
    const store = ran();
    const { timeline } = store.getState();
    // The run-finished event changes no step's state.
    const finish = timeline.length - 1;
    store.getState().setCursor(finish - 1);
    const before = selectLiveStates(store.getState());
    store.getState().setCursor(finish);
    expect(selectLiveStates(store.getState())).toBe(before);
  });
});
