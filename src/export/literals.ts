// Literals of other languages made from untrusted text (a step's request line, its id, a
// scenario's title): the snippets people paste into a terminal or a REPL, and the orchestrator
// files Ripple exports, hold such text only as literals built with the language's own quoting,
// never spliced between hand-written quotes.

// Characters that are invisible or end a line somewhere (controls, U+2028/U+2029, bidi
// overrides, unassigned and private-use code points, lone surrogates): always escaped, so
// a literal reads as what it holds. A plain space is the one separator kept.
const INVISIBLE = /(?! )[\p{C}\p{Z}]/u;

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/**
 * A JavaScript string literal: `jsString('a"b\u2028')` → `"a\"b\u{2028}"`. JSON.stringify's
 * quoting, plus escapes for what JSON leaves raw but JavaScript treats as a line end (U+2028,
 * U+2029) or what would hide in a terminal (format characters).
 */
export function jsString(text: string): string {
  return JSON.stringify(text).replace(/(?! )[\p{C}\p{Z}]/gu, (ch) => `\\u{${hex(ch.codePointAt(0)!, 4)}}`);
}

/**
 * A Python 3 string literal: `pythonString('C:\\x "y"\n')` → `"C:\\x \"y\"\n"`. Backslash and
 * double quote are escaped, line ends and other invisible characters become `\n`, `\xNN`,
 * `\uNNNN` or `\UNNNNNNNN`; everything else (letters in any script) stays as written.
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (INVISIBLE.test(ch)) out += cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A POSIX shell word: `shellWord("it's")` → `'it'\''s'`. Single quotes keep everything literal
 * (POSIX "Shell Command Language" §2.2.2); a `'` inside closes the quote, adds `\'`, and reopens it.
 */
export function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
