// Issue #11: a pasted workflow, DAG, task list, state machine or multipart batch is recognised
// from its content; anything else goes to the paste dialog's JSON $batch reader.
import { describe, expect, it } from 'vitest';
import { openBatchText, openPastedText } from '../../src/app/share/open-input.ts';

describe('openPastedText', () => {
  it('a pasted GitHub workflow opens in its own dialect with its job ids', async () => {
    const yaml = 'on: push\njobs:\n  build: {runs-on: x, steps: [{run: b}]}\n  deploy: {needs: build, runs-on: x, steps: [{run: d}]}\n';
    const r = await openPastedText(yaml, openBatchText);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dialect).toBe('github-actions');
    expect(r.scenario.steps.map((s) => s.id)).toEqual(['build', 'deploy']);
    expect(r.source).toBe('GitHub Actions workflow (2 steps)');
  });

  it('an Airflow task list opens as airflow; a JSON $batch body still goes to the batch reader', async () => {
    const airflow = await openPastedText(JSON.stringify({ tasks: [{ task_id: 'a', downstream_task_ids: ['b'] }, { task_id: 'b', downstream_task_ids: [] }] }), openBatchText);
    expect(airflow.ok && airflow.scenario.dialect).toBe('airflow');
    const batch = await openPastedText(JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] }), openBatchText);
    expect(batch.ok && batch.scenario.steps.map((s) => s.id)).toEqual(['1']);
  });

  it('text that is none of them gets the batch reader’s clear message', async () => {
    const r = await openPastedText('hello', openBatchText);
    expect(r.ok).toBe(false);
    expect(r).toEqual(openBatchText('hello'));
  });
});
