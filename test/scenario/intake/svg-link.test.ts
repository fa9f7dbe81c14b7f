import { describe, expect, test } from 'vitest';
import { toSvg } from '../../../src/export/svg.ts';
import { escapeXml } from '../../../src/export/xml.ts';
import { findPreset } from '../../../src/presets/index.ts';
import { readSvgLink, unescapeXml } from '../../../src/scenario/intake/svg-link.ts';

const payment = findPreset('payment-fails')!.scenario;

describe('readSvgLink: the share link in an exported SVG', () => {
  test('reads back what toSvg wrote, markup in the link included', () => {
    const link = 'https://ripple.example/?a=1&b="2"#r1.<abc>';
    expect(readSvgLink(toSvg(payment, undefined, { link }))).toBe(link);
  });

  test('null when there is no link, or it is empty, or in another namespace', () => {
    expect(readSvgLink(toSvg(payment))).toBeNull();
    expect(readSvgLink('<svg><metadata><ripple:link xmlns:ripple="https://ripple.invalid/ns">  </ripple:link></metadata></svg>')).toBeNull();
    expect(readSvgLink('<svg><metadata><ripple:link xmlns:ripple="https://evil.example/ns">x</ripple:link></metadata></svg>')).toBeNull();
    expect(readSvgLink('')).toBeNull();
  });
});

describe('unescapeXml', () => {
  test('undoes escapeXml', () => {
    const text = `<img src=x onerror="alert('1')"> & co`;
    expect(unescapeXml(escapeXml(text))).toBe(text);
  });

  test('numeric references become characters; unknown or out-of-range ones stay as written', () => {
    expect(unescapeXml('&#x1F600;&#65;')).toBe('😀A');
    expect(unescapeXml('&#x110000; &nbsp; &constructor; &toString;')).toBe('&#x110000; &nbsp; &constructor; &toString;');
  });
});
