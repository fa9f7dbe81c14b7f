// `npm run simulate -- … --export KIND` writes exactly what `exportFile` gives, the function the
// app's Import/Export menu downloads (test/app/export-parity.test.ts checks the app's side).
import { DEFAULT_BASE_URL, run, type CliIo } from '../../src/cli/main.ts';
import { simulate } from '../../src/engine/index.ts';
import { exportFile, type ExportKind } from '../../src/export/export-file.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { buildShareUrl } from '../../src/scenario/link-codec.ts';
import { withoutAutoPositions } from '../../src/store/auto-positions.ts';

const KINDS: ExportKind[] = ['webdav', 'graph-batch', 'chrome-trace', 'svg'];

async function cli(argv: string[], files: Map<string, string> = new Map()) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: (path) => {
      const text = files.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: (path, text) => void files.set(path, text),
    env: {},
  };
  const code = await run(argv, io);
  return { code, out, err, files };
}

describe('--export', () => {
  const cases = PRESETS.flatMap((p) => KINDS.map((kind) => [p.name, kind] as const));

  it.each(cases)('%s as %s: the bytes of exportFile', async (name, kind) => {
    const scenario = PRESETS.find((p) => p.name === name)!.scenario;
    const result = simulate(scenario);
    // The image's link is the app's: positions the built-in layout gives anyway are left out.
    const link = kind === 'svg' ? buildShareUrl(DEFAULT_BASE_URL, withoutAutoPositions(scenario), { at: result.durationMs }) : undefined;
    const expected = exportFile(kind, { scenario, run: result, ...(link !== undefined ? { link } : {}) });
    const { code, out, err } = await cli(['--preset', name, '--export', kind]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(expected.text);
  });

  it('reads a scenario FILE and writes --out instead of standard output', async () => {
    const scenario = PRESETS[0].scenario;
    const files = new Map([['order.json', JSON.stringify(scenario)]]);
    const { code, out } = await cli(['order.json', '--export', 'chrome-trace', '--out', 'trace.json'], files);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(files.get('trace.json')).toBe(exportFile('chrome-trace', { scenario, run: simulate(scenario) }).text);
  });

  it('puts the --base address in the SVG’s link', async () => {
    const { out } = await cli(['--preset', 'payment-fails', '--export', 'svg', '--base', 'https://docs.example/ripple/']);
    expect(out).toMatch(/<ripple:link xmlns:ripple="[^"]+">https:\/\/docs\.example\/ripple\/#r1\./);
  });

  it('exits 1 when --out cannot be written', async () => {
    let err = '';
    const io: CliIo = {
      stdout: () => {},
      stderr: (s) => void (err += s),
      readFile: () => '',
      writeFile: () => {
        throw new Error("EACCES: permission denied, open '/x.xml'");
      },
    };
    expect(await run(['--preset', 'payment-fails', '--export', 'webdav', '--out', '/x.xml'], io)).toBe(1);
    expect(err).toBe("error: cannot write /x.xml: EACCES: permission denied, open '/x.xml'\n");
  });
});
