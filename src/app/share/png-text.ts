// Writing PNG tEXt chunks, so an exported PNG carries its scenario link and can be dropped
// back onto Ripple. Reading them back is untrusted input, so the reader lives in the intake
// gate (src/scenario/intake/png-text.ts); it is re-exported here for the app.
import { crc32 } from '../../scenario/bytes.ts';
import { isPng, PNG_SIGNATURE, readUint32 } from '../../scenario/intake/png-text.ts';

export { isPng, LINK_KEYWORD, readPngText, readPngTextChunks, type PngText } from '../../scenario/intake/png-text.ts';

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
  const ihdrEnd = PNG_SIGNATURE.length + 12 + readUint32(bytes, PNG_SIGNATURE.length);
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
