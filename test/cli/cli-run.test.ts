import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './memory-cli.ts';
import { simulate } from '../../src/engine/index.ts';
import { findPreset, PRESETS } from '../../src/presets/index.ts';
import { parseShareUrl } from '../../src/scenario/link-codec.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { layeredLayout, withPositions } from '../../src/canvas/layout/simple-layout.ts';

// The CLI called in-process through `run(argv, io)`, with files served from memory.
// cli-process.test.ts runs the real thing as a child process.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const payment = findPreset('payment-fails')!.scenario;

/** The run's exit status and output (the files it read are the test's own). */
const cli = async (argv: string[], files: Record<string, string> = {}) => {
  const { code, out, err } = await runCli(argv, files);
  return { code, out, err };
};

function fixed(scenario: Scenario, id: string): Scenario {
  return { ...scenario, steps: scenario.steps.map((s) => (s.id === id ? { ...s, fail: undefined } : s)) };
}

describe('simulate FILE | --preset NAME', () => {
  it('prints a table of step, state, status and why, in scenario order', async () => {
    const { code, out, err } = await cli(['--preset', 'payment-fails']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Order pipeline: payment declined');
    expect(lines[1]).toMatch(/^outcome: failed \(207 Multi-Status\), \d+ ms$/);
    const header = lines.findIndex((l) => l.startsWith('STEP'));
    expect(lines[header]).toMatch(/^STEP\s+STATE\s+STATUS\s+WHY$/);
    const rows = lines.slice(header + 1, header + 6);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(payment.steps.map((s) => s.id));
    const invoice = rows.find((r) => r.startsWith('create-invoice'))!;
    expect(invoice).toMatch(/^create-invoice\s+blocked\s+424\s+\S/);
    expect(invoice).toContain('Authorize payment failed');
    expect(rows.find((r) => r.startsWith('create-order'))).toMatch(/^create-order\s+succeeded\s+200$/);
  });

  it('prints the result JSON with --json: the same as simulate()', async () => {
    const { code, out } = await cli(['--preset', 'payment-fails', '--json']);
    expect(code).toBe(0);
    expect(out).toBe(`${JSON.stringify(simulate(payment), null, 2)}\n`);
  });

  it('reads a scenario file', async () => {
    const { code, out } = await cli(['order.json', '--json'], { 'order.json': JSON.stringify(payment) });
    expect(code).toBe(0);
    expect(JSON.parse(out).steps['create-invoice'].status).toBe(424);
  });

  it('shows lint warnings under the table', async () => {
    const { out } = await cli(['--preset', 'publish-before-validation']);
    expect(out).toMatch(/\nlint: steps\[\d+\]\.consumes\[0\]: "Publish package" may run before "Validate bundle" completes/);
  });

  it('exits 2 with every problem of an invalid file, as path: message', async () => {
    const broken = {
      version: 1,
      title: 'Broken',
      steps: [{ id: 'pay', durationMS: 5 }, { id: 'ship', fail: { status: 424 } }],
      dependencies: [{ from: 'pay', to: 'shipp' }],
    };
    const { code, out, err } = await cli(['broken.json'], { 'broken.json': JSON.stringify(broken) });
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines[0]).toMatch(/^broken\.json: /);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^steps\[0\]\.durationMS: unknown field/),
        expect.stringMatching(/^steps\[1\]\.fail\.status: .*424/),
        expect.stringMatching(/^dependencies\[0\]\.to: no step "shipp" \(did you mean "ship"\?\)/),
      ]),
    );
  });

  it('exits 2 for a file that is not JSON', async () => {
    const { code, err } = await cli(['x.json'], { 'x.json': '{ "version": 1,' });
    expect(code).toBe(2);
    expect(err).toMatch(/not JSON/);
  });

  it('exits 1 for an unreadable file, an unknown preset or an unknown flag', async () => {
    const missing = await cli(['nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: cannot read nope\.json: ENOENT/);
    const preset = await cli(['--preset', 'nope']);
    expect(preset.code).toBe(1);
    expect(preset.err).toContain('unknown preset "nope" (presets: payment-fails,');
    const flag = await cli(['--frobnicate']);
    expect(flag.code).toBe(1);
    expect(flag.err).toMatch(/^error: Unknown option '--frobnicate'.*\nRun with --help for usage\.\n$/s);
  });

  it('prints help and the preset list', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('npm run simulate -- FILE|--preset NAME [--json] [--replay EDITED_FILE] [--from ID,...]');
    const list = await cli(['--list-presets']);
    expect(list.code).toBe(0);
    const lines = list.out.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(PRESETS.map((p) => p.name));
    expect(lines[0]).toContain(PRESETS[0].description);
  });

  it('keeps scenario text on one line and free of terminal escapes', async () => {
    const hostile: Scenario = {
      version: 2,
      title: 'Evil\u001b[2J title\nsecond line',
      steps: [{ id: 'a', fail: { status: 500, message: 'boom\u001b]0;pwned\u0007\nnext' } }, { id: 'b' }],
      dependencies: [{ from: 'a', to: 'b' }],
    };
    const { code, out } = await cli(['evil.json'], { 'evil.json': JSON.stringify(hostile) });
    expect(code).toBe(0);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out.split('\n')[0]).toBe('Evil [2J title second line');
  });
});

describe('--replay EDITED_FILE [--from ID,...]', () => {
  const edited = JSON.stringify(fixed(payment, 'authorize-payment'));

  it('prints { run, replay: { plan, … } } with --json, rerunning the failed step and its dependents', async () => {
    const { code, out, err } = await cli(['--preset', 'payment-fails', '--replay', 'fixed.json', '--json'], { 'fixed.json': edited });
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.run).toEqual(JSON.parse(JSON.stringify(simulate(payment))));
    expect(result.replay.plan).toEqual({
      from: ['authorize-payment'],
      rerun: expect.arrayContaining(['authorize-payment', 'create-invoice', 'send-receipt']),
      keep: expect.arrayContaining(['create-order', 'reserve-stock']),
      warnings: [],
      reasons: expect.arrayContaining([{ step: 'authorize-payment', reason: 'from' }]),
    });
    expect(result.replay.plan.rerun).toHaveLength(3);
    expect(result.replay.run.steps['create-invoice'].state).toBe('succeeded');
    expect(result.replay.run.steps['create-order'].reused).toBe(true);
  });

  it('prints both tables and the plan without --json', async () => {
    const { code, out } = await cli(['--preset', 'payment-fails', '--replay', 'fixed.json'], { 'fixed.json': edited });
    expect(code).toBe(0);
    expect(out).toContain('\nReplay from: authorize-payment\n');
    expect(out).toMatch(/\nReplay: Order pipeline: payment declined\noutcome: succeeded/);
    expect(out).toMatch(/create-order\s+succeeded \(reused\)\s+200/);
  });

  it('exits 2 when --from names a step that succeeded', async () => {
    const { code, err } = await cli(['--preset', 'payment-fails', '--replay', 'fixed.json', '--from', 'create-order'], { 'fixed.json': edited });
    expect(code).toBe(2);
    expect(err).toContain('create-order');
  });

  it('exits 2 listing the differences when the edited scenario changes the graph', async () => {
    const changed: Scenario = { ...payment, dependencies: payment.dependencies.slice(1) };
    const { code, err } = await cli(['--preset', 'payment-fails', '--replay', 'changed.json'], { 'changed.json': JSON.stringify(changed) });
    expect(code).toBe(2);
    expect(err).toMatch(/create-order/);
  });
});

describe('--link and --decode', () => {
  it('prints a share link that --decode turns back into the scenario', async () => {
    const link = await cli(['--link', '--preset', 'payment-fails', '--base', 'https://ripple.example/app/']);
    expect(link.code).toBe(0);
    expect(link.out).toMatch(/^https:\/\/ripple\.example\/app\/#r1\.[A-Za-z0-9_-]+\n$/);
    const decoded = await cli(['--decode', link.out.trim()]);
    expect(decoded.code).toBe(0);
    const scenario = JSON.parse(decoded.out) as Scenario;
    expect(simulate(scenario)).toEqual(simulate(payment));
    expect(scenario.title).toBe(payment.title);
    // The bare fragment decodes too.
    const fragment = await cli(['--decode', link.out.trim().split('#')[1]]);
    expect(fragment.out).toBe(decoded.out);
  });

  it('leaves out positions the app would lay out anyway, as the app’s own links do', async () => {
    const unplaced: Scenario = { ...payment, steps: payment.steps.map(({ position: _p, ...step }) => step) };
    // The file as the app holds it after opening the position-less one: every step where the built-in layout put it.
    const laid = withPositions(unplaced, layeredLayout(unplaced));
    const files = { 'unplaced.json': JSON.stringify(unplaced), 'laid.json': JSON.stringify(laid) };
    const fromLaid = (await cli(['--link', 'laid.json'], files)).out;
    expect(fromLaid).toBe((await cli(['--link', 'unplaced.json'], files)).out);
    // A file whose steps stand elsewhere keeps its positions.
    const decoded = parseShareUrl((await cli(['--link', 'order.json'], { 'order.json': JSON.stringify(payment) })).out.trim());
    expect(decoded.ok && decoded.scenario.steps.map((s) => s.position)).toEqual(payment.steps.map((s) => s.position));
  });

  it('uses RIPPLE_BASE_URL, else the dev server, as the base', async () => {
    const { out } = await cli(['--link', 'order.json'], { 'order.json': JSON.stringify(payment) });
    expect(out).toMatch(/^http:\/\/localhost:5173\/#r1\./);
  });

  it('exits 1 for a base that is not an http(s) URL', async () => {
    expect((await cli(['--link', '--preset', 'payment-fails', '--base', 'javascript:alert(1)'])).code).toBe(1);
    expect((await cli(['--link', '--preset', 'payment-fails', '--base', 'not a url'])).code).toBe(1);
  });

  it('exits 2 with the gate’s own message for a cut-off link', async () => {
    const link = (await cli(['--link', '--preset', 'saga-compensation-fails'])).out.trim();
    const cut = link.slice(0, link.length - 50);
    const gate = parseShareUrl(cut);
    expect(gate.ok).toBe(false);
    const { code, out, err } = await cli(['--decode', cut]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${gate.ok ? '' : gate.error.message}\n`);
    expect(err).toMatch(/^This link has [\d,]+ of its [\d,]+ characters after the #\./);
  });

  it('reads the link from standard input (-) or from a file, for links longer than a command line', async () => {
    const link = (await cli(['--link', '--preset', 'payment-fails'])).out;
    const byArgument = await cli(['--decode', link.trim()]);
    const byStdin = await cli(['--decode', '-'], { '-': link });
    const byFile = await cli(['--decode', 'link.txt'], { 'link.txt': `\n  ${link}\n` });
    expect(byStdin).toEqual(byArgument);
    expect(byFile).toEqual(byArgument);
    expect(JSON.parse(byFile.out).title).toBe(payment.title);
  });

  it('says a bare word is neither a readable file nor a link', async () => {
    const { code, err } = await cli(['--decode', 'hello']);
    expect(code).toBe(1);
    expect(err).toBe(`error: cannot read hello: ENOENT: no such file or directory, open 'hello' (a link is a whole address with "#r1.…" or its "r1.…" part)\n`);
  });

  it('prints each problem of a damaged link once', async () => {
    const { code, err } = await cli(['--decode', '-'], { '-': 'r1.garbage' });
    expect(code).toBe(2);
    expect(err).toBe('The link is damaged: its header does not match its checksum.\n');
  });

    it('exits 2 for a link that is no Ripple link at all', async () => {
    const { code, err } = await cli(['--decode', 'https://ripple.example/app/#hello']);
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(0);
  });
});

describe('errors name each problem once', () => {
  it('a file that is not JSON: one sentence, not the sentence and then itself again', async () => {
    const { code, err } = await cli(['broken.json'], { 'broken.json': '{ "version": 1,' });
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^broken\.json: This is not JSON: /);
  });

  it('a scenario from a newer Ripple: the heading says it, the version line does not repeat it', async () => {
    const { code, err } = await cli(['new.json'], { 'new.json': JSON.stringify({ ...payment, version: 7 }) });
    expect(code).toBe(2);
    expect(err).toBe('new.json: This scenario was made by a newer Ripple (format version 7); this Ripple reads format version 2 — open it in a newer Ripple.\n');
  });

  it('problems the heading only counts are all listed', async () => {
    const broken = { ...payment, steps: [...payment.steps, { id: 'x', durationMs: -1 }, { id: 'x' }] };
    const { err } = await cli(['broken.json'], { 'broken.json': JSON.stringify(broken) });
    expect(err.split('\n')[0]).toBe('broken.json: The scenario has 2 problems.');
    expect(err.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('--input graph-batch FILE --fail ID=STATUS', () => {
  const batch = readFileSync(join(FIXTURES, 'graph-batch/create-team.json'), 'utf8');

  it('prints the batch response: the failed request with its status, its dependents at 424', async () => {
    const { code, out, err } = await cli(['--input', 'graph-batch', 'batch.json', '--fail', '2=400'], { 'batch.json': batch });
    expect(err).toBe('');
    expect(code).toBe(0);
    const { responses } = JSON.parse(out);
    const status = Object.fromEntries(responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(status).toEqual({ '1': 200, '2': 400, '3': 424, '4': 424, '5': 200 });
    const three = responses.find((r: { id: string }) => r.id === '3');
    expect(three.body.error.code).toBe('failedDependency');
    expect(three.body.error.innerError).toMatchObject({ failed_prerequisite_step: '2', root_cause_step: '2' });
  });

  it('answers with the batch’s own request ids when import had to rename them', async () => {
    const odd = JSON.stringify({
      requests: [
        { id: 'get me', method: 'GET', url: '/me' },
        { id: 'b 2', method: 'POST', url: '/x', dependsOn: ['get me'], atomicityGroup: 'g1' },
      ],
    });
    const { code, out } = await cli(['--input', 'graph-batch', 'odd.json', '--fail', 'get me=503'], { 'odd.json': odd });
    expect(code).toBe(0);
    const [first, second] = JSON.parse(out).responses;
    expect(first).toMatchObject({ id: 'get me', status: 503 });
    expect(second).toMatchObject({ id: 'b 2', status: 424, atomicityGroup: 'g1' });
    expect(second.body.error.innerError).toMatchObject({ failed_prerequisite_step: 'get me', root_cause_step: 'get me', dependency_path: ['get me', 'b 2'] });
  });

  it('runs the batch as is without --fail', async () => {
    const { code, out } = await cli(['--input', 'graph-batch', 'batch.json'], { 'batch.json': batch });
    expect(code).toBe(0);
    expect(JSON.parse(out).responses.every((r: { status: number }) => r.status === 200)).toBe(true);
  });

  it('exits 2 naming every bad --fail entry', async () => {
    const { code, err } = await cli(['--input', 'graph-batch', 'batch.json', '--fail', '9=400,2=424', '--fail', '3=abc'], { 'batch.json': batch });
    expect(code).toBe(2);
    expect(err).toContain('--fail 9=400: no request with id "9"');
    expect(err).toContain('--fail 2=424: 424 is what dependents answer');
    expect(err).toContain('--fail 3=abc: expected ID=STATUS');
  });

  it('exits 2 for a body that is not a $batch request', async () => {
    const { code, err } = await cli(['--input', 'graph-batch', 'batch.json'], { 'batch.json': '{"requests": [{"id": "1"}]}' });
    expect(code).toBe(2);
    expect(err).toMatch(/requests\[0\]/);
  });
});
