// R18 (issue #10): atomic groups, all-or-nothing like an OData change set. A group commits
// when every member succeeded; it fails the moment one ends otherwise, and the service undoes
// the members that had succeeded: they are `rolled-back` and answer 424.
import { explain, simulate, stateAt } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { dep, eventsOf, scenario, states, step, trace } from './helpers.ts';

// A changeset of three requests (create customer, create order, add line) and a confirmation
// mail outside it that depends on the order.
function changeset(line: Parameters<typeof step>[1] = {}, policy?: Parameters<typeof scenario>[2]): Scenario {
  const s = scenario(
    [step('customer', { durationMs: 50 }), step('order', { durationMs: 80 }), step('line', { durationMs: 120, ...line }), step('mail')],
    [dep('customer', 'order'), dep('order', 'mail')],
    policy,
  );
  s.groups = [{ id: 'changeset-1', label: 'Change set 1', steps: ['customer', 'order', 'line'] }];
  return s;
}

describe('R18 atomic groups', () => {
  it('a group whose members all succeed commits; the mail waits for the whole group, not just the order', () => {
    const run = simulate(changeset());
    expect(states(run)).toEqual({ customer: 'succeeded', order: 'succeeded', line: 'succeeded', mail: 'succeeded' });
    // order ends at 130, but line at 120 and the group commits at 130: mail starts then.
    expect(run.steps.mail.startedAt).toBe(130);
    const slow = changeset({ durationMs: 400 });
    expect(simulate(slow).steps.mail.startedAt).toBe(400);
  });

  it('the third request fails: the two that succeeded are rolled back (424), and the mail is blocked with the failing request as root cause', () => {
    const run = simulate(changeset({ fail: { status: 400, message: 'quantity must be positive' } }));
    expect(states(run)).toEqual({ customer: 'rolled-back', order: 'rolled-back', line: 'failed', mail: 'blocked' });
    expect(run.steps.customer).toMatchObject({
      status: 424,
      endedAt: 120,
      failedPrerequisiteStep: 'line',
      rootCauseStep: 'line',
      dependencyPath: ['line', 'customer'],
      message: 'its group changeset-1 failed when line did not succeed',
    });
    expect(run.steps.mail).toMatchObject({ status: 424, failedPrerequisiteStep: 'order', rootCauseStep: 'line', dependencyPath: ['line', 'order', 'mail'], endedAt: 130 });
    expect(run.response.results.map((r) => r.status)).toEqual([424, 424, 400, 424]);
    expect(run.outcome).toBe('failed');
    expect(explain(run, 'mail')).toEqual([
      'mail answered 424 Failed Dependency because order was rolled back (424).',
      'order succeeded, then was rolled back and answered 424 because its group changeset-1 failed when line did not succeed (line failed).',
      'line failed: 400 Bad Request — quantity must be positive (root cause).',
    ]);
  });

  it('a running member finishes and is then rolled back; a member not started yet answers 424', () => {
    // line fails at 30, while customer runs (until 50) and order waits for customer.
    const run = simulate(changeset({ durationMs: 30, fail: { status: 409 } }));
    expect(trace(run, ['started', 'succeeded', 'failed', 'blocked', 'rolled-back'])).toEqual([
      '0 started customer#1',
      '0 started line#1',
      '30 failed line#1',
      '30 blocked order#1',
      '30 blocked mail#1',
      '50 succeeded customer#1',
      '50 rolled-back customer#1',
    ]);
    expect(run.steps.order).toMatchObject({ state: 'blocked', failedPrerequisiteStep: 'line' });
    expect(stateAt(run, run.events.length - 1).steps.customer).toMatchObject({ state: 'rolled-back', status: 424 });
  });

  it('a member waiting for its next attempt stops retrying when the group fails', () => {
    const s = changeset({ durationMs: 200, fail: { status: 500 } });
    s.steps[0] = step('customer', { durationMs: 50, fail: { status: 503 }, retry: { maxAttempts: 5, delayMs: 1000 } });
    const run = simulate(s);
    // customer fails at 50 and would retry at 1050; line fails at 200: customer is blocked then.
    expect(run.steps.customer).toMatchObject({ state: 'blocked', endedAt: 200, failedPrerequisiteStep: 'line', attempts: 2 });
    expect(eventsOf(run, 'customer', 'started')).toHaveLength(1);
  });

  it('no compensation handler runs for a rolled-back member: the service undid it', () => {
    const s = changeset({ fail: { status: 400 } }, { compensation: 'saga' });
    s.steps[0].compensation = { label: 'Delete customer' };
    const run = simulate(s);
    expect(run.compensationOrder).toEqual([]);
    expect(run.steps.customer.state).toBe('rolled-back');
  });

  it('a failure edge from a member fires only once the group is decided', () => {
    const s = changeset({ durationMs: 300, fail: { status: 400 } });
    s.steps.push(step('alert', { durationMs: 10 }));
    s.dependencies.push(dep('customer', 'alert', 'failure'));
    const run = simulate(s);
    expect(run.steps.alert).toMatchObject({ state: 'succeeded', startedAt: 300 });
  });

  it('a when condition sees a rolled-back member as Blocked', () => {
    const s = changeset({ fail: { status: 400 } });
    s.steps.push(step('undo-note', { when: 'order.Blocked' }));
    s.dependencies.push(dep('order', 'undo-note'));
    expect(simulate(s).steps['undo-note'].state).toBe('succeeded');
  });

  it('graph-aware repair does not reopen a failed group: the mail keeps answering 424', () => {
    const s = changeset({ fail: { status: 400, times: 1 } });
    s.steps[3].retry = { maxAttempts: 3, delayMs: 10 };
    const run = simulate(s);
    expect(eventsOf(run, 'line', 'started')).toHaveLength(1);
    expect(run.steps.mail).toMatchObject({ state: 'blocked', attempts: 3 });
    expect(run.events.some((e) => e.type === 'repair-requested')).toBe(false);
  });

  it('with abort, the group failure is applied first, then the abort cancels what is left', () => {
    const s = changeset({ durationMs: 30, fail: { status: 400 } }, { onFailure: 'abort' });
    s.steps.push(step('report'));
    s.dependencies.push(dep('mail', 'report'));
    s.steps.push(step('slow', { durationMs: 500 }), step('other'));
    s.dependencies.push(dep('slow', 'other'));
    const run = simulate(s);
    expect(trace(run, ['blocked', 'cancelled']).slice(0, 4)).toEqual(['30 blocked order#1', '30 blocked mail#1', '30 blocked report#1', '30 cancelled other']);
  });

  it('without a fail-fast guard the group is still rolled back, and its members answer 424', () => {
    const run = simulate(changeset({ fail: { status: 400 } }, { failFast: false }));
    expect(states(run)).toMatchObject({ customer: 'rolled-back', order: 'rolled-back', line: 'failed' });
    expect(run.steps.mail).toMatchObject({ state: 'failed', status: 500, message: 'missing output of order' });
  });

  it('a skipped member fails the group too', () => {
    const s = changeset();
    s.steps.push(step('check', { durationMs: 10 }));
    s.dependencies.push(dep('check', 'line', 'failure'));
    const run = simulate(s);
    // line is skipped at 10, while customer runs (it is rolled back when it ends) and order waits (424).
    expect(states(run)).toEqual({ customer: 'rolled-back', order: 'blocked', line: 'skipped', mail: 'blocked', check: 'succeeded' });
    expect(run.steps.order).toMatchObject({ failedPrerequisiteStep: 'line', rootCauseStep: 'line' });
  });
});
