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

// Token kinds. The scanner reads one token at a time with `charCodeAt` and keeps it in the
// parser's fields: no token objects, no closures per parse (issue #15: a run parses every
// step's condition, and the per-character regex test and the object per token were half of
// what a run with conditions allocated).
const TOKEN_TERM = 0;
const TOKEN_AND = 1;
const TOKEN_OR = 2;
const TOKEN_NOT = 3;
const TOKEN_OPEN = 4;
const TOKEN_CLOSE = 5;
const TOKEN_END = 6;
type TokenKind = typeof TOKEN_TERM | typeof TOKEN_AND | typeof TOKEN_OR | typeof TOKEN_NOT | typeof TOKEN_OPEN | typeof TOKEN_CLOSE | typeof TOKEN_END;

/** The operator tokens as written, by kind (for messages). */
const TOKEN_TEXT = ['', '&&', '||', '!', '(', ')', ''];

/** `[A-Za-z0-9._-]`: the characters of a TERM, by UTF-16 code unit. */
function isTermChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The first character no token can start with (a single `&` or `|` included), as a problem,
 * or undefined: checked over the whole expression before parsing, so such a character is
 * reported even after a syntax error.
 */
function badCharacter(expr: string): WhenProblem | undefined {
  const length = expr.length;
  let i = 0;
  while (i < length) {
    const c = expr.charCodeAt(i);
    if (isSpace(c) || c === 33 || c === 40 || c === 41) i++;
    else if ((c === 38 || c === 124) && expr.charCodeAt(i + 1) === c) i += 2;
    else if (isTermChar(c)) {
      i++;
      while (i < length && isTermChar(expr.charCodeAt(i))) i++;
    } else {
      const ch = expr[i];
      const column = i + 1;
      const what = ch === '&' || ch === '|' ? `a single ${quote(ch)} (write ${quote(ch + ch)})` : `unexpected ${quote(ch)}`;
      return { message: `${what} at column ${column}`, column };
    }
  }
  return undefined;
}

/**
 * Parses `expr`, the `when` of step `stepId` whose direct prerequisites are `prerequisites`.
 * Returns the tree and the prerequisite ids it mentions, or every problem found (each with
 * its column): an id that is not a prerequisite (with a did-you-mean), an unknown result
 * (`build.Succeded`), a missing operand or parenthesis, an empty or over-long expression.
 */
export function parseWhen(expr: string, stepId: string, prerequisites: readonly string[]): WhenParse {
  if (expr.length > WHEN_MAX_LENGTH) {
    return { ok: false, problems: [{ message: `longer than ${WHEN_MAX_LENGTH} characters at column ${WHEN_MAX_LENGTH + 1}`, column: WHEN_MAX_LENGTH + 1 }] };
  }
  if (expr.trim() === '') return { ok: false, problems: [{ message: 'empty condition at column 1', column: 1 }] };
  const bad = badCharacter(expr);
  if (bad !== undefined) return { ok: false, problems: [bad] };
  const parser = new WhenParser(expr, stepId, prerequisites);
  try {
    const ast = parser.or();
    if (!parser.is(TOKEN_END)) parser.fail('"&&", "||" or the end');
    if (parser.problems.length > 0) return { ok: false, problems: parser.problems };
    return { ok: true, ast, steps: parser.mentioned };
  } catch (e) {
    if (e instanceof WhenSyntax) return { ok: false, problems: [...parser.problems, { message: e.message, column: e.column }] };
    throw e;
  }
}

/** Lists at most this long are searched in place; longer ones get a Set. */
const SHORT_LIST = 8;

/** A recursive-descent parser over `expr`, whose characters `badCharacter` has checked. */
class WhenParser {
  /** The current token: its kind and where it is, `expr[start .. end)`. */
  private kind: TokenKind = TOKEN_END;
  private start = 0;
  private end = 0;
  /** Where the scanner reads the next token. */
  private at = 0;
  private depth = 0;
  readonly problems: WhenProblem[] = [];
  /** The prerequisites the terms name, each once, in order of appearance. */
  readonly mentioned: string[] = [];
  private readonly prerequisiteSet: Set<string> | null;
  private readonly mentionedSet: Set<string> | null;
  private suggester: Suggester | undefined;

  constructor(
    private readonly expr: string,
    private readonly stepId: string,
    private readonly prerequisites: readonly string[],
  ) {
    const long = prerequisites.length > SHORT_LIST;
    this.prerequisiteSet = long ? new Set(prerequisites) : null;
    this.mentionedSet = long ? new Set() : null;
    this.advance();
  }

  /** Reads the next token into `kind`, `start` and `end`. */
  private advance(): void {
    const expr = this.expr;
    const length = expr.length;
    let i = this.at;
    while (i < length && isSpace(expr.charCodeAt(i))) i++;
    this.start = i;
    if (i >= length) {
      this.kind = TOKEN_END;
      this.at = length;
      return;
    }
    const c = expr.charCodeAt(i);
    if (c === 38) this.token(TOKEN_AND, i + 2);
    else if (c === 124) this.token(TOKEN_OR, i + 2);
    else if (c === 33) this.token(TOKEN_NOT, i + 1);
    else if (c === 40) this.token(TOKEN_OPEN, i + 1);
    else if (c === 41) this.token(TOKEN_CLOSE, i + 1);
    else {
      let j = i + 1;
      while (j < length && isTermChar(expr.charCodeAt(j))) j++;
      this.token(TOKEN_TERM, j);
    }
  }

  private token(kind: TokenKind, end: number): void {
    this.kind = kind;
    this.end = end;
    this.at = end;
  }

  /** Whether the current token is of `kind` (a method: the checks follow calls that move on). */
  is(kind: TokenKind): boolean {
    return this.kind === kind;
  }

  /** The current token's 1-based column. */
  private get column(): number {
    return this.start + 1;
  }

  fail(expected: string): never {
    const found = this.kind === TOKEN_END ? 'the end' : quote(this.kind === TOKEN_TERM ? this.expr.slice(this.start, this.end) : TOKEN_TEXT[this.kind]);
    throw new WhenSyntax(`expected ${expected}, found ${found} at column ${this.column}`, this.column);
  }

  private mention(id: string): void {
    if (this.mentionedSet !== null) {
      if (this.mentionedSet.has(id)) return;
      this.mentionedSet.add(id);
    } else if (this.mentioned.includes(id)) return;
    this.mentioned.push(id);
  }

  or(): WhenNode {
    let left = this.and();
    while (this.is(TOKEN_OR)) {
      this.advance();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): WhenNode {
    let left = this.unary();
    while (this.is(TOKEN_AND)) {
      this.advance();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): WhenNode {
    if (!this.is(TOKEN_NOT)) return this.primary();
    const column = this.column;
    this.advance();
    this.deeper(column);
    const operand = this.unary();
    this.depth--;
    return { kind: 'not', operand };
  }

  private primary(): WhenNode {
    if (this.is(TOKEN_OPEN)) {
      const column = this.column;
      this.advance();
      this.deeper(column);
      const inner = this.or();
      this.depth--;
      if (!this.is(TOKEN_CLOSE)) this.fail(`")" to close the "(" at column ${column}`);
      this.advance();
      return inner;
    }
    if (this.is(TOKEN_TERM)) {
      const { start, end } = this;
      this.advance();
      return this.term(start, end);
    }
    return this.fail('a step result such as "build.Succeeded", "!" or "("');
  }

  /** One more `(` or `!` at `column`: a syntax error past WHEN_MAX_DEPTH. */
  private deeper(column: number): void {
    if (++this.depth > WHEN_MAX_DEPTH) throw new WhenSyntax(`nested deeper than ${WHEN_MAX_DEPTH} at column ${column}`, column);
  }

  /**
   * The prerequisite id written at `expr[start .. end)`, or undefined. A short list is compared
   * in place, and the tree then names the prerequisite's own string: a valid term costs no
   * substring (issue #15).
   */
  private prerequisiteAt(start: number, end: number): string | undefined {
    if (this.prerequisiteSet !== null) {
      const id = this.expr.slice(start, end);
      return this.prerequisiteSet.has(id) ? id : undefined;
    }
    const length = end - start;
    for (const p of this.prerequisites) if (p.length === length && this.expr.startsWith(p, start)) return p;
    return undefined;
  }

  /** The result written at `expr[start .. end)`, or undefined when it is none of WHEN_RESULTS. */
  private resultAt(start: number, end: number): WhenResult | undefined {
    for (const r of WHEN_RESULTS) if (r.length === end - start && this.expr.startsWith(r, start)) return r;
    return undefined;
  }

  /** The TERM at `expr[start .. end)`: a whole prerequisite id, else `<id>.<Result>` split at the last `.`. */
  private term(start: number, end: number): WhenNode {
    const column = start + 1;
    const whole = this.prerequisiteAt(start, end);
    if (whole !== undefined) {
      this.mention(whole);
      return { kind: 'term', step: whole, result: 'bare', column };
    }
    const expr = this.expr;
    // The last `.` of the term, when it is not the term's first character.
    const at = expr.lastIndexOf('.', end - 1);
    const dot = at > start ? at : -1;
    const id = dot >= 0 ? this.prerequisiteAt(start, dot) : undefined;
    if (id === undefined) return this.unknownStep(dot >= 0 ? expr.slice(start, dot) : expr.slice(start, end), column);
    this.mention(id);
    const result = this.resultAt(dot + 1, end);
    if (result === undefined) {
      const written = expr.slice(dot + 1, end);
      const resultColumn = dot + 2;
      const hint = didYouMean(new Suggester(WHEN_RESULTS).suggest(written));
      this.problems.push({ message: `${quote(written)} is not a result${hint}; use ${WHEN_RESULTS.join(', ')} at column ${resultColumn}`, column: resultColumn });
      return { kind: 'term', step: id, result: 'bare', column };
    }
    return { kind: 'term', step: id, result, column };
  }

  /** A term whose id is no prerequisite of the step: a problem, with a did-you-mean or the ids that may appear. */
  private unknownStep(id: string, column: number): WhenNode {
    const prerequisites = this.prerequisites;
    this.suggester ??= new Suggester(prerequisites);
    const suggestion = this.suggester.suggest(id);
    // Without a likely intended id, say which ids may appear (a few of them).
    const shown = prerequisites.slice(0, 6).map((p) => quote(p)).join(', ');
    const known =
      prerequisites.length === 0
        ? `; ${this.stepId} has no prerequisites`
        : suggestion === undefined
          ? ` (its prerequisites: ${shown}${prerequisites.length > 6 ? ', …' : ''})`
          : '';
    this.problems.push({ message: `${quote(id)} is not a prerequisite of ${this.stepId}${didYouMean(suggestion)}${known} at column ${column}`, column });
    return { kind: 'term', step: id, result: 'bare', column };
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
