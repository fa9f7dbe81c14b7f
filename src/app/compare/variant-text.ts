// What a "Compare with…" choice changes, in one line, for the menu (CompareMenu.tsx). Read from
// the two scenarios themselves (A, and the variant's B from src/engine/compare.ts `variants`),
// not from the variant's id: the line names the policy fields whose value differs and the steps
// B changes, so it cannot drift from what the variant actually does.
import { SAME_REASON_TEXT, type SameReason } from '../../engine/compare.ts';
import { resolvePolicy } from '../../scenario/defaults.ts';
import type { Policy, Scenario, Step } from '../../scenario/types.ts';

/** The field's name as the Scenario tab's Policy panel (PolicyPanel.tsx) calls it. */
const FIELD: Record<keyof Policy, string> = {
  failFast: 'Fail-fast guard',
  onFailure: 'On failure',
  compensation: 'Compensation',
  compensationErrors: 'When a compensation fails',
  retryMode: 'Retrying a blocked step',
  concurrency: 'Concurrency',
};

function valueText<K extends keyof Policy>(field: K, value: Policy[K]): string {
  if (field === 'failFast') return value ? 'on' : 'off';
  if (field === 'concurrency') return value === 0 ? 'no limit' : String(value);
  return String(value);
}

/** What the run does under the new value, in a few plain words (after the field's change). */
function effect(field: keyof Policy, b: Policy): string {
  switch (field) {
    case 'failFast':
      return b.failFast ? 'a step whose prerequisite failed answers 424 at once, not run' : 'a step whose prerequisite failed runs anyway and fails with 500';
    case 'onFailure':
      return b.onFailure === 'abort' ? 'at the first root failure, steps not yet started that do not depend on it are cancelled' : 'branches that do not depend on the failure keep running';
    case 'compensation':
      return b.compensation === 'saga' ? 'after a failure, succeeded steps are undone in reverse order' : 'after a failure, what already succeeded stays done';
    case 'compensationErrors':
      return b.compensationErrors === 'stop' ? 'no handler runs after one fails' : 'the remaining handlers run after one fails';
    case 'retryMode':
      return b.retryMode === 'naive' ? 'a blocked step is re-sent on its own and answers 424 each time' : 'a blocked step’s retry first asks its failed prerequisite to try again';
    case 'concurrency':
      return b.concurrency === 0 ? 'every ready step runs at once' : b.concurrency === 1 ? 'one step runs at a time, the others queue' : `at most ${b.concurrency} steps run at once`;
  }
}

const FIELDS = Object.keys(FIELD) as (keyof Policy)[];

/** "Charge payment", "Charge payment and Ship", "A, B, C and 2 more" (labels, else ids). */
function names(steps: Step[]): string {
  const words = steps.map((s) => s.label ?? s.id);
  if (words.length > 3) return `${words.slice(0, 3).join(', ')} and ${words.length - 3} more`;
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const sameButFail = (a: Step, b: Step) => JSON.stringify({ ...a, fail: undefined }) === JSON.stringify({ ...b, fail: undefined });

/** The steps B changes: its failure removed (the root cause fixed), added, dropped or otherwise edited. */
function stepChanges(a: Scenario, b: Scenario): string[] {
  const before = new Map(a.steps.map((s) => [s.id, s]));
  const unfailed: Step[] = [];
  const added: Step[] = [];
  const changed: Step[] = [];
  for (const step of b.steps) {
    const old = before.get(step.id);
    before.delete(step.id);
    if (old === step) continue;
    if (!old) added.push(step);
    else if (old.fail !== undefined && step.fail === undefined && sameButFail(old, step)) unfailed.push(step);
    else if (JSON.stringify(old) !== JSON.stringify(step)) changed.push(step);
  }
  const clauses: string[] = [];
  if (unfailed.length > 0) clauses.push(`Removes the failure of ${names(unfailed)}`);
  if (changed.length > 0) clauses.push(`Changes ${names(changed)}`);
  if (added.length > 0) clauses.push(`Adds ${names(added)}`);
  if (before.size > 0) clauses.push(`Drops ${names([...before.values()])}`);
  return clauses;
}

/**
 * One line on what a variant changes, for a person choosing it: each policy field B sets
 * differently from A as `Field: old → new — what that does`, then the steps B changes, then
 * whether B runs as a replay of A's run (R13). With `effects: false` the fields' changes are
 * named without what they do: for a choice that runs the same as A here (the menu says why),
 * "— a blocked step is re-sent…" would promise what the comparison then does not show.
 * Empty scenarios and identical B's are fine:
 * "Same scenario as A." when nothing differs.
 *
 * @example
 * describeVariant(a, { scenario: { ...a, policy: { retryMode: 'naive' } }, replay: false })
 * // → 'Retrying a blocked step: graph-aware → naive — a blocked step is re-sent on its own and answers 424 each time.'
 */
export function describeVariant(a: Scenario, variant: { scenario: Scenario; replay: boolean }, { effects = true }: { effects?: boolean } = {}): string {
  const pa = resolvePolicy(a);
  const pb = resolvePolicy(variant.scenario);
  const clauses = FIELDS.filter((f) => pa[f] !== pb[f]).map((f) => `${FIELD[f]}: ${valueText(f, pa[f])} → ${valueText(f, pb[f])}${effects ? ` — ${effect(f, pb)}` : ''}`);
  clauses.push(...stepChanges(a, variant.scenario));
  if (variant.replay) clauses.push('B replays A’s run: steps that succeeded in A keep their results');
  return clauses.length === 0 ? 'Same scenario as A.' : `${clauses.join('; ')}.`;
}


/**
 * The menu's warning on a choice that would run exactly like A (src/engine/compare.ts
 * `checkVariants` said so by running both), with the engine's reason when it has one:
 * `Runs the same as A here: no step retries.`; without one, `Runs the same as A here.`
 */
export function sameAsAText(reason: SameReason | null): string {
  return reason === null ? 'Runs the same as A here.' : `Runs the same as A here: ${SAME_REASON_TEXT[reason]}.`;
}
