// R14 run conditions: the `when` expression of a step, in Argo's `depends` syntax
// (https://argo-workflows.readthedocs.io/en/latest/enhanced-depends-logic/).
//
//   expr    := or
//   or      := and ('||' and)*
//   and     := unary ('&&' unary)*          `!` binds tighter than `&&`, `&&` than `||`
//   unary   := '!' unary | primary
//   primary := '(' expr ')' | TERM
//   TERM    := [A-Za-z0-9._-]+              `<id>.<Result>` or a bare `<id>`
//
// A TERM is first matched whole against the step's prerequisite ids (ids may contain `.` and
// `-`); only when none matches is it split at its last `.` into an id and a result. A bare id
// means `(<id>.Succeeded || <id>.Skipped)`, as Argo's default does. Only the step's own
// (direct) prerequisites may appear. This module parses and evaluates; it never throws.
import { Suggester, didYouMean, quote } from './text.ts';

/** The results a term can test, in Argo's words. `Failed` includes a timeout. */
export const WHEN_RESULTS = ['Succeeded', 'Failed', 'Blocked', 'Skipped', 'Cancelled'] as const;
export type WhenResult = (typeof WHEN_RESULTS)[number];

/** A parsed expression. `column` is 1-based, in UTF-16 code units of the expression. */
export type WhenNode =
  | { kind: 'term'; step: string; result: WhenResult | 'bare'; column: number }
  | { kind: 'not'; operand: WhenNode }
  | { kind: 'and' | 'or'; left: WhenNode; right: WhenNode };

/** One problem with an expression; `message` ends with `at column N`. */
export interface WhenProblem {
  message: string;
  column: number;
}

export type WhenParse = { ok: true; ast: WhenNode; steps: string[] } | { ok: false; problems: WhenProblem[] };

/** Longest expression accepted, in UTF-16 code units. */
export const WHEN_MAX_LENGTH = 2_000;
/** Deepest nesting of `(` and `!` accepted (a recursion guard, not a style rule). */
export const WHEN_MAX_DEPTH = 64;

type Token = { kind: 'term'; text: string; column: number } | { kind: '&&' | '||' | '!' | '(' | ')'; column: number } | { kind: 'end'; column: number };

const TERM_CHAR = /[A-Za-z0-9._-]/;

function tokenize(expr: string, problems: WhenProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    const column = i + 1;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if ((ch === '&' || ch === '|') && expr[i + 1] === ch) {
      tokens.push({ kind: ch === '&' ? '&&' : '||', column });
      i += 2;
    } else if (ch === '!' || ch === '(' || ch === ')') {
      tokens.push({ kind: ch, column });
      i++;
    } else if (TERM_CHAR.test(ch)) {
      let j = i;
      while (j < expr.length && TERM_CHAR.test(expr[j])) j++;
      tokens.push({ kind: 'term', text: expr.slice(i, j), column });
      i = j;
    } else {
      const what = ch === '&' || ch === '|' ? `a single ${quote(ch)} (write ${quote(ch + ch)})` : `unexpected ${quote(ch)}`;
      problems.push({ message: `${what} at column ${column}`, column });
      return [];
    }
  }
  tokens.push({ kind: 'end', column: expr.length + 1 });
  return tokens;
}

/**
 * Parses `expr`, the `when` of step `stepId` whose direct prerequisites are `prerequisites`.
 * Returns the tree and the prerequisite ids it mentions, or every problem found (each with
 * its column): an id that is not a prerequisite (with a did-you-mean), an unknown result
 * (`build.Succeded`), a missing operand or parenthesis, an empty or over-long expression.
 */
export function parseWhen(expr: string, stepId: string, prerequisites: readonly string[]): WhenParse {
  const problems: WhenProblem[] = [];
  if (expr.length > WHEN_MAX_LENGTH) {
    return { ok: false, problems: [{ message: `longer than ${WHEN_MAX_LENGTH} characters at column ${WHEN_MAX_LENGTH + 1}`, column: WHEN_MAX_LENGTH + 1 }] };
  }
  if (expr.trim() === '') return { ok: false, problems: [{ message: 'empty condition at column 1', column: 1 }] };
  const tokens = tokenize(expr, problems);
  if (problems.length > 0) return { ok: false, problems };
  const prereqs = new Set(prerequisites);
  let suggester: Suggester | undefined;
  const mentioned = new Set<string>();
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos];
  const describeToken = (t: Token): string => (t.kind === 'end' ? 'the end' : t.kind === 'term' ? quote(t.text) : quote(t.kind));
  const fail = (t: Token, expected: string): never => {
    throw new WhenSyntax(`expected ${expected}, found ${describeToken(t)} at column ${t.column}`, t.column);
  };

  const term = (t: Extract<Token, { kind: 'term' }>): WhenNode => {
    if (prereqs.has(t.text)) {
      mentioned.add(t.text);
      return { kind: 'term', step: t.text, result: 'bare', column: t.column };
    }
    const dot = t.text.lastIndexOf('.');
    const id = dot > 0 ? t.text.slice(0, dot) : t.text;
    const result = dot > 0 ? t.text.slice(dot + 1) : undefined;
    if (!prereqs.has(id)) {
      suggester ??= new Suggester(prerequisites);
      const suggestion = suggester.suggest(id);
      // Without a likely intended id, say which ids may appear (a few of them).
      const shown = prerequisites.slice(0, 6).map((p) => quote(p)).join(', ');
      const known =
        prerequisites.length === 0
          ? `; ${stepId} has no prerequisites`
          : suggestion === undefined
            ? ` (its prerequisites: ${shown}${prerequisites.length > 6 ? ', …' : ''})`
            : '';
      problems.push({ message: `${quote(id)} is not a prerequisite of ${stepId}${didYouMean(suggestion)}${known} at column ${t.column}`, column: t.column });
      return { kind: 'term', step: id, result: 'bare', column: t.column };
    }
    mentioned.add(id);
    if (!(WHEN_RESULTS as readonly string[]).includes(result as string)) {
      const column = t.column + dot + 1;
      const hint = didYouMean(new Suggester(WHEN_RESULTS).suggest(result as string));
      problems.push({ message: `${quote(result as string)} is not a result${hint}; use ${WHEN_RESULTS.join(', ')} at column ${column}`, column });
      return { kind: 'term', step: id, result: 'bare', column: t.column };
    }
    return { kind: 'term', step: id, result: result as WhenResult, column: t.column };
  };

  const primary = (): WhenNode => {
    const t = peek();
    if (t.kind === '(') {
      pos++;
      if (++depth > WHEN_MAX_DEPTH) throw new WhenSyntax(`nested deeper than ${WHEN_MAX_DEPTH} at column ${t.column}`, t.column);
      const inner = or();
      depth--;
      if (peek().kind !== ')') fail(peek(), `")" to close the "(" at column ${t.column}`);
      pos++;
      return inner;
    }
    if (t.kind === 'term') {
      pos++;
      return term(t);
    }
    return fail(t, 'a step result such as "build.Succeeded", "!" or "("');
  };
  const unary = (): WhenNode => {
    const t = peek();
    if (t.kind === '!') {
      pos++;
      if (++depth > WHEN_MAX_DEPTH) throw new WhenSyntax(`nested deeper than ${WHEN_MAX_DEPTH} at column ${t.column}`, t.column);
      const operand = unary();
      depth--;
      return { kind: 'not', operand };
    }
    return primary();
  };
  const and = (): WhenNode => {
    let left = unary();
    while (peek().kind === '&&') {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const or = (): WhenNode => {
    let left = and();
    while (peek().kind === '||') {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  try {
    const ast = or();
    if (peek().kind !== 'end') fail(peek(), '"&&", "||" or the end');
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, ast, steps: [...mentioned] };
  } catch (e) {
    if (e instanceof WhenSyntax) return { ok: false, problems: [...problems, { message: e.message, column: e.column }] };
    throw e;
  }
}

class WhenSyntax extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A final prerequisite as a `when` term sees it (R14): `Failed` includes a timeout; a rolled-back group member is `Blocked`. */
export type WhenOutcome = 'Succeeded' | 'Failed' | 'Blocked' | 'Skipped' | 'Cancelled';

/** The prerequisite ids a parsed condition mentions, each once, in order of appearance. */
export function mentionedSteps(node: WhenNode, into: string[] = []): string[] {
  switch (node.kind) {
    case 'term':
      if (!into.includes(node.step)) into.push(node.step);
      break;
    case 'not':
      mentionedSteps(node.operand, into);
      break;
    case 'and':
    case 'or':
      mentionedSteps(node.left, into);
      mentionedSteps(node.right, into);
      break;
  }
  return into;
}

/**
 * Evaluates a parsed condition once every prerequisite it mentions is final. `outcome(id)`
 * gives each prerequisite's outcome. A bare id is `Succeeded || Skipped` (Argo's default).
 */
export function evaluateWhen(node: WhenNode, outcome: (step: string) => WhenOutcome): boolean {
  switch (node.kind) {
    case 'term': {
      const o = outcome(node.step);
      return node.result === 'bare' ? o === 'Succeeded' || o === 'Skipped' : o === node.result;
    }
    case 'not':
      return !evaluateWhen(node.operand, outcome);
    case 'and':
      return evaluateWhen(node.left, outcome) && evaluateWhen(node.right, outcome);
    case 'or':
      return evaluateWhen(node.left, outcome) || evaluateWhen(node.right, outcome);
  }
}

/** The expression written back as text with minimal parentheses (for explanations and exports). */
export function formatWhen(node: WhenNode): string {
  const go = (n: WhenNode, parent: 0 | 1 | 2): string => {
    switch (n.kind) {
      case 'term':
        return n.result === 'bare' ? n.step : `${n.step}.${n.result}`;
      case 'not':
        return `!${go(n.operand, 2)}`;
      case 'and': {
        const s = `${go(n.left, 1)} && ${go(n.right, 1)}`;
        return parent > 1 ? `(${s})` : s;
      }
      case 'or': {
        const s = `${go(n.left, 0)} || ${go(n.right, 0)}`;
        return parent > 0 ? `(${s})` : s;
      }
    }
  };
  return go(node, 0);
}
