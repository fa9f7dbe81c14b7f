import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { dialectView, dialectWord, GLOSSARY } from '../../src/engine/dialect.ts';
import { DIALECT_NAMES, type Scenario } from '../../src/scenario/types.ts';
import { findPreset } from '../../src/presets/index.ts';

const payment = findPreset('payment-fails')!.scenario;

describe('dialect views: the same run in each system’s words', () => {
  it('payment declined: create-invoice is 424 in HTTP, a skipped job in GitHub, Omitted in Argo, upstream_failed in Airflow', () => {
    const run = simulate(payment);
    const word = (name: (typeof DIALECT_NAMES)[number]) => dialectView(run, name).steps['create-invoice'].state;
    expect(run.steps['create-invoice'].status).toBe(424);
    expect(DIALECT_NAMES.map((n) => [n, word(n)])).toEqual([
      ['http', 'blocked'],
      ['github-actions', 'skipped'],
      ['argo', 'Omitted'],
      ['airflow', 'upstream_failed'],
      ['step-functions', 'Not started'],
    ]);
  });

  it('tells the whole run with a conclusion in each system’s terms', () => {
    const run = simulate(payment);
    expect(dialectView(run, 'github-actions')).toEqual({
      name: 'github-actions',
      steps: {
        'create-order': { state: 'success' },
        'authorize-payment': { state: 'failure' },
        'reserve-stock': { state: 'success' },
        'create-invoice': { state: 'skipped' },
        'send-receipt': { state: 'skipped' },
      },
      conclusion: 'failure',
    });
    expect(dialectView(run, 'argo').conclusion).toBe('Failed');
    expect(dialectView(run, 'airflow').conclusion).toBe('failed');
    expect(dialectView(run, 'step-functions').conclusion).toBe('FAILED');
    expect(dialectView(run, 'http').conclusion).toBe(run.outcome);
  });

  it('a tolerated failure (continue-on-error, continueOn) does not fail the run; a caught one is "Caught error"', () => {
    const s: Scenario = { version: 2, title: 't', steps: [{ id: 'lint', fail: { status: 500 } }, { id: 'build' }], dependencies: [] };
    const run = simulate(s);
    expect(dialectView(run, 'github-actions').conclusion).toBe('failure');
    expect(dialectView(run, 'github-actions', { tolerated: ['lint'] }).conclusion).toBe('success');
    expect(dialectView(run, 'argo', { tolerated: ['lint'] }).conclusion).toBe('Succeeded');
    const sfn = dialectView(run, 'step-functions', { caught: ['lint'] });
    expect([sfn.steps.lint.state, sfn.conclusion]).toEqual(['Caught error', 'SUCCEEDED']);
  });

  it('Airflow decides the DAG run from its leaves: a failed task with a leaf that succeeded after it is a successful run', () => {
    const s: Scenario = {
      version: 2,
      title: 't',
      steps: [{ id: 'extract', fail: { status: 500 } }, { id: 'cleanup' }],
      dependencies: [{ from: 'extract', to: 'cleanup', on: 'always' }],
    };
    const run = simulate(s);
    expect(dialectView(run, 'airflow')).toEqual({ name: 'airflow', steps: { extract: { state: 'failed' }, cleanup: { state: 'success' } }, conclusion: 'success' });
  });

  it('reaching a Step Functions Fail state fails the execution', () => {
    const s: Scenario = { version: 2, title: 't', steps: [{ id: 'Fail', fail: { status: 500 } }], dependencies: [] };
    expect(dialectView(simulate(s), 'step-functions', { failStates: ['Fail'], caught: [] }).conclusion).toBe('FAILED');
  });

  it('the glossary names, for every dialect, the word for a 424 (blocked) and the rule behind it: its number apart, the reason in plain words', () => {
    for (const name of DIALECT_NAMES) {
      const entry = GLOSSARY[name].find((e) => e.ripple === 'blocked');
      expect([name, entry?.word]).toEqual([name, dialectWord(name, 'blocked')]);
      expect(entry?.ruleIds).toMatch(/R5/);
    }
    // No rule number in any reason: people read the reasons, the numbers are the docs' (a tooltip).
    for (const name of DIALECT_NAMES) for (const entry of GLOSSARY[name]) expect([name, entry.word, entry.rule]).not.toEqual([name, entry.word, expect.stringMatching(/\bR\d+\b/)]);
  });
});
