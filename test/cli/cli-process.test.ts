import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/engine/index.ts';
import { exportFile } from '../../src/export/export-file.ts';
import { findPreset } from '../../src/presets/index.ts';

// The CLI end to end, as a child process running the real file through tsx (what
// `npm run simulate` does). Each process costs about half a second, so they are few and
// started together.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BATCH = join(ROOT, 'test/fixtures/graph-batch/create-team.json');

interface Done {
  code: number;
  stdout: string;
  stderr: string;
}

function simulateCli(args: string[], stdin?: string): Promise<Done> {
  return new Promise((done) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
    child.stdin!.end(stdin ?? '');
  });
}

let dir: string;
let table: Done, json: Done, invalid: Done, unknownFlag: Done, link: Done, batch: Done, exported: Done, decoded: Done;
// A link longer than one command-line argument may be (128 KiB on Linux): only standard input
// carries it. Hashed names compress badly, so the link stays long.
const hashed = (i: number, salt: number) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0).toString(36);
const longScenario = {
  version: 1,
  title: 'Many items',
  steps: Array.from({ length: 1500 }, (_, i) => ({
    id: `step-${i}`,
    label: `Step ${[1, 2, 3, 4, 5, 6].map((k) => hashed(i, k)).join(' ')}`,
    request: `PUT /items/${[7, 8, 9, 10, 11, 12, 13, 14].map((k) => hashed(i, k)).join('/')}`,
  })),
  dependencies: [],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ripple-cli-'));
  const broken = join(dir, 'broken.json');
  writeFileSync(
    broken,
    JSON.stringify({ version: 1, title: 'Broken', steps: [{ id: 'pay', durationMS: 5 }, { id: 'ship' }, { id: 'ship' }], dependencies: [{ from: 'pay', to: 'shipp' }] }),
  );
  const longFile = join(dir, 'long.json');
  writeFileSync(longFile, JSON.stringify(longScenario));
  [table, json, invalid, unknownFlag, link, batch, exported, decoded] = await Promise.all([
    simulateCli(['--preset', 'payment-fails']),
    simulateCli(['--preset', 'saga-compensation-fails', '--json']),
    simulateCli([broken]),
    simulateCli(['--preset', 'payment-fails', '--verbose']),
    simulateCli(['--link', '--preset', 'webdav-copy-locked', '--base', 'https://ripple.example/']),
    simulateCli(['--input', 'graph-batch', BATCH, '--fail', '2=400']),
    simulateCli(['--preset', 'webdav-copy-locked', '--export', 'webdav', '--out', join(dir, 'out.xml')]),
    simulateCli(['--link', longFile]).then((made) => {
      expect(made.stdout.length).toBeGreaterThan(128 * 1024);
      return simulateCli(['--decode', '-'], made.stdout);
    }),
  ]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run simulate (child process)', () => {
  it('prints the table and exits 0 although the run failed', () => {
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\ncreate-invoice\s+blocked\s+424\s+/);
    expect(table.stdout).toMatch(/\nauthorize-payment\s+failed\s+402\s+/);
  });

  it('prints parseable result JSON with --json', () => {
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.outcome).toBe('compensation-failed');
    expect(result.compensationOrder).toEqual(['create-invoice', 'authorize-payment', 'reserve-stock', 'create-order']);
  });

  it('exits 2 with every problem on stderr for an invalid file', () => {
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/^steps\[0\]\.durationMS: unknown field/m);
    expect(invalid.stderr).toMatch(/^steps\[2\]\.id: duplicate id "ship"/m);
    expect(invalid.stderr).toMatch(/^dependencies\[0\]\.to: no step "shipp"/m);
  });

  it('exits 1 with a message for an unknown flag', () => {
    expect(unknownFlag.code).toBe(1);
    expect(unknownFlag.stderr).toContain("Unknown option '--verbose'");
  });

  it('prints a share link', () => {
    expect(link.code).toBe(0);
    expect(link.stdout).toMatch(/^https:\/\/ripple\.example\/#r1\.[A-Za-z0-9_-]+\n$/);
  });

  it('turns a $batch body into the batch response', () => {
    expect(batch.code).toBe(0);
    const { responses } = JSON.parse(batch.stdout);
    expect(responses.map((r: { id: string; status: number }) => `${r.id}:${r.status}`)).toEqual(['1:200', '2:400', '3:424', '4:424', '5:200']);
  });

  it('--export --out writes the very bytes the app downloads', () => {
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const scenario = findPreset('webdav-copy-locked')!.scenario;
    const file = exportFile('webdav', { scenario, run: simulate(scenario) });
    expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toBe(file.text);
  });

  it('--decode - reads a link longer than one command-line argument from standard input', () => {
    expect(decoded.stderr).toBe('');
    expect(decoded.code).toBe(0);
    expect(JSON.parse(decoded.stdout).steps).toHaveLength(1500);
  });
});
