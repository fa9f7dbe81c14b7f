// Builds the app for production and prints the gzip size of each JS chunk the editor page
// loads up front (the "main" figure), against the 180 kB target. Other chunks (lazy, or the embed page's) are listed apart.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TARGET_KB = 180;

export async function runBundleSizeBench(): Promise<void> {
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'silent', mode: 'production' });
  const dist = join(import.meta.dirname, '..', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What index.html loads eagerly: its module script and modulepreloads.
  const eager = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const kb = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file))).length / 1024;
  let main = 0;
  console.log('\n## Bundle (gzip)');
  for (const file of readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).sort()) {
    const size = kb(file);
    const isEager = eager.has(file);
    if (isEager) main += size;
    console.log(`  ${isEager ? 'main' : 'other'}  ${file.padEnd(40)} ${size.toFixed(1)} kB`);
  }
  console.log(`main JS loaded by index.html: ${main.toFixed(1)} kB gzip (target ≤ ${TARGET_KB} kB) ${main <= TARGET_KB ? 'OK' : 'OVER'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runBundleSizeBench();
