#!/usr/bin/env node
// The command-line front end to the engine: `npm run simulate -- …` (issue #2 §6, issue #4 §4).
// `run(argv, io)` does everything and returns the exit code, so tests call it in-process;
// the last lines make this file runnable with tsx.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplayPlan } from '../engine/types.ts';
import { exportFile } from '../export/export-file.ts';
import { DIALECT_EXPORTS } from '../export/dialects/index.ts';
import { toGraphBatchResponse, type BatchRequestRef } from '../export/graph-batch-response.ts';
import { findPreset, PRESETS } from '../presets/index.ts';
import { importGraphBatch } from '../scenario/graph-batch.ts';
import { buildShareUrl, decodeScenarioLink, parseShareUrl } from '../scenario/link-codec.ts';
import { MAX_LINK_CHARS } from '../scenario/limits.ts';
import { openScenario } from '../scenario/open-scenario.ts';
import { formatProblem } from '../scenario/text.ts';
import { problemLines } from '../scenario/problem-groups.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import { validate } from '../scenario/validate.ts';
import { parseCommand, UsageError, USAGE, type Command, type Source } from './args.ts';
import { isGradeCommand, runGrade } from './grade.ts';
import { CliError, EXIT_ERROR, EXIT_INVALID, EXIT_OK, InputError } from './errors.ts';
import { findSubcommand, mainHelp, RIPPLE_VERSION, type CliContext } from './subcommands.ts';
import { formatRunTable } from './table.ts';
import { compareOutput } from './compare.ts';
import { replayScenario, runScenario } from './run-scenario.ts';
import { withoutAutoPositions } from '../store/auto-positions.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a whole text file; `-` is standard input. Throws like `fs.readFileSync`. */
  readFile: (path: string) => string;
  /** Writes a whole text file (UTF-8), replacing it. Throws like `fs.writeFileSync`. */
  writeFile: (path: string, text: string) => void;
  /** Writes a whole binary file (`ripple render --format png`), replacing it. Throws like `fs.writeFileSync`. */
  writeBytes?: (path: string, bytes: Uint8Array) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Where `--link` points when neither `--base` nor `RIPPLE_BASE_URL` says otherwise: `npm run dev`. */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

export { EXIT_ERROR, EXIT_INVALID, EXIT_OK } from './errors.ts';

/**
 * Runs one CLI invocation. `run(['--preset', 'payment-fails'], io)` prints the table to
 * `io.stdout` and resolves to 0; invalid input resolves to 2, other errors to 1.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (isGradeCommand(argv)) return runGrade(argv, io);
  if (!findSubcommand(argv[0] ?? '') && argv.some((a) => /^--(input|dialect|context)\b/.test(a))) {
    const dialects = await import('./import.ts'); // issue #11: heavy importers load only when asked
    if (dialects.isDialectInvocation(argv)) return dialects.runDialect(argv, io);
  }
  try {
    // `ripple SUBCOMMAND …`; anything else is today's flag form (`ripple FILE`, `--link`, …).
    const sub = argv.length > 0 ? findSubcommand(argv[0]) : undefined;
    if (sub) {
      await sub.run(argv.slice(1), io, context);
      return EXIT_OK;
    }
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      io.stdout(`${RIPPLE_VERSION}\n`);
      return EXIT_OK;
    }
    const command = parseCommand(argv);
    await execute(command, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.heading}\n`);
      // A problem the heading already states (`This is not JSON: …` under the same sentence,
      // `version: made by a newer Ripple …`) is not printed a second time.
      for (const line of problemLines(error.problems.filter((p) => !error.heading.includes(p.message)))) io.stderr(`${line}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\nRun with --help for usage.\n`);
      return EXIT_ERROR;
    }
    if (error instanceof CliError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}

async function execute(command: Command, io: CliIo): Promise<void> {
  switch (command.kind) {
    case 'help':
      io.stdout(`${mainHelp()}\n\nThe flag form, which \`npm run simulate --\` takes too:\n\n${USAGE.replace(/^[^\n]*\n\n/, '')}\n`);
      return;
    case 'list-presets':
      listPresets(io);
      return;
    case 'simulate':
      simulateCommand(command, io);
      return;
    case 'link':
      linkCommand(command, io);
      return;
    case 'decode':
      decodeCommand(command.input.kind === 'link' ? command.input.link : readText(command.input.path, io, DECODE_HINT), io);
      return;
    case 'export':
      exportCommand(command, io);
      return;
    case 'graph-batch':
      graphBatchCommand(command, io);
      return;
    case 'compare': {
      const name = command.source.kind === 'file' ? command.source.path : command.source.name;
      const b = loadScenario({ kind: 'file', path: command.compare }, io);
      const out = compareOutput(loadScenario(command.source, io), b, command.json, { a: name, b: command.compare });
      if (!out.ok) throw new InputError(out.heading, out.problems);
      io.stdout(out.text);
      return;
    }
  }
}

function listPresets(io: CliIo): void {
  const width = Math.max(...PRESETS.map((p) => p.name.length));
  for (const p of PRESETS) io.stdout(`${p.name.padEnd(width)}  ${p.description}\n`);
}

function simulateCommand(command: Extract<Command, { kind: 'simulate' }>, io: CliIo): void {
  const scenario = loadScenario(command.source, io);
  const result = runScenario(scenario);
  if (!command.replay) {
    io.stdout(command.json ? json(result) : formatRunTable(scenario, result));
    return;
  }
  const edited = loadScenario({ kind: 'file', path: command.replay.file }, io);
  const from = command.replay.from;
  const replayed = replayScenario(edited, result, from, command.replay.file);
  if (!replayed.ok) throw new InputError(`cannot replay with ${command.replay.file}:`, replayed.error);
  const { plan, run: replayRun } = replayed.value;
  if (command.json) {
    io.stdout(json({ run: result, replay: { plan, run: replayRun } }));
    return;
  }
  io.stdout(formatRunTable(scenario, result));
  io.stdout(`\n${formatPlan(plan)}\n`);
  io.stdout(formatRunTable(edited, replayRun, 'Replay: '));
}

function formatPlan(plan: ReplayPlan): string {
  const list = (ids: string[]) => (ids.length ? ids.join(', ') : '(none)');
  const lines = [`Replay from: ${list(plan.from)}`, `  rerun: ${list(plan.rerun)}`, `  keep:  ${list(plan.keep)}`];
  for (const w of plan.warnings) lines.push(`  warning: ${formatProblem(w)}`);
  return `${lines.join('\n')}\n`;
}

function linkCommand(command: Extract<Command, { kind: 'link' }>, io: CliIo): void {
  const scenario = loadScenario(command.source, io);
  const base = checkedBase(command.base ?? io.env?.RIPPLE_BASE_URL ?? DEFAULT_BASE_URL);
  // As the app's links: positions the built-in layout gives anyway are left out (store/auto-positions.ts).
  io.stdout(`${buildShareUrl(base, withoutAutoPositions(scenario))}\n`);
}

function checkedBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new CliError(`--base: not an absolute URL: ${base}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--base: expected an http or https URL, got ${base}`);
  return base;
}

/** A bare word that is no file was most likely meant as a link. */
const DECODE_HINT = 'a link is a whole address with "#r1.…" or its "r1.…" part';

function decodeCommand(text: string, io: CliIo): void {
  const link = text.trim();
  const decoded = link.includes('#') ? parseShareUrl(link) : decodeScenarioLink(link);
  if (!decoded.ok) {
    const { message, problems } = decoded.error;
    throw new InputError(message, problems ?? []);
  }
  for (const line of problemLines(decoded.warnings)) io.stderr(`warning: ${line}\n`);
  io.stdout(json(decoded.scenario));
}

/**
 * `--export KIND`: the bytes of `exportFile`, the function behind the app's Import/Export
 * menu, to standard output or `--out`. The SVG draws the run at its end and carries a share
 * link at that moment, as the app's export does after a run.
 */
function exportCommand(command: Extract<Command, { kind: 'export' }>, io: CliIo): void {
  const scenario = loadScenario(command.source, io);
  if (command.format === 'github-actions' || command.format === 'argo' || command.format === 'airflow' || command.format === 'airflow-dag') {
    // Issue #11's export back: a file the orchestrator reads, whose simulation ends as this one.
    const exported = DIALECT_EXPORTS[command.format].write(scenario);
    if (!exported.ok) throw new CliError(`cannot export as ${command.format}: ${exported.message}`);
    for (const w of exported.warnings) io.stderr(`warning: ${w}\n`);
    writeOut(command.out, exported.text, io);
    return;
  }
  const run = runScenario(scenario);
  let link: string | undefined;
  if (command.format === 'svg') {
    const base = checkedBase(command.base ?? io.env?.RIPPLE_BASE_URL ?? DEFAULT_BASE_URL);
    const url = buildShareUrl(base, withoutAutoPositions(scenario), { at: run.durationMs });
    // The app leaves out a link longer than its gate opens; so does the CLI.
    if (url.length - url.indexOf('#') - 1 <= MAX_LINK_CHARS) link = url;
    else io.stderr('warning: the scenario is too large for a link; the SVG carries none\n');
  }
  const file = exportFile(command.format, { scenario, run, ...(link !== undefined ? { link } : {}) });
  writeOut(command.out, file.text, io);
}

/** `text` to standard output, or to the file `out`. Throws `CliError` when the file cannot be written. */
function writeOut(out: string | undefined, text: string, io: CliIo): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    io.writeFile(out, text);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function graphBatchCommand(command: Extract<Command, { kind: 'graph-batch' }>, io: CliIo): void {
  const text = readText(command.file, io);
  const imported = importGraphBatch(text);
  if (!imported.ok) throw new InputError(`${command.file}: ${imported.message}`, imported.problems);
  for (const line of problemLines(imported.warnings)) io.stderr(`warning: ${command.file}: ${line}\n`);
  const scenario = withFailures(imported.scenario, command.fail, imported.requests);
  const result = runScenario(scenario);
  io.stdout(json(toGraphBatchResponse(result, scenario, imported.requests)));
}

/**
 * Applies `--fail ID=STATUS` (ID: the batch's request id) to the imported batch; every bad
 * entry is reported at once.
 */
export function withFailures(scenario: Scenario, entries: readonly string[], requests: readonly BatchRequestRef[]): Scenario {
  const problems: Problem[] = [];
  const stepOf = new Map(requests.map((r) => [r.requestId, r.stepId]));
  const ids = requests.map((r) => r.requestId);
  const fails = new Map<string, number>();
  for (const entry of entries) {
    const path = `--fail ${entry}`;
    const match = /^([^=]+)=(\d{3})$/.exec(entry);
    if (!match) {
      problems.push({ code: 'wrong-type', path, message: 'expected ID=STATUS, e.g. 2=409' });
      continue;
    }
    const [, requestId, digits] = match;
    const id = stepOf.get(requestId) ?? '';
    const status = Number(digits);
    if (!stepOf.has(requestId)) problems.push({ code: 'missing-step', path, message: `no request with id "${requestId}" in the batch (ids: ${ids.join(', ')})` });
    else if (status === 424) problems.push({ code: 'reserved-status', path, message: '424 is what dependents answer; give the root failure its own status (400–599)' });
    else if (status < 400 || status > 599) problems.push({ code: 'out-of-range', path, message: `a failing request answers 400–599, not ${status}` });
    else if (fails.has(id)) problems.push({ code: 'conflicting-fields', path, message: `request "${requestId}" is already set to fail with ${fails.get(id)}` });
    else fails.set(id, status);
  }
  if (problems.length) throw new InputError('invalid --fail:', problems);
  const failed: Scenario = {
    ...scenario,
    steps: scenario.steps.map((s) => (fails.has(s.id) ? { ...s, fail: { status: fails.get(s.id)! } } : s)),
  };
  const checked = validate(failed);
  if (!checked.ok) throw new InputError('the batch with its failures is not a valid scenario:', checked.problems);
  return checked.scenario;
}

/** What the subcommands share with the flag form (src/cli/subcommands.ts). */
const context: CliContext = { execute, loadScenario, readText, checkedBase, defaultBase: (io) => io.env?.RIPPLE_BASE_URL ?? DEFAULT_BASE_URL };

function loadScenario(source: Source, io: CliIo): Scenario {
  if (source.kind === 'preset') {
    const preset = findPreset(source.name);
    if (!preset) throw new CliError(`unknown preset "${source.name}" (presets: ${PRESETS.map((p) => p.name).join(', ')})`);
    return preset.scenario;
  }
  // `.yaml`/`.yml` (or a first line like `version: 2`) is read as YAML; anything else as JSON.
  const opened = openScenario(readText(source.path, io), { name: source.path });
  if (!opened.ok) throw new InputError(`${source.path}: ${opened.message}`, opened.problems);
  for (const line of problemLines(opened.warnings)) io.stderr(`warning: ${source.path}: ${line}\n`);
  return opened.scenario;
}

function readText(path: string, io: CliIo, hint?: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot read ${path === '-' ? 'standard input' : path}: ${reason}${hint !== undefined && path !== '-' ? ` (${hint})` : ''}`);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The real process: files from disk, `-` from standard input, output to the terminal. */
export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  writeBytes: (path, bytes) => writeFileSync(path, bytes),
  env: process.env,
};

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** Runs the CLI as the real process (this file under tsx, or bin/ripple.mjs) and sets its exit code. */
export async function runProcess(argv: readonly string[]): Promise<void> {
  // `… | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(argv, nodeIo);
}

if (isEntryPoint()) void runProcess(process.argv.slice(2));
