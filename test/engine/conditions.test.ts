// R14 (issue #10): run conditions. "A skipped prerequisite is fine, a failed one is not"
// (Airflow `none_failed`, Argo `B.Succeeded || B.Skipped`, GitHub `result == 'success' || result == 'skipped'`).
import { explain, simulate } from '../../src/engine/index.ts';
import { dep, eventsOf, scenario, states, step, trace } from './helpers.ts';

// build → deploy, docs → deploy; docs only runs when `check-docs` succeeds (else it is skipped).
function release(docs: Parameters<typeof step>[1], policy?: Parameters<typeof scenario>[2], when = 'build.Succeeded && (docs.Succeeded || docs.Skipped)') {
  return scenario(
    [step('build', { durationMs: 300 }), step('check-docs', { durationMs: 50 }), step('docs', docs), step('deploy', { when })],
    [dep('check-docs', 'docs', 'failure'), dep('build', 'deploy'), dep('docs', 'deploy')],
    policy,
  );
}

describe('R14 run conditions', () => {
  it('deploy runs when docs was skipped: a skipped prerequisite is fine', () => {
    const run = simulate(release({}));
    expect(states(run)).toEqual({ build: 'succeeded', 'check-docs': 'succeeded', docs: 'skipped', deploy: 'succeeded' });
    expect(run.steps.deploy.startedAt).toBe(300);
  });

  it('deploy answers 424 when docs failed — at 300, when its last prerequisite (build) is final, not at 250 when docs failed', () => {
    const s = release({ fail: { status: 500, message: 'broken link' } });
    s.steps[1].fail = { status: 500 }; // check-docs fails, so docs runs (and fails)
    const run = simulate(s);
    expect(run.steps.docs).toMatchObject({ state: 'failed', endedAt: 150 });
    expect(run.steps.deploy).toMatchObject({
      state: 'blocked',
      status: 424,
      startedAt: 300,
      endedAt: 300,
      failedPrerequisiteStep: 'docs',
      rootCauseStep: 'docs',
      dependencyPath: ['docs', 'deploy'],
      message: 'its condition `build.Succeeded && (docs.Succeeded || docs.Skipped)` is false',
    });
    expect(explain(run, 'deploy')[0]).toBe('deploy answered 424: its condition `build.Succeeded && (docs.Succeeded || docs.Skipped)` is false because docs failed.');
  });

  it('of two failed prerequisites, the one that failed first is named; at the same moment, the lower id', () => {
    const s = scenario([step('b', { durationMs: 50, fail: { status: 500 } }), step('a', { durationMs: 80, fail: { status: 500 } }), step('z', { when: 'a && b' })], [dep('a', 'z'), dep('b', 'z')]);
    expect(simulate(s).steps.z.failedPrerequisiteStep).toBe('b');
    s.steps[0].durationMs = 80;
    expect(simulate(s).steps.z.failedPrerequisiteStep).toBe('a');
  });

  it('a false condition with nothing failed skips; with a cancelled prerequisite it cancels', () => {
    const skipped = simulate(scenario([step('a'), step('b', { when: 'a.Failed' })], [dep('a', 'b')]));
    expect(skipped.steps.b).toMatchObject({ state: 'skipped', status: null, reason: 'its condition `a.Failed` is false' });
    // The abort cancels a (waiting on slow); b waits on the alert after x's failure, so the
    // abort spares it, and its condition finds a cancelled and nothing failed.
    const cancelled = simulate(
      scenario(
        [step('x', { fail: { status: 500 } }), step('alert'), step('slow', { durationMs: 300 }), step('a'), step('b', { when: 'a.Succeeded && alert' })],
        [dep('x', 'alert', 'failure'), dep('slow', 'a'), dep('a', 'b'), dep('alert', 'b')],
        { onFailure: 'abort' },
      ),
    );
    expect(states(cancelled)).toMatchObject({ x: 'failed', alert: 'succeeded', a: 'cancelled', b: 'cancelled' });
    expect(cancelled.steps.b).toMatchObject({ endedAt: 200, reason: 'its condition `a.Succeeded && alert` is false and its prerequisite a was cancelled' });
  });

  it('a condition on a blocked prerequisite: notify runs when deploy answered 424', () => {
    const run = simulate(scenario([step('build', { fail: { status: 500 } }), step('deploy'), step('notify', { when: 'deploy.Blocked || deploy.Failed' })], [dep('build', 'deploy'), dep('deploy', 'notify')]));
    expect(states(run)).toEqual({ build: 'failed', deploy: 'blocked', notify: 'succeeded' });
  });

  it('.Failed matches a timeout too', () => {
    const run = simulate(scenario([step('fetch', { timeoutMs: 50, durationMs: 100 }), step('fallback', { when: 'fetch.Failed' })], [dep('fetch', 'fallback')]));
    expect(run.steps.fallback.state).toBe('succeeded');
  });

  it('without a fail-fast guard the step runs and fails with 500 "missing output of docs", naming the same prerequisite', () => {
    const s = release({ fail: { status: 500 } }, { failFast: false });
    s.steps[1].fail = { status: 500 };
    const run = simulate(s);
    expect(run.steps.deploy).toMatchObject({ state: 'failed', status: 500, message: 'missing output of docs', failedPrerequisiteStep: 'docs', startedAt: 300 });
    expect(run.events.some((e) => e.status === 424)).toBe(false);
  });

  it('a blocked when-step retries as in R9: graph-aware, it asks docs again and runs once docs succeeds', () => {
    const s = release({ fail: { status: 500, times: 1 } }, {}, 'build && docs.Succeeded');
    s.steps[1].fail = { status: 500 };
    s.steps[3].retry = { maxAttempts: 2, delayMs: 10 };
    const run = simulate(s);
    expect(trace(run, ['blocked', 'repair-requested', 'unblocked'])).toEqual(['300 blocked deploy#1', '310 repair-requested docs#2', '410 unblocked deploy#2']);
    expect(run.steps.deploy).toMatchObject({ state: 'succeeded', attempts: 2 });
  });

  it('naive: the blocked when-step is re-sent and answers 424 again', () => {
    const s = release({ fail: { status: 500 } }, { retryMode: 'naive' }, 'build && docs.Succeeded');
    s.steps[1].fail = { status: 500 };
    s.steps[3].retry = { maxAttempts: 3, delayMs: 10 };
    const run = simulate(s);
    expect(eventsOf(run, 'deploy', 'blocked').map((e) => e.t)).toEqual([300, 310, 320]);
    expect(run.steps.deploy).toMatchObject({ state: 'blocked', attempts: 3 });
  });
});
