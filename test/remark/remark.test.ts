import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { XMLParser } from 'fast-xml-parser';
import remarkRipple, { type RemarkRippleOptions } from '../../src/remark/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { buildShareUrl, parseShareUrl } from '../../src/scenario/link-codec.ts';

// The plugin in a real unified pipeline: Markdown → mdast → hast → HTML, as a docs build runs it.

const APP = 'https://ripple.example/docs/';
const payment = findPreset('payment-fails')!.scenario;

async function render(markdown: string, options: RemarkRippleOptions = { app: APP }) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkRipple, options)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return { html: String(file), messages: file.messages.map((m) => m.reason) };
}

const iframes = (html: string) => [...html.matchAll(/<iframe src="([^"]+)"[^>]*title="([^"]+)"/g)].map((m) => ({ src: m[1].replace(/&amp;/g, '&'), title: m[2] }));

const page = [
  '# Payments',
  '',
  'The order pipeline, live:',
  '',
  '```ripple',
  JSON.stringify(payment, null, 2),
  '```',
  '',
  'The same scenario from a share link, with the timeline:',
  '',
  '```ripple panel=timeline theme=dark',
  buildShareUrl(APP, payment),
  '```',
  '',
  'A broken one:',
  '',
  '```ripple',
  '{ "version": 2, "title": "Broken", "steps": [{ "id": "a" }], "dependencies": [{ "from": "a", "to": "ghost" }] }',
  '```',
  '',
  '```js',
  'console.log("not ours")',
  '```',
].join('\n');
/** 1-based line of the broken fence's opening ```ripple. */
const brokenLine = page.split('\n').findIndex((line) => line.includes('"Broken"'));

describe('remark-ripple in a unified pipeline', () => {
  test('each ripple fence becomes an embed carrying its scenario; a broken one an error box; other code stays', async () => {
    const { html, messages } = await render(page);
    const frames = iframes(html);
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      const url = new URL(frame.src);
      expect(url.origin + url.pathname).toBe(`${APP}embed.html`);
      const decoded = parseShareUrl(frame.src);
      expect(decoded.ok && decoded.scenario).toEqual(payment);
      expect(frame.title).toBe(`Ripple: ${payment.title}`);
    }
    expect(new URL(frames[0].src).search).toBe('');
    expect(new URL(frames[1].src).searchParams.get('panel')).toBe('timeline');
    expect(new URL(frames[1].src).searchParams.get('theme')).toBe('dark');

    expect(html).toContain('<div class="ripple-error" role="alert">');
    expect(html).toMatch(/ghost/);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^ripple fence \\(line ${brokenLine}\\)`));
    expect(html).toContain('<code class="language-js">console.log("not ours")');
  });

  test('render=svg draws the run at its end inline: self-contained, with a link back', async () => {
    const { html } = await render(['```ripple render=svg', JSON.stringify(payment), '```'].join('\n'));
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    // Only references inside the picture (`url(#ripple-arrow)`), nothing fetched.
    expect(svg).not.toMatch(/<script|\son\w+=|href="http|url\((?!#)/i);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg.title).toBe(payment.title);
    expect(svg).toContain('424');
    expect(html).toContain('Open in Ripple');
  });

  test('render=animated plays the run with CSS keyframes and no script', async () => {
    const { html } = await render(['```ripple render=animated theme=dark', JSON.stringify(payment), '```'].join('\n'));
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg).toContain('@keyframes');
    expect(svg).toContain('prefers-reduced-motion');
    expect(svg).not.toMatch(/<script|\son\w+=/i);
  });

  test('hostile text in a title stays text in the HTML', async () => {
    const hostile = { ...payment, title: '<script>alert(1)</script> "quoted"' };
    const { html } = await render(['```ripple', JSON.stringify(hostile), '```'].join('\n'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  test('failOnError stops the build and names the fence', async () => {
    await expect(render(page, { app: APP, failOnError: true })).rejects.toThrow(`ripple fence (line ${brokenLine})`);
  });

  test('an unknown fence option and a missing app are named, not guessed', async () => {
    const odd = await render(['```ripple colour=red', JSON.stringify(payment), '```'].join('\n'));
    expect(odd.html).toContain('unknown fence option');
    const noApp = await render(['```ripple', JSON.stringify(payment), '```'].join('\n'), {});
    expect(noApp.messages[0]).toMatch(/needs the plugin option `app`/);
  });
});
