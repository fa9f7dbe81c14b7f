import { openScenario } from '../../src/scenario/open-scenario.ts';
import { validate } from '../../src/scenario/validate.ts';
import { MAX_STEPS } from '../../src/scenario/limits.ts';
import { chain, dep, lines, scenario, step } from './helpers.ts';

describe('openScenario: the gate', () => {
  it('opens a valid scenario from JSON text or from a parsed value', () => {
    const s = scenario(['a', 'b'], [dep('a', 'b')]);
    expect(openScenario(JSON.stringify(s))).toEqual({ ok: true, scenario: s, warnings: [] });
    expect(openScenario(s)).toEqual({ ok: true, scenario: s, warnings: [] });
    expect(openScenario('\ufeff' + JSON.stringify(s)).ok).toBe(true);
  });

  it('says when text is not JSON', () => {
    const r = openScenario('{"version": 1, "title": ');
    expect(r).toMatchObject({ ok: false, kind: 'not-json' });
    expect(!r.ok && r.message).toMatch(/^This is not JSON: /);
    expect(!r.ok && r.problems).toHaveLength(1);
  });

  it('refuses more than 1 MB of text before parsing it, counting UTF-8 bytes', () => {
    const big = JSON.stringify({ ...scenario(), description: 'x'.repeat(1_000_001) });
    expect(openScenario(big)).toMatchObject({ ok: false, kind: 'too-large' });
    // 350,000 euro signs are 1,050,000 bytes of UTF-8 in a 350,000-character string.
    const euros = JSON.stringify({ ...scenario(), description: '€'.repeat(350_000) });
    const r = openScenario(euros);
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
    expect(!r.ok && r.message).toMatch(/^The scenario text is 1,050,\d{3} bytes; Ripple opens at most 1,000,000 \(1 MB\)\.$/);
  });

  it(`refuses more than ${MAX_STEPS} steps with a clear message, and opens exactly ${MAX_STEPS}`, () => {
    const r = openScenario(chain(MAX_STEPS + 1));
    expect(r).toEqual({
      ok: false,
      kind: 'too-large',
      message: 'The scenario has 2,001 steps; Ripple opens at most 2,000.',
      problems: [{ code: 'too-large', path: 'steps', message: '2,001 steps (at most 2,000)' }],
      count: 1,
    });
    expect(openScenario(chain(MAX_STEPS)).ok).toBe(true);
    expect(openScenario(chain(MAX_STEPS + 1), { maxSteps: 5_000 }).ok).toBe(true);
  });

  it('refuses an absurd number of dependencies', () => {
    const s = { ...scenario(['a']), dependencies: Array.from({ length: 50_001 }, () => dep('a', 'a')) };
    expect(openScenario(s)).toMatchObject({ ok: false, kind: 'too-large', problems: [{ path: 'dependencies' }] });
  });

  it('tells newer, unknown and missing versions apart', () => {
    expect(openScenario({ ...scenario(), version: 3 })).toMatchObject({ ok: false, kind: 'newer-version', problems: [{ path: 'version' }] });
    expect(openScenario({ ...scenario(), version: 0 })).toMatchObject({
      ok: false,
      kind: 'unknown-version',
      message: "This scenario's format version 0 is older than any this Ripple can read (oldest: 1).",
    });
    // The heading names the kind of failure, the problem what is wrong: said once, not twice.
    expect(openScenario({ title: 'x', steps: [] })).toEqual({
      ok: false,
      kind: 'invalid',
      message: 'This is not a valid Ripple scenario.',
      problems: [{ code: 'missing-version', path: 'version', message: 'missing "version" (expected 2)' }],
      count: 1,
    });
  });

  it('refuses things that are not scenarios at all', () => {
    for (const input of ['[]', '"scenario"', 'null', '42', [], null, 7]) {
      const r = openScenario(input);
      expect(r).toMatchObject({ ok: false, kind: 'invalid' });
      expect(!r.ok && r.message).toMatch(/^This is not a Ripple scenario: expected an object with "version", "title" and "steps", got /);
    }
  });

  it('lists every problem of an invalid scenario with its path', () => {
    const r = openScenario(scenario([step('a', { durationMs: -1 }), step('b', { fail: { status: 424 } })], [dep('a', 'c')]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('invalid');
    expect(r.message).toBe('The scenario has 3 problems.');
    expect(lines(r.problems)).toEqual([
      'steps[0].durationMs: expected an integer 0–3,600,000, got -1',
      expect.stringMatching(/^steps\[1\]\.fail\.status: 424 is what dependents answer/),
      'dependencies[0].to: no step "c"',
    ]);
  });

  describe('repair', () => {
    it('drops positions that are not finite numbers, and says so', () => {
      const input = scenario([
        step('a', { position: { x: 10, y: 20 } }),
        step('b', { position: { x: Infinity, y: 0 } }),
        step('c', { position: 'top-left' as never }),
        step('d', { position: { x: 1 } as never }),
      ]);
      const r = openScenario(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.scenario.steps.map((s) => s.position)).toEqual([{ x: 10, y: 20 }, undefined, undefined, undefined]);
      expect(lines(r.warnings)).toEqual([
        'steps[1].position.x: expected a finite number, got Infinity — position dropped (it only affects drawing)',
        'steps[2].position: expected { "x": number, "y": number }, got "top-left" — position dropped (it only affects drawing)',
        'steps[3].position.y: missing (expected a finite number) — position dropped (it only affects drawing)',
      ]);
      // validate itself is strict: the same input is invalid there.
      expect(validate(input).ok).toBe(false);
      // The repaired scenario is valid.
      expect(validate(r.scenario).ok).toBe(true);
    });

    it('repairs nothing else: a bad position field name is still an error', () => {
      const r = openScenario(scenario([step('a', { position: { x: 0, y: 0, z: 0 } as never })]));
      expect(r).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'steps[0].position.z', message: 'unknown field' }] });
    });

    it('does not repair when there are real problems too: only those are listed', () => {
      const r = openScenario(scenario([step('a', { position: { x: NaN, y: 0 }, durationMs: -1 })]));
      expect(r).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'steps[0].durationMs' }] });
    });
  });

  it('never lets prototype keys through or pollutes Object.prototype', () => {
    const text = '{"version":1,"title":"t","steps":[{"id":"a","__proto__":{"polluted":1}}],"dependencies":[],"constructor":{}}';
    const r = openScenario(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && lines(r.problems)).toEqual(['constructor: unknown field', 'steps[0].__proto__: unknown field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns only known fields, as a fresh object', () => {
    const s = scenario(['a']);
    const r = openScenario(s);
    expect(r.ok && r.scenario).not.toBe(s);
    expect(r.ok && Object.keys(r.scenario)).toEqual(['version', 'title', 'steps', 'dependencies']);
  });

  it('never throws, whatever it is given', () => {
    const hostile = [
      new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } }),
      Object.defineProperty({ version: 1, title: 't', dependencies: [] }, 'steps', { get: () => { throw new Error('getter'); }, enumerable: true }),
      '['.repeat(300_000) + ']'.repeat(300_000),
      '{"version":1,"title":"t","steps":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
      Symbol('x'),
      () => 1,
      BigInt(1),
    ];
    for (const input of hostile) {
      const r = openScenario(input);
      expect(r.ok).toBe(false);
      expect(!r.ok && typeof r.message).toBe('string');
    }
  });
});

describe('openScenario: files Ripple writes but does not open', () => {
  const once = (input: unknown, message: string) => {
    const r = openScenario(input);
    expect(r).toEqual({ ok: false, kind: 'invalid', message, problems: [{ code: 'not-a-scenario', path: '', message }], count: 1 });
  };
  const trace = 'This is a Chrome trace (Perfetto) export, not a scenario: Ripple writes these but opens only scenarios, JSON $batch request bodies, its own SVG and PNG images, and share links.';

  it('says a Chrome trace is a Chrome trace, once, instead of a missing "version" twice', () => {
    once(JSON.stringify({ traceEvents: [{ name: 'pay', ph: 'X', ts: 0, dur: 5, pid: 1, tid: 1 }], displayTimeUnit: 'ms' }), trace);
    once([{ name: 'pay', ph: 'B', ts: 0, pid: 1, tid: 1 }], trace);
  });

  it('recognises a JSON $batch response, a $batch request body and a WebDAV 207 document', () => {
    once(
      { responses: [{ id: '1', status: 424 }] },
      'This is a Batch response (JSON $batch) export, not a scenario: Ripple writes these but opens only scenarios, JSON $batch request bodies, its own SVG and PNG images, and share links.',
    );
    once({ requests: [{ id: '1', method: 'GET', url: '/me' }] }, 'This is a JSON $batch request body, not a scenario: open it with "Import JSON $batch body…".');
    once(
      '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response></D:multistatus>',
      'This is a WebDAV 207 Multi-Status (XML) export, not a scenario: Ripple writes these but opens only scenarios, JSON $batch request bodies, its own SVG and PNG images, and share links.',
    );
  });

  it('still reads a scenario that happens to have such a field as a scenario', () => {
    const r = openScenario({ ...scenario(), requests: [] });
    expect(r.ok).toBe(false);
    expect(!r.ok && lines(r.problems)).toEqual(['requests: unknown field']);
  });
});
