// The one JSON-text reader for untrusted input: a file, a paste, a stored draft, a decoded
// link. In this order, so hostile text costs as little as possible:
//
//   byte-order mark stripped → size checked (UTF-8 bytes) → JSON.parse
//
// When the parse fails, the text is scanned once more to say where and what was expected
// (`line 3, column 1: expected "," or "}"`): engines word their errors differently and V8's
// often names no position at all. Never throws.
import { MAX_JSON_BYTES } from '../limits.ts';
import { formatCount, quote } from '../text.ts';
import { jsonBody } from './json-value.ts';

export type JsonTextError =
  | {
      kind: 'too-large';
      message: string;
      /** UTF-8 bytes of the text (after the byte-order mark), or its length in UTF-16 units when that alone is over the limit. */
      bytes: number;
      limit: number;
    }
  | {
      kind: 'not-json';
      message: string;
      /** 1-based line and column (in UTF-16 units) of the first character that breaks the JSON grammar. */
      line: number;
      column: number;
      /** 0-based offset of that character in the text after the byte-order mark. */
      offset: number;
    };

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonTextError };

export interface JsonTextOptions {
  /** Largest text accepted, in UTF-8 bytes. Default MAX_JSON_BYTES (1 MB). */
  maxBytes?: number;
  /** What the text is, for the size message: `'scenario text'` → "The scenario text is 1,050,000 bytes; …". */
  what?: string;
}

/**
 * Reads untrusted JSON text: strips a byte-order mark (common in files saved by Windows
 * editors), refuses text over `maxBytes` before parsing it, then parses it.
 *
 * @example
 * readJsonText('\uFEFF{"a":1}') // → { ok: true, value: { a: 1 } }
 * readJsonText('{"a":1,}')
 * // → { ok: false, error: { kind: 'not-json', line: 1, column: 8, offset: 7,
 * //     message: 'This is not JSON: line 1, column 8: expected a property name in double quotes, found "}".' } }
 */
export function readJsonText(text: string, options: JsonTextOptions = {}): JsonTextResult {
  const limit = options.maxBytes ?? MAX_JSON_BYTES;
  const { body, bytes } = jsonBody(text, limit);
  if (bytes > limit) {
    const message = `The ${options.what ?? 'text'} is ${formatCount(bytes)} bytes; Ripple opens at most ${formatCount(limit)} (${roughSize(limit)}).`;
    return { ok: false, error: { kind: 'too-large', message, bytes, limit } };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = findSyntaxError(body);
    if (found === null) {
      // The scanner accepted what the engine refused (it should not happen): keep the engine's words.
      const detail = error instanceof Error ? error.message : 'unreadable';
      return { ok: false, error: { kind: 'not-json', message: `This is not JSON: ${detail}.`, line: 1, column: 1, offset: 0 } };
    }
    const { line, column } = lineAndColumn(body, found.offset);
    const message = `This is not JSON: line ${line}, column ${column}: ${found.problem}.`;
    return { ok: false, error: { kind: 'not-json', message, line, column, offset: found.offset } };
  }
}

/** `1_000_000` → `1 MB`, `15_000_000` → `15 MB`, `1_201` → `1.2 kB`. */
function roughSize(limit: number): string {
  return limit >= 1_000_000 ? `${Math.round(limit / 100_000) / 10} MB` : `${Math.round(limit / 100) / 10} kB`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The first offset where `text` breaks the JSON grammar (RFC 8259), with what was expected
 * there; null when it is valid JSON. Iterative, with an explicit stack of open containers,
 * so deeply nested hostile text cannot overflow the call stack.
 */
export function findSyntaxError(text: string): { offset: number; problem: string } | null {
  const n = text.length;
  const open: number[] = []; // char codes of the open containers: 0x7b `{` or 0x5b `[`
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  };
  const expected = (what: string): { offset: number; problem: string } => ({
    offset: i,
    problem: i >= n ? `expected ${what}, but the text ends` : `expected ${what}, found ${quote(String.fromCodePoint(text.codePointAt(i)!))}`,
  });
  // Reads a string starting at the quote at `i`; returns an error or null (and moves `i` past it).
  const readString = (): { offset: number; problem: string } | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { offset: i, problem: 'a string may not hold a raw control character (write it as an escape like \\n)' };
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return { offset: i, problem: 'expected four hex digits after \\u' };
          i += 6;
        } else if ('"\\/bfnrt'.includes(text[i + 1] ?? '?')) i += 2;
        else return { offset: i, problem: 'unknown escape in a string' };
      } else i++;
    }
    return { offset: start, problem: 'this string is never closed' };
  };

  for (;;) {
    skipSpace();
    switch (state) {
      case 'value': {
        const c = text.charCodeAt(i);
        if (c === 0x7b || c === 0x5b) {
          i++;
          skipSpace();
          if (text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
            i++;
            state = 'after';
          } else {
            open.push(c);
            state = c === 0x7b ? 'key' : 'value';
          }
        } else if (c === 0x22) {
          const bad = readString();
          if (bad) return bad;
          state = 'after';
        } else {
          NUMBER.lastIndex = i;
          LITERAL.lastIndex = i;
          if (NUMBER.test(text)) i = NUMBER.lastIndex;
          else if (LITERAL.test(text)) i = LITERAL.lastIndex;
          else return expected('a value');
          state = 'after';
        }
        break;
      }
      case 'key': {
        if (text.charCodeAt(i) !== 0x22) return expected('a property name in double quotes');
        const bad = readString();
        if (bad) return bad;
        skipSpace();
        if (text.charCodeAt(i) !== 0x3a) return expected('":"');
        i++;
        state = 'value';
        break;
      }
      case 'after': {
        const top = open[open.length - 1];
        if (top === undefined) return i < n ? expected('the end of the text') : null;
        const close = top === 0x7b ? 0x7d : 0x5d;
        const c = text.charCodeAt(i);
        if (c === 0x2c) {
          i++;
          state = top === 0x7b ? 'key' : 'value';
        } else if (c === close) {
          i++;
          open.pop();
        } else return expected(top === 0x7b ? '"," or "}"' : '"," or "]"');
        break;
      }
    }
  }
}
