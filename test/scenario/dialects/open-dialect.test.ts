import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src/app/share/open-input.ts';
import { fixture } from './run.ts';

describe('opening a dialect file in the app (open and drop)', () => {
  it('an Argo workflow opens as a scenario in the Argo dialect, saying what it was', async () => {
    const opened = await openFile(new Blob([fixture('argo-continue-on-fail.yaml')]));
    if (!opened.ok) throw new Error(opened.message);
    expect([opened.source, opened.scenario.dialect, opened.scenario.steps.length]).toEqual(['Argo workflow (7 steps)', 'argo', 7]);
  });

  it('a GitHub workflow with a broken need is refused with the parser’s message, not opened half', async () => {
    const opened = await openFile(new Blob(['on: push\njobs:\n  a:\n    needs: nope\n    runs-on: x\n    steps: [{run: a}]\n']));
    expect(opened.ok).toBe(false);
  });

  it('a Ripple scenario still opens as before', async () => {
    const opened = await openFile(new Blob(['{"version":2,"title":"t","steps":[{"id":"a"}],"dependencies":[]}']));
    expect(opened.ok && opened.source).toBe('scenario file');
  });
});
