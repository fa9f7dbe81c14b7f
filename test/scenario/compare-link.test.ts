// A comparison as a share link (issue #13): A's link, then B's difference from A.
import { deflateSync } from 'fflate';
import { variants } from '../../src/engine/compare.ts';
import { PRESETS, findPreset } from '../../src/presets/index.ts';
import { toBase64Url, utf8Encode } from '../../src/scenario/bytes.ts';
import { canonicalScenario } from '../../src/scenario/canonical.ts';
import { decodeCompareLink, encodeCompareLink, isCompareFragment, scenarioDifference } from '../../src/scenario/compare-link.ts';
import { encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { sagaScenario } from '../../bench/sample-scenarios.ts';

const saga = findPreset('saga-compensation-fails')!.scenario;

/** A's link with a hand-made difference: what a hostile or damaged link can hold. */
function withDifference(a: Scenario, difference: unknown): string {
  return `${encodeScenarioLink(a)}~${toBase64Url(deflateSync(utf8Encode(JSON.stringify(difference))))}`;
}

describe('encodeCompareLink / decodeCompareLink', () => {
  it.each(PRESETS.map((p) => [p.name, p.scenario] as const))('every what-if of %s round-trips, with its label and replay flag', (_name, a) => {
    for (const v of variants(a)) {
      const link = encodeCompareLink(a, { scenario: v.scenario, replay: v.replay, label: v.label }, { at: 120 });
      expect(isCompareFragment(link)).toBe(true);
      const decoded = decodeCompareLink(`#${link}`);
      if (!decoded.ok) throw new Error(`${v.id}: ${decoded.error.message}`);
      expect(decoded.a).toEqual(canonicalScenario(a));
      expect(decoded.b).toEqual({ scenario: canonicalScenario(v.scenario), label: v.label, ...(v.replay ? { replay: true } : {}) });
      expect(decoded.extras).toEqual({ at: 120 });
    }
  });

  it('a free edit of the copy round-trips: a step changed, one removed, one added, the order and dependencies changed, a new title', () => {
    const b: Scenario = {
      ...saga,
      title: 'Saga, edited',
      steps: [
        { id: 'new-first', label: 'New first step' },
        ...saga.steps.slice(1, -1).map((s, i) => (i === 0 ? { ...s, durationMs: 999, compensation: { ...s.compensation, label: 'Put back' } } : s)),
      ],
      dependencies: saga.dependencies.filter((d) => d.from !== saga.steps[0].id && d.to !== saga.steps[0].id && d.to !== saga.steps.at(-1)!.id),
    };
    const decoded = decodeCompareLink(encodeCompareLink(saga, { scenario: b }));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.b.scenario).toEqual(canonicalScenario(b));
    expect(decoded.b.replay).toBeUndefined();
  });

  it('one policy change of the 10-step saga costs less than 10 % over its own link', () => {
    const a = sagaScenario();
    const b = { ...a, policy: { ...a.policy, failFast: false } };
    expect(scenarioDifference(a, b)).toEqual({ p: { failFast: false } });
    expect(encodeCompareLink(a, { scenario: b }).length).toBeLessThanOrEqual(encodeScenarioLink(a).length * 1.1);
  });

  it('a changed step travels as a merge patch of A\'s step, not whole', () => {
    const b = { ...saga, steps: saga.steps.map((s, i) => (i === 1 ? { ...s, durationMs: 5 } : s)) };
    expect(scenarioDifference(saga, b)).toEqual({ s: [[saga.steps[1].id, { durationMs: 5 }]] });
  });

  it('an invalid B comes back as side b, invalid, with the gate\'s problems', () => {
    const decoded = decodeCompareLink(withDifference(saga, { s: [[saga.steps[0].id, { fail: { status: 424 } }]] }));
    expect(decoded).toMatchObject({ ok: false, side: 'b', error: { kind: 'invalid' } });
    if (decoded.ok) return;
    expect(decoded.error.problems!.some((p) => p.path === 'steps[0].fail.status')).toBe(true);
  });

  it.each([
    ['not base64url', 'r1.x~!!!'],
    ['an unknown entry', withDifference(saga, { z: 1 })],
    ['a list', withDifference(saga, [1])],
    ['a step entry that is not [id, step]', withDifference(saga, { s: [['x']] })],
    ['an order naming an unknown step', withDifference(saga, { o: ['nope'] })],
    ['a policy key "__proto__"', withDifference(saga, JSON.parse('{"p":{"__proto__":{"failFast":false}}}'))],
  ])('a damaged or hostile difference (%s) is refused with a message, never a crash', (_what, link) => {
    const decoded = decodeCompareLink(link);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(/\S/);
  });

  it('a damaged A is reported as side a, with the link codec\'s own error', () => {
    const link = encodeCompareLink(saga, { scenario: saga });
    const decoded = decodeCompareLink(link.slice(0, 20) + link.slice(link.indexOf('~')));
    expect(decoded).toMatchObject({ ok: false, side: 'a', error: { kind: 'truncated' } });
  });

  it('an invalid B is refused when encoding, as an invalid A is', () => {
    const bad = { ...saga, steps: [...saga.steps, saga.steps[0]] };
    expect(() => encodeCompareLink(saga, { scenario: bad })).toThrow(TypeError);
  });
});
