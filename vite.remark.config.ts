import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// `ripple/remark` (src/remark/index.ts) as a Node library in dist/remark/, after the app's own
// build (which empties dist/). Its dependencies stay imports (SSR builds leave node_modules
// external), so a docs site gets them from its own install.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: resolve(import.meta.dirname, 'src/remark/index.ts'),
    outDir: 'dist/remark',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: {
      output: { entryFileNames: 'index.js', format: 'es' },
    },
  },
});
