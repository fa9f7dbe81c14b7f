// Builds the app for production and prints every JS chunk with its gzip size, whether the
// editor page loads it up front (its module script and modulepreloads: the "main" figure,
// against the target) or on demand, the biggest of our modules in each, and which modules moved
// between up front and on demand since the last bundle bench on this machine (issue #15).
import { build, type Rollup } from 'vite';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TARGET_KB = 165;
/** React 19 + React Flow 12 + zustand with a three-node canvas (docs: TOOLCHAIN.md): our stack's floor. */
const FLOOR_KB = 128;
/** What src/scenario/gate-loader.ts loads: the checks and the edits (a stored draft is restored through them). */
const GATE = /\/src\/scenario\/(open-value|edits)\.ts$/;
/** The dialect importers' own modules (issue #11). */
const IMPORTER = /^src\/scenario\/dialects\//;

// Apart from dist/, so a bench run never swaps the files under a browser test in progress; one
// folder per checkout, as git worktrees may share one node_modules.
const ROOT = join(import.meta.dirname, '..');
const STATE = join(ROOT, 'node_modules', '.ripple-bench', basename(ROOT));
const OUT_DIR = join(STATE, 'bundle-dist');
const LAST = join(STATE, 'bundle-last.json');

/** `main`: index.html loads it up front; `lazy`: the editor loads it on demand; `embed`: embed.html's own entry; `worker`: the simulate worker. */
type Where = 'main' | 'lazy' | 'embed' | 'worker';

/** `src/panels/Timeline.tsx`, `@xyflow/react`: a module's name as a reader knows it. */
function moduleName(id: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (inModules) return inModules[1];
  const inSrc = /\/(src\/.*)$/.exec(id);
  return inSrc ? inSrc[1] : id.replace(/^.*\//, '');
}

export async function runBundleSizeBench(): Promise<void> {
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let outputs: (Rollup.OutputChunk | Rollup.OutputAsset)[];
  try {
    const built = await build({ logLevel: 'silent', mode: 'production', build: { outDir: OUT_DIR, emptyOutDir: true } });
    outputs = (Array.isArray(built) ? built : [built]).flatMap((b) => ('output' in b ? b.output : []));
  } finally {
    process.env.NODE_ENV = previousEnv;
  }
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const eager = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const embedHtml = readFileSync(join(OUT_DIR, 'embed.html'), 'utf8');
  const embedEager = new Set([...embedHtml.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));

  const chunks = outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  // Worker entries are emitted as assets of their own build (Vite bundles them apart).
  const workers = outputs.filter((o): o is Rollup.OutputAsset => o.type === 'asset' && /worker/i.test(o.fileName) && o.fileName.endsWith('.js'));
  const whereOf = (chunk: Rollup.OutputChunk): Where => (eager.has(chunk.fileName) ? 'main' : chunk.isEntry ? 'embed' : 'lazy');
  const moved = new Map<string, Where>();
  const rows = chunks.map((chunk) => {
    const where = whereOf(chunk);
    const ours = Object.entries(chunk.modules)
      .map(([id, m]) => ({ name: moduleName(id), bytes: m.renderedLength }))
      .filter((m) => m.bytes > 0);
    // One module of a package may be split over chunks; a package counts where most of it is.
    for (const m of ours) if (!moved.has(m.name) || where === 'main') moved.set(m.name, where);
    return { chunk, where, kb: gzipSync(chunk.code).length / 1024, ours };
  });
  for (const worker of workers) {
    const code = typeof worker.source === 'string' ? worker.source : Buffer.from(worker.source).toString('utf8');
    rows.push({ chunk: { fileName: worker.fileName } as Rollup.OutputChunk, where: 'worker', kb: gzipSync(code).length / 1024, ours: [] });
  }

  const sum = (list: typeof rows) => list.reduce((total, r) => total + r.kb, 0);
  const mainRows = rows.filter((r) => r.where === 'main');
  const lazyRows = rows.filter((r) => r.where === 'lazy');
  const main = sum(mainRows);
  const lazy = sum(lazyRows);
  const verdict = main <= TARGET_KB ? `OK, ${(TARGET_KB - main).toFixed(1)} kB to spare` : `OVER by ${(main - TARGET_KB).toFixed(1)} kB`;
  console.log('\n## Bundle (gzip, each chunk on its own; E: embed.html loads it up front)');
  console.log(`main JS loaded by index.html: ${main.toFixed(1)} kB gzip in ${mainRows.length} chunks, target ≤ ${TARGET_KB} kB: ${verdict}; stack floor ${FLOOR_KB} kB`);
  // Issue #15: a first visit draws its canvas from the main JS alone; a returning visitor's stored
  // draft is restored through the scenario gate (src/scenario/gate-loader.ts), which the page loads
  // before that first canvas: the chunks of its modules and what they import.
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const gateFiles = new Set<string>();
  const queue = chunks.filter((c) => Object.keys(c.modules).some((id) => GATE.test(id))).map((c) => c.fileName);
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (gateFiles.has(file) || eager.has(file)) continue;
    gateFiles.add(file);
    queue.push(...(byFile.get(file)?.imports ?? []));
  }
  const gateRows = rows.filter((r) => gateFiles.has(r.chunk.fileName));
  const returning = main + sum(gateRows);
  console.log(
    `a returning visitor (a stored draft) loads before the first canvas: ${returning.toFixed(1)} kB gzip — the main JS and the scenario gate, ` +
      `${sum(gateRows).toFixed(1)} kB in ${gateRows.length} chunk${gateRows.length === 1 ? '' : 's'} (${gateRows.map((r) => r.chunk.fileName.replace(/^assets\//, '')).join(', ')}); a first visit loads them after it`,
  );
  const embedRows = rows.filter((r) => embedEager.has(r.chunk.fileName));
  console.log(`embed.html loads up front: ${sum(embedRows).toFixed(1)} kB gzip in ${embedRows.length} chunks (its own entry ${sum(embedRows.filter((r) => r.where === 'embed')).toFixed(1)} kB)`);
  const order: Where[] = ['main', 'lazy', 'worker', 'embed'];
  rows.sort((a, b) => order.indexOf(a.where) - order.indexOf(b.where) || b.kb - a.kb);
  const print = (row: (typeof rows)[number]) => {
    const top = [...row.ours]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4)
      .map((m) => `${m.name} ${(m.bytes / 1024).toFixed(1)}k`)
      .join(', ');
    const embed = embedEager.has(row.chunk.fileName) ? 'E' : ' ';
    console.log(`  ${row.where.padEnd(6)} ${embed} ${row.chunk.fileName.replace(/^assets\//, '').padEnd(36)} ${row.kb.toFixed(1).padStart(6)} kB  ${top}`);
  };
  for (const row of rows) {
    if (row.where === 'lazy' && rows.indexOf(row) === mainRows.length) console.log(`on demand: ${lazy.toFixed(1)} kB in ${lazyRows.length} chunks`);
    print(row);
  }

  // Issue #11: the importers (GitHub Actions, Argo, Airflow, Step Functions, OData) and the
  // libraries only they use stay out of what the page loads up front.
  // Their own chunks: the up-front chunk holds React, which is no importer's library (what of
  // src/scenario/dialects/ is up front is said below).
  const importerRows = rows.filter((r) => r.where !== 'main' && r.ours.some((m) => IMPORTER.test(m.name)));
  const importerLibraries = new Set(importerRows.flatMap((r) => r.ours.map((m) => m.name)).filter((name) => !name.startsWith('src/')));
  const upFront = mainRows.flatMap((r) => r.ours.map((m) => m.name)).filter((name) => IMPORTER.test(name) || importerLibraries.has(name));
  console.log(
    `importers (src/scenario/dialects/ and their libraries: ${[...importerLibraries].join(', ') || 'none'}): ` +
      `${sum(importerRows).toFixed(1)} kB in ${importerRows.length} chunks; loaded up front: ${upFront.length === 0 ? 'none, OK' : `${[...new Set(upFront)].join(', ')} — OVER`}`,
  );
  for (const row of importerRows) print(row);

  // What moved since the last run: modules that changed between up front and on demand.
  const now = Object.fromEntries(moved);
  if (existsSync(LAST)) {
    const before = JSON.parse(readFileSync(LAST, 'utf8')) as { main: number; modules: Record<string, Where> };
    const changes = Object.keys({ ...before.modules, ...now })
      .filter((name) => before.modules[name] !== now[name])
      .map((name) => `${name}: ${before.modules[name] ?? 'new'} → ${now[name] ?? 'gone'}`);
    console.log(`since the last bundle bench (main ${before.main.toFixed(1)} kB): ${changes.length === 0 ? 'nothing moved' : `${changes.length} moved`}`);
    for (const change of changes.slice(0, 40)) console.log(`    ${change}`);
  }
  mkdirSync(STATE, { recursive: true });
  writeFileSync(LAST, JSON.stringify({ main, modules: now }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runBundleSizeBench();
