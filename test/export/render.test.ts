import { XMLParser } from 'fast-xml-parser';
import { simulate } from '../../src/engine/index.ts';
import { animationStyle } from '../../src/export/animation.ts';
import { canvasPositions, renderAnimatedSvg, renderRunSvg } from '../../src/export/render.ts';
import { readSvgLink } from '../../src/export/svg.ts';
import { layeredLayout } from '../../src/canvas/layout/simple-layout.ts';
import { findPreset, PRESETS } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// `ripple render`'s pictures (issue #14): self-contained, safe where READMEs are sanitized,
// and showing the run as the canvas does.

const payment = findPreset('payment-fails')!.scenario;
const paymentRun = simulate(payment);

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', allowBooleanAttributes: true, parseTagValue: false, trimValues: false });

/** Every element as `{ name, attributes, text }`, depth first. */
function elements(svg: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (name === undefined || name === '#text') continue;
      const children = node[name] as XmlNode[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      out.push({ name, attributes: (node[':@'] as Record<string, string> | undefined) ?? {}, text });
      walk(children);
    }
  };
  walk(parser.parse(svg) as XmlNode[]);
  return out;
}

/**
 * What a GitHub-like sanitizer keeps of an SVG: the elements a static image needs, no event
 * handler attributes, links only within the document (`#id`), no `url()` or `@import` that
 * leaves it. Returns what it would remove; an empty list means the picture survives intact.
 */
function sanitizerRemovals(svg: string): string[] {
  const allowed = new Set(['svg', 'g', 'path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc', 'defs', 'marker', 'style', 'metadata', 'ripple:link']);
  const removed: string[] = [];
  for (const e of elements(svg)) {
    if (!allowed.has(e.name)) removed.push(`<${e.name}>`);
    for (const [attr, value] of Object.entries(e.attributes)) {
      if (/^on/i.test(attr)) removed.push(`${e.name}@${attr}`);
      if (/href$/i.test(attr) && !value.startsWith('#')) removed.push(`${e.name}@${attr}=${value}`);
      for (const m of value.matchAll(/url\(([^)]*)\)/g)) if (!m[1].trim().startsWith('#')) removed.push(`${e.name}@${attr} url(${m[1]})`);
    }
    if (e.name === 'style') {
      if (/@import|url\(|@font-face/i.test(e.text)) removed.push('style: external reference');
      if (/expression\(|javascript:/i.test(e.text)) removed.push('style: script');
    }
  }
  return removed;
}

describe('renderRunSvg / renderAnimatedSvg: self-contained pictures', () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: static and animated pictures parse as XML and pass a GitHub-like sanitizer untouched`, () => {
      const run = simulate(preset.scenario);
      for (const svg of [
        renderRunSvg(preset.scenario, run),
        renderRunSvg(preset.scenario, run, { at: 50, theme: 'dark' }),
        renderAnimatedSvg(preset.scenario, run, { link: 'https://ripple.example/#r1.abc' }),
      ]) {
        const all = elements(svg);
        expect(all[0].name).toBe('svg');
        expect(all.some((e) => e.name === 'script' || e.name === 'foreignObject' || e.name === 'image')).toBe(false);
        expect(sanitizerRemovals(svg)).toEqual([]);
      }
    });
  }

  it('the sanitizer check is real: it catches a script, a handler and an external link', () => {
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onclick="x()"/><image href="https://evil.example/x.png"/><style>@import url(https://evil.example/a.css);</style></svg>';
    expect(sanitizerRemovals(hostile)).toEqual([
      '<script>',
      'rect@onclick',
      '<image>',
      'image@href=https://evil.example/x.png',
      'style: external reference',
    ]);
  });

  it('keeps hostile scenario text inert', () => {
    const hostile: Scenario = {
      version: 2,
      title: '</title><script>alert(1)</script>',
      steps: [{ id: 'x', label: '<img src=x onerror=alert(1)>', request: 'GET /a?b=<c>&d="e"', fail: { status: 500 } }, { id: 'y' }],
      dependencies: [{ from: 'x', to: 'y' }],
    };
    const svg = renderAnimatedSvg(hostile, simulate(hostile));
    expect(elements(svg).map((e) => e.name)).not.toContain('script');
    expect(elements(svg).map((e) => e.name)).not.toContain('img');
    expect(sanitizerRemovals(svg)).toEqual([]);
  });
});

describe('renderRunSvg: a moment drawn as the canvas draws it', () => {
  it('at the end: the 424 labels, the status chips, the caption and a legend of the states shown', () => {
    const svg = renderRunSvg(payment, paymentRun);
    const texts = elements(svg).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts.filter((t) => t === '424 blocked')).toHaveLength(2);
    expect(texts).toContain('402 failed');
    expect(texts.filter((t) => t === '424')).toHaveLength(2);
    expect(texts).toContain('end of the run: 200 ms · 207');
    expect(texts).toContain('424 blocked: not performed: a prerequisite failed (424 Failed Dependency)');
    expect(texts).toContain('failed: its own request failed: a root failure');
    expect(texts.some((t) => t.startsWith('running:'))).toBe(false);
  });

  it('at a moment: the states after every event up to it', () => {
    const texts = elements(renderRunSvg(payment, paymentRun, { at: 100 }))
      .filter((e) => e.name === 'text')
      .map((e) => e.text);
    expect(texts).toContain('at 100 ms of 200 ms');
    expect(texts.filter((t) => t === 'running')).toHaveLength(2); // authorize-payment, reserve-stock
    expect(texts).toContain('200 succeeded'); // create-order
    expect(texts.filter((t) => t === 'pending')).toHaveLength(2);
  });

  it('places boxes where the canvas does: the scenario positions, else the editor\'s layered layout', () => {
    const svg = renderRunSvg(payment, paymentRun);
    for (const step of payment.steps) expect(svg).toContain(`transform="translate(${step.position!.x} ${step.position!.y})"`);
    const unplaced: Scenario = { ...payment, steps: payment.steps.map(({ position: _p, ...s }) => s) };
    const laid = layeredLayout(unplaced);
    expect(Object.fromEntries(canvasPositions(unplaced))).toEqual({ ...laid });
  });

  it('the dark theme uses the app\'s dark tokens', () => {
    const svg = renderRunSvg(payment, paymentRun, { theme: 'dark' });
    expect(svg).toContain('fill="#0f1115"'); // --bg
    expect(svg).toContain('fill="#3b2708" stroke="#ffbe5c"'); // --state-blocked-bg / --state-blocked
  });

  it('carries the link in its metadata', () => {
    expect(readSvgLink(renderRunSvg(payment, paymentRun, { link: 'https://ripple.example/#r1.x' }))).toBe('https://ripple.example/#r1.x');
  });
});

describe('renderAnimatedSvg: the run played by CSS keyframes', () => {
  const svg = renderAnimatedSvg(payment, paymentRun);
  const style = elements(svg).find((e) => e.name === 'style')!.text;

  /** The keyframes of an element's class (`a w3`), and its opacity when nothing animates (its attribute). */
  function windowOf(group: string): { base: number; frames: string } {
    const name = /class="a (w\d+)"/.exec(group)![1];
    const base = /opacity="0"/.test(group) ? 0 : 1;
    const frames = new RegExp(`@keyframes ${name}\\{(.*?)\\}\\n`).exec(`${style}\n`)![1];
    return { base, frames };
  }

  it('loops forever with step changes, and shows the final frame when motion is reduced', () => {
    expect(style).toMatch(/\.a\{animation-duration:[\d.]+s;animation-timing-function:step-end;animation-iteration-count:infinite\}/);
    expect(style).toContain('@media (prefers-reduced-motion:reduce){.a{animation:none}}');
  });

  it('a blocked step is pending, then 424 blocked from the failure to the end (its base opacity is the end)', () => {
    const invoice = svg.slice(svg.indexOf('<title>Create invoice'), svg.indexOf('</g>\n<g class="step"', svg.indexOf('<title>Create invoice')));
    const states = [...invoice.matchAll(/(<g class="a w\d+"[^>]*>)\n<text[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[2], ...windowOf(m[1]) }));
    expect(states.map((s) => s.text)).toEqual(['pending', '424 blocked']);
    expect(states.map((s) => s.base)).toEqual([0, 1]);
    expect(states[1].frames).toMatch(/^0%\{opacity:0\}[\d.]+%\{opacity:1\}100%\{opacity:1\}$/);
  });

  it('the clock counts the run\'s moments and ends on the outcome', () => {
    const captions = elements(svg)
      .filter((e) => e.name === 'text' && e.attributes['text-anchor'] === 'end')
      .map((e) => e.text);
    expect(captions).toEqual(['0 ms', '0 ms', '80 ms', '180 ms', 'end of the run: 200 ms · 207']);
  });

  it('the edge out of the failed payment turns red when it fails', () => {
    const broken = [...svg.matchAll(/(<g class="a w\d+"[^>]*>)\n<path [^>]*ripple-arrow-broken/g)];
    expect(broken.length).toBe(2); // authorize-payment → create-invoice, create-invoice → send-receipt
    for (const m of broken) expect(windowOf(m[1]).base).toBe(1);
  });

  it('animationStyle: a window shown in the middle of the loop, one to the end', () => {
    const s = animationStyle(4_000);
    expect(s.classOf(0.25, 0.5)).toBe('a w0');
    expect(s.classOf(0.25, 0.5)).toBe('a w0');
    expect(s.classOf(0.5, 1)).toBe('a w1');
    expect(s.css()).toContain('.w0{animation-name:w0}@keyframes w0{0%{opacity:0}25%{opacity:1}50%{opacity:0}100%{opacity:0}}');
    expect(s.css()).toContain('.w1{animation-name:w1}@keyframes w1{0%{opacity:0}50%{opacity:1}100%{opacity:1}}');
    expect(s.css()).toContain('.a{animation-duration:4s;');
  });
});
