// Reading and writing PNG tEXt chunks, so an exported PNG carries its scenario link and can be
// dropped back onto Ripple. Pure bytes in, bytes out: a dropped file is untrusted, so the reader
// checks every length against the buffer and skips chunks whose CRC does not match.

import { crc32 } from '../../scenario/bytes.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The tEXt keyword under which Ripple stores a scenario's share link. */
export const LINK_KEYWORD = 'Ripple link';

export interface PngText {
  keyword: string;
  text: string;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** Every intact tEXt chunk of a PNG, in file order; [] for anything that is not a PNG. */
export function readPngTextChunks(bytes: Uint8Array): PngText[] {
  if (!isPng(bytes)) return [];
  const found: PngText[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at);
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) break;
    const type = latin1Decode(bytes.subarray(at + 4, at + 8));
    if (type === 'IEND') break;
    if (type === 'tEXt' && crc32(bytes.subarray(at + 4, dataEnd)) === readUint32(bytes, dataEnd)) {
      const data = bytes.subarray(dataStart, dataEnd);
      const nul = data.indexOf(0);
      if (nul > 0) found.push({ keyword: latin1Decode(data.subarray(0, nul)), text: latin1Decode(data.subarray(nul + 1)) });
    }
    at = dataEnd + 4;
  }
  return found;
}

/** The text stored under `keyword`, or null. `readPngText(png, LINK_KEYWORD)` → the share link. */
export function readPngText(bytes: Uint8Array, keyword: string): string | null {
  return readPngTextChunks(bytes).find((chunk) => chunk.keyword === keyword)?.text ?? null;
}

function latin1Encode(text: string, what: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff || code === 0) throw new Error(`PNG tEXt ${what} must be Latin-1 without NUL (character ${i} is U+${code.toString(16).padStart(4, '0')}).`);
    out[i] = code;
  }
  return out;
}

/**
 * A copy of the PNG with a tEXt chunk added right after IHDR (readers find it without scanning
 * image data). `addPngText(png, LINK_KEYWORD, 'https://…#…')`. Throws on bytes that are not a
 * PNG or on a keyword the format does not allow (1–79 Latin-1 characters).
 */
export function addPngText(bytes: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(bytes)) throw new Error('Not a PNG: the signature is missing.');
  if (keyword.length < 1 || keyword.length > 79 || keyword !== keyword.trim()) {
    throw new Error('A PNG tEXt keyword has 1–79 characters and no leading or trailing space.');
  }
  const key = latin1Encode(keyword, 'keyword');
  const value = latin1Encode(text, 'text');
  const ihdrEnd = SIGNATURE.length + 12 + readUint32(bytes, SIGNATURE.length);
  if (ihdrEnd > bytes.length) throw new Error('Not a PNG: the IHDR chunk is cut short.');

  const length = key.length + 1 + value.length;
  const chunk = new Uint8Array(12 + length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, length);
  chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
  chunk.set(key, 8);
  chunk.set(value, 8 + key.length + 1);
  view.setUint32(8 + length, crc32(chunk.subarray(4, 8 + length)));

  const out = new Uint8Array(bytes.length + chunk.length);
  out.set(bytes.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(bytes.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
