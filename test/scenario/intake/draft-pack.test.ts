// The autosaved draft, packed (src/scenario/intake/draft-pack.ts): what the text worker stores
// must read back as the very JSON it packed, ~7× shorter for a large scenario (issue #9 item 3:
// the length of one localStorage.setItem), and any damage must be a reason, never a wrong draft.
import { isPackedDraft, MAX_STORED_BYTES, PACKED_DRAFT_PREFIX } from '../../../src/scenario/intake/draft.ts';
import { packDraft, unpackDraft } from '../../../src/scenario/intake/draft-pack.ts';
import { findPreset } from '../../../src/presets/index.ts';
import { retryStorm } from '../../fixtures/retry-storm.ts';
import { crc32, toBase64Url } from '../../../src/scenario/bytes.ts';

const payment = findPreset('payment-fails')!.scenario;

describe('a packed draft', () => {
  test('unpacks to the very JSON packed, names and all (non-ASCII, prototype-like ids)', () => {
    const json = JSON.stringify({ scenario: { ...payment, title: 'Zahlung — ünïcode ✓ 🙂', context: { __proto__x: 'v', constructor: '1' } }, dirty: true, savedAt: 1_700_000_000_000 });
    const packed = packDraft(json);
    expect(isPackedDraft(packed)).toBe(true);
    expect(packed.startsWith(PACKED_DRAFT_PREFIX)).toBe(true);
    expect(packed).toMatch(/^z1\.[A-Za-z0-9_-]+$/);
    expect(unpackDraft(packed)).toEqual({ ok: true, json });
  });

  test('is several times shorter than the JSON of a 2,000-step scenario', () => {
    const json = JSON.stringify({ scenario: retryStorm(2_000, 'graph-aware'), dirty: true, savedAt: 1 });
    const packed = packDraft(json);
    expect(packed.length * 4).toBeLessThan(json.length);
    expect(unpackDraft(packed)).toEqual({ ok: true, json });
  });

  test('a plain JSON draft is not taken for a packed one', () => {
    expect(isPackedDraft(JSON.stringify({ scenario: payment, dirty: false, savedAt: 1 }))).toBe(false);
    expect(unpackDraft('{"scenario":{}}')).toEqual({ ok: false, reason: 'it does not start with "z1."' });
  });

  test('damage is a reason: a character changed, cut short, not base64url, the checksum of other bytes', () => {
    const packed = packDraft(JSON.stringify({ scenario: payment, dirty: false, savedAt: 1 }));
    const at = Math.floor(packed.length / 2);
    const flipped = packed.slice(0, at) + (packed[at] === 'A' ? 'B' : 'A') + packed.slice(at + 1);
    expect(unpackDraft(flipped)).toEqual({ ok: false, reason: 'its packed text is damaged (its checksum does not match)' });
    expect(unpackDraft(packed.slice(0, 40))).toMatchObject({ ok: false, reason: expect.stringMatching(/^its packed text is damaged/) });
    expect(unpackDraft('z1.')).toEqual({ ok: false, reason: 'its packed text is damaged (it is cut short)' });
    expect(unpackDraft(`${packed.slice(0, 10)}!${packed.slice(11)}`)).toEqual({ ok: false, reason: 'its packed text is damaged (a character that is not base64url at 10)' });
  });

  test('bytes that pass their checksum but do not inflate, or inflate past the stored-item cap, are refused', () => {
    // A deflate stream of stored blocks whose header says "reserved block type" (0b11): not deflate.
    const bad = new Uint8Array([0x07, 0x00, 0x00]);
    expect(unpackDraft(withChecksum(bad))).toEqual({ ok: false, reason: 'its packed text is damaged (it does not inflate)' });
    const bomb = packDraft(' '.repeat(MAX_STORED_BYTES + 1));
    expect(unpackDraft(bomb)).toEqual({ ok: false, reason: `it unpacks to more than ${MAX_STORED_BYTES} bytes` });
  });
});

/** `z1.` + base64url of `deflated` and its CRC-32, as packDraft frames its bytes. */
function withChecksum(deflated: Uint8Array): string {
  const bytes = new Uint8Array(deflated.length + 4);
  bytes.set(deflated);
  new DataView(bytes.buffer).setUint32(deflated.length, crc32(deflated));
  return `${PACKED_DRAFT_PREFIX}${toBase64Url(bytes)}`;
}
