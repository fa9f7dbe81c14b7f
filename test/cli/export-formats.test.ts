import { simulate } from '../../src/engine/index.ts';
import type { RunResult } from '../../src/engine/types.ts';
import { toChromeTrace, type TraceEvent } from '../../src/export/chrome-trace.ts';
import { toGraphBatchResponse } from '../../src/export/graph-batch-response.ts';
import { parseRequestLine, toUriReference } from '../../src/export/request-line.ts';
import { toWebDavMultistatus } from '../../src/export/webdav-multistatus.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

function preset(name: string): { scenario: Scenario; run: RunResult } {
  const scenario = findPreset(name)!.scenario;
  return { scenario, run: simulate(scenario) };
}

describe('toGraphBatchResponse', () => {
  const { scenario, run } = preset('graph-batch-step2');
  const body = toGraphBatchResponse(run, scenario);

  it('answers every request by id, in request order, with dependents at 424', () => {
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 400],
      ['3', 424],
      ['4', 424],
      ['5', 200],
    ]);
  });

  it('gives failures an OData error body with lower-case headers', () => {
    const failed = body.responses.find((r) => r.id === '2')!;
    expect(failed.headers).toEqual({ 'content-type': 'application/json' });
    expect(failed.body).toMatchObject({ error: { code: 'badRequest', message: expect.stringContaining('mailNickname') } });
    const dependent = body.responses.find((r) => r.id === '3')!;
    expect(dependent.body).toEqual({
      error: {
        code: 'failedDependency',
        message: expect.stringMatching(/2/),
        innerError: { 'request-id': run.correlationId, failed_prerequisite_step: '2', root_cause_step: '2', dependency_path: ['2', '3'] },
      },
    });
  });

  it('leaves out requests that were never processed (skipped or cancelled)', () => {
    const s: Scenario = {
      version: 2,
      title: 'Alert only on failure',
      steps: [{ id: 'a' }, { id: 'alert' }],
      dependencies: [{ from: 'a', to: 'alert', on: 'failure' }],
    };
    const r = simulate(s);
    expect(r.steps.alert.status).toBeNull();
    expect(toGraphBatchResponse(r, s).responses.map((x) => x.id)).toEqual(['a']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });
});

describe('toWebDavMultistatus', () => {
  const { scenario, run } = preset('webdav-copy-locked');
  const xml = toWebDavMultistatus(run, scenario);

  it('is an RFC 4918 multistatus body with one response per member', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n')).toBe(true);
    expect(xml.trimEnd().endsWith('</D:multistatus>')).toBe(true);
    expect(xml.match(/<D:response>/g)).toHaveLength(scenario.steps.length);
  });

  it('uses the request path as href and a full status line', () => {
    expect(xml).toContain(
      '  <D:response>\n    <D:href>/docs/guides/</D:href>\n    <D:status>HTTP/1.1 423 Locked</D:status>\n    <D:error><D:lock-token-submitted/></D:error>\n    <D:responsedescription>',
    );
    expect(xml).toContain('<D:href>/docs/guides/intro.md</D:href>\n    <D:status>HTTP/1.1 424 Failed Dependency</D:status>');
    expect(xml).toContain('<D:href>/docs/README.md</D:href>\n    <D:status>HTTP/1.1 200 OK</D:status>\n  </D:response>');
  });

  it('can list only the members that did not succeed', () => {
    const failures = toWebDavMultistatus(run, scenario, { failuresOnly: true });
    expect([...failures.matchAll(/<D:href>([^<]*)</g)].map((m) => m[1])).toEqual(['/docs/guides/', '/docs/guides/intro.md', '/docs/guides/setup.md']);
  });

  it('escapes hostile text and encodes hrefs', () => {
    const s: Scenario = {
      version: 2,
      title: 'Hostile',
      steps: [
        { id: 'a', request: 'COPY /a b/<x>&"ü"', fail: { status: 423, message: '</D:status><D:evil/> & more' } },
        { id: 'b' },
      ],
      dependencies: [{ from: 'a', to: 'b' }],
    };
    const out = toWebDavMultistatus(simulate(s), s);
    expect(out).not.toContain('<D:evil/>');
    expect(out).toContain('<D:href>/a%20b/%3Cx%3E&amp;%22%C3%BC%22</D:href>');
    expect(out).toContain('<D:href>/b</D:href>'); // no request line: a path from the id
    expect(out).toContain('&lt;/D:status&gt;&lt;D:evil/&gt; &amp; more');
  });
});

describe('toChromeTrace', () => {
  const { scenario, run } = preset('shipping-retry-loop');
  const trace = toChromeTrace(run, scenario);
  const ofStep = (id: string, ph: TraceEvent['ph']) => {
    const tid = scenario.steps.findIndex((s) => s.id === id) + 1;
    return trace.traceEvents.filter((e) => e.tid === tid && e.ph === ph);
  };

  it('names one track per step by its label, in scenario order, with the id in args', () => {
    const names = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.tid > 0);
    expect(names.map((e) => e.args!.name)).toEqual(scenario.steps.map((s) => s.label));
    expect(names.map((e) => e.args!.step)).toEqual(scenario.steps.map((s) => s.id));
    expect(trace.traceEvents.find((e) => e.name === 'process_name')!.args!.name).toBe(scenario.title);
  });

  it('draws attempts as complete events in microseconds', () => {
    const [attempt] = ofStep('reserve-stock', 'X').filter((e) => e.cat === 'attempt');
    const r = run.steps['reserve-stock'];
    expect(attempt).toMatchObject({ ph: 'X', ts: r.startedAt! * 1000, dur: (r.endedAt! - r.startedAt!) * 1000, args: { status: 409 } });
  });

  it('draws the waits between retries, naming the attempt that follows', () => {
    const waits = ofStep('create-shipping-label', 'X').filter((e) => e.cat === 'retry');
    expect(waits.map((e) => [e.dur! / 1000, e.args!.nextAttempt])).toEqual([
      [200, 2],
      [400, 3],
      [800, 4],
    ]);
  });

  it('marks every 424 with an instant event', () => {
    const blocked = ofStep('create-shipping-label', 'i').filter((e) => e.name === '424 Failed Dependency');
    expect(blocked).toHaveLength(4);
    for (const e of blocked) expect(e).toMatchObject({ s: 't', args: { rootCauseStep: 'reserve-stock' } });
  });

  it('draws compensations as complete events on their step track', () => {
    const saga = preset('saga-compensation-fails');
    const t = toChromeTrace(saga.run, saga.scenario);
    const comp = t.traceEvents.filter((e) => e.cat === 'compensation');
    expect(comp.map((e) => e.name)).toEqual(['Issue credit note', 'Void authorization', 'Release stock', 'Cancel order']);
    expect(comp[1].args).toMatchObject({ outcome: 'compensation-failed' });
    for (let i = 1; i < comp.length; i++) expect(comp[i].ts!).toBeGreaterThanOrEqual(comp[i - 1].ts! + comp[i - 1].dur!);
  });

  it('is valid trace JSON: every event has ph, pid, tid and, except metadata, a timestamp', () => {
    for (const e of trace.traceEvents) {
      expect(['X', 'i', 'M']).toContain(e.ph);
      expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
      if (e.ph !== 'M') expect(Number.isFinite(e.ts)).toBe(true);
      if (e.ph === 'X') expect(e.dur!).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(toChromeTrace(simulate(scenario), scenario))).toBe(JSON.stringify(trace));
  });
});

describe('parseRequestLine', () => {
  it.each([
    ['COPY /docs/a.txt', { method: 'COPY', target: '/docs/a.txt' }],
    ['GET /fx/rates?base=EUR', { method: 'GET', target: '/fx/rates?base=EUR' }],
    ['COPY /My Documents/a.txt HTTP/1.1', { method: 'COPY', target: '/My Documents/a.txt' }],
    ['/just/a/path', { method: null, target: '/just/a/path' }],
    ['https://x.example/a', { method: null, target: 'https://x.example/a' }],
    ['charge the card', { method: null, target: null }],
    ['', { method: null, target: null }],
  ])('%j', (line, expected) => {
    expect(parseRequestLine(line)).toEqual(expected);
  });

  it('encodes what a URI may not hold, keeping existing escapes', () => {
    expect(toUriReference('/a b/%20/ü/{id}/100%')).toBe('/a%20b/%20/%C3%BC/%7Bid%7D/100%25');
    expect(toUriReference('/x\uD800y')).toBe('/x%EF%BF%BDy');
  });
});
