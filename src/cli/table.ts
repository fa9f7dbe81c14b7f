import { explain, reasonPhrase, type StepNamer } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import { namerOf } from '../scenario/step-names.ts';
import type { Scenario } from '../scenario/types.ts';

// The CLI's default output: a heading with the outcome, one row per step (step, state,
// status, why) in scenario order, then lint warnings. Plain text, no colour, so it reads the
// same in a terminal, a CI log and a test snapshot. The STEP column holds ids (what a script
// greps and `--json` keys by); the WHY column is for people and names steps by their labels.

/**
 * ```
 * Order pipeline: payment declined
 * outcome: failed (207 Multi-Status), 200 ms
 *
 * STEP               STATE      STATUS  WHY
 * authorize-payment  failed     402     Authorize payment failed: 402 Payment Required …
 * ```
 */
export function formatRunTable(scenario: Scenario, result: RunResult, prefix = ''): string {
  const name = namerOf(scenario);
  const lines: string[] = [];
  lines.push(`${prefix}${oneLine(scenario.title)}`);
  lines.push(`outcome: ${result.outcome} (${result.httpStatus} ${reasonPhrase(result.httpStatus)}), ${result.durationMs} ms`);
  // A run stopped at its work budget (src/engine/budget.ts) says so before anything else.
  if (result.stopped) lines.push(`stopped: ${oneLine(result.stopped.message)}`);
  if (result.compensationOrder.length) lines.push(`compensated in order: ${result.compensationOrder.join(', ')}`);
  if (result.uncompensated.length) lines.push(`uncompensated: ${result.uncompensated.join(', ')}`);
  lines.push('');

  const rows: string[][] = [['STEP', 'STATE', 'STATUS', 'WHY']];
  for (const step of scenario.steps) {
    const r = result.steps[step.id];
    if (!r) continue;
    const status = r.status === null ? '-' : String(r.status);
    const reused = r.reused ? ' (reused)' : '';
    rows.push([step.id, `${r.state}${reused}`, status, oneLine(whyCell(result, step.id, name))]);
  }
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    lines.push(
      row
        .map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell))
        .join('  ')
        .trimEnd(),
    );
  }
  if (result.lint.length) {
    lines.push('');
    for (const w of result.lint) lines.push(`lint: ${w.path}: ${oneLine(w.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The WHY cell: `explain`'s causal chain, steps named by `name`, root cause last. A row shows
 * the step's own sentence and the root cause's; the links in between are in `--json` and in
 * the app. Empty for a step that succeeded.
 */
export function whyCell(result: RunResult, id: string, name: StepNamer): string {
  const state = result.steps[id]?.state;
  if (state === undefined || state === 'succeeded') return '';
  const chain = explain(result, id, name);
  return chain.length > 2 ? `${chain[0]} … ${chain[chain.length - 1]}` : chain.join(' ');
}

/** Scenario text may hold newlines or control characters; a table row must stay one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
