// Framing of share links: the text around the compact payload (src/scenario/link/compact.ts).
//
//   r1.<base64url(frame)>  or  r2.<base64url(frame)>
//   frame   = varint(N) · crc8(varint) · deflated[N] · crc32(deflated), big-endian
//   payload = UTF-8 text, raw-deflated (fflate, level 9)
//
// - `r1.` / `r2.` is the link format version (r2 carries version-2 scenarios; the frame is the
//   same). Every format ever shipped keeps its decoder, so old links keep opening; `r3.`… says
//   "made by a newer Ripple" instead of failing obscurely.
// - N (the deflated length) lets a cut link be told apart from a damaged one: fewer bytes
//   than announced is `truncated` ("ask the sender to copy the whole link"); a header that
//   fails its CRC-8, deflated bytes that fail their CRC-32 (so no flipped bit goes unnoticed,
//   not even one deflate would ignore), bad base64 or bad deflate is `corrupt`.
// - Inflating stops as soon as the output passes MAX_DECOMPRESSED_BYTES (no decompression
//   bombs); links over MAX_LINK_CHARS are refused before any decoding.
import { Inflate, deflateSync } from 'fflate';
import { MAX_DECOMPRESSED_BYTES, MAX_LINK_CHARS } from '../limits.ts';
import { crc32, crc8, fromBase64Url, readVarint, toBase64Url, utf8Decode, utf8Encode, writeVarint } from '../bytes.ts';
import { formatCount } from '../text.ts';

/** The newest link format this Ripple writes (it writes r1 for a scenario that r1 can carry). */
export const LINK_FORMAT = 2;
export const LINK_PREFIX = `r${LINK_FORMAT}.`;
/** The oldest link format this Ripple reads. */
export const OLDEST_LINK_FORMAT = 1;
export type LinkFormat = 1 | 2;

/**
 * Why a link's frame could not be read; the message is a plain sentence for the recovery screen
 * and `--decode`. Its counts are of the characters after the # (what the Share dialog's meter
 * counts), so the sender's figure and the receiver's can be compared.
 */
export interface FrameError {
  kind: 'truncated' | 'unknown-version' | 'newer-version' | 'too-large' | 'corrupt';
  message: string;
}

export type Unframed = { ok: true; payload: string; format: LinkFormat } | { ok: false; error: FrameError };

/** What to do about a link that ends early; the message before it says once what is wrong (the recovery screen's advice says why links end early). */
export const COPY_WHOLE = 'Ask the sender to copy the whole link.';

function refuse(kind: FrameError['kind'], message: string): Unframed {
  return { ok: false, error: { kind, message } };
}

/** Frames a payload text: `r<format>.` + base64url of varint length, CRC-8 of it, deflated bytes, CRC-32 of those bytes. */
export function frame(payload: string, format: LinkFormat = LINK_FORMAT): string {
  const raw = utf8Encode(payload);
  const deflated = deflateSync(raw, { level: 9 });
  const length = writeVarint(deflated.length);
  const bytes = new Uint8Array(length.length + 1 + deflated.length + 4);
  bytes.set(length, 0);
  bytes[length.length] = crc8(length);
  bytes.set(deflated, length.length + 1);
  const sum = crc32(deflated);
  const end = bytes.length - 4;
  bytes[end] = sum >>> 24;
  bytes[end + 1] = (sum >>> 16) & 255;
  bytes[end + 2] = (sum >>> 8) & 255;
  bytes[end + 3] = sum & 255;
  return `r${format}.${toBase64Url(bytes)}`;
}

/** Thrown by the inflate callback to stop at the limit; never escapes `inflateLimited`. */
class OverLimit extends Error {}

/** On failure, `inflated` is how many bytes came out before inflating stopped. */
export type Inflated =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; kind: 'too-large' | 'corrupt'; message: string; inflated: number };

/** Raw inflate that stops as soon as the output passes `limit` bytes. */
export function inflateLimited(data: Uint8Array, limit: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) {
      over = true;
      throw new OverLimit('limit');
    }
    chunks.push(chunk);
  });
  // Small input slices bound how far one push can overshoot the limit (deflate expands at
  // most ~1032×, so 512 bytes in can never be more than ~0.5 MB out).
  const SLICE = 512;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) {
      const end = Math.min(i + SLICE, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (error) {
    if (over) {
      return {
        ok: false,
        kind: 'too-large',
        message: `The link's scenario is larger than ${formatCount(limit)} bytes once unpacked; Ripple opens at most 1 MB.`,
        inflated: total,
      };
    }
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, kind: 'corrupt', message: `The link is damaged: its compressed data cannot be unpacked (${detail}).`, inflated: total };
  }
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes };
}

/**
 * The payload text of a link fragment (with or without `#`, or a whole URL), or why there is
 * none. Never throws.
 *
 * @example
 * unframe('r1.Dc') // → { ok: false, error: { kind: 'truncated', message: 'This link ends 5 characters after the #, inside its header. …' } }
 */
export function unframe(input: string): Unframed {
  if (input.length > MAX_LINK_CHARS * 2) {
    return refuse('too-large', `This link is ${formatCount(input.length)} characters long; Ripple opens links of at most ${formatCount(MAX_LINK_CHARS)}.`);
  }
  const hash = input.indexOf('#');
  let text = (hash >= 0 ? input.slice(hash + 1) : input).trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return refuse('corrupt', 'The link is damaged: it contains a broken %-escape.');
    }
  }
  if (text.length > MAX_LINK_CHARS) {
    return refuse('too-large', `This link has ${formatCount(text.length)} characters after the #; Ripple opens links of at most ${formatCount(MAX_LINK_CHARS)} there.`);
  }
  if (text === '' || /^r\d{0,6}$/.test(text)) {
    return refuse('truncated', `This link holds no scenario: it ends where the scenario should begin. ${COPY_WHOLE}`);
  }
  const version = /^r(\d{1,9})\./.exec(text);
  if (!version) {
    return refuse('unknown-version', 'This is not a Ripple scenario link (it does not start with a known format such as "r1.").');
  }
  const n = Number(version[1]);
  if (n > LINK_FORMAT && version[1][0] !== '0') {
    return refuse(
      'newer-version',
      `This link was made by a newer Ripple (link format r${n}; this Ripple reads r${LINK_FORMAT}). Open it in a newer Ripple.`,
    );
  }
  if (n < OLDEST_LINK_FORMAT || version[1] !== String(n)) {
    return refuse('unknown-version', `This link uses format "r${version[1]}", which no Ripple writes.`);
  }

  const body = text.slice(version[0].length);
  const b64 = fromBase64Url(body);
  if (!b64.ok) {
    const at = version[0].length + b64.badChar;
    return refuse('corrupt', `The link is damaged: character ${formatCount(at + 1)} after the # is not part of a Ripple link.`);
  }
  const bytes = b64.bytes;
  const head = readVarint(bytes, 0, 4);
  if (!head || bytes.length < head.length + 1) {
    if (bytes.length < 5) return refuse('truncated', `This link ends ${formatCount(text.length)} characters after the #, inside its header. ${COPY_WHOLE}`);
    return refuse('corrupt', 'The link is damaged: its header cannot be read.');
  }
  if (crc8(bytes.subarray(0, head.length)) !== bytes[head.length]) {
    return refuse('corrupt', 'The link is damaged: its header does not match its checksum.');
  }
  const start = head.length + 1;
  const expected = start + head.value + 4;
  if (head.value === 0 || head.value > MAX_LINK_CHARS) return refuse('corrupt', 'The link is damaged: its header announces an impossible length.');
  const expectedChars = version[0].length + Math.ceil((expected * 4) / 3);
  if (bytes.length < expected) {
    return refuse(
      'truncated',
      `This link has ${formatCount(text.length)} of its ${formatCount(expectedChars)} characters after the #. ${COPY_WHOLE}`,
    );
  }
  if (bytes.length > expected || b64.dangling) {
    return refuse('corrupt', `The link is damaged: it has ${formatCount(text.length - expectedChars)} extra characters at the end.`);
  }
  if (b64.strayBits) return refuse('corrupt', 'The link is damaged: its last character is not one a Ripple link ends with.');
  const deflated = bytes.subarray(start, start + head.value);
  const sum = ((bytes[expected - 4] << 24) | (bytes[expected - 3] << 16) | (bytes[expected - 2] << 8) | bytes[expected - 1]) >>> 0;
  if (crc32(deflated) !== sum) return refuse('corrupt', 'The link is damaged: its content does not match its checksum.');

  const inflated = inflateLimited(deflated, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) return refuse(inflated.kind, inflated.message);
  const payload = utf8Decode(inflated.bytes);
  if (payload === null) return refuse('corrupt', 'The link is damaged: its content is not valid text.');
  return { ok: true, payload, format: n as LinkFormat };
}
