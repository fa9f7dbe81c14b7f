// R15 (issue #10): a finally step — every incoming dependency `on: "always"` — is a teardown.
// Abort (R8) does not cancel it; it runs once its prerequisites are final, cancelled ones
// included. (Before R15, abort cancelled it and no teardown could be modelled.)
import { simulate } from '../../src/engine/index.ts';
import { dep, scenario, states, step, trace } from './helpers.ts';

describe('R15 finally steps', () => {
  it('a deploy fails, the run aborts, and the environment is still torn down after the cancelled smoke test', () => {
    const run = simulate(
      scenario(
        [
          step('provision', { durationMs: 50 }),
          step('deploy', { fail: { status: 500, message: 'image pull failed' } }),
          step('migrate', { durationMs: 300 }),
          step('smoke-test'),
          step('teardown', { durationMs: 40 }),
        ],
        [dep('provision', 'deploy'), dep('provision', 'migrate'), dep('migrate', 'smoke-test'), dep('deploy', 'teardown', 'always'), dep('migrate', 'teardown', 'always'), dep('smoke-test', 'teardown', 'always')],
        { onFailure: 'abort' },
      ),
    );
    expect(states(run)).toEqual({ provision: 'succeeded', deploy: 'failed', migrate: 'succeeded', 'smoke-test': 'cancelled', teardown: 'succeeded' });
    // migrate was running at the abort and finishes; teardown waits for it (smoke-test is cancelled at 150).
    expect(trace(run, ['started', 'cancelled'])).toEqual(['0 started provision#1', '50 started deploy#1', '50 started migrate#1', '150 cancelled smoke-test', '350 started teardown#1']);
  });

  it('a step with a success edge beside its always edge is no finally step: abort cancels it', () => {
    const run = simulate(
      scenario([step('a', { fail: { status: 500 } }), step('slow', { durationMs: 300 }), step('b', { durationMs: 0 }), step('report')], [dep('b', 'report'), dep('slow', 'report', 'always')], {
        onFailure: 'abort',
      }),
    );
    expect(run.steps.report.state).toBe('cancelled');
  });

  it('a teardown downstream of the failure runs after it (always), while the failure blocks its success dependents', () => {
    const run = simulate(
      scenario([step('build', { fail: { status: 500 } }), step('publish'), step('cleanup')], [dep('build', 'publish'), dep('build', 'cleanup', 'always')], { onFailure: 'abort' }),
    );
    expect(states(run)).toEqual({ build: 'failed', publish: 'blocked', cleanup: 'succeeded' });
  });
});
