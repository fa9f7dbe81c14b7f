// A reference model of how an imported scenario's steps end, written from the rules' text
// (R4/R5 for plain edges, R14 for `when`, R15 for `always` edges), for the importer tests:
// "given these roots fail, Argo documents D runs and G is Omitted". It is deliberately tiny and
// sequential (no time, no retries, no groups). Once the engine's R14 has merged, the same
// assertions can run through `simulate`; until then this says what the import means.
import { readFileSync } from 'node:fs';
import { parseWhen, evaluateWhen, type WhenOutcome } from '../../../src/scenario/when.ts';
import type { Scenario } from '../../../src/scenario/types.ts';

export const FIXTURES = new URL('../../fixtures/dialects/', import.meta.url);
export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Each step's outcome when the steps in `failing` fail whenever they run. */
export function outcomes(scenario: Scenario, failing: readonly string[]): Record<string, WhenOutcome> {
  const out: Record<string, WhenOutcome> = {};
  const incoming = new Map<string, Array<{ from: string; on: string }>>();
  for (const d of scenario.dependencies) {
    const list = incoming.get(d.to) ?? [];
    list.push({ from: d.from, on: d.on ?? 'success' });
    incoming.set(d.to, list);
  }
  const ran = (id: string): WhenOutcome => (failing.includes(id) || scenario.steps.find((s) => s.id === id)?.fail ? 'Failed' : 'Succeeded');
  let left = scenario.steps.map((s) => s.id);
  while (left.length > 0) {
    const next: string[] = [];
    for (const id of left) {
      const ins = incoming.get(id) ?? [];
      if (ins.some((e) => out[e.from] === undefined)) {
        next.push(id);
        continue;
      }
      const step = scenario.steps.find((s) => s.id === id)!;
      if (ins.length === 0) {
        out[id] = ran(id);
        continue;
      }
      const seen = ins.map((e) => out[e.from]);
      let run: boolean;
      if (step.when !== undefined) {
        const parsed = parseWhen(step.when, id, ins.map((e) => e.from));
        if (!parsed.ok) throw new Error(`${id}: ${parsed.problems[0].message}`);
        run = evaluateWhen(parsed.ast, (p) => out[p]);
      } else {
        // R4: each edge is satisfied, broken, or void (void by a cancelled prerequisite: cancelled).
        const verdicts = ins.map((e) => verdict(e.on, out[e.from]));
        run = step.join === 'any' ? verdicts.includes('satisfied') : verdicts.every((v) => v === 'satisfied');
        if (!run) {
          out[id] = verdicts.includes('broken') ? 'Blocked' : verdicts.includes('cancelled') ? 'Cancelled' : 'Skipped';
          continue;
        }
      }
      if (run) out[id] = ran(id);
      else if (seen.some((o) => o === 'Failed' || o === 'Blocked')) out[id] = 'Blocked';
      else if (seen.some((o) => o === 'Cancelled')) out[id] = 'Cancelled';
      else out[id] = 'Skipped';
    }
    if (next.length === left.length) throw new Error(`cycle among ${next.join(', ')}`);
    left = next;
  }
  return out;
}

function verdict(on: string, o: WhenOutcome): 'satisfied' | 'broken' | 'void' | 'cancelled' {
  if (on === 'always') return 'satisfied';
  if (o === 'Cancelled') return 'cancelled';
  const bad = o === 'Failed' || o === 'Blocked';
  if (on === 'failure') return bad ? 'satisfied' : 'void';
  return o === 'Succeeded' ? 'satisfied' : bad ? 'broken' : 'void';
}
