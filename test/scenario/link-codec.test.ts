import fc from 'fast-check';
import { deflateSync } from 'fflate';
import {
  LINK_PREFIX,
  buildShareUrl,
  decodeScenarioLink,
  encodeScenarioLink,
  frameLinkPayload,
  inflateLimited,
  parseShareUrl,
  type DecodeResult,
  type LinkErrorKind,
} from '../../src/scenario/link-codec.ts';
import { canonicalScenario } from '../../src/scenario/canonical.ts';
import { validate, versionTwoFields } from '../../src/scenario/validate.ts';
import oldLinks from './fixtures/r1-links.json';
import { MAX_DECOMPRESSED_BYTES, MAX_LINK_CHARS } from '../../src/scenario/limits.ts';
import { fromBase64Url, toBase64Url } from '../../src/scenario/bytes.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { generatedScenario, sagaScenario } from '../../bench/sample-scenarios.ts';
import { baselineLength } from '../../bench/link-size.ts';
import { extrasArb, scenarioArb } from './arbitraries.ts';
import { dep, lines, scenario, step } from './helpers.ts';

function kindOf(r: DecodeResult): LinkErrorKind | 'ok' {
  return r.ok ? 'ok' : r.error.kind;
}

const saga = sagaScenario();
const sagaLink = encodeScenarioLink(saga);
/** The saga uses no version-2 field, so its link is written in format r1 (older Ripples open it). */
const sagaPrefix = 'r1.';

describe('share links: round trip', () => {
  it('decode(encode(s, extras)) gives canonicalScenario(s) and the extras (property, 1,000 scenarios)', () => {
    fc.assert(
      fc.property(
        scenarioArb().chain((s) => fc.tuple(fc.constant(s), extrasArb(s))),
        ([s, extras]) => {
          const link = encodeScenarioLink(s, extras);
          // r1 exactly when the scenario needs nothing of version 2 (defaults stripped).
          const prefix = versionTwoFields(canonicalScenario(s) as never).length === 0 ? 'r1.' : LINK_PREFIX;
          expect(link.startsWith(prefix)).toBe(true);
          expect(link.slice(prefix.length)).toMatch(/^[A-Za-z0-9_-]*$/);
          const r = decodeScenarioLink(link);
          if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message} ${JSON.stringify(r.error.problems)}`);
          expect(r.scenario).toEqual(canonicalScenario(s));
          const expected: Record<string, unknown> = {};
          if (extras.at !== undefined) expected.at = extras.at === 0 ? 0 : extras.at;
          if (extras.select !== undefined) expected.select = extras.select;
          if (extras.play === true) expected.play = true;
          expect(r.extras).toEqual(expected);
          expect(r.warnings).toEqual([]);
          // The canonical form encodes to the very same link.
          expect(encodeScenarioLink(canonicalScenario(s), extras)).toBe(link);
        },
      ),
      { seed: 424, numRuns: 1_000 },
    );
  }, 120_000);

  it('carries markup in labels as plain text, byte for byte', () => {
    const s = scenario([step('a', { label: '<img src=x onerror=alert(1)>', request: '<script>alert(1)</script>' })], [], {
      title: 'javascript:alert(1)',
      description: '"><svg onload=alert(1)>',
    });
    const r = decodeScenarioLink(encodeScenarioLink(s));
    expect(r.ok && r.scenario).toEqual(s);
  });

  it('round-trips every preset', () => {
    for (const p of PRESETS) {
      const r = decodeScenarioLink(encodeScenarioLink(p.scenario, { at: 100, select: p.scenario.steps[0].id, play: true }));
      expect(r).toEqual({
        ok: true,
        scenario: canonicalScenario(p.scenario),
        extras: { at: 100, select: p.scenario.steps[0].id, play: true },
        warnings: [],
      });
    }
  });

  it('is deterministic', () => {
    expect(encodeScenarioLink(saga, { at: 5 })).toBe(encodeScenarioLink(sagaScenario(), { at: 5 }));
  });

  it('refuses to encode an invalid scenario or impossible extras (programming errors)', () => {
    expect(() => encodeScenarioLink(scenario(['a'], [dep('a', 'b')]))).toThrow(TypeError);
    expect(() => encodeScenarioLink(scenario(['a'], [dep('a', 'b')]))).toThrow('dependencies[0].to: no step "b"');
    expect(() => encodeScenarioLink(scenario(['a']), { select: 'zzz' })).toThrow(RangeError);
    expect(() => encodeScenarioLink(scenario(['a']), { at: -1 })).toThrow(RangeError);
  });
});

describe('share links: link formats r1 and r2', () => {
  it('opens links written before version 2 (format r1) to the same scenario and extras', () => {
    expect(oldLinks.links.length).toBeGreaterThanOrEqual(6);
    for (const old of oldLinks.links) {
      expect(old.link.startsWith('r1.'), old.name).toBe(true);
      const r = decodeScenarioLink(old.link);
      if (!r.ok) throw new Error(`${old.name}: ${r.error.message}`);
      const checked = validate(old.scenario);
      if (!checked.ok) throw new Error(old.name);
      expect(r.scenario, old.name).toEqual(canonicalScenario(checked.scenario));
      expect(r.scenario.version).toBe(2);
      expect(r.extras).toEqual(old.extras);
      expect(r.warnings).toEqual([]);
      // The same scenario is written to the very same link today: r1 links do not grow.
      expect(encodeScenarioLink(checked.scenario, old.extras), old.name).toBe(old.link);
    }
  });

  it('carries when, successStatus, groups, saga options, dialect and a lesson in format r2', () => {
    const s = scenario(
      [
        step('build', { successStatus: 201, compensation: { evenIfFailed: true } }),
        'docs',
        step('deploy', { when: 'build.Succeeded && (docs.Succeeded || docs.Skipped)', successStatus: 204 }),
      ],
      [dep('build', 'deploy'), dep('docs', 'deploy')],
      {
        policy: { compensation: 'saga', compensationErrors: 'stop' },
        groups: [{ id: 'release', label: 'Release change set', steps: ['build', 'deploy'] }, { id: 'solo', steps: ['docs'] }],
        dialect: 'argo',
        lesson: { intro: 'Why does deploy wait?', challenges: [{ kind: 'find-cause', step: 'deploy' }] },
      },
    );
    const link = encodeScenarioLink(s, { select: 'deploy' });
    expect(link.startsWith('r2.')).toBe(true);
    const r = decodeScenarioLink(link);
    expect(r).toEqual({ ok: true, scenario: canonicalScenario(s), extras: { select: 'deploy' }, warnings: [] });
  });

  it('refuses an r1 link that carries a version-2 field, saying to set "version": 2', () => {
    // [title, steps, deps]: step bit 8192 is successStatus, which format r1 never wrote.
    const payload = JSON.stringify(['Old', [['a', 8192, 201]], []]);
    const r = decodeScenarioLink(frameLinkPayload(payload, 1));
    expect(kindOf(r)).toBe('invalid');
    expect(!r.ok && lines(r.error.problems ?? [])).toEqual([
      'version: this is a version-1 document, but steps[0].successStatus is a field of version 2: set "version": 2 to use it',
    ]);
    expect(decodeScenarioLink(frameLinkPayload(payload, 2))).toMatchObject({ ok: true, scenario: { steps: [{ id: 'a', successStatus: 201 }] } });
    // r1 ends at extras: a groups part makes it corrupt, not a scenario.
    const groups = JSON.stringify(['Old', ['a'], [], 0, 0, 0, 0, [['g', [0]]]]);
    expect(kindOf(decodeScenarioLink(frameLinkPayload(groups, 1)))).toBe('corrupt');
    expect(decodeScenarioLink(frameLinkPayload(groups, 2))).toMatchObject({ ok: true, scenario: { groups: [{ id: 'g', steps: ['a'] }] } });
    expect(kindOf(decodeScenarioLink(frameLinkPayload(JSON.stringify(['Old', ['a'], [], 0, 0, 0, 0, [['g', [3]]]]), 2)))).toBe('corrupt');
  });
});

describe('share links: size', () => {
  it('a 10-step saga fits in 1,200 characters and beats plain JSON → deflate → base64url', () => {
    expect(saga.steps).toHaveLength(10);
    expect(sagaLink.length).toBeLessThanOrEqual(1_200);
    expect(sagaLink.length).toBeLessThan(baselineLength(saga));
  });

  it('a generated 64-step scenario fits in 4,000 characters and beats the baseline', () => {
    const s = generatedScenario(64);
    const link = encodeScenarioLink(s);
    expect(link.length).toBeLessThanOrEqual(4_000);
    expect(link.length).toBeLessThan(baselineLength(s));
  });

  it('every preset beats the baseline', () => {
    for (const p of PRESETS) expect(encodeScenarioLink(p.scenario).length, p.name).toBeLessThan(baselineLength(p.scenario));
  });
});

describe('share links: bad links give typed errors', () => {
  it('every cut-off prefix of a link is "truncated", and says to copy the whole link', () => {
    for (let n = 0; n < sagaLink.length; n++) {
      const r = decodeScenarioLink(sagaLink.slice(0, n));
      expect(kindOf(r), `cut at ${n}`).toBe('truncated');
      expect(!r.ok && r.error.message).toMatch(/copy the whole link/);
    }
    const r = decodeScenarioLink(sagaLink.slice(0, 400));
    expect(!r.ok && r.error.message).toBe(
      `This link has 400 of its ${sagaLink.length} characters after the #. Ask the sender to copy the whole link.`,
    );
  });

  it('every single-bit flip of the body is "corrupt"', () => {
    const body = sagaLink.slice(sagaPrefix.length);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const kinds = new Set<string>();
    for (let i = 0; i < body.length; i++) {
      const v = alphabet.indexOf(body[i]);
      for (let bit = 0; bit < 6; bit++) {
        const flipped = body.slice(0, i) + alphabet[v ^ (1 << bit)] + body.slice(i + 1);
        kinds.add(kindOf(decodeScenarioLink(sagaPrefix + flipped)));
      }
      // A flip in the character code itself leaves the alphabet or lands elsewhere in it.
      const raw = body.slice(0, i) + String.fromCharCode(body.charCodeAt(i) ^ 0x20) + body.slice(i + 1);
      kinds.add(kindOf(decodeScenarioLink(sagaPrefix + raw)));
    }
    expect([...kinds]).toEqual(['corrupt']);
  }, 60_000);

  it('bit flips in the decoded bytes are "corrupt" too (checksums, not luck)', () => {
    const b64 = fromBase64Url(sagaLink.slice(sagaPrefix.length));
    if (!b64.ok) throw new Error('bad fixture');
    const kinds = new Set<string>();
    for (let i = 0; i < b64.bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const bytes = b64.bytes.slice();
        bytes[i] ^= 1 << bit;
        kinds.add(kindOf(decodeScenarioLink(sagaPrefix + toBase64Url(bytes))));
      }
    }
    expect([...kinds]).toEqual(['corrupt']);
  }, 60_000);

  it('a link from a newer Ripple says so; unknown formats say they are unknown', () => {
    const body = sagaLink.slice(sagaPrefix.length);
    for (const prefix of ['r3.', 'r9.', 'r10.', 'r424.']) {
      const r = decodeScenarioLink(prefix + body);
      expect(kindOf(r)).toBe('newer-version');
      expect(!r.ok && r.error.message).toMatch(/^This link was made by a newer Ripple \(link format r\d+; this Ripple reads r2\)\. Open it in a newer Ripple\.$/);
    }
    for (const text of ['r0.' + body, 'r01.' + body, 'r02.' + body, 'v1.' + body, 'R1.' + body, body, 'hello world', 'x']) {
      expect(kindOf(decodeScenarioLink(text)), text.slice(0, 5)).toBe('unknown-version');
    }
  });

  it('refuses links over 200,000 characters before decoding them', () => {
    const r = decodeScenarioLink('r1.' + 'A'.repeat(MAX_LINK_CHARS));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'too-large', message: 'This link has 200,003 characters after the #; Ripple opens links of at most 200,000 there.' },
    });
    expect(kindOf(decodeScenarioLink('x'.repeat(5_000_000)))).toBe('too-large');
  });

  it('stops inflating a decompression bomb at the 1 MB limit', () => {
    // 50 MB of zeros deflates to ~50 kB: a valid frame whose content would explode.
    const zeros = deflateSync(new Uint8Array(50_000_000), { level: 9 });
    const r = inflateLimited(zeros, MAX_DECOMPRESSED_BYTES);
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
    expect(!r.ok && r.inflated).toBeGreaterThan(MAX_DECOMPRESSED_BYTES);
    // It stopped right after the limit, never anywhere near the 50 MB.
    expect(!r.ok && r.inflated).toBeLessThan(MAX_DECOMPRESSED_BYTES + 600_000);

    const bomb = frameLinkPayload(`["bomb",[${'0,'.repeat(1_500_000)}0],[]]`);
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const decoded = decodeScenarioLink(bomb);
    expect(decoded).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(!decoded.ok && decoded.error.message).toBe("The link's scenario is larger than 1,000,000 bytes once unpacked; Ripple opens at most 1 MB.");
    // Exactly at the limit is fine.
    expect(inflateLimited(deflateSync(new Uint8Array(MAX_DECOMPRESSED_BYTES)), MAX_DECOMPRESSED_BYTES).ok).toBe(true);
  });

  it('refuses a link carrying more than 2,000 steps', () => {
    const r = decodeScenarioLink(frameLinkPayload(JSON.stringify(['big', Array.from({ length: 2_001 }, (_, i) => `s${i}`), []])));
    expect(r).toEqual({ ok: false, error: { kind: 'too-large', message: "The link's scenario has 2,001 steps; Ripple opens at most 2,000." } });
  });

  it('says "corrupt" for deeply nested or wrongly typed content behind a valid checksum', () => {
    const cases: Array<[string, string]> = [
      ['['.repeat(200_000) + ']'.repeat(200_000), 'the link payload: expected a list of 3 to 7 parts'],
      ['{"title":"t","steps":[]}', 'the link payload: expected a list'],
      ['["t","steps",[]]', 'steps: expected a list'],
      ['["t",[["a","two"]],[]]', 'steps[0]: expected a flag number below 524288'],
      ['["t",[["a",2]],[]]', 'steps[0]: expected more values for its flags'],
      ['["t",[["a",0,"extra"]],[]]', 'steps[0]: expected no values beyond its flags'],
      ['["t",["a","b"],[0,5]]', 'dependencies[0]: expected a step index below 2'],
      ['["t",["a","b"],[0]]', 'dependencies: expected pairs of step indices'],
      ['["t",["a","b"],[0,1],[0,7]]', 'dependency conditions: expected 1 (failure) or 2 (always)'],
      ['["t",[],[],0,0,[99]]', 'policy: expected a flag number below 64'],
      ['not json', ''],
    ];
    for (const [payload, detail] of cases) {
      const r = decodeScenarioLink(frameLinkPayload(payload));
      expect(kindOf(r), payload.slice(0, 30)).toBe('corrupt');
      if (detail) expect(!r.ok && r.error.message).toBe(`The link's content is not a Ripple scenario (${detail}).`);
    }
    // Not UTF-8 at all, behind a valid frame.
    const raw = new Uint8Array([0xff, 0xfe, 0x80]);
    expect(kindOf(decodeScenarioLink(framedBytes(raw)))).toBe('corrupt');
  });

  it('says "invalid" with every problem\'s path when the content is a broken scenario', () => {
    const payload = JSON.stringify([5, [['bad id', 8, -1], ['ok', 2, ['<deep>']]], [0, 1]]);
    const r = decodeScenarioLink(frameLinkPayload(payload));
    expect(kindOf(r)).toBe('invalid');
    if (r.ok) return;
    // The dependency naming "bad id" is not reported again: the step's id problem says it once.
    expect(r.error.message).toBe("The link's scenario is not valid: 4 problems.");
    expect(lines(r.error.problems ?? [])).toEqual([
      'title: expected a string of 1–120 characters, got 5',
      'steps[0].id: "bad id" is not a valid id: use 1–64 letters, digits, ".", "_" or "-"',
      'steps[0].durationMs: expected an integer 0–3,600,000, got -1',
      'steps[1].label: expected a string of at most 120 characters, got an array',
    ]);
    // The decoded document is there to copy, so nothing the sender made is lost.
    expect(JSON.parse(r.error.text ?? 'null')).toMatchObject({ version: 1, title: 5 });
  });

  it('opens a link whose moment or selection cannot be used, with warnings', () => {
    const r = decodeScenarioLink(frameLinkPayload(JSON.stringify(['t', ['a'], [], 0, 0, 0, [3, -5, 9]])));
    expect(r).toEqual({
      ok: true,
      scenario: scenario(['a'], [], { title: 't' }),
      extras: {},
      warnings: [
        { code: 'ignored', path: 'extras.at', message: 'the moment to open at is not a time in ms ≥ 0 and was ignored' },
        { code: 'ignored', path: 'extras.select', message: 'the selected step does not exist and was ignored' },
      ],
    });
    expect(decodeScenarioLink(frameLinkPayload('["t",["a"],[],0,0,0,"x"]'))).toMatchObject({ ok: true, warnings: [{ path: 'extras' }] });
  });

  it('refuses extra characters, whitespace inside and broken %-escapes', () => {
    expect(kindOf(decodeScenarioLink(sagaLink + 'AAAA'))).toBe('corrupt');
    expect(kindOf(decodeScenarioLink(sagaLink + 'A'))).toBe('corrupt');
    expect(kindOf(decodeScenarioLink(sagaLink.slice(0, 50) + ' ' + sagaLink.slice(50)))).toBe('corrupt');
    expect(kindOf(decodeScenarioLink(sagaLink + '%E0%A4%A'))).toBe('corrupt');
    expect(kindOf(decodeScenarioLink(sagaLink + ')'))).toBe('corrupt');
  });

  it('accepts a leading "#", surrounding whitespace, a whole URL and %-encoding', () => {
    for (const text of ['#' + sagaLink, `  ${sagaLink}\n`, `https://ripple.example/app/#${sagaLink}`, encodeURIComponent(sagaLink).replace(/-/g, '%2D')]) {
      expect(kindOf(decodeScenarioLink(text))).toBe('ok');
    }
  });

  it('answers wrong argument types with a typed error', () => {
    for (const bad of [null, undefined, 42, {}, ['r1.']]) {
      expect(kindOf(decodeScenarioLink(bad as unknown as string))).toBe('corrupt');
      expect(kindOf(parseShareUrl(bad as unknown as string))).toBe('corrupt');
    }
  });
});

describe('share URLs', () => {
  it('builds on any base, replacing an old fragment, and parses back', () => {
    const url = buildShareUrl('https://ripple.example/app/?lang=en#r1.old', saga, { at: 550, select: 'book-shipment' });
    expect(url).toBe(`https://ripple.example/app/?lang=en#${encodeScenarioLink(saga, { at: 550, select: 'book-shipment' })}`);
    expect(parseShareUrl(url)).toEqual({
      ok: true,
      scenario: canonicalScenario(saga),
      extras: { at: 550, select: 'book-shipment' },
      warnings: [],
    });
  });

  it('says an address without a fragment holds no scenario', () => {
    const r = parseShareUrl('https://ripple.example/app/');
    expect(r).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    expect(!r.ok && r.error.message).toMatch(/^This address holds no scenario/);
    expect(kindOf(parseShareUrl('https://ripple.example/app/#'))).toBe('truncated');
  });
});

/** A well-formed r1 frame around arbitrary payload bytes (frameLinkPayload takes text). */
function framedBytes(payload: Uint8Array): string {
  const deflated = deflateSync(payload);
  const head = Uint8Array.from([deflated.length]);
  // crc8 of a one-byte header and crc32 of the deflated bytes, computed here independently.
  const crc8 = (b: number) => {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 255 : (c << 1) & 255;
    return c;
  };
  let c = 0xffffffff;
  for (const byte of deflated) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const sum = (c ^ 0xffffffff) >>> 0;
  const bytes = new Uint8Array([...head, crc8(head[0]), ...deflated, sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255]);
  return LINK_PREFIX + toBase64Url(bytes);
}
