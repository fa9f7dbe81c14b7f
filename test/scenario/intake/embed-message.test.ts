import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { embedMessage, hostMessage } from '../../../src/embed/protocol.ts';
import { parseEmbedMessage, parseHostMessage } from '../../../src/scenario/intake/embed-message.ts';

describe('embed protocol: host → embed', () => {
  test('play, pause and seek are accepted', () => {
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'play' })).toEqual(hostMessage({ type: 'play' }));
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'pause' })).toEqual(hostMessage({ type: 'pause' }));
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'seek', t: 250 })).toEqual(hostMessage({ type: 'seek', t: 250 }));
  });

  test('load carries a scenario as text, for an embed that awaits one (the <ripple-embed> element)', () => {
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'load', text: '{"version":2}' })).toEqual(hostMessage({ type: 'load', text: '{"version":2}' }));
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'load', text: { version: 2 } })).toBeNull();
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'load' })).toBeNull();
    expect(parseEmbedMessage({ source: 'ripple-embed', version: 1, type: 'awaiting-scenario', id: 'x' })).toEqual(embedMessage({ type: 'awaiting-scenario', id: 'x' }));
  });

  test('extra fields are dropped, not passed along', () => {
    expect(parseHostMessage({ source: 'ripple-host', version: 1, type: 'play', evil: '<img>' })).toEqual({ source: 'ripple-host', version: 1, type: 'play' });
  });

  test.each([
    ['another library', { type: 'play' }],
    ['a string', 'play'],
    ['null', null],
    ['an array', ['ripple-host', 1, 'play']],
    ['the embed talking to itself', { source: 'ripple-embed', version: 1, type: 'play' }],
    ['a newer version', { source: 'ripple-host', version: 2, type: 'play' }],
    ['version as a string', { source: 'ripple-host', version: '1', type: 'play' }],
    ['an unknown type', { source: 'ripple-host', version: 1, type: 'edit' }],
    ['seek without t', { source: 'ripple-host', version: 1, type: 'seek' }],
    ['seek to a negative time', { source: 'ripple-host', version: 1, type: 'seek', t: -1 }],
    ['seek to NaN', { source: 'ripple-host', version: 1, type: 'seek', t: Number.NaN }],
    ['seek to Infinity', { source: 'ripple-host', version: 1, type: 'seek', t: Number.POSITIVE_INFINITY }],
    ['seek to a string', { source: 'ripple-host', version: 1, type: 'seek', t: '100' }],
  ])('ignores %s', (_name, data) => {
    expect(parseHostMessage(data)).toBeNull();
  });
});

describe('embed protocol: embed → host', () => {
  test('what the embed sends, the host accepts unchanged', () => {
    const sent = [
      embedMessage({ type: 'ready', id: 'a', title: 'Payment fails', steps: 3, durationMs: 420 }),
      embedMessage({ type: 'height', height: 480 }),
      embedMessage({ type: 'moment', id: 'b', t: 120, cursor: 4, playing: true }),
    ];
    for (const message of sent) expect(parseEmbedMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  test.each([
    ['height as a string', { source: 'ripple-embed', version: 1, type: 'height', height: '480px' }],
    ['a fractional cursor', { source: 'ripple-embed', version: 1, type: 'moment', t: 1, cursor: 1.5, playing: false }],
    ['playing as a number', { source: 'ripple-embed', version: 1, type: 'moment', t: 1, cursor: 1, playing: 1 }],
    ['ready without a title', { source: 'ripple-embed', version: 1, type: 'ready', steps: 1, durationMs: 1 }],
    ['an id that is not a string', { source: 'ripple-embed', version: 1, type: 'height', height: 1, id: 7 }],
    ['a host message', { source: 'ripple-host', version: 1, type: 'play' }],
  ])('ignores %s', (_name, data) => {
    expect(parseEmbedMessage(data)).toBeNull();
  });

  test('nothing anyone can post makes either parser throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ source: fc.constantFrom('ripple-host', 'ripple-embed'), version: fc.constantFrom(1, 2, '1'), type: fc.string(), t: fc.anything() }),
        ),
        (data) => {
          parseHostMessage(data);
          parseEmbedMessage(data);
        },
      ),
      { seed: 424, numRuns: 500 },
    );
  });
});
