import fc from 'fast-check';
import { canonicalScenario, canonicalStep } from '../../src/scenario/canonical.ts';
import { resolvePolicy, resolveStep } from '../../src/scenario/defaults.ts';
import { validate } from '../../src/scenario/validate.ts';
import type { Step } from '../../src/scenario/types.ts';
import { scenarioArb } from './arbitraries.ts';
import { dep, scenario, step } from './helpers.ts';

describe('canonicalScenario', () => {
  it('strips every field that equals its default', () => {
    const s = scenario(
      [
        step('a', {
          label: 'a',
          durationMs: 100,
          retry: { maxAttempts: 1, delayMs: 0, factor: 1 },
          compensation: { label: 'Undo a', durationMs: 100 },
          idempotent: true,
          join: 'all',
          produces: [],
          consumes: [],
          fail: { status: 500, timeout: false },
        }),
        step('b', { label: 'Bee', compensation: { label: 'Undo Bee' } }),
      ],
      [dep('a', 'b', 'success')],
      { policy: { failFast: true, onFailure: 'continue', compensation: 'none', retryMode: 'graph-aware', concurrency: 0 } },
    );
    expect(canonicalScenario(s)).toEqual({
      version: 2,
      title: 'Test scenario',
      steps: [
        { id: 'a', fail: { status: 500 }, compensation: {} },
        { id: 'b', label: 'Bee', compensation: {} },
      ],
      dependencies: [{ from: 'a', to: 'b' }],
    });
  });

  it('keeps what differs from the defaults, in the order of the format', () => {
    const s: Step = {
      position: { x: -0, y: 3.25 },
      consumes: ['in'],
      produces: ['out'],
      join: 'any',
      idempotent: false,
      compensation: { fail: { message: 'stuck', status: 500 }, durationMs: 0, label: 'Refund' },
      retry: { factor: 2, delayMs: 10, maxAttempts: 3 },
      timeoutMs: 50,
      fail: { times: 2, message: 'hang', timeout: true },
      durationMs: 0,
      request: '',
      label: '',
      id: 'x',
    };
    const c = canonicalStep(s);
    expect(Object.keys(c)).toEqual(['id', 'label', 'request', 'durationMs', 'fail', 'timeoutMs', 'retry', 'compensation', 'idempotent', 'join', 'produces', 'consumes', 'position']);
    expect(Object.keys(c.fail ?? {})).toEqual(['timeout', 'message', 'times']);
    expect(Object.keys(c.retry ?? {})).toEqual(['maxAttempts', 'delayMs', 'factor']);
    expect(Object.keys(c.compensation ?? {})).toEqual(['label', 'durationMs', 'fail']);
    expect(Object.is(c.position?.x, 0)).toBe(true);
  });

  it('strips the defaults of version 2 and keeps what differs, `when` as written', () => {
    const s = scenario(
      [
        step('a', { successStatus: 200, compensation: { evenIfFailed: false } }),
        step('b', { successStatus: 204, compensation: { evenIfFailed: true }, when: 'a.Succeeded  ||a.Skipped' }),
      ],
      [dep('a', 'b')],
      { policy: { compensationErrors: 'continue' }, groups: [], dialect: 'http' },
    );
    expect(canonicalScenario(s)).toEqual({
      version: 2,
      title: 'Test scenario',
      steps: [
        { id: 'a', compensation: {} },
        { id: 'b', compensation: { evenIfFailed: true }, when: 'a.Succeeded  ||a.Skipped', successStatus: 204 },
      ],
      dependencies: [{ from: 'a', to: 'b' }],
    });
    const kept = scenario(['a', 'b'], [], {
      dialect: 'argo',
      policy: { compensationErrors: 'stop' },
      groups: [{ id: 'g', label: 'Change set', steps: ['a', 'b'] }],
      lesson: { intro: 'Why 424?', challenges: [{ kind: 'predict' }] },
    });
    const c = canonicalScenario(kept);
    expect(c).toEqual(kept);
    expect(Object.keys(c)).toEqual(['version', 'title', 'policy', 'steps', 'dependencies', 'groups', 'lesson', 'dialect']);
    expect(c.groups?.[0]).not.toBe(kept.groups?.[0]);
  });

  it('keeps a compensation handler with default label and duration: having one matters', () => {
    expect(canonicalStep(step('a', { compensation: {} })).compensation).toEqual({});
  });

  it('is idempotent, valid, and means the same to the engine (property, 1,000 scenarios)', () => {
    const normalFail = (st: ReturnType<typeof resolveStep>) => ({
      ...st,
      fail: st.fail && { ...st.fail, timeout: st.fail.timeout === true },
    });
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const c = canonicalScenario(s);
        expect(canonicalScenario(c)).toEqual(c);
        expect(validate(s).ok).toBe(true);
        expect(validate(c).ok).toBe(true);
        expect(resolvePolicy(c)).toEqual(resolvePolicy(s));
        c.steps.forEach((st, i) => expect(normalFail(resolveStep(st))).toEqual(normalFail(resolveStep(s.steps[i]))));
        expect(c.dependencies.map((d) => [d.from, d.to, d.on ?? 'success'])).toEqual(s.dependencies.map((d) => [d.from, d.to, d.on ?? 'success']));
        expect(c.groups ?? []).toEqual(s.groups ?? []);
        expect(c.dialect ?? 'http').toBe(s.dialect ?? 'http');
      }),
      { seed: 424, numRuns: 1_000 },
    );
  });
});
