import { describe, expect, test } from 'vitest';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { addPngText } from '../../../src/app/share/png-text.ts';
import { isPng, LINK_KEYWORD, readPngText, readPngTextChunks } from '../../../src/scenario/intake/png-text.ts';

// A 1×1 red RGBA PNG written by Node's zlib: IHDR, IDAT, IEND.
const PNG_1X1 = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'),
);
const LINK = 'https://example.org/ripple/#v1.eJzLSM3JyVcozy_KSQEAGgQEXQ';

function chunkTypes(bytes: Uint8Array): string[] {
  const types: string[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

describe('png-text', () => {
  test('a link written into a PNG reads back, in a tEXt chunk right after IHDR', () => {
    const out = addPngText(PNG_1X1, LINK_KEYWORD, LINK);
    expect(isPng(out)).toBe(true);
    expect(chunkTypes(out)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(readPngText(out, LINK_KEYWORD)).toBe(LINK);
    expect(readPngText(PNG_1X1, LINK_KEYWORD)).toBeNull();
  });

  test('the chunk CRC is the standard CRC-32 over type and data', () => {
    const out = addPngText(PNG_1X1, 'Comment', 'hi');
    const start = 8 + 25; // signature + IHDR chunk
    const length = 'Comment'.length + 1 + 2;
    const crc = new DataView(out.buffer).getUint32(start + 8 + length);
    expect(crc).toBe(crc32(Buffer.from(out.subarray(start + 4, start + 8 + length))));
  });

  test('several chunks keep their order; Latin-1 text survives', () => {
    const out = addPngText(addPngText(PNG_1X1, 'Title', 'Café — no'.replace('—', '-')), 'Author', 'Zoë');
    expect(readPngTextChunks(out)).toEqual([
      { keyword: 'Author', text: 'Zoë' },
      { keyword: 'Title', text: 'Café - no' },
    ]);
  });

  test('a chunk whose CRC does not match is skipped, not trusted', () => {
    const out = addPngText(PNG_1X1, LINK_KEYWORD, LINK);
    out[8 + 25 + 8 + 3] ^= 0xff; // flip a keyword byte
    expect(readPngText(out, LINK_KEYWORD)).toBeNull();
  });

  test('cut short or not a PNG: nothing read, nothing thrown', () => {
    const out = addPngText(PNG_1X1, LINK_KEYWORD, LINK);
    expect(readPngTextChunks(out.subarray(0, 40))).toEqual([]);
    expect(readPngTextChunks(new TextEncoder().encode('<svg/>'))).toEqual([]);
    expect(readPngTextChunks(new Uint8Array())).toEqual([]);
  });

  test('writing refuses what the format does not allow', () => {
    expect(() => addPngText(new Uint8Array([1, 2, 3]), 'k', 'v')).toThrow(/Not a PNG/);
    expect(() => addPngText(PNG_1X1, '', 'v')).toThrow(/keyword/);
    expect(() => addPngText(PNG_1X1, 'x'.repeat(80), 'v')).toThrow(/keyword/);
    expect(() => addPngText(PNG_1X1, 'k', 'emoji 🙂')).toThrow(/Latin-1/);
  });

  test('random and mangled bytes never throw', () => {
    const withText = addPngText(PNG_1X1, LINK_KEYWORD, LINK);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(withText.length), (noise, cut) => {
        readPngTextChunks(noise);
        const mangled = withText.slice(0, cut);
        if (mangled.length > 8) mangled.set(noise.subarray(0, mangled.length - 8), 8);
        readPngTextChunks(mangled);
      }),
      { seed: 424, numRuns: 300 },
    );
  });
});
