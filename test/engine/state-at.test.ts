// stateAt: every step's state at a moment, from snapshots.
import { simulate, stateAt } from '../../src/engine/index.ts';
import { liveTrack, moveTrack, trackState } from '../../src/engine/state-at.ts';
import type { LiveState, RunResult } from '../../src/engine/types.ts';
import { chain, dep, scenario, step } from './helpers.ts';

/** The slow, obvious fold, to check the snapshot version against. */
function naive(run: RunResult, index: number) {
  const steps: Record<string, { state: LiveState; attempt: number; status: number | null }> = {};
  for (const id of Object.keys(run.steps)) steps[id] = { state: 'pending', attempt: 0, status: null };
  for (const e of run.events.slice(0, Math.max(0, index + 1))) {
    if (!e.step) continue;
    const s = steps[e.step];
    if (e.attempt !== undefined && !['retry-scheduled', 'repair-requested'].includes(e.type)) s.attempt = e.attempt;
    switch (e.type) {
      case 'started': Object.assign(s, { state: 'running', status: null }); break;
      case 'succeeded': case 'reused': Object.assign(s, { state: 'succeeded', status: e.status }); break;
      case 'failed': case 'timed-out': Object.assign(s, { state: 'failed', status: e.status }); break;
      case 'blocked': Object.assign(s, { state: 'blocked', status: 424 }); break;
      case 'unblocked': Object.assign(s, { state: 'pending', status: null }); break;
      case 'skipped': case 'cancelled': Object.assign(s, { state: e.type, status: null }); break;
      case 'compensation-started': s.state = 'compensating'; break;
      case 'compensation-succeeded': s.state = 'compensated'; break;
      case 'compensation-failed': s.state = 'compensation-failed'; break;
      default: break;
    }
  }
  return steps;
}

describe('stateAt', () => {
  const run = simulate(
    scenario(
      [
        step('create-order', { durationMs: 80, compensation: { durationMs: 10 } }),
        step('reserve-stock', { durationMs: 120, fail: { status: 409, times: 1 } }),
        step('label', { retry: { maxAttempts: 2, delayMs: 50 } }),
        step('notify'),
        step('charge', { fail: { status: 402 } }),
      ],
      [dep('create-order', 'reserve-stock'), ...chain('reserve-stock', 'label', 'notify'), dep('create-order', 'charge')],
      { compensation: 'saga' },
    ),
  );

  it('before the first event every step is pending at the run start', () => {
    const m = stateAt(run, -1);
    expect(m.t).toBe(0);
    expect(Object.values(m.steps).every((s) => s.state === 'pending' && s.attempt === 0 && s.status === null)).toBe(true);
  });

  it('the stock failure, then its repair, as the scrubber passes them', () => {
    const failedAt = run.events.findIndex((e) => e.type === 'failed' && e.step === 'reserve-stock');
    expect(stateAt(run, failedAt).steps['reserve-stock']).toEqual({ state: 'failed', attempt: 1, status: 409 });
    const blockedAt = run.events.findIndex((e) => e.type === 'blocked' && e.step === 'label');
    expect(stateAt(run, blockedAt).steps.label).toEqual({ state: 'blocked', attempt: 1, status: 424 });
    const end = stateAt(run, run.events.length - 1);
    expect(end.t).toBe(run.events.at(-1)!.t);
    expect(end.steps['reserve-stock']).toEqual({ state: 'succeeded', attempt: 2, status: 200 });
    expect(end.steps['create-order']).toEqual({ state: 'compensated', attempt: 1, status: 200 });
  });

  it('matches a plain fold of the events at every index, past the end included', () => {
    for (let i = -2; i <= run.events.length + 2; i++) expect(stateAt(run, i).steps).toEqual(naive(run, Math.min(i, run.events.length - 1)));
  });

  it('a step called "__proto__" is a key like any other', () => {
    const odd = simulate(scenario([step('__proto__')]));
    expect(Object.keys(stateAt(odd, 99).steps)).toEqual(['__proto__']);
  });

  it('on a run long enough for many snapshots, in any order of calls', () => {
    const ids = Array.from({ length: 120 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    const big = simulate(
      scenario(
        ids.map((id, i) => step(id, { durationMs: 10 + (i % 7) * 5, ...(i % 17 === 5 ? { fail: { status: 500 } } : {}), ...(i % 11 === 3 ? { retry: { maxAttempts: 2 } } : {}) })),
        ids.slice(1).map((id, i) => dep(ids[Math.floor(i / 2)], id)),
      ),
    );
    expect(big.events.length).toBeGreaterThan(200);
    const order = [big.events.length - 1, 3, 150, 149, 0, 260, 64, 128, 127];
    for (const i of order) expect(stateAt(big, i).steps).toEqual(naive(big, Math.min(i, big.events.length - 1)));
  });
});

describe('a live track (the playhead moving a little at a time)', () => {
  const ids = Array.from({ length: 60 }, (_, i) => `s${String(i).padStart(2, '0')}`);
  const run = simulate(
    scenario(
      ids.map((id, i) => step(id, { durationMs: 10 + (i % 5) * 7, ...(i % 13 === 4 ? { fail: { status: 503, times: 1 } } : {}), ...(i % 9 === 2 ? { retry: { maxAttempts: 3, delayMs: 20 } } : {}), ...(i % 19 === 7 ? { fail: { status: 500 } } : {}) })),
      ids.slice(1).map((id, i) => dep(ids[Math.floor(i / 2)], id)),
    ),
  );
  const read = (track: ReturnType<typeof liveTrack>) =>
    Object.fromEntries(track.ids.map((id, i) => [id, { state: trackState(track, i), attempt: track.attempt[i], status: track.status[i] < 0 ? null : track.status[i] }]));

  it('tells what stateAt tells, wherever it is moved next, forwards or back, past either end', () => {
    expect(run.events.some((e) => e.type === 'retry-scheduled')).toBe(true);
    const track = liveTrack(run);
    const last = run.events.length - 1;
    const order = [5, 6, 40, 39, 0, -1, last, last + 3, 17, 90, 12, last - 1, -5, 3, 2, 1];
    for (const at of order) {
      moveTrack(track, at);
      expect(read(track), `at ${at}`).toEqual(stateAt(run, at).steps);
    }
  });

  it('names the steps of the events it passes, and only those', () => {
    const track = liveTrack(run);
    moveTrack(track, 10);
    const touched = new Set<number>();
    moveTrack(track, 30, (i) => touched.add(i));
    const passed = new Set(run.events.slice(11, 31).map((e) => e.step).filter((id) => id !== undefined));
    expect(new Set([...touched].map((i) => track.ids[i]))).toEqual(passed);
    const back = new Set<number>();
    moveTrack(track, 10, (i) => back.add(i));
    expect(back).toEqual(touched);
  });
});
