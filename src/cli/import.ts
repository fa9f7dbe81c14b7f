// The CLI's dialect commands (issue #11):
//
//   npm run simulate -- --input github-actions|argo|airflow-tasks|step-functions|odata-multipart|graph-batch FILE
//                       [--fail ID[=STATUS][,…]] [--context K=V[,…]] [--dialect NAME] [--json]
//   npm run simulate -- FILE|--preset NAME --dialect NAME [--json]
//
// main.ts hands an invocation here when `isDialectInvocation(argv)` (an `--input` other than
// the older `graph-batch` response mode, or any `--dialect`). The import's warnings go to
// stderr one line per note (`warning: FILE: path: message`, or a note about several tasks
// once, naming them: problem-groups.ts `problemLines`); the run is printed as a table of each step's state
// in the dialect's words, or with `--json` as the result JSON plus `"dialect": { name, steps,
// conclusion }`. Exit codes as main.ts: 0 ran, 2 invalid input, 1 anything else.
import { parseArgs } from 'node:util';
import { simulate, type SimulateOptions } from '../engine/simulate.ts';
import type { DialectConditions } from '../engine/dialect-conditions.ts';
import { compileScenarioConditions } from '../scenario/dialects/scenario-conditions.ts';
import { dialectView, dialectViewOptions } from '../engine/dialect.ts';
import { findPreset, PRESETS } from '../presets/index.ts';
import { importDialect, INPUT_FORMATS, DIALECT_OF, type InputFormat } from '../scenario/dialects/index.ts';
import { openScenario } from '../scenario/open-scenario.ts';
import { problemLines } from '../scenario/problem-groups.ts';
import { DIALECT_NAMES, type DialectName, type Problem, type Scenario } from '../scenario/types.ts';
import type { CliIo } from './main.ts';

export const IMPORT_USAGE = `Dialects (issue #11):
  npm run simulate -- --input FORMAT FILE [--fail ID[=STATUS],...] [--context K=V,...] [--dialect NAME] [--json]
  npm run simulate -- FILE|--preset NAME --dialect NAME [--json]

  --input FORMAT   ${INPUT_FORMATS.join(' | ')}
  --fail ID=STATUS make step ID (a job id, task name, task_id or state name) fail with STATUS
                   (400-599, not 424; default 500); repeat the flag or separate with commas
  --context K=V    GitHub contexts the simulation cannot know (github.ref, github.event_name,
                   inputs.NAME); defaults: a push to refs/heads/main
  --dialect NAME   tell the run in ${DIALECT_NAMES.join(', ')} (an import opens in its own)
  --json           the result JSON with "dialect": { "name", "steps", "conclusion" }`;

const OPTIONS = {
  input: { type: 'string' },
  preset: { type: 'string' },
  fail: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  dialect: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Whether main.ts should hand `argv` to `runDialect` (the one hook main.ts calls). */
export function isDialectInvocation(argv: readonly string[]): boolean {
  const i = argv.findIndex((a) => a === '--input' || a.startsWith('--input='));
  const input = i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  if (input !== undefined && input !== 'graph-batch') return true;
  return argv.some((a) => a === '--dialect' || a.startsWith('--dialect=') || a === '--context' || a.startsWith('--context='));
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Runs a dialect invocation; resolves to the exit code. Never throws. */
export async function runDialect(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await execute(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      io.stderr(`${error.code === 1 ? 'error: ' : ''}${error.message}\n`);
      for (const line of problemLines(error.problems.filter((p) => !error.message.includes(p.message)))) io.stderr(`${line}\n`);
      if (error.code === 1) io.stderr(`\n${IMPORT_USAGE}\n`);
      return error.code;
    }
    io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

async function execute(argv: readonly string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Refusal(error instanceof Error ? error.message : String(error), 1);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new Refusal(`expected one FILE, got ${positionals.length}: ${positionals.join(' ')}`, 1);
  const file = positionals[0];
  let dialect: DialectName | undefined;
  if (v.dialect !== undefined) {
    dialect = DIALECT_NAMES.find((d) => d === v.dialect);
    if (!dialect) throw new Refusal(`--dialect: unknown name "${v.dialect}" (names: ${DIALECT_NAMES.join(', ')})`, 1);
  }
  const context = pairs(v.context ?? [], '--context');

  let scenario: Scenario;
  // GitHub's status functions see every ancestor: the import's exact conditions decide its jobs.
  let simulateOptions: SimulateOptions = {};
  let label = file ?? v.preset ?? '';
  if (v.input !== undefined) {
    const format = INPUT_FORMATS.find((f) => f === v.input) as InputFormat | undefined;
    if (!format) throw new Refusal(`--input: unknown format "${v.input}" (formats: ${INPUT_FORMATS.join(', ')})`, 1);
    if (v.preset !== undefined) throw new Refusal(`--input ${format} reads a FILE, not a --preset`, 1);
    if (file === undefined) throw new Refusal(`--input ${format} needs the FILE to import`, 1);
    if (context.size > 0 && format !== 'github-actions') throw new Refusal('--context only goes with --input github-actions', 1);
    const imported = await importDialect(read(file, io), format, { context, fileName: file });
    if (!imported.ok) throw new Refusal(`${file}: ${imported.message}`, 2, imported.problems);
    // One line per note, as the app lists them: a note about seven tasks is one line naming them.
    for (const line of problemLines(imported.warnings)) io.stderr(`warning: ${file}: ${line}\n`);
    scenario = imported.scenario;
    dialect ??= DIALECT_OF[format];
    const extras = imported.extras as Record<string, unknown> | undefined;
    if (extras && extras.conditions instanceof Map) {
      const texts = extras.ifs instanceof Map ? (extras.ifs as Map<string, string>) : undefined;
      simulateOptions = { dialectConditions: extras.conditions as DialectConditions, dialectConditionText: (id) => texts?.get(id) };
    }
  } else {
    if (context.size > 0) throw new Refusal('--context only goes with --input github-actions', 1);
    if (file !== undefined && v.preset !== undefined) throw new Refusal('give either FILE or --preset NAME, not both', 1);
    if (v.preset !== undefined) {
      const preset = findPreset(v.preset);
      if (!preset) throw new Refusal(`unknown preset "${v.preset}" (presets: ${PRESETS.map((p) => p.name).join(', ')})`, 1);
      scenario = preset.scenario;
    } else if (file !== undefined) {
      const opened = openScenario(read(file, io));
      if (!opened.ok) throw new Refusal(`${file}: ${opened.message}`, 2, opened.problems);
      scenario = opened.scenario;
    } else throw new Refusal('no scenario: give a FILE, --preset NAME or --input FORMAT FILE', 1);
    label = file ?? v.preset ?? '';
    // A saved GitHub Actions scenario carries its jobs' ifs: they decide its jobs as on import.
    const compiled = compileScenarioConditions(scenario);
    if (!compiled.ok) throw new Refusal(`${label}: an if GitHub would refuse`, 2, compiled.problems);
    simulateOptions = compiled.options;
  }
  dialect ??= scenario.dialect ?? 'http';
  scenario = withFailures(scenario, v.fail ?? []);
  const result = simulate(scenario, simulateOptions);
  // continue-on-error, continueOn, Catch and Fail states travel in the scenario (its steps' flags).
  const view = dialectView(result, dialect, dialectViewOptions(scenario));
  if (v.json) {
    io.stdout(`${JSON.stringify({ ...result, dialect: view }, null, 2)}\n`);
    return;
  }
  const ids = Object.keys(view.steps);
  const width = Math.max(4, ...ids.map((id) => id.length));
  const lines = [`${label} in ${dialect} words`, `${'step'.padEnd(width)}  state`];
  for (const id of ids) lines.push(`${id.padEnd(width)}  ${view.steps[id].state}`);
  lines.push(`conclusion: ${view.conclusion}`);
  io.stdout(`${lines.join('\n')}\n`);
}

function read(path: string, io: CliIo): string {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new Refusal(`cannot read ${path === '-' ? 'standard input' : path}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

/** `['a=1,b=2', 'c=3']` → Map { a → 1, b → 2, c → 3 }. */
function pairs(values: readonly string[], flag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of values.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new Refusal(`${flag} ${entry}: expected K=V, e.g. github.ref=refs/tags/v1`, 1);
    map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

/**
 * Applies `--fail ID[=STATUS]` to the steps: ID is a step id or a step's label (the source's
 * own name when it had to be renamed); STATUS 400–599 but not 424, default 500. Every bad
 * entry is reported at once (exit 2).
 */
export function withFailures(scenario: Scenario, entries: readonly string[]): Scenario {
  const problems: Problem[] = [];
  const fails = new Map<string, number>();
  const byName = new Map<string, string>();
  for (const s of scenario.steps) {
    byName.set(s.id, s.id);
    if (s.label !== undefined && !byName.has(s.label)) byName.set(s.label, s.id);
  }
  for (const entry of entries.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '')) {
    const path = `--fail ${entry}`;
    const m = /^(.+?)(?:=(\d{3}))?$/.exec(entry) as RegExpExecArray;
    const id = byName.get(m[1]);
    const status = m[2] === undefined ? 500 : Number(m[2]);
    if (id === undefined) problems.push({ code: 'missing-step', path, message: `no step "${m[1]}" (steps: ${scenario.steps.map((s) => s.id).join(', ')})` });
    else if (status === 424) problems.push({ code: 'reserved-status', path, message: '424 is what dependents answer; give the root failure its own status (400–599)' });
    else if (status < 400 || status > 599) problems.push({ code: 'out-of-range', path, message: `a failing step answers 400–599, not ${status}` });
    else if (fails.has(id)) problems.push({ code: 'conflicting-fields', path, message: `step "${id}" is already set to fail with ${fails.get(id)}` });
    else fails.set(id, status);
  }
  if (problems.length > 0) throw new Refusal('invalid --fail:', 2, problems);
  if (fails.size === 0) return scenario;
  return { ...scenario, steps: scenario.steps.map((s) => (fails.has(s.id) ? { ...s, fail: { status: fails.get(s.id) as number } } : s)) };
}
