import { run, type CliIo } from '../../src/cli/main.ts';

// The CLI run in process, as the tests see it: `run(argv, io)` with a file system in memory.
// Every CLI test uses this one harness, so a change to `CliIo` is made in one place.

/** What one CLI run gave: its exit status, standard output and error, and the files after it. */
export interface CliOutcome {
  code: number;
  out: string;
  err: string;
  /** The files given, plus every file the run wrote (`--out`, `render --format png`). */
  files: Record<string, string | Uint8Array>;
}

/**
 * Runs the CLI with `argv` over the text `files` (path → contents; `-` is standard input).
 * A path not in `files` is read with `missing` when given, else throws like `fs.readFileSync`.
 * `files` is not modified; the outcome's `files` has the writes.
 *
 * @example
 * await runCli(['run', 'pay.json', '--json'], { 'pay.json': text }) // → { code: 0, out: '{…}', err: '', files: {…} }
 */
export async function runCli(
  argv: string[],
  files: Readonly<Record<string, string>> = {},
  missing?: (path: string) => string,
): Promise<CliOutcome> {
  let out = '';
  let err = '';
  const all: Record<string, string | Uint8Array> = Object.assign(Object.create(null) as Record<string, string | Uint8Array>, files);
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: (path) => {
      const f = all[path];
      if (typeof f === 'string') return f;
      if (missing) return missing(path);
      throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    },
    writeFile: (path, text) => void (all[path] = text),
    writeBytes: (path, bytes) => void (all[path] = bytes),
    env: {},
  };
  const code = await run(argv, io);
  return { code, out, err, files: all };
}
