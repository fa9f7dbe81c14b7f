import { defineConfig, type Plugin } from 'vite';
import type { ChunkingContext } from 'rolldown';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Two pages: the editor (index.html) and the read-only embed (embed.html), and the
// <ripple-embed> element for docs pages at a stable address (ripple-embed.js).
// Relative base so the build works from any static folder, offline.
/** The modules src/scenario/gate-loader.ts loads, and what only they import. */
const SCENARIO_GATE = /\/src\/scenario\/(validate|lesson|open-value|migrations|edits|dialects\/github-context)\.ts$/;

export default defineConfig({
  base: './',
  plugins: [react(), hostHeaders(resolve(import.meta.dirname, 'public/_headers'))],
  build: {
    target: 'es2022',
    // Every browser that runs ES2022 modules here has modulepreload (Chromium, Firefox 115+, Safari 17+).
    modulePreload: { polyfill: false },
    // The up-front `core` chunk holds React, React Flow, the store and the canvas (~540 kB minified); what counts is its
    // gzip size, which `npm run bench` prints against the first-load target (issue #15).
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        'ripple-embed': resolve(import.meta.dirname, 'src/element/ripple-embed.ts'),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: upFrontChunk, debugName: 'up-front', tags: ['$initial'] },
            // The scenario gate's checks and edits (src/scenario/gate-loader.ts): the page loads them all
            // right after the first canvas (before it for a stored draft), so as one chunk (issue #15).
            { name: 'scenario-gate', test: SCENARIO_GATE },
          ],
        },
        entryFileNames: (chunk) => (chunk.name === 'ripple-embed' ? 'ripple-embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

const EDITOR_ENTRY = resolve(import.meta.dirname, 'src/app/main.tsx');
const EMBED_ENTRY = resolve(import.meta.dirname, 'src/embed/main.tsx');
const ELEMENT_ENTRY = resolve(import.meta.dirname, 'src/element/ripple-embed.ts');

/** The modules `entry` imports statically, directly or not, itself included. */
function staticClosure(entry: string, ctx: ChunkingContext): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

const closures = new WeakMap<ChunkingContext, { editor: Set<string>; embed: Set<string>; element: Set<string> }>();

/**
 * Both pages load React, React Flow, the store and the canvas up front. Left to itself the
 * bundler cuts them into some thirty chunks by which lazy chunks share them, and each chunk
 * gzips on its own, which costs the first load ~9 kB gzip (issue #15). So what both pages load
 * up front is one `core` chunk and what only the editor loads up front one `editor` chunk;
 * the `<ripple-embed>` element, which loads no React, keeps its own few modules.
 */
function upFrontChunk(id: string, ctx: ChunkingContext): string | null {
  let sets = closures.get(ctx);
  if (!sets) {
    sets = { editor: staticClosure(EDITOR_ENTRY, ctx), embed: staticClosure(EMBED_ENTRY, ctx), element: staticClosure(ELEMENT_ENTRY, ctx) };
    closures.set(ctx, sets);
  }
  if (sets.element.has(id) || !sets.editor.has(id)) return null;
  return sets.embed.has(id) ? 'core' : 'editor';
}

interface HeaderRule {
  /** `/embed.html`, `/*`: `*` matches any run of characters. */
  pattern: RegExp;
  headers: [name: string, value: string][];
}

/**
 * Reads a Netlify / Cloudflare Pages `_headers` file: a path line, then indented
 * `Name: value` lines; `#` starts a comment. `preview.headers` cannot vary by path, so the
 * rules are applied by a middleware.
 */
function readHeaderRules(file: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`${file}:${index + 1}: expected "  Name: value" under a path`);
    rule.headers.push([header[1], header[2].trim()]);
  }
  return rules;
}

/** `vite preview` sends what `public/_headers` tells a static host to send, path by path. */
function hostHeaders(file: string): Plugin {
  return {
    name: 'ripple-host-headers',
    configurePreviewServer(server) {
      const rules = readHeaderRules(file);
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://preview.invalid').pathname;
        for (const rule of rules) {
          if (!rule.pattern.test(path)) continue;
          for (const [name, value] of rule.headers) res.setHeader(name, value);
        }
        next();
      });
    },
  };
}
