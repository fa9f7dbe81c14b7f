// `npm run simulate -- --grade FILE --answers ID=STATE[,…] [--json]` (issue #12): grades
// predictions of final states against the run of FILE, so the grading rules are testable (and
// usable in docs and CI) without a browser. Exit 0 when graded (whatever the score), 2 for
// invalid input (the scenario, an unknown step id or state), 1 for a usage error.
import { parseArgs } from 'node:util';
import { gradePredictions, stateWords, type Grade } from '../engine/grade.ts';
import { runScenario } from './run-scenario.ts';
import { validateLessonScenario } from '../lessons/lesson-gate.ts';
import { PREDICTABLE_STATES, predictedSteps, type PredictableState } from '../scenario/lesson.ts';
import { openScenario } from '../scenario/open-scenario.ts';
import { Suggester, didYouMean, quote } from '../scenario/text.ts';
import { problemLines } from '../scenario/problem-groups.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import type { CliIo } from './main.ts';

export const GRADE_USAGE = `Usage:
  npm run simulate -- --grade FILE --answers ID=STATE[,...] [--json]

Grades predictions of each step's final state against the run of FILE: the steps its
lesson's predict challenge names, else every step. STATE is one of
${PREDICTABLE_STATES.join(', ')}, or 424 for blocked.
A step without an answer counts as wrong. --json prints { score, total, items }.
Exit status: 0 when graded, 2 for an invalid FILE or an unknown step id or state, 1 for usage.`;

const OPTIONS = {
  grade: { type: 'string' },
  answers: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/** True when `argv` asks for grading: main.ts hands such a command line to `runGrade`. */
export function isGradeCommand(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--grade' || a.startsWith('--grade='));
}

/** Runs `--grade`; resolves to the exit code. Output and files through `io`, as main.ts. */
export function runGrade(argv: readonly string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n${GRADE_USAGE}\n`);
    return 1;
  }
  const file = values.grade!;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`error: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const opened = openLesson(text);
  if (!opened.ok) return invalid(io, `${file}: ${opened.message}`, opened.problems);
  const { scenario } = opened;
  const answers = parseAnswers(values.answers ?? [], scenario);
  if (!answers.ok) return invalid(io, 'invalid --answers:', answers.problems);
  const grade = gradePredictions(scenario, runScenario(scenario, file), answers.value);
  io.stdout(values.json ? `${JSON.stringify(grade, null, 2)}\n` : formatGrade(grade));
  return 0;
}

function invalid(io: CliIo, heading: string, problems: readonly Problem[]): number {
  io.stderr(`${heading}\n`);
  for (const line of problemLines(problems)) io.stderr(`${line}\n`);
  return 2;
}

/** JSON with a `lesson` block goes through the lesson gate; anything else opens as any scenario. */
function openLesson(text: string): { ok: true; scenario: Scenario } | { ok: false; message: string; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (typeof raw === 'object' && raw !== null && Object.prototype.hasOwnProperty.call(raw, 'lesson')) {
    const checked = validateLessonScenario(raw);
    return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, message: 'not a valid lesson scenario:', problems: checked.problems };
  }
  const opened = openScenario(text);
  return opened.ok ? { ok: true, scenario: opened.scenario } : { ok: false, message: opened.message, problems: opened.problems };
}

/**
 * `['a=succeeded,b=424']` → Map { a → succeeded, b → blocked }. Every bad entry is a problem:
 * not `ID=STATE`, an id that is no step of the scenario, an unknown state, an id given twice.
 */
export function parseAnswers(
  entries: readonly string[],
  scenario: Scenario,
): { ok: true; value: Map<string, PredictableState> } | { ok: false; problems: Problem[] } {
  const ids = scenario.steps.map((s) => s.id);
  const known = new Set(ids);
  const idSuggester = new Suggester(ids);
  const stateSuggester = new Suggester([...PREDICTABLE_STATES]);
  const asked = new Set(predictedSteps(scenario.lesson?.challenges.find((c) => c.kind === 'predict'), ids));
  const answers = new Map<string, PredictableState>();
  const problems: Problem[] = [];
  for (const entry of entries.flatMap((e) => e.split(',')).map((e) => e.trim()).filter((e) => e !== '')) {
    const path = `--answers ${entry}`;
    const eq = entry.lastIndexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      problems.push({ code: 'wrong-type', path, message: 'expected ID=STATE, e.g. create-invoice=424' });
      continue;
    }
    const id = entry.slice(0, eq);
    const word = entry.slice(eq + 1);
    const state: PredictableState | undefined = word === '424' ? 'blocked' : PREDICTABLE_STATES.find((s) => s === word);
    if (!known.has(id)) problems.push({ code: 'missing-step', path, message: `no step ${quote(id)}${didYouMean(idSuggester.suggest(id))}` });
    else if (!asked.has(id)) problems.push({ code: 'ignored', path, message: `step ${quote(id)} is not among the steps this lesson asks about: ${[...asked].join(', ')}` });
    if (state === undefined) {
      problems.push({ code: 'wrong-type', path, message: `unknown state ${quote(word)}${didYouMean(stateSuggester.suggest(word))}; states: ${PREDICTABLE_STATES.join(', ')}, or 424` });
    } else if (answers.has(id)) {
      problems.push({ code: 'conflicting-fields', path, message: `step ${quote(id)} already has an answer (${answers.get(id)})` });
    } else if (known.has(id)) answers.set(id, state);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: answers };
}

/** The grade as a table for people: one line per step, ✓ or ✗, and the why of every miss. */
export function formatGrade(grade: Grade): string {
  const width = Math.max(4, ...grade.items.map((i) => i.step.length));
  const lines = [`Score: ${grade.score} of ${grade.total}`, ''];
  for (const item of grade.items) {
    const mark = item.correct ? '✓' : '✗';
    const predicted = item.predicted === null ? 'no answer' : stateWords(item.predicted);
    lines.push(`${mark} ${item.step.padEnd(width)}  predicted ${predicted}, was ${stateWords(item.actual)}`);
    if (!item.correct) lines.push(`  ${' '.repeat(width)}  why: ${item.why} (rule ${item.rule})`);
  }
  return `${lines.join('\n')}\n`;
}
