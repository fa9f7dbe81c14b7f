// Reading PNG tEXt chunks, so an exported PNG that carries its scenario link can be dropped
// back onto Ripple. A dropped file is untrusted: every length is checked against the buffer
// and chunks whose CRC does not match are skipped. The writer is in src/app/share/png-text.ts.
import { crc32 } from '../bytes.ts';

/** The 8 bytes every PNG starts with (PNG spec §5.2). */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The tEXt keyword under which Ripple stores a scenario's share link. */
export const LINK_KEYWORD = 'Ripple link';

export interface PngText {
  keyword: string;
  text: string;
}

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The big-endian unsigned 32-bit number at `at` (PNG lengths and CRCs). */
export function readUint32(bytes: Uint8Array, at: number): number {
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
  let at = PNG_SIGNATURE.length;
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

/** The text stored under `keyword`, or null. `readPngText(png, LINK_KEYWORD)` → the share link (untrusted: it still goes through the link decoder). */
export function readPngText(bytes: Uint8Array, keyword: string): string | null {
  return readPngTextChunks(bytes).find((chunk) => chunk.keyword === keyword)?.text ?? null;
}
