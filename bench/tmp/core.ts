import { build } from 'vite';
import { gzipSync } from 'node:zlib';
process.env.NODE_ENV = 'production';
const built = await build({ logLevel: 'silent', mode: 'production', build: { outDir: '/tmp/coredist', emptyOutDir: true, write: true } });
const outs = (Array.isArray(built) ? built : [built]).flatMap((b: any) => ('output' in b ? b.output : []));
for (const c of outs as any[]) {
  if (c.type !== 'chunk' || !/^assets\/(core|editor)/.test(c.fileName)) continue;
  console.log(c.fileName, (gzipSync(c.code).length / 1024).toFixed(1));
  const mods = Object.entries(c.modules).map(([id, m]: any) => [id.replace(/^.*\/(src\/)/, '$1'), m.renderedLength] as const).filter(([id]) => id.startsWith('src/')).sort((a, b) => b[1] - a[1]);
  for (const [id, n] of mods) console.log('  ', n, id);
}
