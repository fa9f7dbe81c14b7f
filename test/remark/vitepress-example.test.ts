import { expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'vitepress';
import { parseShareUrl } from '../../src/scenario/link-codec.ts';

// docs/example-site: the VitePress example of docs/docs-writers.md, built as a docs writer
// would build it (no network), and read back.

test('the VitePress example builds, with each ripple fence an embed or a picture', async () => {
  const root = join(import.meta.dirname, '../../docs/example-site');
  const outDir = mkdtempSync(join(tmpdir(), 'ripple-vitepress-'));
  try {
    await build(root, { outDir });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const src = html.match(/<iframe src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toMatch(/^https:\/\/ripple\.example\/embed\.html\?panel=timeline#r\d\./);
    const decoded = parseShareUrl(src!);
    expect(decoded.ok && decoded.scenario.steps.map((s) => s.id)).toEqual(['create-order', 'authorize-payment', 'create-invoice']);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Payment declined (picture)');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 120_000);
