import { describe, expect, test } from 'vitest';
import { CHAT_LIMIT, linkFit, MOST_PLACES_LIMIT } from '../../src/app/share/link-fit.ts';
import {
  appUrlFromEmbed,
  DEFAULT_EMBED_OPTIONS,
  embedUrl,
  escapeMarkdownText,
  iframeSnippet,
  markdownSnippet,
  svgFileName,
} from '../../src/app/share/snippets.ts';

describe('link fit', () => {
  test.each([
    [1, 'chat'],
    [CHAT_LIMIT, 'chat'],
    [CHAT_LIMIT + 1, 'most'],
    [MOST_PLACES_LIMIT, 'most'],
    [MOST_PLACES_LIMIT + 1, 'file'],
  ] as const)('%i characters → %s', (length, fit) => {
    expect(linkFit(length)).toBe(fit);
  });
});

describe('embed addresses', () => {
  test('the embed sits next to the app and keeps the fragment; only non-default options go in the query', () => {
    expect(embedUrl('https://docs.example/ripple/#v1.abc', DEFAULT_EMBED_OPTIONS)).toBe('https://docs.example/ripple/embed.html#v1.abc');
    expect(embedUrl('https://docs.example/ripple/index.html#v1.abc', { controls: false, theme: 'dark', panel: 'log' })).toBe(
      'https://docs.example/ripple/embed.html?controls=0&theme=dark&panel=log#v1.abc',
    );
  });

  test('"Open in Ripple" goes from the embed back to the app with the same scenario', () => {
    expect(appUrlFromEmbed('https://docs.example/ripple/embed.html?theme=dark#v1.abc')).toBe('https://docs.example/ripple/#v1.abc');
  });
});

describe('iframe snippet', () => {
  test('is complete: src, title, size, lazy loading, no border', () => {
    const snippet = iframeSnippet('https://x.example/embed.html?theme=dark&panel=log#v1.abc', 'Payment fails', DEFAULT_EMBED_OPTIONS);
    expect(snippet).toBe(
      '<iframe src="https://x.example/embed.html?theme=dark&amp;panel=log#v1.abc" title="Ripple: Payment fails" width="100%" height="416" loading="lazy" style="border:0"></iframe>',
    );
  });

  test('a hostile title cannot break out of the attribute', () => {
    const snippet = iframeSnippet('https://x.example/embed.html#a', '"><script>alert(1)</script>', DEFAULT_EMBED_OPTIONS);
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('title="Ripple: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  test('a panel makes the frame taller', () => {
    expect(iframeSnippet('https://x/e', 't', { ...DEFAULT_EMBED_OPTIONS, panel: 'timeline' })).toContain('height="616"');
  });
});

describe('markdown snippet', () => {
  test('a link and an image link to the same scenario, the image named like the SVG export', () => {
    expect(markdownSnippet('https://x.example/#v1.abc', 'Payment fails')).toBe(
      '[Payment fails — open in Ripple](https://x.example/#v1.abc)\n\n[![Payment fails](payment-fails.svg)](https://x.example/#v1.abc)',
    );
  });

  test('a title cannot inject its own link', () => {
    const md = markdownSnippet('https://x.example/#a', 'x](javascript:alert(1))');
    expect(md).not.toContain('](javascript:');
    expect(escapeMarkdownText('a [b] *c*\nd')).toBe('a \\[b\\] \\*c\\* d');
  });

  test('svg file names are plain', () => {
    expect(svgFileName('Saga: compensation fails!')).toBe('saga-compensation-fails.svg');
    expect(svgFileName('💥')).toBe('scenario.svg');
  });
});
