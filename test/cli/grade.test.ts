import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './memory-cli.ts';

// `npm run simulate -- --grade FILE --answers ID=STATE[,…] [--json]`, in-process with files from memory.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const payment = readFileSync(join(ROOT, 'src/presets/payment-fails.json'), 'utf8');

/** a fails; b depends on a (424); c runs only if a fails (it runs); a lesson asks about b and c. */
const lesson = JSON.stringify({
  version: 2,
  title: 'three steps',
  steps: [{ id: 'a', fail: { status: 500 } }, { id: 'b' }, { id: 'c' }],
  dependencies: [{ from: 'a', to: 'b' }, { from: 'a', to: 'c', on: 'failure' }],
  lesson: { intro: 'Guess.', challenges: [{ kind: 'predict', steps: ['a', 'b', 'c'] }] },
});

const cli = (argv: string[], files: Record<string, string> = { 'pay.json': payment, 'lesson.json': lesson }) => runCli(argv, files);

describe('simulate --grade', () => {
  it('--json prints exactly { score, total, items } with a why for each step; 424 means blocked', async () => {
    const { code, out, err } = await cli(['--grade', 'lesson.json', '--answers', 'a=failed,b=skipped', '--answers', 'c=424', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const grade = JSON.parse(out);
    expect(Object.keys(grade)).toEqual(['score', 'total', 'items']);
    expect(grade.score).toBe(1);
    expect(grade.total).toBe(3);
    expect(grade.items.map((i: Record<string, unknown>) => [i.step, i.predicted, i.actual, i.correct])).toEqual([
      ['a', 'failed', 'failed', true],
      ['b', 'skipped', 'blocked', false],
      ['c', 'blocked', 'succeeded', false],
    ]);
    for (const item of grade.items) expect(Object.keys(item)).toEqual(['step', 'predicted', 'actual', 'correct', 'why', 'rule']);
    expect(grade.items[1].why).toMatch(/^With the fail-fast guard on, .*b answered 424 Failed Dependency because a failed\./);
    expect(grade.items[1].rule).toBe('R5');
  });

  it('a missing answer is wrong (predicted null); the table marks it "no answer"', async () => {
    const json = await cli(['--grade', 'lesson.json', '--answers', 'a=failed', '--json']);
    expect(JSON.parse(json.out).items[2]).toMatchObject({ step: 'c', predicted: null, correct: false });
    const table = await cli(['--grade', 'lesson.json', '--answers', 'a=failed']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Score: 1 of 3\n/);
    expect(table.out).toContain('✓ a     predicted failed, was failed');
    expect(table.out).toContain('✗ b     predicted no answer, was blocked (424)');
    // The rule in words, its number after it.
    expect(table.out).toMatch(/why: With the fail-fast guard on, .* \(rule R5\)\n/);
  });

  it('grades any scenario, every step when it has no lesson', async () => {
    const { code, out } = await cli(['--grade', 'pay.json', '--answers', 'create-invoice=424,send-receipt=blocked', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ score: 2, total: 5 });
  });

  it('an unknown id or state is exit 2, every bad entry named', async () => {
    const { code, out, err } = await cli(['--grade', 'pay.json', '--answers', 'create-invoce=424,send-receipt=blokced,oops']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      [
        'invalid --answers:',
        '--answers create-invoce=424: no step "create-invoce" (did you mean "create-invoice"?)',
        '--answers send-receipt=blokced: unknown state "blokced" (did you mean "blocked"?); states: succeeded, failed, blocked, skipped, cancelled, compensated, compensation-failed, rolled-back, or 424',
        '--answers oops: expected ID=STATE, e.g. create-invoice=424',
        '',
      ].join('\n'),
    );
  });

  it('an invalid lesson is exit 2 with its paths; an unreadable file is exit 1', async () => {
    const bad = JSON.stringify({ ...JSON.parse(lesson), lesson: { intro: '', challenges: [{ kind: 'find-cause', step: 'z' }] } });
    const invalid = await cli(['--grade', 'bad.json'], { 'bad.json': bad });
    expect(invalid.code).toBe(2);
    expect(invalid.err).toBe('bad.json: not a valid lesson scenario:\nlesson.intro: is empty; write at least a few words\nlesson.challenges[0].step: no step "z"\n');
    const missing = await cli(['--grade', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: cannot read nope\.json: ENOENT/);
  });
});

describe('ripple grade (the subcommand row)', () => {
  it('grades as --grade does, with the same output and exit codes', async () => {
    const flag = await cli(['--grade', 'lesson.json', '--answers', 'a=failed,b=424,c=succeeded', '--json']);
    const sub = await cli(['grade', 'lesson.json', '--answers', 'a=failed,b=424,c=succeeded', '--json']);
    expect(sub).toEqual(flag);
    expect(JSON.parse(sub.out)).toMatchObject({ score: 3, total: 3 });
    const unknown = await cli(['grade', 'lesson.json', '--answers', 'zz=failed']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no step "zz"');
    expect((await cli(['grade', '--answers', 'a=failed'])).code).toBe(1);
    expect((await cli(['grade', '--help'])).out).toContain('ripple grade FILE --answers');
  });
});
