import { describe, expect, it } from 'vitest';
import { importStepFunctions } from '../../../src/scenario/dialects/step-functions.ts';
import { fixture, outcomes } from './run.ts';

describe('Step Functions (ASL) import', () => {
  it('Retry: MaxAttempts retries after the first attempt, IntervalSeconds → delayMs, BackoffRate → factor; Catch → the failure path', () => {
    const r = importStepFunctions(fixture('sfn-retry-backoff.asl.json'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dialect).toBe('step-functions');
    expect(r.scenario.steps[0]).toMatchObject({ id: 'Generate-random-response', label: 'Generate random response', retry: { maxAttempts: 7, delayMs: 2000, factor: 2 } });
    expect(r.scenario.steps.find((s) => s.id === 'Fail')).toMatchObject({ when: 'Generate-random-response.Failed', fail: { status: 500 } });
    expect(outcomes(r.scenario, ['Generate-random-response'])).toEqual({ 'Generate-random-response': 'Failed', Succeed: 'Blocked', Fail: 'Failed' });
    expect(outcomes(r.scenario, [])).toEqual({ 'Generate-random-response': 'Succeeded', Succeed: 'Succeeded', Fail: 'Skipped' });
    expect(r.warnings.map((w) => w.path)).toEqual(['States["Generate random response"]', 'States["Generate random response"].Retry']);
    expect(r.scenario.steps.map((s) => [s.id, s.catch, s.failState])).toEqual([
      ['Generate-random-response', true, undefined],
      ['Succeed', undefined, undefined],
      ['Fail', undefined, true],
    ]);
  });

  it('the saga sample: a failed payment runs the refund, the cancellations in reverse, and ends in the Fail state (aws-samples saga-pattern-sam)', () => {
    const r = importStepFunctions(fixture('sfn-saga.asl.json'));
    if (!r.ok) throw new Error(r.message);
    const o = outcomes(r.scenario, ['ProcessPayment']);
    expect(o).toMatchObject({
      ReserveFlight: 'Succeeded',
      ReserveCarRental: 'Succeeded',
      ProcessPayment: 'Failed',
      ConfirmFlight: 'Blocked',
      RefundPayment: 'Succeeded',
      CancelRentalReservation: 'Succeeded',
      CancelFlightReservation: 'Succeeded',
      SendingSMSFailure: 'Succeeded',
      'Reservation-Failed': 'Failed',
      'Reservation-Successful': 'Blocked',
    });
    expect(outcomes(r.scenario, [])).toMatchObject({ 'Reservation-Successful': 'Succeeded', RefundPayment: 'Skipped', 'Reservation-Failed': 'Skipped' });
  });

  it('Choice follows its Default only and names the states left out; Wait lasts its Seconds; Map is one step', () => {
    const r = importStepFunctions({
      StartAt: 'Pick',
      States: {
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, Next: 'One' }], Default: 'Pause' },
        One: { Type: 'Pass', End: true },
        Pause: { Type: 'Wait', Seconds: 5, Next: 'Each' },
        Each: { Type: 'Map', ItemProcessor: {}, End: true },
      },
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.steps.map((s) => s.id)).toEqual(['Pick', 'Pause', 'Each']);
    expect(r.scenario.steps[1].durationMs).toBe(5000);
    expect(r.warnings.map((w) => w.path)).toEqual(['States.Pick', 'States.One', 'States.Each']);
  });

  it('Parallel: the branches run between the Parallel state and its Next', () => {
    const r = importStepFunctions({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:a', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Task', Resource: 'arn:b', End: true } } },
          ],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dependencies.map((d) => `${d.from}→${d.to}`)).toEqual(['Both→Both.A', 'Both→Both.B', 'Both.A→Done', 'Both.B→Done']);
    expect(outcomes(r.scenario, ['Both.B'])).toMatchObject({ 'Both.A': 'Succeeded', Done: 'Blocked' });
  });

  it('refuses a Next to a missing state with a did-you-mean, and a state with neither Next nor End', () => {
    const r = importStepFunctions({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'x', Next: 'Confirm' }, Confrim: { Type: 'Succeed' }, C: { Type: 'Pass' } } });
    expect(r.ok || r.problems).toEqual([{ code: 'missing-step', path: 'States.A.Next', message: 'no state "Confirm" in the state machine (did you mean "Confrim"?)' }]);
    const noEnd = importStepFunctions({ StartAt: 'A', States: { A: { Type: 'Pass' } } });
    expect(noEnd.ok || noEnd.problems).toEqual([{ code: 'missing-field', path: 'States.A', message: 'a state needs "Next" or "End": true' }]);
  });
});
