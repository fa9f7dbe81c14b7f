import { parseArgs } from 'node:util';

// Command-line parsing, kept apart from what the commands do so tests can check every
// combination without running anything. Usage errors carry exit code 1; problems in the
// input (a bad scenario, an unknown step in --from or --fail) are found later and exit 2.

export const USAGE = `Ripple: simulate how HTTP 424 Failed Dependency spreads through dependent steps.

Usage:
  npm run simulate -- FILE|--preset NAME [--json] [--replay EDITED_FILE] [--from ID,...]
  npm run simulate -- --list-presets
  npm run simulate -- FILE_A|--preset NAME --compare FILE_B [--json]
  npm run simulate -- --link FILE|--preset NAME [--base URL]
  npm run simulate -- FILE|--preset NAME --export FORMAT [--out OUT] [--base URL]
  npm run simulate -- --decode LINK|FILE|-
  npm run simulate -- --input graph-batch FILE --fail ID=STATUS[,...]
  npm run simulate -- --grade FILE --answers ID=STATE[,...] [--json]
  npm run simulate -- --help

Options:
  --preset NAME        run a built-in scenario instead of FILE (see --list-presets)
  --json               print the result JSON instead of the table
  --replay EDITED      replay the run from its failed steps with the edited scenario EDITED
  --from ID,...        with --replay: the steps to replay from (default: every failed step)
  --compare FILE_B     run FILE_B beside the scenario and print the steps that differ
                       (both must have the same step ids)
  --list-presets       list the built-in scenarios
  --link               print a share link for FILE or --preset NAME
  --export FORMAT      write the run as the app's Import/Export menu does, byte for byte:
                       webdav (207 Multi-Status XML), graph-batch ($batch response JSON),
                       chrome-trace (Perfetto / chrome://tracing JSON) or svg (the graph
                       at the end of the run, with its share link); or the scenario as
                       another orchestrator's file whose run ends the same: github-actions
                       (a workflow skeleton), argo (a DAG Workflow), airflow (a task list)
  --out OUT            with --export: write to the file OUT instead of standard output
  --base URL           with --link, or --export svg: the app's address (default: the
                       app's own default)
  --decode LINK|FILE|- print the scenario a share link carries, or what is wrong with it;
                       the link (a whole address or its "r1." part) may be given as the
                       argument, in a FILE, or on standard input (-) when it is too long
                       for a command line
  --input graph-batch  read FILE as a Microsoft Graph / OData JSON $batch request body
  --fail ID=STATUS     with --input: make request ID answer STATUS (400-599, not 424);
                       repeat the flag or separate with commas
  --grade FILE         grade predictions of each step's final state (--answers
                       ID=STATE, STATE a state name or 424) against FILE's run
  -h, --help           show this help

Exit status: 0 when the run happened (whatever its outcome), 2 for invalid input
(every problem is printed to stderr as "path: message"), 1 for anything else.`;

export type Command =
  | { kind: 'help' }
  | { kind: 'list-presets' }
  | { kind: 'simulate'; source: Source; json: boolean; replay?: { file: string; from?: string[] } }
  | { kind: 'link'; source: Source; base?: string }
  | { kind: 'decode'; input: DecodeInput }
  | { kind: 'export'; source: Source; format: ExportFormat; out?: string; base?: string }
  | { kind: 'graph-batch'; file: string; fail: string[] }
  | { kind: 'compare'; source: Source; compare: string; json: boolean };

export type Source = { kind: 'file'; path: string } | { kind: 'preset'; name: string };

/** Where `--decode` finds the link: the argument itself, or a file (`-`: standard input). */
export type DecodeInput = { kind: 'link'; link: string } | { kind: 'file'; path: string };

/** The formats `--export` writes (`ExportKind` in src/export/export-file.ts, then the orchestrator files of src/export/dialects). */
export const EXPORT_FORMATS = ['webdav', 'graph-batch', 'chrome-trace', 'svg', 'github-actions', 'argo', 'airflow', 'airflow-dag'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class UsageError extends Error {}

const OPTIONS = {
  preset: { type: 'string' },
  json: { type: 'boolean' },
  replay: { type: 'string' },
  from: { type: 'string', multiple: true },
  'list-presets': { type: 'boolean' },
  link: { type: 'boolean' },
  base: { type: 'string' },
  decode: { type: 'string' },
  export: { type: 'string' },
  out: { type: 'string' },
  input: { type: 'string' },
  fail: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  compare: { type: 'string' },
} as const;

/**
 * `parseCommand(['--preset', 'payment-fails', '--json'])` →
 * `{ kind: 'simulate', source: { kind: 'preset', name: 'payment-fails' }, json: true }`.
 * Throws `UsageError` with a one-line message for anything the CLI does not accept.
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };

  const modes = [
    v['list-presets'] && '--list-presets',
    v.link && '--link',
    v.decode !== undefined && '--decode',
    v.input !== undefined && '--input',
    v.export !== undefined && '--export',
  ].filter((m): m is string => Boolean(m));
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be used together`);
  const mode = modes[0];

  const refuse = (flag: string, allowed: boolean, hint: string) => {
    if (!allowed) throw new UsageError(`${flag} ${hint}`);
  };
  refuse('--replay', v.replay === undefined || mode === undefined, 'only goes with a simulation (FILE or --preset NAME)');
  refuse('--compare', v.compare === undefined || mode === undefined, 'only goes with a simulation (FILE or --preset NAME)');
  refuse('--from', v.from === undefined || v.replay !== undefined, 'only goes with --replay');
  refuse('--base', v.base === undefined || mode === '--link' || (mode === '--export' && v.export === 'svg'), 'only goes with --link or --export svg');
  refuse('--out', v.out === undefined || mode === '--export', 'only goes with --export');
  refuse('--fail', v.fail === undefined || mode === '--input', 'only goes with --input graph-batch');
  refuse('--json', !v.json || mode === undefined || mode === '--input', 'only goes with a simulation or --input');
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0];

  switch (mode) {
    case '--list-presets':
      if (file !== undefined || v.preset !== undefined) throw new UsageError('--list-presets takes no FILE or --preset');
      return { kind: 'list-presets' };
    case '--decode':
      if (file !== undefined || v.preset !== undefined) throw new UsageError('--decode takes only the LINK, FILE or -');
      return { kind: 'decode', input: decodeInputOf(v.decode!) };
    case '--export': {
      const format = EXPORT_FORMATS.find((f) => f === v.export);
      if (format === undefined) throw new UsageError(`--export: unknown format "${v.export}" (formats: ${EXPORT_FORMATS.join(', ')})`);
      if (v.out === '') throw new UsageError('--out needs a file name');
      return {
        kind: 'export',
        source: sourceOf(file, v.preset),
        format,
        ...(v.out !== undefined ? { out: v.out } : {}),
        ...(v.base !== undefined ? { base: v.base } : {}),
      };
    }
    case '--input':
      if (v.input !== 'graph-batch') throw new UsageError(`--input: unknown format "${v.input}" (the one format is graph-batch)`);
      if (v.preset !== undefined) throw new UsageError('--input graph-batch reads a FILE, not a --preset');
      if (file === undefined) throw new UsageError('--input graph-batch needs the FILE holding the $batch request body');
      return { kind: 'graph-batch', file, fail: splitList(v.fail) };
    case '--link':
      return { kind: 'link', source: sourceOf(file, v.preset), ...(v.base !== undefined ? { base: v.base } : {}) };
    case undefined: {
      if (v.compare !== undefined) {
        if (v.replay !== undefined) throw new UsageError('--compare and --replay cannot be used together');
        return { kind: 'compare', source: sourceOf(file, v.preset), compare: v.compare, json: Boolean(v.json) };
      }
      const command: Command = { kind: 'simulate', source: sourceOf(file, v.preset), json: Boolean(v.json) };
      if (v.replay !== undefined) {
        if (v.from !== undefined && splitList(v.from).length === 0) throw new UsageError('--from needs at least one step id');
        command.replay = { file: v.replay, ...(v.from !== undefined ? { from: splitList(v.from) } : {}) };
      }
      return command;
    }
    default:
      throw new UsageError(`unexpected mode ${mode}`);
  }
}

/**
 * `-` is standard input; a whole address (`https://…#r1.…`, anything with `#`) or a fragment
 * (`r1.…`) is the link itself; anything else names a file holding the link.
 */
function decodeInputOf(value: string): DecodeInput {
  if (value === '-') return { kind: 'file', path: '-' };
  const trimmed = value.trim();
  if (trimmed.includes('#') || /^r\d*\./.test(trimmed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return { kind: 'link', link: value };
  return { kind: 'file', path: value };
}

function sourceOf(file: string | undefined, preset: string | undefined): Source {
  if (file !== undefined && preset !== undefined) throw new UsageError('give either FILE or --preset NAME, not both');
  if (preset !== undefined) return { kind: 'preset', name: preset };
  if (file !== undefined) return { kind: 'file', path: file };
  throw new UsageError('no scenario: give a FILE or --preset NAME (try --help)');
}

/** `['a,b', 'c']` → `['a', 'b', 'c']`: lists may be comma-separated, the flag repeated, or both. */
function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}
