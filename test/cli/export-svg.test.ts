import { simulate, stateAt } from '../../src/engine/index.ts';
import { layout, readSvgLink, toSvg } from '../../src/export/svg.ts';
import { escapeXml, unescapeXml } from '../../src/export/xml.ts';
import { findPreset } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const payment = findPreset('payment-fails')!.scenario;

function scenario(partial: Partial<Scenario>): Scenario {
  return { version: 2, title: 'Test', steps: [], dependencies: [], ...partial };
}

describe('toSvg', () => {
  it('draws a standalone SVG with a box, label and request line for every step', () => {
    const svg = toSvg(payment);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<g class="step"/g)).toHaveLength(payment.steps.length);
    expect(svg).toContain('>Authorize payment</text>');
    expect(svg).toContain('>POST /payments/authorize</text>');
    // One arrow per dependency.
    expect(svg.match(/marker-end=/g)).toHaveLength(payment.dependencies.length);
  });

  it('puts each box at its step position', () => {
    const svg = toSvg(payment);
    expect(svg).toContain('transform="translate(220 0)"'); // authorize-payment
    expect(svg).toContain('transform="translate(660 0)"'); // send-receipt
  });

  it('shows the configured failure as a chip when no run is drawn', () => {
    const svg = toSvg(payment);
    expect(svg).toMatch(/>402<\/text>/);
    expect(svg).not.toContain('>blocked</text>');
  });

  it('shows the chosen moment: state text, colour and status chip', () => {
    const svg = toSvg(payment, {
      'create-order': 'succeeded',
      'authorize-payment': { state: 'failed', status: 402 },
      'reserve-stock': { state: 'running', status: null },
      'create-invoice': { state: 'blocked', status: 424 },
      'send-receipt': 'pending',
    });
    expect(svg).toContain('>blocked</text>');
    expect(svg).toContain('>424</text>');
    expect(svg).toContain('>running</text>');
    expect(svg).toContain('fill="#fff7ed"'); // blocked colour
    // The success edge out of the failed step is drawn as broken.
    expect(svg).toContain('marker-end="url(#ripple-arrow-broken)"');
    expect(svg).toContain('<title>Create invoice — POST /invoices — blocked 424</title>');
  });

  it('takes the states straight from stateAt(run, i).steps or run.steps', () => {
    const run = simulate(payment);
    const failsAt = run.events.findIndex((e) => e.type === 'failed' && e.step === 'authorize-payment');
    const before = toSvg(payment, stateAt(run, failsAt - 1).steps);
    expect(before).toContain('>running</text>'); // the payment is still being authorized
    expect(before).not.toContain('>blocked</text>');
    const after = toSvg(payment, run.steps);
    expect(after.match(/>blocked<\/text>/g)).toHaveLength(2);
  });

  it('draws failure and always dependencies dashed, with a label', () => {
    const svg = toSvg(
      scenario({
        steps: [{ id: 'a' }, { id: 'alert' }, { id: 'cleanup' }],
        dependencies: [
          { from: 'a', to: 'alert', on: 'failure' },
          { from: 'a', to: 'cleanup', on: 'always' },
        ],
      }),
    );
    expect(svg.match(/stroke-dasharray="6 4"/g)).toHaveLength(2);
    expect(svg).toContain('>on failure</text>');
    expect(svg).toContain('>always</text>');
  });

  it('lays steps out in layers when positions are missing', () => {
    const s = scenario({
      steps: [{ id: 'c' }, { id: 'a' }, { id: 'b' }, { id: 'd' }],
      dependencies: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'd' },
      ],
    });
    const p = layout(s);
    expect(p.get('a')).toEqual({ x: 0, y: 0 });
    expect(p.get('b')).toEqual({ x: 220, y: 0 });
    expect(p.get('d')).toEqual({ x: 220, y: 110 });
    expect(p.get('c')).toEqual({ x: 440, y: 0 });
    expect(toSvg(s)).toContain('transform="translate(440 0)"');
  });

  it('keeps hostile text inert: markup, quotes and control characters are escaped', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes" \u0007';
    const svg = toSvg(
      scenario({
        title: '</title><script>alert(1)</script>',
        description: ']]><!--',
        steps: [{ id: 'x', label: hostile, request: 'GET /a?b=<c>&d="e"' }],
      }),
      undefined,
      { link: 'https://ripple.example/#s=<x>&y' },
    );
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;'.slice(0, 20));
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;');
    // Every element in the output is one we wrote.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z:]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['defs', 'desc', 'g', 'marker', 'metadata', 'path', 'rect', 'ripple:link', 'svg', 'text', 'title']);
  });

  it('makes no network reference', () => {
    const svg = toSvg(payment, undefined, { link: 'https://ripple.example/#s=abc' });
    const withoutMetadata = svg.replace(/<metadata>[\s\S]*<\/metadata>/, '');
    expect(withoutMetadata).not.toMatch(/href=|url\((?!#)|@import|<image|<use/);
    expect([...withoutMetadata.matchAll(/https?:\/\/[^\s"'<]+/g)].map((m) => m[0])).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('is deterministic', () => {
    expect(toSvg(payment, { 'create-order': 'succeeded' })).toBe(toSvg(payment, { 'create-order': 'succeeded' }));
  });

  it('draws an empty scenario without failing', () => {
    const svg = toSvg(scenario({ title: 'Empty' }));
    expect(svg).toContain('<title>Empty</title>');
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('Infinity');
  });
});

describe('readSvgLink', () => {
  it('reads back the link toSvg stored, including characters that needed escaping', () => {
    const link = 'https://ripple.example/app/#v1.eJz&x=<1>"\'';
    expect(readSvgLink(toSvg(payment, undefined, { link }))).toBe(link);
  });

  it('returns null for an SVG without our metadata', () => {
    expect(readSvgLink(toSvg(payment))).toBeNull();
    expect(readSvgLink('<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata></svg>')).toBeNull();
    expect(readSvgLink('not svg at all')).toBeNull();
  });

  it('ignores a link element in another namespace', () => {
    expect(readSvgLink('<svg><metadata><ripple:link xmlns:ripple="https://evil.example/ns">x</ripple:link></metadata></svg>')).toBeNull();
  });
});

describe('escapeXml', () => {
  it('round-trips through unescapeXml', () => {
    const text = `a<b>&c"d'e &amp; 😀`;
    expect(unescapeXml(escapeXml(text))).toBe(text);
  });

  it('replaces characters XML cannot hold with U+FFFD', () => {
    expect(escapeXml('a\u0000b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXml('tab\tnewline\n')).toBe('tab\tnewline\n');
  });
});
