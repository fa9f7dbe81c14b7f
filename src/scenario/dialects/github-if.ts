// A GitHub Actions job `if:` compiled with GitHub's own expression package (@actions/expressions),
// evaluated over the job's needs, and turned into the `when` (R14) that says the same thing.
//
// GitHub's rules (docs.github.com, "Expressions" › "Status check functions" and
// "jobs.<job_id>.if"; GitHub's own converter adds the implicit `success() &&`, see
// @actions/workflow-parser `convertWorkflowTemplate`):
//   success()   true when no ancestor job failed or was cancelled, and every need succeeded
//               ("If a job fails or is skipped, all jobs that need it are skipped unless the
//               jobs use a conditional expression that causes the job to continue")
//   failure()   true when any ancestor job failed
//   cancelled() true when the workflow was cancelled (here: an ancestor was cancelled)
//   always()    true
//   needs.<id>.result  success | failure | cancelled | skipped
// A job skipped because a need failed is Ripple's `Blocked` (answered 424), and its result is
// `skipped` to its own dependents.
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { Expr } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { directOnly, type AncestorOutcomes, type DialectCondition } from '../../engine/dialect-conditions.ts';
import type { WhenOutcome } from '../when.ts';

/** The contexts an `if:` may read; GitHub's list for `jobs.<job_id>.if`. */
const CONTEXTS = ['github', 'needs', 'vars', 'inputs', 'env', 'secrets', 'matrix', 'strategy', 'job', 'runner', 'steps'];
const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'];

export { GITHUB_CONTEXT_DEFAULTS } from './github-context.ts';

/** `needs.<id>.result` for a need's outcome. */
export function githubResult(o: WhenOutcome): string {
  switch (o) {
    case 'Succeeded':
      return 'success';
    case 'Failed':
      return 'failure';
    case 'Blocked':
    case 'Skipped':
      return 'skipped';
    case 'Cancelled':
      return 'cancelled';
  }
}

export type CompiledIf =
  | { ok: true; expr: Expr; usesStatus: boolean; condition: (needs: readonly string[], reads: Set<string>) => DialectCondition }
  | { ok: false; message: string };

/** A dictionary that remembers which keys were asked for and missing (for the "unknown context" warning). */
class Recorded extends data.Dictionary {
  constructor(
    private readonly prefix: string,
    private readonly reads: Set<string>,
  ) {
    super();
  }
  override get(key: string): data.ExpressionData | undefined {
    const value = super.get(key);
    if (value === undefined) this.reads.add(`${this.prefix}.${key}`);
    return value;
  }
}

function str(s: string): data.ExpressionData {
  if (s === 'true' || s === 'false') return new data.BooleanData(s === 'true');
  return new data.StringData(s);
}

/** Builds the `github`, `inputs`, `vars`… dictionaries from `K=V` values (dotted keys nest). */
function contextData(values: ReadonlyMap<string, string>, reads: Set<string>): Map<string, data.Dictionary> {
  const roots = new Map<string, data.Dictionary>();
  for (const name of CONTEXTS) if (name !== 'needs') roots.set(name, new Recorded(name, reads));
  for (const [key, value] of values) {
    const parts = key.split('.');
    let dict = roots.get(parts[0]);
    if (!dict || parts.length < 2) continue;
    let prefix = parts[0];
    for (let i = 1; i < parts.length - 1; i++) {
      prefix = `${prefix}.${parts[i]}`;
      let next = data.Dictionary.prototype.get.call(dict, parts[i]);
      if (!(next instanceof data.Dictionary)) {
        next = new Recorded(prefix, reads);
        dict.add(parts[i], next);
      }
      dict = next as data.Dictionary;
    }
    dict.add(parts[parts.length - 1], str(value));
  }
  return roots;
}

function bool(b: boolean): FunctionDefinition {
  return { name: '', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(b) };
}

/**
 * Compiles an `if:` (as GitHub's converter gives it, with the implicit `success() &&`) against
 * the context values `values` (defaults already applied). The result's `condition(needs)` is the
 * exact GitHub decision over ancestor outcomes; read it with `directOnly` to get what a `when`
 * over the direct needs can express. Unknown context keys read while evaluating land in `reads`.
 */
export function compileIf(source: string, values: ReadonlyMap<string, string>): CompiledIf {
  let expr: Expr;
  try {
    const lexed = new Lexer(source).lex();
    const functions = STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
    expr = new Parser(lexed.tokens, CONTEXTS, functions).parse();
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const usesStatus = /\b(success|failure|cancelled|always)\s*\(/i.test(source);
  const condition =
    (needs: readonly string[], reads: Set<string>): DialectCondition =>
    (o: AncestorOutcomes): boolean => {
      const roots = contextData(values, reads);
      const needsDict = new data.Dictionary();
      for (const id of needs) {
        const outcome = o.direct.get(id) ?? 'Skipped';
        needsDict.add(id, new data.Dictionary({ key: 'result', value: new data.StringData(githubResult(outcome)) }, { key: 'outputs', value: new Recorded(`needs.${id}.outputs`, reads) }));
      }
      const ctx = new data.Dictionary();
      for (const [k, v] of roots) ctx.add(k, v);
      ctx.add('needs', needsDict);
      let allSucceeded = true;
      for (const id of needs) if (o.direct.get(id) !== 'Succeeded') allSucceeded = false;
      const fns = new Map<string, FunctionDefinition>([
        ['success', bool(allSucceeded && !o.anyAncestorFailed && !o.anyAncestorCancelled)],
        ['failure', bool(o.anyAncestorFailed)],
        ['cancelled', bool(o.anyAncestorCancelled)],
        ['always', bool(true)],
      ]);
      return truthy(new Evaluator(expr, ctx, fns).evaluate());
    };
  return { ok: true, expr, usesStatus, condition };
}

/** The five outcomes a need can have, as `when` names them. */
const OUTCOMES: readonly WhenOutcome[] = ['Succeeded', 'Failed', 'Blocked', 'Skipped', 'Cancelled'];
const FULL = (1 << OUTCOMES.length) - 1;
/** Most needs whose outcomes are enumerated (5^6 = 15,625 evaluations). */
export const MAX_ENUMERATED_NEEDS = 6;

export type WhenFromTable =
  | { kind: 'default' } // exactly "every need succeeded": plain success edges
  | { kind: 'always' } // true whatever the needs did: `on: always` edges (R15)
  | { kind: 'never' }
  | { kind: 'when'; when: string }
  | { kind: 'too-many' };

/**
 * The `when` over direct needs that agrees with `condition` on every combination of need
 * outcomes (ancestor failures seen only through the direct needs). Exact, not minimal: the
 * true rows are merged one need at a time.
 *
 * @example
 * tableToWhen(['build', 'smoke'], c) // for `always() && needs.build.result == 'success' && needs.smoke.result != 'failure'`
 * // → { kind: 'when', when: 'build.Succeeded && !smoke.Failed' }
 */
export function tableToWhen(needs: readonly string[], condition: DialectCondition): WhenFromTable {
  const k = needs.length;
  if (k > MAX_ENUMERATED_NEEDS) return { kind: 'too-many' };
  const rows = OUTCOMES.length ** k;
  const cubes: number[][] = [];
  const truth = new Uint8Array(rows);
  let trueRows = 0;
  let onlyAllSucceeded = true;
  for (let r = 0; r < rows; r++) {
    const direct = new Map<string, WhenOutcome>();
    const masks: number[] = [];
    let rest = r;
    let allSucceeded = true;
    for (const id of needs) {
      const v = rest % OUTCOMES.length;
      rest = Math.floor(rest / OUTCOMES.length);
      direct.set(id, OUTCOMES[v]);
      masks.push(1 << v);
      if (v !== 0) allSucceeded = false;
    }
    if (condition(directOnly(direct))) {
      trueRows++;
      truth[r] = 1;
      cubes.push(masks);
      if (!allSucceeded) onlyAllSucceeded = false;
    } else if (allSucceeded) onlyAllSucceeded = false;
  }
  if (trueRows === rows) return { kind: 'always' };
  if (trueRows === 0) return { kind: 'never' };
  if (onlyAllSucceeded) return { kind: 'default' };
  const merged = primeCover(cubes, truth, k);
  const terms = merged.map((c) => {
    const parts: string[] = [];
    c.forEach((mask, i) => {
      if (mask !== FULL) parts.push(clause(needs[i], mask));
    });
    return parts;
  });
  const text = terms.map((parts) => (terms.length > 1 && parts.length > 1 ? `(${parts.join(' && ')})` : parts.join(' && '))).join(' || ');
  return { kind: 'when', when: text };
}

/** Whether every row inside the cube (one mask of allowed outcomes per need) is true. */
function inside(cube: readonly number[], truth: Uint8Array, k: number): boolean {
  const check = (v: number, index: number, scale: number): boolean => {
    if (v === k) return truth[index] === 1;
    for (let o = 0; o < OUTCOMES.length; o++) {
      if (cube[v] & (1 << o) && !check(v + 1, index + o * scale, scale * OUTCOMES.length)) return false;
    }
    return true;
  };
  return check(0, 0, 1);
}

/**
 * A cover of the true rows by cubes each grown as far as it stays true (one outcome at a time,
 * need by need), without cubes another one contains: short expressions for people to read.
 */
function primeCover(minterms: readonly number[][], truth: Uint8Array, k: number): number[][] {
  const cover: number[][] = [];
  const covered = (row: readonly number[]): boolean => cover.some((c) => c.every((m, i) => (m & row[i]) === row[i]));
  for (const row of minterms) {
    if (covered(row)) continue;
    const cube = [...row];
    for (let v = 0; v < k; v++) {
      for (let o = 0; o < OUTCOMES.length; o++) {
        if (cube[v] & (1 << o)) continue;
        cube[v] |= 1 << o;
        if (!inside(cube, truth, k)) cube[v] &= ~(1 << o);
      }
    }
    cover.push(cube);
  }
  return cover.filter((c, i) => !cover.some((d, j) => j !== i && d.every((m, x) => (m & c[x]) === c[x]) && (j < i || !c.every((m, x) => m === d[x]))));
}

/** One need's allowed outcomes as a `when` clause: `id.Failed`, `id` (Succeeded or Skipped), `!id.Failed`, `(id.A || id.B)`. */
function clause(id: string, mask: number): string {
  const values = OUTCOMES.filter((_, i) => mask & (1 << i));
  if (values.length === 1) return `${id}.${values[0]}`;
  const bare = (1 << 0) | (1 << 3);
  if (mask === bare) return id;
  const missing = OUTCOMES.filter((_, i) => !(mask & (1 << i)));
  if (missing.length === 1) return `!${id}.${missing[0]}`;
  return `(${values.map((v) => `${id}.${v}`).join(' || ')})`;
}
