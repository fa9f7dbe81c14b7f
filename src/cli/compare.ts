// `npm run simulate -- FILE_A --compare FILE_B [--json]` (issue #13): both scenarios run, then
// the steps that differ. main.ts loads the files and prints; this module decides what is said.
import { diffJson, diffRuns, summarizeDiff, summaryWithWhySame, type CompareStepSide, type StepDiff } from '../engine/compare.ts';
import { runScenario } from './run-scenario.ts';
import type { RunResult } from '../engine/types.ts';
import type { Problem, Scenario } from '../scenario/types.ts';

export type CompareOutput = { ok: true; text: string } | { ok: false; heading: string; problems: Problem[] };

/**
 * Where A's and B's step ids differ, one problem per id (`steps: "x" is in A only`); empty when
 * both hold the same ids. A comparison is of one graph under two choices (issue #13).
 */
export function stepIdProblems(a: Scenario, b: Scenario): Problem[] {
  const idsA = new Set(a.steps.map((s) => s.id));
  const idsB = new Set(b.steps.map((s) => s.id));
  const problems: Problem[] = [];
  for (const id of idsA) if (!idsB.has(id)) problems.push({ code: 'missing-step', path: 'steps', message: `"${id}" is in A only` });
  for (const id of idsB) if (!idsA.has(id)) problems.push({ code: 'missing-step', path: 'steps', message: `"${id}" is in B only` });
  return problems;
}

/**
 * Runs A and B and tells the difference: the JSON `{ a, b, diff }` with `json` (the diff in
 * issue #13's shape: only differing steps, each `{ a: { state, status, attempts }, b: … }`, and
 * the summary pairs), else a sentence and a table of differing steps. Different step ids are
 * `{ ok: false }` (exit 2), every difference named.
 */
export function compareOutput(a: Scenario, b: Scenario, json: boolean, names = { a: 'A', b: 'B' }): CompareOutput {
  const problems = stepIdProblems(a, b);
  if (problems.length > 0) return { ok: false, heading: `${names.a} and ${names.b} must have the same step ids:`, problems };
  const runA = runScenario(a, names.a);
  const runB = runScenario(b, names.b);
  const diff = diffRuns(runA, runB);
  if (json) return { ok: true, text: `${JSON.stringify({ a: runA, b: runB, diff: diffJson(diff) }, null, 2)}\n` };
  return { ok: true, text: formatCompareTable(a, runA, runB, diff.steps, summaryWithWhySame(summarizeDiff(diff), diff, a, runA, b), names) };
}

function cell(side: CompareStepSide | null, timing: [number | null, number | null] | null): string {
  if (!side) return '(none)';
  const time = timing && timing[0] !== null ? ` ${timing[0]}–${timing[1] ?? '?'} ms` : '';
  return `${side.state} ${side.status ?? '-'} ×${side.attempts}${time}`;
}

/**
 * ```
 * A: Shipping label: a naive retry loop (1600 ms)
 * B: Shipping label: graph-aware retries (1190 ms)
 * B avoided 2 answers of 424, made 2 more attempts, and finished 410 ms sooner.
 *
 * STEP                   A                        B                          DIFFERS
 * create-shipping-label  blocked 424 ×4 …         succeeded 200 ×2 …         state, status, attempts, timing
 * ```
 * Cells are `state status ×attempts start–end ms`.
 */
export function formatCompareTable(
  a: Scenario,
  runA: RunResult,
  runB: RunResult,
  steps: Record<string, StepDiff>,
  sentence: string,
  names: { a: string; b: string },
): string {
  const lines = [`A: ${names.a} (${runA.durationMs} ms)`, `B: ${names.b} (${runB.durationMs} ms)`, sentence, ''];
  const ids = Object.keys(steps);
  if (ids.length === 0) return `${lines.join('\n')}no step differs\n`;
  const rows = [['STEP', 'A', 'B', 'DIFFERS']];
  const order = new Map(a.steps.map((s, i) => [s.id, i]));
  ids.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  for (const id of ids) {
    const d = steps[id];
    rows.push([id, cell(d.a, d.timing.a), cell(d.b, d.timing.b), d.differs.join(', ')]);
  }
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) lines.push(row.map((text, c) => (c < 3 ? text.padEnd(widths[c]) : text)).join('  ').trimEnd());
  return `${lines.join('\n')}\n`;
}

export const COMPARE_HELP = `ripple compare FILE_A|--preset NAME FILE_B [--json]

Runs both scenarios of one graph (the same step ids) and prints the steps whose state, status,
attempts or timing differ, with the difference in a sentence. --json prints
{ "a": <result>, "b": <result>, "diff": { "steps": { "<id>": { "a": { "state", "status",
"attempts" }, "b": { … } } }, "summary": { "blocked": [a, b], "attemptsTotal": [a, b],
"durationMs": [a, b], "compensated": [a, b] } } }. "ripple FILE_A --compare FILE_B" is the same.

Exit status: 0 when both ran, 2 for invalid input or different step ids (each difference is
printed to stderr), 1 for anything else.`;

/**
 * `ripple compare A B [--json]` in the flag form: `['A', '--compare', 'B', '--json']`. B is the
 * last positional argument (after A, or after `--preset NAME`); a `--compare B` given as a flag
 * is kept as it is.
 */
export function compareArgv(argv: readonly string[]): string[] {
  if (argv.some((a) => a === '--compare' || a.startsWith('--compare='))) return [...argv];
  const positionals = argv.flatMap((a, i) => (!a.startsWith('-') && argv[i - 1] !== '--preset' ? [i] : []));
  const last = positionals.at(-1);
  if (last === undefined) return [...argv];
  return [...argv.slice(0, last), ...argv.slice(last + 1), '--compare', argv[last]];
}
