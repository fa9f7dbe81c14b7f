import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findSyntaxError, readJsonText } from '../../../src/scenario/intake/json-text.ts';

describe('readJsonText: byte-order mark → size → parse', () => {
  test('a byte-order mark (from Windows editors) is dropped before parsing', () => {
    expect(readJsonText('\uFEFF{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  test('text over the limit is refused by its UTF-8 size, before parsing', () => {
    // 400 three-byte characters: 402 UTF-16 units, 1,202 UTF-8 bytes.
    const text = `"${'€'.repeat(400)}"`;
    expect(readJsonText(text, { maxBytes: 1_202 }).ok).toBe(true);
    expect(readJsonText(text, { maxBytes: 1_201, what: 'stored draft' })).toEqual({
      ok: false,
      error: { kind: 'too-large', bytes: 1_202, limit: 1_201, message: 'The stored draft is 1,202 bytes; Ripple opens at most 1,201 (1.2 kB).' },
    });
  });

  test('the default limit is 1 MB, the byte-order mark not counted', () => {
    const exactly = `"${'x'.repeat(999_998)}"`;
    expect(readJsonText(`\uFEFF${exactly}`).ok).toBe(true);
    expect(readJsonText(`${exactly} `)).toMatchObject({
      ok: false,
      error: { kind: 'too-large', message: 'The text is 1,000,001 bytes; Ripple opens at most 1,000,000 (1 MB).' },
    });
  });

  test('broken JSON names the line, the column and what was expected', () => {
    expect(readJsonText('{\n  "steps": [1, 2,]\n}')).toEqual({
      ok: false,
      error: { kind: 'not-json', line: 2, column: 18, offset: 19, message: 'This is not JSON: line 2, column 18: expected a value, found "]".' },
    });
  });

  test.each([
    ['', 'line 1, column 1: expected a value, but the text ends'],
    ['{"a":1', 'line 1, column 7: expected "," or "}", but the text ends'],
    ["{'a':1}", `line 1, column 2: expected a property name in double quotes, found "'"`],
    ['{"a" 1}', 'line 1, column 6: expected ":", found "1"'],
    ['[1 2]', 'line 1, column 4: expected "," or "]", found "2"'],
    ['{"a":1}}', 'line 1, column 8: expected the end of the text, found "}"'],
    ['"abc', 'line 1, column 1: this string is never closed'],
    ['"a\\qb"', 'line 1, column 3: unknown escape in a string'],
    ['"\\u12G4"', 'line 1, column 2: expected four hex digits after \\u'],
    ['"tab\there"', 'line 1, column 5: a string may not hold a raw control character (write it as an escape like \\n)'],
    ['[01]', 'line 1, column 3: expected "," or "]", found "1"'],
    ['[NaN]', 'line 1, column 2: expected a value, found "N"'],
    ['\uFEFF\n\n  tru', 'line 3, column 3: expected a value, found "t"'],
    ['[1, 😀]', 'line 1, column 5: expected a value, found "😀"'],
  ])('%j → %s', (text, where) => {
    const read = readJsonText(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toBe(`This is not JSON: ${where}.`);
  });

  test('a million open brackets are refused without overflowing the stack', () => {
    const read = readJsonText('['.repeat(999_999));
    expect(!read.ok && read.error.message).toBe('This is not JSON: line 1, column 1000000: expected a value, but the text ends.');
  });
});

describe('findSyntaxError agrees with JSON.parse', () => {
  const accepts = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  test('on valid JSON of every shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        expect(findSyntaxError(JSON.stringify(value, null, indent))).toBeNull();
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  test('on JSON with one character changed, dropped or added', () => {
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '.', 'e', '+', 't', 'n', ' ', '\n', 'x', '\u0001'];
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom(...pieces), fc.constantFrom('replace', 'drop', 'insert'), (value, at, piece, how) => {
        const json = JSON.stringify(value) ?? 'null';
        const i = at % (json.length + 1);
        const text =
          how === 'replace' ? json.slice(0, i) + piece + json.slice(i + 1) : how === 'drop' ? json.slice(0, i) + json.slice(i + 1) : json.slice(0, i) + piece + json.slice(i);
        expect(findSyntaxError(text) === null).toBe(accepts(text));
      }),
      { seed: 11, numRuns: 2_000 },
    );
  });
});
