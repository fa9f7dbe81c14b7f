import { describe, expect, it } from 'vitest';
import { importODataMultipart } from '../../../src/scenario/dialects/odata-multipart.ts';
import { fixture, outcomes } from './run.ts';
import { simulate } from '../../../src/engine/index.ts';
import { dialectView } from '../../../src/engine/dialect.ts';

describe('OData multipart $batch import', () => {
  it('the Dataverse example: a change set of two creates is one atomic group; the GET after it is its own step', () => {
    const r = importODataMultipart(fixture('odata-dataverse-batch.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.steps.map((s) => [s.id, s.request])).toEqual([
      ['1', 'POST https://example.crm.dynamics.com/api/data/v9.0/tasks'],
      ['2', 'POST https://example.crm.dynamics.com/api/data/v9.0/tasks'],
      ['request-3', 'GET https://example.crm.dynamics.com/api/data/v9.0/accounts(00000000-0000-0000-000000000001)/Account_Tasks?$select=subject'],
    ]);
    expect(r.scenario.groups).toEqual([{ id: 'changeset-1', label: 'change set 1', steps: ['1', '2'] }]);
    expect(r.scenario.dialect).toBe('http');
  });

  it('a change set runs as an atomic group (R18): when 2 fails, 1 is rolled back, and each dialect names it', () => {
    const r = importODataMultipart(fixture('odata-dataverse-batch.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, [])).toMatchObject({ '1': 'Succeeded', '2': 'Succeeded' });
    expect(outcomes(r.scenario, ['2'])).toMatchObject({ '1': 'RolledBack', '2': 'Failed' });
    const run = simulate({ ...r.scenario, steps: r.scenario.steps.map((s) => (s.id === '2' ? { ...s, fail: { status: 400 } } : s)) });
    const words = (name: 'github-actions' | 'argo' | 'airflow' | 'step-functions' | 'http') => dialectView(run, name).steps['1'].state;
    expect([words('http'), words('github-actions'), words('argo'), words('airflow'), words('step-functions')]).toEqual(['rolled-back', 'skipped', 'Omitted', 'upstream_failed', 'Not started']);
  });

  it('$1 in a change set is a dependency on Content-ID 1; without continue-on-error the service stops at the first failure', () => {
    const r = importODataMultipart(fixture('odata-references.txt'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dependencies).toEqual([{ from: '1', to: '2' }]);
    expect(r.scenario.policy).toEqual({ concurrency: 1, onFailure: 'abort' });
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^without "Prefer: odata.continue-on-error" the service stops at the first failed request/)]);
  });

  it('with Prefer: odata.continue-on-error the requests are independent', () => {
    const text = 'POST /svc/$batch HTTP/1.1\nContent-Type: multipart/mixed;boundary=b1\nPrefer: odata.continue-on-error\n\n--b1\nContent-Type: application/http\n\nGET /A HTTP/1.1\n\n--b1\nContent-Type: application/http\n\nGET /B HTTP/1.1\n\n--b1--\n';
    const r = importODataMultipart(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.policy).toEqual({});
    expect(r.warnings).toEqual([]);
  });

  it('refuses a batch that never closes, a $N naming no earlier request, and a part that is not application/http', () => {
    expect(importODataMultipart('--b1\nContent-Type: application/http\n\nGET /A HTTP/1.1\n')).toMatchObject({ ok: false, message: 'The batch never closes: expected a last line "--b1--".' });
    const ref = importODataMultipart('--b1\nContent-Type: application/http\n\nPOST $7/x HTTP/1.1\n\n--b1--\n');
    expect(ref.ok || ref.problems).toEqual([{ code: 'missing-step', path: 'parts[0].url', message: '"$7" names no earlier request with Content-ID "7"' }]);
    const type = importODataMultipart('--b1\nContent-Type: text/plain\n\nhello\n--b1--\n');
    expect(type.ok || type.problems[0]).toMatchObject({ path: 'parts[0]', message: 'expected Content-Type: application/http, got "text/plain"' });
  });
});
