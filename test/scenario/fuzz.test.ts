// A few thousand cases of the fuzzer that `npm run fuzz` runs 100,000 of (bench/fuzz-cases.ts):
// random and mutated links and scenario texts must each give a valid scenario or a typed error.
import { fuzzCases, runFuzz } from '../../bench/fuzz-cases.ts';

describe('fuzzing the scenario gate', () => {
  it('3,000 hostile inputs: nothing throws, every rejection is typed', () => {
    const stats = runFuzz(424, 3_000);
    expect(stats.failures).toEqual([]);
    expect(stats.threw).toBe(0);
    expect(stats.wrong).toBe(0);
    expect(stats.accepted + stats.rejected).toBe(3_000);
    // The generator reaches every layer of the decoder, not just the first check.
    for (const kind of ['truncated', 'corrupt', 'newer-version', 'unknown-version', 'too-large', 'invalid']) {
      expect(stats.byKind[`link:${kind}`] ?? 0, kind).toBeGreaterThan(0);
    }
    for (const kind of ['not-json', 'too-large', 'invalid', 'newer-version']) {
      expect(stats.byKind[`open:${kind}`] ?? 0, kind).toBeGreaterThan(0);
    }
  }, 120_000);

  it('is reproducible from its seed', () => {
    const a = [...fuzzCases(7, 50)].map((c) => c.mutation);
    const b = [...fuzzCases(7, 50)].map((c) => c.mutation);
    expect(a).toEqual(b);
  });
});
