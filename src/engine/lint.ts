// R7: warnings found by reading the scenario, without running it.
import type { Scenario } from '../scenario/types.ts';
import { markReachable } from '../scenario/graph-algorithms.ts';
import { DEFAULT_RETRY } from '../scenario/defaults.ts';
import { buildGraph, SUCCESS, type Graph } from './graph.ts';
import type { LintWarning } from './types.ts';
import { evaluateWhen, WHEN_RESULTS, type WhenOutcome } from '../scenario/when.ts';
import { quote } from '../scenario/text.ts';

/**
 * A step as its messages name it: its label (else its id) in quotes, as the app's other
 * messages do (src/scenario/edits.ts, validate.ts `quote`): `"Create invoice"`. The warning's
 * `step` and `path` keep the id for whatever reads them as data.
 */
function named(step: Scenario['steps'][number]): string {
  return quote(step.label ?? step.id);
}

/**
 * Warns about step-order bugs a run may or may not show, each message naming steps by their
 * label in quotes (the id when a step has none) and starting with the step it is about, so a
 * list shows the message alone (src/panels/LintList.tsx):
 * - `artifact-unproduced`: a step consumes an artifact no step produces;
 * - `artifact-race`: it is produced only by steps that are not ancestors of the consumer through
 *   `success` dependencies, so "publish may run before validate completes" (the seeds'
 *   publish-before-validation bug);
 * - `retry-not-idempotent`: a step that is not idempotent has retries;
 * - `when-never-true` / `when-always-true` (R14): a run condition that no combination of its
 *   prerequisites' outcomes makes true (the step never runs) or false (the condition says
 *   nothing). Every combination of the five outcomes of the prerequisites it mentions is tried,
 *   for conditions that mention at most WHEN_LINT_MAX_PREREQUISITES of them (5^6 = 15,625
 *   evaluations); longer ones are not checked.
 *
 * @example
 * lint(scenario) // → [{ code: 'artifact-race', step: 'publish', path: 'steps[2].consumes[0]',
 *                //      message: '"Publish" may run before "Validate" completes: …' }]
 */
export function lint(scenario: Scenario): LintWarning[] {
  return lintGraph(scenario, buildGraph(scenario));
}

export function lintGraph(scenario: Scenario, g: Graph): LintWarning[] {
  const steps = scenario.steps;
  const warnings: LintWarning[] = [];
  // Producers of each artifact that has a consumer.
  let producers: Map<string, number[]> | null = null;
  // One pass over the step objects finds both whether any step consumes an artifact and the
  // steps that are not idempotent (their retry warnings come after the artifact warnings): at
  // 100,000 steps each pass over the scenario's objects is memory traffic (issue #15).
  const notIdempotent: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const c = s.consumes;
    if (producers === null && c !== undefined && c.length > 0) producers = new Map();
    if (s.idempotent === false) notIdempotent.push(i);
  }
  if (producers !== null) {
    for (let i = 0; i < steps.length; i++) {
      for (const x of steps[i].produces ?? []) {
        const list = producers.get(x);
        if (list === undefined) producers.set(x, [i]);
        else list.push(i);
      }
    }
    // One walk per consumed artifact: every step downstream of a producer through `success`
    // dependencies is safe. Linear in the graph for each artifact, never per consumer.
    const safe = new Map<string, Uint8Array>();
    for (let i = 0; i < steps.length; i++) {
      const consumes = steps[i].consumes ?? [];
      for (let j = 0; j < consumes.length; j++) {
        const x = consumes[j];
        const path = `steps[${i}].consumes[${j}]`;
        const id = steps[i].id;
        const name = named(steps[i]);
        // A step cannot wait for its own output.
        const ps = producers.get(x)?.filter((p) => p !== i);
        if (ps === undefined || ps.length === 0) {
          warnings.push({
            code: 'artifact-unproduced',
            step: id,
            path,
            message: `${name} consumes "${x}", but no step produces it: every attempt will fail with 500 missing input ${x}`,
          });
          continue;
        }
        let mark = safe.get(x);
        if (mark === undefined) {
          mark = successDescendants(g, producers.get(x)!);
          safe.set(x, mark);
        }
        if (mark[i]) continue;
        const names = ps.map((p) => named(steps[p]));
        const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
        warnings.push({
          code: 'artifact-race',
          step: id,
          path,
          message:
            `${name} may run before ${who} completes: it consumes "${x}", but ${who} ` +
            `${names.length === 1 ? 'is not a prerequisite' : 'are not prerequisites'} of ${name} through success dependencies`,
        });
      }
    }
  }
  for (const i of notIdempotent) {
    const s = steps[i];
    const max = s.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
    if (max > 1) {
      warnings.push({
        code: 'retry-not-idempotent',
        step: s.id,
        path: `steps[${i}].retry.maxAttempts`,
        message: `${named(s)} is not idempotent but may be sent ${max} times: a retry can repeat its effect`,
      });
    }
  }
  if (g.when !== null) lintConditions(steps, g, warnings);
  return warnings;
}

/** Most prerequisites a `when` may mention for lint to enumerate their outcomes (5^6 combinations). */
export const WHEN_LINT_MAX_PREREQUISITES = 6;

function lintConditions(steps: Scenario['steps'], g: Graph, warnings: LintWarning[]): void {
  // One outcome table and one lookup for every condition and combination, and the ids each
  // condition mentions as its parse listed them: a closure per evaluation, a Map filled per
  // combination and a walk per condition were most of what lint allocated (issue #15).
  let mentioned: readonly string[] = [];
  const outcomes: WhenOutcome[] = [];
  const outcomeOf = (id: string): WhenOutcome => outcomes[mentioned.indexOf(id)];
  for (let i = 0; i < steps.length; i++) {
    const condition = g.when![i];
    if (condition === undefined) continue;
    mentioned = condition.steps;
    if (mentioned.length > WHEN_LINT_MAX_PREREQUISITES) continue;
    let canBeTrue = false;
    let canBeFalse = false;
    const total = WHEN_RESULTS.length ** mentioned.length;
    for (let k = 0; k < total && !(canBeTrue && canBeFalse); k++) {
      let rest = k;
      for (let j = 0; j < mentioned.length; j++) {
        outcomes[j] = WHEN_RESULTS[rest % WHEN_RESULTS.length];
        rest = Math.floor(rest / WHEN_RESULTS.length);
      }
      if (evaluateWhen(condition.ast, outcomeOf)) canBeTrue = true;
      else canBeFalse = true;
    }
    const id = steps[i].id;
    const name = named(steps[i]);
    const path = `steps[${i}].when`;
    if (!canBeTrue) {
      warnings.push({ code: 'when-never-true', step: id, path, message: `${name} never runs: its condition \`${condition.expr}\` is false whatever its prerequisites do` });
    } else if (!canBeFalse) {
      warnings.push({
        code: 'when-always-true',
        step: id,
        path,
        message: `${name} runs even after a failure, like a finally step: its condition \`${condition.expr}\` is true whatever its prerequisites do`,
      });
    }
  }
}

/** Steps reachable from `from` through `success` dependencies, `from` excluded. */
function successDescendants(g: Graph, from: number[]): Uint8Array {
  const mark = new Uint8Array(g.n);
  markReachable(g.out, from, mark, false, (dep) => g.depCond[dep] === SUCCESS);
  return mark;
}
