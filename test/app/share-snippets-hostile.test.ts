// The Share dialog's snippets carry a scenario title from someone's link. Parsed as HTML (the
// iframe) and read back, they hold exactly the text given and nothing else.
import { describe, expect, test } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, iframeSnippet, markdownSnippet } from '../../src/app/share/snippets.ts';

const TITLES = [`"><script>alert(1)</script>`, `' onload='alert(1)`, 'a & b < c > d', 'line\nbreak\u2028sep', '`${x}` ü'];

describe('the iframe snippet, parsed as HTML', () => {
  test.each(TITLES)('%j', (title) => {
    const src = 'https://ripple.example/embed.html#r1.abc';
    const doc = new DOMParser().parseFromString(iframeSnippet(src, title, DEFAULT_EMBED_OPTIONS), 'text/html');
    const elements = [...doc.body.querySelectorAll('*')];
    expect(elements.map((e) => e.tagName)).toEqual(['IFRAME']);
    const iframe = elements[0] as HTMLIFrameElement;
    expect(iframe.getAttribute('src')).toBe(src);
    expect(iframe.getAttribute('title')).toBe(`Ripple: ${title.trim()}`);
    expect(iframe.getAttributeNames().sort()).toEqual(['height', 'loading', 'src', 'style', 'title', 'width']);
  });
});

describe('the Markdown snippet', () => {
  test.each(TITLES)('%j stays on its lines and inside its brackets', (title) => {
    const md = markdownSnippet('https://ripple.example/#r1.abc', title);
    const [link, blank, image] = md.split('\n');
    expect(blank).toBe('');
    expect(md.split('\n')).toHaveLength(3);
    expect(link).toMatch(/^\[.*\]\(https:\/\/ripple\.example\/#r1\.abc\)$/);
    expect(image).toMatch(/^\[!\[.*\]\([a-z0-9-]+\.svg\)\]\(https:\/\/ripple\.example\/#r1\.abc\)$/);
  });
});
