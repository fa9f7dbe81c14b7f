// The autosaved draft, packed: its JSON text raw-deflated, as the share link packs a scenario
// (src/scenario/link/framing.ts), so that storing it is one short `localStorage.setItem`. A
// 2,000-step draft is ~450,000 characters of JSON and ~60,000 packed; Chromium's setItem takes
// time in proportion to the text, inside the task that calls it (issue #9 item 3: no task over
// 200 ms). The text worker packs (src/worker/text-requests.ts); the page unpacks when a store
// is created (src/store/autosave.ts). Drafts stored before as plain JSON are read as before.
//
//   z1.<base64url(deflated · crc32(deflated))>    deflated = raw deflate of the UTF-8 JSON
//
// The CRC-32 makes any damage a clear "damaged" rather than a wrong draft.
import { deflateSync } from 'fflate';
import { crc32, fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '../bytes.ts';
import { inflateLimited } from '../link/framing.ts';
import { isPackedDraft, MAX_STORED_BYTES, PACKED_DRAFT_PREFIX } from './draft.ts';

/**
 * Packs a draft's JSON text (`JSON.stringify(draft)`) into `z1.` + base64url. Level 6: in the
 * text worker a 2,000-step draft packs in tens of ms, and level 9 saves only a few per cent more.
 *
 * @example
 * unpackDraft(packDraft('{"scenario":{}}')) // → { ok: true, json: '{"scenario":{}}' }
 */
export function packDraft(json: string): string {
  const deflated = deflateSync(utf8Encode(json), { level: 6 });
  const bytes = new Uint8Array(deflated.length + 4);
  bytes.set(deflated, 0);
  new DataView(bytes.buffer).setUint32(deflated.length, crc32(deflated));
  return `${PACKED_DRAFT_PREFIX}${toBase64Url(bytes)}`;
}

/** A packed draft's JSON text, or why it cannot be read (a sentence fragment for the start-up notice). */
export type Unpacked = { ok: true; json: string } | { ok: false; reason: string };

/**
 * The JSON text inside a packed draft (`packDraft`'s output). Never throws: text that is not
 * base64url, fails its CRC-32, does not inflate, unpacks past MAX_STORED_BYTES or is not UTF-8
 * gives a reason instead.
 */
export function unpackDraft(raw: string): Unpacked {
  const damaged = (what: string): Unpacked => ({ ok: false, reason: `its packed text is damaged (${what})` });
  if (!isPackedDraft(raw)) return { ok: false, reason: `it does not start with "${PACKED_DRAFT_PREFIX}"` };
  const decoded = fromBase64Url(raw.slice(PACKED_DRAFT_PREFIX.length));
  if (!decoded.ok) return damaged(`a character that is not base64url at ${decoded.badChar + PACKED_DRAFT_PREFIX.length}`);
  const { bytes } = decoded;
  if (decoded.dangling || bytes.length < 4) return damaged('it is cut short');
  const deflated = bytes.subarray(0, bytes.length - 4);
  if (new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4) !== crc32(deflated)) return damaged('its checksum does not match');
  const inflated = inflateLimited(deflated, MAX_STORED_BYTES);
  if (!inflated.ok) return inflated.kind === 'too-large' ? { ok: false, reason: `it unpacks to more than ${MAX_STORED_BYTES} bytes` } : damaged('it does not inflate');
  const json = utf8Decode(inflated.bytes);
  return json === null ? damaged('it is not UTF-8 text') : { ok: true, json };
}
