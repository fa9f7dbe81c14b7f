import packageJson from '../../package.json';
import type { Command, Source } from './args.ts';
import { parseCommand, UsageError } from './args.ts';
import type { CliIo } from './main.ts';
import type { Scenario } from '../scenario/types.ts';
import { renderCommand, RENDER_HELP } from './render.ts';
import { compareArgv, COMPARE_HELP } from './compare.ts';
import { CliError, EXIT_INVALID, EXIT_OK, InputError } from './errors.ts';
import { runGrade } from './grade.ts';

// `ripple SUBCOMMAND …` (issue #14): one table of subcommands, each with its one-line summary
// for `ripple --help`, its own help text (`ripple NAME --help`) and what it runs. `ripple FILE`
// and every flag of `npm run simulate -- …` keep working: a first word that is no subcommand
// goes to the flag form (src/cli/args.ts). To add one (compare, grade, import), add a row:
//
//   { name: 'compare', summary: '…', help: COMPARE_HELP, run: (argv, io, cli) => compareCommand(argv, io, cli) }
//
// and throw UsageError (exit 1), InputError (exit 2) or CliError (exit 1) from src/cli/errors.ts.

/** What the flag form lends the subcommands (src/cli/main.ts): loading, running, checking. */
export interface CliContext {
  /** Runs a command of the flag form: `ripple link FILE` is `{ kind: 'link', … }`. */
  execute: (command: Command, io: CliIo) => Promise<void>;
  /** A preset or a JSON/YAML file through the gate; throws InputError / CliError. */
  loadScenario: (source: Source, io: CliIo) => Scenario;
  readText: (path: string, io: CliIo, hint?: string) => string;
  /** The `--base URL` checked as an absolute http(s) URL; throws CliError. */
  checkedBase: (base: string) => string;
  /** `RIPPLE_BASE_URL`, else the dev server's address. */
  defaultBase: (io: CliIo) => string;
}

export interface Subcommand {
  name: string;
  /** One line for `ripple --help`. */
  summary: string;
  /** The whole help text of `ripple NAME --help`. */
  help: string;
  /** Throws UsageError / InputError / CliError for the exit codes; returns when done. */
  run: (argv: readonly string[], io: CliIo, cli: CliContext) => Promise<void> | void;
}

/** The version in package.json, for `ripple --version`. */
// Imported as a module (as the presets are), so it works wherever the CLI's code is loaded,
// jsdom tests included, not only from a file: URL.
export const RIPPLE_VERSION: string = packageJson.version;

const EXIT_TEXT = `Exit status: 0 when the command did its work (whatever the run's outcome), 2 for invalid
input (every problem is printed to stderr as "path: message"), 1 for anything else.`;

const RUN_HELP = `ripple run FILE|--preset NAME [--json] [--replay EDITED_FILE] [--from ID,...]

Simulates the scenario and prints each step's outcome as a table (or the result JSON with
--json). FILE is a scenario as .json, .yaml or .yml; - reads standard input. "ripple FILE" is
the same command.

  --preset NAME     a built-in scenario instead of FILE (see "ripple presets")
  --json            print the result JSON instead of the table
  --replay EDITED   replay the run from its failed steps with the edited scenario EDITED
  --from ID,...     with --replay: the steps to replay from (default: every failed step)

${EXIT_TEXT}`;

const LINK_HELP = `ripple link FILE|--preset NAME [--base URL]

Prints a share link that opens the scenario in the app.

  --base URL   the app's address (default: $RIPPLE_BASE_URL, else http://localhost:5173/)

${EXIT_TEXT}`;

const DECODE_HELP = `ripple decode LINK|FILE|-

Prints the scenario a share link carries (JSON), or what is wrong with it. The link (a whole
address or its "r1." part) may be given as the argument, in a FILE, or on standard input (-)
when it is too long for a command line.

${EXIT_TEXT}`;

const EXPORT_HELP = `ripple export FILE|--preset NAME --format FORMAT [--out OUT] [--base URL]

Writes the run as the app's Import/Export menu does, byte for byte. FORMAT: webdav (207
Multi-Status XML), graph-batch ($batch response JSON), chrome-trace (Perfetto JSON) or svg
(the graph at the end of the run, with its share link; "ripple render" draws more), or the
scenario as another orchestrator's file whose run ends the same: github-actions (a workflow
skeleton), argo (a DAG Workflow) or airflow (a task list as Airflow's REST API returns it).

  --out OUT    write to the file OUT instead of standard output
  --base URL   with --format svg: the app's address for the link

${EXIT_TEXT}`;

const GRADE_HELP = `ripple grade FILE --answers ID=STATE[,...] [--json]

Grades predictions of each step's final state against the run of FILE (issue #12): the steps
its lesson's predict challenge names, else every step. STATE is a final state (succeeded,
failed, blocked, skipped, cancelled, compensated, compensation-failed, rolled-back) or 424 for
blocked; a step without an answer counts as wrong. --json prints { score, total, items }.
The same as "npm run simulate -- --grade FILE --answers ...".

${EXIT_TEXT}`;

/**
 * `ripple grade FILE --answers …` through the flag form's `runGrade` (src/cli/grade.ts): its
 * stderr is held and rethrown as the error of its exit code (2 → InputError, 1 → CliError), so
 * main.ts prints it once and exits with the same code as `--grade`.
 */
function gradeCommand(argv: readonly string[], io: CliIo): void {
  const file = argv[0];
  if (file === undefined || (file.startsWith('-') && file !== '-')) throw new UsageError('"ripple grade" needs a FILE first: ripple grade FILE --answers ID=STATE[,...]');
  let held = '';
  const code = runGrade(['--grade', file, ...argv.slice(1)], { ...io, stderr: (s) => void (held += s) });
  if (code === EXIT_OK) return;
  if (code === EXIT_INVALID) throw new InputError(held.trimEnd(), []);
  throw new CliError(held.replace(/^error: /, '').trimEnd());
}

const PRESETS_HELP = `ripple presets

Lists the built-in scenarios (their names go to --preset).`;

function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** A subcommand that is a mode of the flag form: its argv with the mode's flag put in front. */
function flagForm(name: string, kinds: readonly Command['kind'][], toFlags: (argv: readonly string[]) => string[]): Subcommand['run'] {
  return async (argv, io, cli) => {
    const command = parseCommand(toFlags(argv));
    if (!kinds.includes(command.kind)) throw new UsageError(`"ripple ${name}" does not take that flag (see "ripple ${name} --help")`);
    await cli.execute(command, io);
  };
}

const MODE_FLAGS = ['--link', '--decode', '--export', '--input', '--list-presets'];

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'run',
    summary: 'simulate a scenario and print the outcome (the default: "ripple FILE")',
    help: RUN_HELP,
    run: flagForm('run', ['simulate'], (argv) => {
      const mode = argv.find((a) => MODE_FLAGS.includes(a.split('=')[0]));
      if (mode !== undefined) throw new UsageError(`"ripple run" does not take ${mode.split('=')[0]} (see "ripple --help" for the subcommand that does)`);
      return [...argv];
    }),
  },
  { name: 'link', summary: 'print a share link for a scenario', help: LINK_HELP, run: flagForm('link', ['link'], (argv) => ['--link', ...argv]) },
  {
    name: 'decode',
    summary: 'print the scenario a share link carries',
    help: DECODE_HELP,
    run: flagForm('decode', ['decode'], (argv) => {
      if (argv.length !== 1) throw new UsageError(`"ripple decode" takes one LINK, FILE or -, got ${argv.length} arguments`);
      return [`--decode=${argv[0]}`];
    }),
  },
  {
    name: 'export',
    summary: 'write the run as WebDAV XML, a $batch response, a Chrome trace or an SVG',
    help: EXPORT_HELP,
    run: flagForm('export', ['export'], (argv) => {
      const flags = argv.map((a) => (a === '--format' ? '--export' : a.startsWith('--format=') ? `--export=${a.slice('--format='.length)}` : a));
      if (!flags.some((a) => a === '--export' || a.startsWith('--export='))) throw new UsageError('"ripple export" needs --format FORMAT (webdav, graph-batch, chrome-trace, svg, github-actions, argo or airflow)');
      return flags;
    }),
  },
  { name: 'compare', summary: 'run two scenarios of one graph and print the steps that differ', help: COMPARE_HELP, run: flagForm('compare', ['compare'], compareArgv) },
  { name: 'render', summary: 'draw the run as a static or animated SVG, or a PNG', help: RENDER_HELP, run: (argv, io, cli) => renderCommand(argv, io, cli) },
  { name: 'grade', summary: 'grade predictions of final states against the run of a scenario', help: GRADE_HELP, run: (argv, io) => gradeCommand(argv, io) },
  { name: 'presets', summary: 'list the built-in scenarios', help: PRESETS_HELP, run: flagForm('presets', ['list-presets'], (argv) => ['--list-presets', ...argv]) },
];

/** The row for a first argument, with `--help` handled; undefined when it names no subcommand. */
export function findSubcommand(word: string): Subcommand | undefined {
  const sub = SUBCOMMANDS.find((s) => s.name === word);
  if (!sub) return undefined;
  return {
    ...sub,
    run: (argv, io, cli) => {
      if (wantsHelp(argv)) {
        io.stdout(`${sub.help}\n`);
        return;
      }
      return sub.run(argv, io, cli);
    },
  };
}

/** `ripple --help`: the subcommands, one line each. */
export function mainHelp(): string {
  const width = Math.max(...SUBCOMMANDS.map((s) => s.name.length));
  return [
    'Ripple: simulate how HTTP 424 Failed Dependency spreads through dependent steps.',
    '',
    'Usage: ripple SUBCOMMAND [ARGS]   (npx ripple … from this repository, or npm run simulate -- …)',
    '',
    ...SUBCOMMANDS.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    '"ripple SUBCOMMAND --help" shows its options; "ripple --version" the version.',
  ].join('\n');
}
