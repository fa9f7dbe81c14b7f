import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/scenario/dialects/detect.ts';
import { fixture } from './run.ts';

describe('format detection from content', () => {
  it('recognises every fixture as its format', () => {
    const cases: Array<[string, string]> = [
      ['github-release.yml', 'github-actions'],
      ['github-monorepo.yml', 'github-actions'],
      ['argo-continue-on-fail.yaml', 'argo'],
      ['argo-enhanced-depends.yaml', 'argo'],
      ['airflow-tasks.json', 'airflow-tasks'],
      ['sfn-saga.asl.json', 'step-functions'],
      ['sfn-retry-backoff.asl.json', 'step-functions'],
      ['odata-dataverse-batch.txt', 'odata-multipart'],
      ['odata-references.txt', 'odata-multipart'],
    ];
    for (const [file, format] of cases) expect([file, detectFormat(fixture(file)).format]).toEqual([file, format]);
  });

  it('tells a JSON $batch body and a Ripple scenario apart, and says what it expected when it is none of them', () => {
    expect(detectFormat('{"requests":[{"id":"1","method":"GET","url":"/me"}]}').format).toBe('graph-batch');
    expect(detectFormat('{"version":2,"title":"x","steps":[],"dependencies":[]}').format).toBe('scenario');
    const none = detectFormat('name: not a workflow\nsteps: []\n');
    expect(none).toEqual({ format: null, message: expect.stringMatching(/^Ripple does not recognise this file: expected a Ripple scenario, a GitHub Actions workflow/) });
  });
});
