import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { dialectEventWord, dialectLiveWord, dialectRunningWord, dialectView, dialectViewAt, glossaryEntry, GLOSSARY } from '../../src/engine/dialect.ts';
import { DIALECT_NAMES, type Scenario } from '../../src/scenario/types.ts';
import { findPreset } from '../../src/presets/index.ts';

// Issue #11, "Dialect views" before the end of the run: the words a system shows while the run
// is going (a job in_progress, a task up_for_retry) and never the conclusion before the end.

const payment = findPreset('payment-fails')!.scenario;
const firstIndex = (run: ReturnType<typeof simulate>, type: string, step?: string) =>
  run.events.findIndex((e) => e.type === type && (step === undefined || e.step === step));

describe('dialect words mid-run', () => {
  it('each system names a step not started and a step running in its own words', () => {
    expect(DIALECT_NAMES.map((d) => [d, dialectLiveWord(d, 'pending'), dialectLiveWord(d, 'running')])).toEqual([
      ['http', 'pending', 'running'],
      ['github-actions', 'queued', 'in_progress'],
      ['argo', 'Pending', 'Running'],
      ['airflow', 'none', 'running'],
      ['step-functions', 'Not started', 'In progress'],
    ]);
  });

  it('the run before its end: GitHub in_progress, Argo Running, Airflow running, Step Functions RUNNING', () => {
    expect(DIALECT_NAMES.map(dialectRunningWord)).toEqual(['running', 'in_progress', 'Running', 'running', 'RUNNING']);
  });

  it('a failure that will be retried is up_for_retry in Airflow and still running elsewhere; a final one is failed', () => {
    expect(dialectLiveWord('airflow', 'failed', { retrying: true })).toBe('up_for_retry');
    expect(dialectLiveWord('github-actions', 'failed', { retrying: true })).toBe('in_progress');
    expect(dialectLiveWord('airflow', 'failed')).toBe('failed');
    expect(dialectLiveWord('step-functions', 'failed', { caught: true })).toBe('Caught error');
  });

  it('payment declined, paused while authorize-payment runs: GitHub shows it in_progress, its dependents queued, and no conclusion yet', () => {
    const run = simulate(payment);
    const at = firstIndex(run, 'started', 'authorize-payment');
    const view = dialectViewAt(run, 'github-actions', at);
    expect(view.ended).toBe(false);
    expect(view.conclusion).toBe('in_progress');
    expect(view.steps['authorize-payment'].state).toBe('in_progress');
    expect(view.steps['create-invoice'].state).toBe('queued');
    expect(view.ripple['create-invoice']).toBe('pending');
    expect(dialectViewAt(run, 'step-functions', at).conclusion).toBe('RUNNING');
  });

  it('once create-invoice is blocked the words say so, yet the run is still Running until its last event', () => {
    const run = simulate(payment);
    const at = firstIndex(run, 'blocked', 'create-invoice');
    expect(at).toBeGreaterThan(0);
    const argo = dialectViewAt(run, 'argo', at);
    expect([argo.steps['create-invoice'].state, argo.steps['authorize-payment'].state, argo.conclusion]).toEqual(['Omitted', 'Failed', 'Running']);
    const end = dialectViewAt(run, 'argo', run.events.length - 1);
    expect(end).toEqual({ ...dialectView(run, 'argo'), ripple: expect.objectContaining({ 'create-invoice': 'blocked' }), ended: true });
    expect(end.conclusion).toBe('Failed');
  });

  it('a step that fails once and is retried reads up_for_retry in Airflow between attempts, success after', () => {
    const s: Scenario = {
      version: 2,
      title: 'flaky',
      steps: [{ id: 'extract', fail: { status: 503, times: 1 }, retry: { maxAttempts: 2 } }, { id: 'load' }],
      dependencies: [{ from: 'extract', to: 'load' }],
    };
    const run = simulate(s);
    const failedAt = firstIndex(run, 'failed', 'extract');
    expect(run.events[failedAt].willRetry).toBe(true);
    expect(dialectViewAt(run, 'airflow', failedAt).steps.extract.state).toBe('up_for_retry');
    expect(dialectEventWord('airflow', run.events[failedAt], run)).toBe('up_for_retry');
    expect(dialectViewAt(run, 'airflow', run.events.length - 1).steps.extract.state).toBe('success');
  });
});

describe('dialect words for events (the event log)', () => {
  it('payment declined in GitHub’s words: the failure is failure, the 424 is skipped, the run ends in conclusion failure', () => {
    const run = simulate(payment);
    const words = (type: string, step?: string) => dialectEventWord('github-actions', run.events[firstIndex(run, type, step)], run);
    expect(words('run-started')).toBe('in_progress');
    expect(words('started', 'create-order')).toBe('in_progress');
    expect(words('succeeded', 'create-order')).toBe('success');
    expect(words('failed', 'authorize-payment')).toBe('failure');
    expect(words('blocked', 'create-invoice')).toBe('skipped');
    expect(words('run-finished')).toBe('failure');
  });

  it('HTTP 424 adds no word: the log’s own sentences are its words', () => {
    const run = simulate(payment);
    expect(run.events.map((e) => dialectEventWord('http', e, run)).every((w) => w === null)).toBe(true);
  });
});

describe('the glossary behind each word', () => {
  it('GitHub: skipped — a need failed = HTTP 424; Airflow: upstream_failed for the same step', () => {
    expect(glossaryEntry('github-actions', 'blocked')).toMatchObject({ word: 'skipped', ripple: 'blocked', rule: expect.stringMatching(/need.*424/) });
    expect(glossaryEntry('airflow', 'blocked')).toMatchObject({ word: 'upstream_failed', rule: expect.stringMatching(/upstream task failed/), ruleIds: 'R5' });
    expect(glossaryEntry('github-actions', 'skipped').ruleIds).toBe('R14');
  });

  it('every word a step can take, final or mid-run, has a glossary entry in each dialect', () => {
    for (const d of DIALECT_NAMES) {
      const words = new Set(GLOSSARY[d].map((e) => e.word));
      for (const state of ['pending', 'running', 'succeeded', 'failed', 'blocked', 'skipped', 'cancelled', 'rolled-back'] as const) {
        expect([d, state, words.has(dialectLiveWord(d, state))]).toEqual([d, state, true]);
      }
      if (d !== 'http') expect([d, words.has(dialectLiveWord(d, 'failed', { retrying: true }))]).toEqual([d, true]);
    }
  });
});
