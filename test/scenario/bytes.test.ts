import fc from 'fast-check';
import { crc32, crc8, fromBase64Url, readVarint, toBase64Url, writeVarint } from '../../src/scenario/bytes.ts';
import { Suggester, codePointLength, editDistance, utf8Length } from '../../src/scenario/text.ts';

describe('link bytes', () => {
  it('base64url round-trips any bytes, matching Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual({ ok: true, bytes, dangling: false, strayBits: false });
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it('base64url decoding is strict: foreign characters fail, stray padding bits are flagged', () => {
    expect(fromBase64Url('ab+c')).toEqual({ ok: false, badChar: 2 });
    expect(fromBase64Url('ab=')).toEqual({ ok: false, badChar: 2 });
    expect(fromBase64Url('é')).toEqual({ ok: false, badChar: 0 });
    expect(fromBase64Url('AA').ok).toBe(true);
    expect(fromBase64Url('AA')).toMatchObject({ strayBits: false });
    expect(fromBase64Url('AB')).toMatchObject({ ok: true, strayBits: true }); // "B" sets a padding bit
    expect(fromBase64Url('AAB')).toMatchObject({ ok: true, strayBits: true });
    expect(fromBase64Url('AAAAA')).toMatchObject({ ok: true, dangling: true, bytes: new Uint8Array(3) });
  });

  it('checksums match their standard check values', () => {
    const check = new TextEncoder().encode('123456789');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(crc8(check)).toBe(0xf4);
  });

  it('varints round-trip and refuse cut-off input', () => {
    for (const n of [0, 1, 127, 128, 300, 16_383, 16_384, 200_000, 2 ** 28]) {
      const bytes = writeVarint(n);
      expect(readVarint(bytes, 0)).toEqual({ value: n, length: bytes.length });
      expect(readVarint(bytes.subarray(0, bytes.length - 1), 0)).toBeNull();
    }
    expect(readVarint(Uint8Array.from([255, 255, 255, 255, 255]), 0, 4)).toBeNull();
  });
});

describe('message text helpers', () => {
  it('counts code points and UTF-8 bytes like the platform does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        expect(codePointLength(s)).toBe([...s].length);
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { seed: 2, numRuns: 500 },
    );
    expect(utf8Length('\ud800')).toBe(3);
  });

  it('measures edit distance with transpositions, giving up past the limit', () => {
    expect(editDistance('ship', 'shipp', 2)).toBe(1);
    expect(editDistance('paymnet', 'payment', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('', 'ab', 3)).toBe(2);
  });

  it('suggests the closest name, case differences first, and nothing for far-off or short names', () => {
    const s = new Suggester(['durationMs', 'timeoutMs', 'label', 'ship', 'x', 'y']);
    expect(s.suggest('durationMS')).toBe('durationMs');
    expect(s.suggest('timoutMs')).toBe('timeoutMs');
    expect(s.suggest('shipp')).toBe('ship');
    expect(s.suggest('colour')).toBeUndefined();
    expect(s.suggest('z')).toBeUndefined();
    expect(s.suggest('X')).toBe('x');
  });
});
