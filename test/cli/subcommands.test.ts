import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { runCli } from './memory-cli.ts';
import { parseRender } from '../../src/cli/render.ts';
import { SUBCOMMANDS } from '../../src/cli/subcommands.ts';
import { findPreset } from '../../src/presets/index.ts';
import { readSvgLink } from '../../src/export/svg.ts';
import { parseShareUrl } from '../../src/scenario/link-codec.ts';

// `ripple SUBCOMMAND …` (issue #14), in-process through `run(argv, io)` with files in memory;
// one child process runs the real launcher, bin/ripple.mjs, as `npx ripple` does.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const payment = findPreset('payment-fails')!.scenario;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const cli = runCli;

describe('ripple subcommands', () => {
  it('--version prints the version in package.json', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: `${VERSION}\n` });
  });

  it('--help lists every subcommand, then the flag form', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const s of SUBCOMMANDS) expect(help.out).toMatch(new RegExp(`^  ${s.name} +${escape(s.summary)}$`, 'm'));
    expect(help.out).toContain('npm run simulate -- FILE|--preset NAME [--json]');
  });

  it('each subcommand has its own help', async () => {
    for (const s of SUBCOMMANDS) {
      const help = await cli([s.name, '--help']);
      expect(help).toMatchObject({ code: 0, out: `${s.help}\n` });
      expect(s.help).toMatch(new RegExp(`^ripple ${s.name}\\b`));
    }
  });

  it('run is the default: "ripple run FILE" and "ripple FILE" print the same table', async () => {
    const files = { 'flow.json': JSON.stringify(payment) };
    const viaRun = await cli(['run', 'flow.json'], files);
    expect(viaRun.code).toBe(0);
    expect(viaRun.out).toContain('create-invoice');
    expect(await cli(['flow.json'], files)).toMatchObject({ code: 0, out: viaRun.out });
  });

  it('run reads YAML files, and says where a YAML file is wrong (exit 2)', async () => {
    const ok = await cli(['run', 'flow.yaml'], { 'flow.yaml': stringify(payment) });
    expect(ok.code).toBe(0);
    const bad = await cli(['run', 'bad.yml'], { 'bad.yml': 'version: 2\ntitle: x\nsteps:\n\t- id: a\n' });
    expect(bad).toMatchObject({ code: 2, err: 'bad.yml: This is not valid YAML: line 4, column 1: a tab is used for indentation; YAML indents with spaces only.\n' });
  });

  it('run refuses the flags of other subcommands (exit 1)', async () => {
    const r = await cli(['run', '--preset', 'payment-fails', '--link']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"ripple run" does not take --link/);
  });

  it('link, decode and export do what their flags do', async () => {
    const link = await cli(['link', '--preset', 'payment-fails', '--base', 'https://ripple.example/']);
    expect(link.code).toBe(0);
    expect(link.out).toBe((await cli(['--link', '--preset', 'payment-fails', '--base', 'https://ripple.example/'])).out);
    const decoded = await cli(['decode', link.out.trim()]);
    expect(decoded.code).toBe(0);
    expect(JSON.parse(decoded.out)).toEqual(payment);
    const exported = await cli(['export', '--preset', 'payment-fails', '--format', 'webdav']);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe((await cli(['--preset', 'payment-fails', '--export', 'webdav'])).out);
    expect((await cli(['export', '--preset', 'payment-fails'])).code).toBe(1);
    expect((await cli(['decode', 'r1.%%%'])).code).toBe(2);
  });

  it('presets lists the built-in scenarios', async () => {
    const r = await cli(['presets']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^payment-fails +/m);
  });
});

describe('ripple render', () => {
  it('reads its flags, refusing what cannot go together', () => {
    expect(parseRender(['--preset', 'payment-fails', '--at', '120', '--theme', 'dark'])).toEqual({
      source: { kind: 'preset', name: 'payment-fails' },
      at: 120,
      theme: 'dark',
      animate: false,
      format: 'svg',
    });
    expect(() => parseRender(['--preset', 'p', '--animate', '--at', '5'])).toThrow(/give one of them/);
    expect(() => parseRender(['--preset', 'p', '--animate', '--format', 'png', '--out', 'x.png'])).toThrow(/cannot move/);
    expect(() => parseRender(['--preset', 'p', '--format', 'png'])).toThrow(/--out/);
    expect(() => parseRender(['--preset', 'p', '--theme', 'blue'])).toThrow(/light or dark/);
    expect(() => parseRender(['--preset', 'p', '--at', 'soon'])).toThrow(/"end" or a number/);
    expect(() => parseRender([])).toThrow(/no scenario/);
  });

  it('writes the SVG at a moment to --out, with a link that reopens the scenario at that moment', async () => {
    const r = await cli(['render', '--preset', 'payment-fails', '--at', '100', '--out', 'x.svg', '--base', 'https://ripple.example/']);
    expect(r).toMatchObject({ code: 0, out: '' });
    const svg = r.files['x.svg'] as string;
    expect(svg).toContain('at 100 ms of 200 ms');
    expect(svg).toContain('>running</text>');
    expect(svg).not.toContain('424 blocked');
    const opened = parseShareUrl(readSvgLink(svg)!);
    expect(opened.ok && opened.scenario).toEqual(payment);
    expect(opened.ok && opened.extras.at).toBe(100);
  });

  it('prints the end of the run to standard output by default', async () => {
    const r = await cli(['render', '--preset', 'payment-fails']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<svg /);
    expect(r.out.match(/>424 blocked<\/text>/g)).toHaveLength(2);
  });

  it('--animate writes an SVG with keyframes; --format png a PNG file', async () => {
    const animated = await cli(['render', '--preset', 'payment-fails', '--animate']);
    expect(animated.code).toBe(0);
    expect(animated.out).toContain('@keyframes');
    const png = await cli(['render', '--preset', 'payment-fails', '--format', 'png', '--out', 'x.png']);
    expect(png.code).toBe(0);
    const bytes = png.files['x.png'] as Uint8Array;
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('exit codes: 1 for an unknown preset or a bad flag, 2 for an invalid scenario', async () => {
    expect((await cli(['render', '--preset', 'nope'])).code).toBe(1);
    expect((await cli(['render', '--preset', 'payment-fails', '--frobnicate'])).code).toBe(1);
    const cycle = 'version: 2\ntitle: c\nsteps: [{id: a}, {id: b}]\ndependencies:\n  - {from: a, to: b}\n  - {from: b, to: a}\n';
    const r = await cli(['render', 'c.yaml'], { 'c.yaml': cycle });
    expect(r.code).toBe(2);
    expect(r.err).toContain('dependencies[1]: line 6, column 5: dependencies form a cycle: a → b → a');
  });
});

describe('bin/ripple.mjs, as npx ripple runs it', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ripple-bin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function ripple(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      execFile(process.execPath, [join(ROOT, 'bin/ripple.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  // Two processes only: the flag errors and exit codes are the in-process run's, tested above.
  it('prints the version, and renders to a file', async () => {
    const out = join(dir, 'x.svg');
    const [version, rendered] = await Promise.all([ripple(['--version']), ripple(['render', '--preset', 'payment-fails', '--animate', '--out', out])]);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(out, 'utf8')).toContain('@keyframes');
  }, 90_000);
});
