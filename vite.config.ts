import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Two pages: the editor (index.html) and the read-only embed (embed.html), and the
// <ripple-embed> element for docs pages at a stable address (ripple-embed.js).
// Relative base so the build works from any static folder, offline.
export default defineConfig({
  base: './',
  plugins: [react(), hostHeaders(resolve(import.meta.dirname, 'public/_headers'))],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        'ripple-embed': resolve(import.meta.dirname, 'src/element/ripple-embed.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'ripple-embed' ? 'ripple-embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

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
