// The app's Import/Export menu and `npm run simulate -- --export KIND` write the same bytes:
// both call exportFile (src/export/export-file.ts). Here the app's side, after a run played
// to its end, against the CLI's output.
import { run, type CliIo } from '../../src/cli/main.ts';
import { runExport, svgForExport } from '../../src/app/share/exports.ts';
import { appBaseUrl } from '../../src/app/share/links.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { createRippleStore } from '../../src/store/store.ts';

async function cliOut(argv: string[]): Promise<string> {
  let out = '';
  const io: CliIo = { stdout: (s) => void (out += s), stderr: () => {}, readFile: () => '', writeFile: () => {}, env: {} };
  expect(await run(argv, io)).toBe(0);
  return out;
}

describe.each(PRESETS.map((p) => p.name))('%s: the app’s export equals the CLI’s', (name) => {
  const store = createRippleStore({ scenario: PRESETS.find((p) => p.name === name)!.scenario });
  store.getState().runScenario();
  store.getState().pause();
  store.getState().seekTime(store.getState().run!.durationMs);

  it.each(['webdav', 'graph-batch', 'chrome-trace'] as const)('%s', async (kind) => {
    const file = runExport(store.getState(), kind);
    expect(await cliOut(['--preset', name, '--export', kind])).toBe(file.text);
  });

  it('svg, with the share link at the end of the run', async () => {
    const { file } = svgForExport(store.getState());
    expect(file.filename).toMatch(/\.svg$/);
    expect(await cliOut(['--preset', name, '--export', 'svg', '--base', appBaseUrl()])).toBe(file.text);
  });
});
