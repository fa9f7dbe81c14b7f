import { expect, test } from 'vitest';
import { parseEmbedParams } from '../../src/embed/embed-params.ts';

test('no query: controls on, automatic theme, no panel, the link decides play and moment', () => {
  expect(parseEmbedParams('')).toEqual({ controls: true, theme: 'auto', panel: 'none' });
});

test('every option, as docs authors write them', () => {
  expect(parseEmbedParams('?controls=0&autoplay&t=250&theme=Dark&panel=log&id=intro')).toEqual({
    controls: false,
    autoplay: true,
    t: 250,
    theme: 'dark',
    panel: 'log',
    id: 'intro',
  });
  expect(parseEmbedParams('?autoplay=false&controls=yes&panel=timeline')).toMatchObject({ autoplay: false, controls: true, panel: 'timeline' });
});

test('typos and nonsense fall back to defaults instead of breaking the embed', () => {
  expect(parseEmbedParams('?controls=maybe&theme=neon&panel=<script>&t=-5&autoplay=2')).toEqual({ controls: true, theme: 'auto', panel: 'none' });
  expect(parseEmbedParams('?t=abc')).toEqual({ controls: true, theme: 'auto', panel: 'none' });
});
