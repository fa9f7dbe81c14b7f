// Trace viewers (Perfetto, chrome://tracing) stack complete events on a thread by time: a slice
// that ends even 1 µs after the next one starts is drawn as that slice's parent. So on every
// thread, any two slices must either nest or not overlap at all.
import fc from 'fast-check';
import { simulate } from '../../src/engine/index.ts';
import { toChromeTrace, type TraceEvent } from '../../src/export/chrome-trace.ts';
import type { Scenario, Step } from '../../src/scenario/types.ts';
import { validate } from '../../src/scenario/validate.ts';

type Slice = Required<Pick<TraceEvent, 'name' | 'tid' | 'ts' | 'dur'>>;

function slicesOf(scenario: Scenario): Slice[] {
  const trace = toChromeTrace(simulate(scenario), scenario);
  return trace.traceEvents.filter((e) => e.ph === 'X').map((e) => ({ name: e.name, tid: e.tid, ts: e.ts!, dur: e.dur! }));
}

/** Pairs of slices on one thread that overlap without one containing the other. */
function crossings(slices: readonly Slice[]): string[] {
  const found: string[] = [];
  for (const [i, a] of slices.entries()) {
    for (const b of slices.slice(i + 1)) {
      if (a.tid !== b.tid) continue;
      const [aEnd, bEnd] = [a.ts + a.dur, b.ts + b.dur];
      const apart = aEnd <= b.ts || bEnd <= a.ts;
      const nested = (a.ts <= b.ts && bEnd <= aEnd) || (b.ts <= a.ts && aEnd <= bEnd);
      if (!apart && !nested) found.push(`${a.name} [${a.ts}, ${aEnd}] crosses ${b.name} [${b.ts}, ${bEnd}] on thread ${a.tid}`);
    }
  }
  return found;
}

describe('toChromeTrace slices', () => {
  it('a retry wait ends exactly when the next attempt starts (37 ms step failing 7 times, delay 100 ms, factor 1.15)', () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Flaky upload',
      steps: [{ id: 'upload', durationMs: 37, fail: { status: 503, times: 7 }, retry: { maxAttempts: 8, delayMs: 100, factor: 1.15 } }],
      dependencies: [],
    };
    const slices = slicesOf(scenario);
    expect(slices.map((s) => s.name)).toEqual([
      'attempt 1: 503', 'retry delay', 'attempt 2: 503', 'retry delay', 'attempt 3: 503', 'retry delay', 'attempt 4: 503',
      'retry delay', 'attempt 5: 503', 'retry delay', 'attempt 6: 503', 'retry delay', 'attempt 7: 503', 'retry delay', 'attempt 8: 200',
    ]);
    // Each slice starts where the one before it ended: not a microsecond later or earlier.
    for (const [i, s] of slices.slice(1).entries()) expect(s.ts).toBe(slices[i].ts + slices[i].dur);
    expect(crossings(slices)).toEqual([]);
  });

  it('a retry wait cut short by a graph-aware repair ends where the step runs again (found by seed 815)', () => {
    // b waits 2 ms to retry its 424, but c's repair request re-runs a at 1 ms and b starts then.
    const scenario: Scenario = {
      version: 2,
      title: 'Repair inside a wait',
      steps: [
        { id: 'a', durationMs: 0, fail: { status: 503, times: 1 }, retry: { maxAttempts: 1, delayMs: 0, factor: 1 } },
        { id: 'b', durationMs: 0, fail: { status: 503, times: 1 }, retry: { maxAttempts: 3, delayMs: 2, factor: 1 } },
        { id: 'c', durationMs: 0, retry: { maxAttempts: 2, delayMs: 1, factor: 1 } },
      ],
      dependencies: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
    };
    const slices = slicesOf(scenario);
    expect(slices.filter((s) => s.tid === 2).map((s) => [s.name, s.ts, s.ts + s.dur])).toEqual([
      ['retry delay', 0, 1000],
      ['attempt 2: 503', 1000, 1000],
      ['retry delay', 1000, 3000],
      ['attempt 3: 200', 3000, 3000],
    ]);
    expect(crossings(slices)).toEqual([]);
  });

  it('nest or stay apart on every thread, for any durations, delays and growth factors', () => {
    // Durations and delays are whole milliseconds; a growth factor makes later waits fractional
    // (100 × 1.15⁴ = 174.900625 ms), which is where rounding to microseconds bites.
    const ms = fc.integer({ min: 0, max: 400 });
    const stepArb = fc.record({
      durationMs: ms,
      failTimes: fc.integer({ min: 0, max: 6 }),
      timeout: fc.boolean(),
      timeoutMs: fc.integer({ min: 1, max: 300 }),
      maxAttempts: fc.integer({ min: 1, max: 7 }),
      delayMs: ms,
      factor: fc.double({ min: 1, max: 3, noNaN: true, noDefaultInfinity: true }),
      compensationMs: fc.option(ms, { nil: undefined }),
    });
    const scenarioArb = fc.record({
      steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
      chain: fc.boolean(),
      saga: fc.boolean(),
      concurrency: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(scenarioArb, ({ steps, chain, saga, concurrency }) => {
        const scenario: Scenario = {
          version: 2,
          title: 'Random retries',
          policy: { compensation: saga ? 'saga' : 'none', concurrency },
          steps: steps.map((s, i): Step => ({
            id: `s${i}`,
            durationMs: s.durationMs,
            ...(s.failTimes > 0 ? { fail: s.timeout ? { timeout: true, times: s.failTimes } : { status: 503, times: s.failTimes } } : {}),
            ...(s.timeout ? { timeoutMs: s.timeoutMs } : {}),
            retry: { maxAttempts: s.maxAttempts, delayMs: s.delayMs, factor: s.factor },
            ...(s.compensationMs !== undefined ? { compensation: { durationMs: s.compensationMs } } : {}),
          })),
          dependencies: chain ? steps.slice(1).map((_, i) => ({ from: `s${i}`, to: `s${i + 1}` })) : [],
        };
        const checked = validate(scenario);
        if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
        const slices = slicesOf(checked.scenario);
        for (const s of slices) {
          expect(Number.isInteger(s.ts) && Number.isInteger(s.dur) && s.dur >= 0).toBe(true);
        }
        expect(crossings(slices)).toEqual([]);
      }),
      { seed: 815, numRuns: 300 },
    );
  });
});
