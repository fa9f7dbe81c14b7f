import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJsonText } from '../../../src/scenario/intake/json-text.ts';
import { readJsonValue } from '../../../src/scenario/intake/json-value.ts';

// The stored-draft and lesson-progress readers use readJsonValue (no account of what is wrong, so
// the syntax scanner stays out of the main chunk): it must keep and drop exactly what readJsonText does.
describe('readJsonValue agrees with readJsonText', () => {
  it('on JSON, broken JSON, byte-order marks and texts around the size limit', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, Math.max(0, t.length - 1))),
      fc.json().map((t) => `\uFEFF${t}`),
      fc.string(),
      fc.string({ unit: 'grapheme' }).map((t) => JSON.stringify(t)),
    );
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 60 }), (text, maxBytes) => {
        const full = readJsonText(text, { maxBytes });
        const value = readJsonValue(text, maxBytes);
        if (full.ok) expect(value).toEqual(full.value);
        else expect(value).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts UTF-8 bytes, not UTF-16 units: "é" ×3 is 8 bytes as JSON', () => {
    expect(readJsonValue('"ééé"', 8)).toBe('ééé');
    expect(readJsonValue('"ééé"', 7)).toBeUndefined();
  });
});
