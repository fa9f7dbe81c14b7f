// Small text helpers for the gate's messages: JSON paths, value descriptions, "did you mean".
// Everything here must be safe on hostile values: no JSON.stringify of objects (deeply nested
// input would overflow the stack), and every quoted string is shortened.
import type { Problem } from './types.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `join('steps[0]', 'fail')` → `steps[0].fail`; odd keys are quoted: `policy["a b"]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${quote(key)}]`;
}

/** A string as JSON, shortened to `max` characters: `"a very lo…"`. */
export function quote(s: string, max = 40): string {
  const short = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(short);
}

/** A value described for a message without serialising it: `"abc"`, `12`, `an array`, `an object`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `path: message`, or just the message for the document root. */
export function formatProblem(p: Problem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}

/** Length in Unicode code points (what a person counts as characters, near enough). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Byte length of `s` encoded as UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `1234567` → `1,234,567`, without depending on the host locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Edit distance with transpositions (optimal string alignment), giving up above `max`.
 * Returns `max + 1` when the distance is larger than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * Finds the likeliest intended name among `candidates` for a misspelt `name`, or undefined.
 * A case-only difference always matches; otherwise, for names of 4 or more characters, up to
 * one edit per three characters (at most 3). `budget` caps the comparisons, so a list of 100,000 bad references stays fast.
 */
export class Suggester {
  private readonly lower = new Map<string, string>();
  private budget: number;

  constructor(
    private readonly candidates: readonly string[],
    budget = 200_000,
  ) {
    this.budget = budget;
    for (const c of candidates) {
      const key = c.toLowerCase();
      if (!this.lower.has(key)) this.lower.set(key, c);
    }
  }

  suggest(name: string): string | undefined {
    const exact = this.lower.get(name.toLowerCase());
    if (exact !== undefined && exact !== name) return exact;
    // One edit turns any short name into many others: only case differences count there.
    if (name.length < 4) return undefined;
    const max = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const c of this.candidates) {
      if (this.budget <= 0) break;
      if (Math.abs(c.length - name.length) > max) continue;
      this.budget--;
      const d = editDistance(name, c, Math.min(max, bestDistance - 1));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
        if (d === 1) break;
      }
    }
    return best;
  }
}

/** `(did you mean "ship"?)` with a leading space, or an empty string. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`;
}

/** `"a", "b" or "c"` */
export function listChoices(choices: readonly string[]): string {
  const quoted = choices.map((c) => JSON.stringify(c));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
