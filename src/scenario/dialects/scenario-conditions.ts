// A scenario's `if`s compiled into the engine's exact dialect conditions (issue #11), so a saved,
// linked or edited GitHub Actions scenario runs as GitHub runs it, not only right after an import.
//
// Each step's `if` is read as GitHub reads a job's `if:` (docs.github.com, "jobs.<job_id>.if";
// the same rule as @actions/workflow-parser's `ensureStatusFunction`): an optional `${{ }}` is
// unwrapped, an empty condition is `success()`, and one that calls no status function gets an
// implicit `success() && (…)`. It is evaluated with GitHub's own @actions/expressions over the
// step's prerequisites (`needs`) and the context values: GITHUB_CONTEXT_DEFAULTS, then the
// scenario's `context`. Heavy (GitHub's package): loaded with `import()` only when a scenario
// has an `if` (see ../conditions-loader.ts).
import { Lexer, Parser } from '@actions/expressions';
import { Binary, FunctionCall, Grouping, IndexAccess, Logical, Unary, type Expr } from '@actions/expressions/ast';
import type { DialectCondition } from '../../engine/dialect-conditions.ts';
import type { Problem, Scenario } from '../types.ts';
import { quote } from '../text.ts';
import { compileIf } from './github-if.ts';
import { githubContextValues } from './github-context.ts';

/** What `simulate` and `replay` take to decide the steps by their `if`s (SimulateOptions' fields). */
export interface DialectRunOptions {
  dialectConditions?: ReadonlyMap<string, DialectCondition>;
  dialectConditionText?: (id: string) => string | undefined;
}

export type CompiledConditions =
  | {
      ok: true;
      /** Empty when no step has an `if` (the run is the scenario's alone). */
      options: DialectRunOptions;
      /** Conditions that are compiled but cannot act as GitHub's would (none today; kept for the callers that list them). */
      warnings: Problem[];
    }
  | { ok: false; problems: Problem[] };

const STATUS_FUNCTIONS = new Set(['success', 'failure', 'cancelled', 'always']);

/** Whether the expression calls a status function anywhere (the walk of GitHub's converter). */
function callsStatusFunction(tree: Expr | undefined): boolean {
  if (!tree) return false;
  if (tree instanceof FunctionCall) return STATUS_FUNCTIONS.has(tree.functionName.lexeme.toLowerCase()) || tree.args.some(callsStatusFunction);
  if (tree instanceof Binary) return callsStatusFunction(tree.left) || callsStatusFunction(tree.right);
  if (tree instanceof Unary) return callsStatusFunction(tree.expr);
  if (tree instanceof Logical) return tree.args.some(callsStatusFunction);
  if (tree instanceof Grouping) return callsStatusFunction(tree.group);
  if (tree instanceof IndexAccess) return callsStatusFunction(tree.expr) || callsStatusFunction(tree.index);
  return false;
}

/**
 * A job's `if:` as GitHub evaluates it: without `${{ }}`, with the implicit `success() &&`.
 * Text that does not parse is returned unwrapped (the compile reports GitHub's parse error).
 *
 * @example
 * asEvaluated("${{ github.ref == 'refs/heads/main' }}") // → "success() && (github.ref == 'refs/heads/main')"
 * asEvaluated('failure()')                             // → 'failure()'
 */
export function asEvaluated(text: string): string {
  let condition = text.trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(condition);
  if (wrapped) condition = wrapped[1].trim();
  if (condition === '') return 'success()';
  try {
    const functions = [...STATUS_FUNCTIONS].map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
    const tree = new Parser(new Lexer(condition).lex().tokens, ['github', 'needs', 'vars', 'inputs', 'env', 'secrets', 'matrix', 'strategy', 'job', 'runner', 'steps'], functions).parse();
    return callsStatusFunction(tree) ? condition : `success() && (${condition})`;
  } catch {
    return condition;
  }
}

/**
 * Compiles every step's `if` (a scenario that passed the gate) into the conditions `simulate`
 * and `replay` take. Never throws: an `if` GitHub's parser refuses is a problem at
 * `steps[i].if` with the parser's message; the run should not start with it (it would not run
 * as written).
 *
 * @example
 * const compiled = compileScenarioConditions(scenario); // scenario.steps[2].if === 'failure()'
 * if (compiled.ok) simulate(scenario, compiled.options); // report runs after any ancestor failed
 */
export function compileScenarioConditions(scenario: Scenario): CompiledConditions {
  const withIf = scenario.steps.filter((s) => s.if !== undefined);
  if (withIf.length === 0) return { ok: true, options: {}, warnings: [] };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (scenario.dialect !== 'github-actions') {
    const i = scenario.steps.indexOf(withIf[0]);
    return { ok: false, problems: [{ code: 'conflicting-fields', path: `steps[${i}].if`, step: i, message: 'an if is a GitHub Actions expression: it needs "dialect": "github-actions"' }] };
  }
  const values = githubContextValues(scenario.context);
  const needsOf = new Map<string, string[]>();
  for (const d of scenario.dependencies) {
    const list = needsOf.get(d.to);
    if (list) list.push(d.from);
    else needsOf.set(d.to, [d.from]);
  }
  const conditions = new Map<string, DialectCondition>();
  const texts = new Map<string, string>();
  const reads = new Set<string>();
  scenario.steps.forEach((step, i) => {
    if (step.if === undefined) return;
    const path = `steps[${i}].if`;
    const evaluated = asEvaluated(step.if);
    const compiled = compileIf(evaluated, values);
    if (!compiled.ok) {
      problems.push({ code: 'invalid-condition', path, step: i, message: `GitHub's expression parser refuses ${quote(step.if, 80)}: ${compiled.message}` });
      return;
    }
    const needs = needsOf.get(step.id) ?? [];
    let condition: DialectCondition;
    try {
      condition = compiled.condition(needs, reads);
      // Evaluated once now so that an expression GitHub's evaluator refuses is reported here, not mid-run.
      condition({ direct: new Map(needs.map((n) => [n, 'Succeeded'])), anyAncestorFailed: false, anyAncestorCancelled: false });
    } catch (error) {
      problems.push({ code: 'invalid-condition', path, step: i, message: `GitHub's expression evaluator refuses ${quote(step.if, 80)}: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    // GitHub does not run a job whose `if` cannot be evaluated; neither does the run (never a crash mid-run).
    const decided = condition;
    conditions.set(step.id, (o) => {
      try {
        return decided(o);
      } catch {
        return false;
      }
    });
    // As evaluated: a reason then names the implicit success() that made the condition false.
    texts.set(step.id, `if: ${evaluated}`);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, options: { dialectConditions: conditions, dialectConditionText: (id) => texts.get(id) }, warnings };
}
