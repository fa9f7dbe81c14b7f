// `npm run simulate -- FILE_A --compare FILE_B [--json]` (issue #13), in-process.
import { runCli } from './memory-cli.ts';
import { parseCommand, UsageError } from '../../src/cli/args.ts';
import { findPreset } from '../../src/presets/index.ts';

const text = (name: string) => JSON.stringify(findPreset(name)!.scenario);

const cli = runCli;

const files = {
  'naive.json': text('shipping-retry-loop'),
  'aware.json': text('shipping-retry-graph-aware'),
  'payment.json': text('payment-fails'),
  'payment-saga.json': JSON.stringify({ ...findPreset('payment-fails')!.scenario, policy: { ...findPreset('payment-fails')!.scenario.policy, compensation: 'saga' } }),
};

describe('simulate A --compare B', () => {
  it('says why B ran like A when B is a variant with a plain reason, as compare mode does', async () => {
    const { code, out } = await cli(['payment.json', '--compare', 'payment-saga.json'], files);
    expect(code).toBe(0);
    expect(out.split('\n')[2]).toBe(
      'A and B ran the same: no step differs. It makes no difference here: no step has an undo (compensation) handler, so there is nothing to undo.',
    );
  });

  it('prints the sentence and a table of only the steps that differ', async () => {
    const { code, out, err } = await cli(['naive.json', '--compare', 'aware.json'], files);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'A: naive.json (1600 ms)',
      'B: aware.json (1190 ms)',
      'B avoided 2 answers of 424, made 2 more attempts, had 1 fewer step fail, and finished 410 ms sooner.',
    ]);
    expect(lines[4]).toMatch(/^STEP\s+A\s+B\s+DIFFERS$/);
    expect(lines.slice(5, -1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['reserve-stock', 'failed 409 ×1 80–200 ms', 'succeeded 200 ×3 80–1040 ms', 'state, status, attempts, timing'],
      ['create-shipping-label', 'blocked 424 ×4 200–1600 ms', 'succeeded 200 ×3 200–1140 ms', 'state, status, attempts, timing'],
      ['notify-customer', 'blocked 424 ×1 200–200 ms', 'succeeded 200 ×2 200–1190 ms', 'state, status, attempts, timing'],
    ]);
    expect(out).not.toContain('create-order');
  });

  it('--json prints { a, b, diff } with the issue\'s shape', async () => {
    const { code, out } = await cli(['naive.json', '--compare', 'aware.json', '--json'], files);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'diff']);
    expect(doc.a.durationMs).toBe(1600);
    expect(doc.b.durationMs).toBe(1190);
    expect(doc.diff).toEqual({
      steps: {
        'reserve-stock': { a: { state: 'failed', status: 409, attempts: 1 }, b: { state: 'succeeded', status: 200, attempts: 3 } },
        'create-shipping-label': { a: { state: 'blocked', status: 424, attempts: 4 }, b: { state: 'succeeded', status: 200, attempts: 3 } },
        'notify-customer': { a: { state: 'blocked', status: 424, attempts: 1 }, b: { state: 'succeeded', status: 200, attempts: 2 } },
      },
      summary: { blocked: [2, 0], attemptsTotal: [8, 10], durationMs: [1600, 1190], compensated: [0, 0] },
    });
  });

  it('works with --preset as A', async () => {
    const { code, out } = await cli(['--preset', 'shipping-retry-loop', '--compare', 'aware.json'], files);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('A: shipping-retry-loop (1600 ms)');
  });

  it('different step ids exit 2, naming every difference', async () => {
    const { code, out, err } = await cli(['payment.json', '--compare', 'aware.json'], files);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines[0]).toBe('payment.json and aware.json must have the same step ids:');
    expect(lines).toContain('steps: "authorize-payment" is in A only');
    expect(lines).toContain('steps: "create-shipping-label" is in B only');
    expect(lines).toHaveLength(7);
  });

  it('an invalid B exits 2 with its problems', async () => {
    const { code, err } = await cli(['naive.json', '--compare', 'bad.json'], { ...files, 'bad.json': '{"version": 2, "steps": 3}' });
    expect(code).toBe(2);
    expect(err).toMatch(/^bad\.json: /);
  });

  it('"ripple compare A B" is the same command as "A --compare B"', async () => {
    const flag = await cli(['naive.json', '--compare', 'aware.json', '--json'], files);
    const sub = await cli(['compare', 'naive.json', 'aware.json', '--json'], files);
    expect(sub).toEqual(flag);
    const preset = await cli(['compare', '--preset', 'shipping-retry-loop', 'aware.json'], files);
    expect(preset.code).toBe(0);
    expect(preset.out.split('\n')[0]).toBe('A: shipping-retry-loop (1600 ms)');
  });

  it('--compare goes only with a simulation', () => {
    expect(() => parseCommand(['--link', 'a.json', '--compare', 'b.json'])).toThrow(UsageError);
    expect(() => parseCommand(['a.json', '--compare', 'b.json', '--replay', 'c.json'])).toThrow('--compare and --replay cannot be used together');
    expect(parseCommand(['a.json', '--compare', 'b.json'])).toEqual({ kind: 'compare', source: { kind: 'file', path: 'a.json' }, compare: 'b.json', json: false });
  });
});
