// Byte helpers for the link format: strict base64url, CRC-32, CRC-8 and unsigned varints.
// Pure and allocation-light; the decoder side never throws, it answers null.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

export type Base64Result =
  | { ok: true; bytes: Uint8Array; dangling: boolean; strayBits: boolean }
  | { ok: false; badChar: number };

/**
 * Strict base64url decoding. A character outside the alphabet fails (`badChar` is its index).
 * A final group of one character cannot be a whole byte: it is dropped and `dangling` is set
 * (the sign of a cut link). Non-zero padding bits in the last character set `strayBits`: a
 * complete link never has them, so the caller can refuse a flipped bit there (a cut link may
 * end anywhere, so they are not an error by themselves).
 */
export function fromBase64Url(text: string): Base64Result {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUE[c] < 0) return { ok: false, badChar: i };
  }
  const dangling = n % 4 === 1;
  const usable = dangling ? n - 1 : n;
  const out = new Uint8Array(Math.floor((usable * 3) / 4));
  let strayBits = false;
  let o = 0;
  let i = 0;
  for (; i + 3 < usable; i += 4) {
    const v =
      (VALUE[text.charCodeAt(i)] << 18) |
      (VALUE[text.charCodeAt(i + 1)] << 12) |
      (VALUE[text.charCodeAt(i + 2)] << 6) |
      VALUE[text.charCodeAt(i + 3)];
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = usable - i;
  if (rest === 2) {
    const v = (VALUE[text.charCodeAt(i)] << 18) | (VALUE[text.charCodeAt(i + 1)] << 12);
    strayBits = (v & 0xffff) !== 0;
    out[o] = v >> 16;
  } else if (rest === 3) {
    const v = (VALUE[text.charCodeAt(i)] << 18) | (VALUE[text.charCodeAt(i + 1)] << 12) | (VALUE[text.charCodeAt(i + 2)] << 6);
    strayBits = (v & 0xff) !== 0;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 255;
  }
  return { ok: true, bytes: out, dangling, strayBits };
}

const CRC32_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC32_TABLE[n] = c >>> 0;
}

/** CRC-32 (IEEE, as in zip and PNG). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC32_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-8 (polynomial 0x07): detects every error of up to 8 consecutive bits in a short header. */
export function crc8(bytes: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 255 : (c << 1) & 255;
  }
  return c;
}

/** Unsigned LEB128 varint of a non-negative safe integer < 2^35. */
export function writeVarint(n: number): Uint8Array {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    out.push(b);
  } while (n > 0);
  return Uint8Array.from(out);
}

/** Reads a varint of at most `maxBytes` bytes at `offset`; null when cut off or too long. */
export function readVarint(bytes: Uint8Array, offset: number, maxBytes = 5): { value: number; length: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < maxBytes; i++) {
    if (offset + i >= bytes.length) return null;
    const b = bytes[offset + i];
    value += (b & 127) * scale;
    if ((b & 128) === 0) return { value, length: i + 1 };
    scale *= 128;
  }
  return null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding; null for malformed bytes. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
