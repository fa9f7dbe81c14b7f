import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

// Three projects, one command: pure code in Node, components in jsdom,
// and the built app in real headless Chromium.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // Vitest's own default is one worker fewer than the cores, which on a 2-core machine runs every
    // file one after another. The real-browser files mostly wait on Chromium, so two at a time
    // (each in its own contexts of the one shared Chromium, global-setup.ts) overlap those waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node
    // refuses; inlined, Vite transforms it (issue #11, src/scenario/dialects/github-actions.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Property tests run 1,000 cases; on a loaded 2-core machine that can take seconds.
          testTimeout: 30_000,
          include: ['test/{engine,scenario,cli,store,export,presets,remark,lessons,worker}/**/*.test.ts', 'test/lint/**/*.test.ts'],
          setupFiles: ['test/setup-engine.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          testTimeout: 20_000,
          include: ['test/{app,canvas,panels,embed}/**/*.test.{ts,tsx}', 'test/lessons/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts', 'test/setup-engine.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // Generous: two files share the cores, and on a machine loaded by other work a long
          // walk-through (lesson-builder, compare) has taken over a minute. A limit, not a measure.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll's own default gives up after 1 s; a run made in the page's worker has taken
          // longer on a loaded machine. A poll still passes the moment its matcher holds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
