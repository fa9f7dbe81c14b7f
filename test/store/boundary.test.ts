import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The store's shape, checked: its modules import each other without a circle, and the lint
// boundary keeps React and the DOM out of everything but the binding (src/store/context.tsx).

const ROOT = resolve(__dirname, '../..');
const STORE = join(ROOT, 'src/store');

/** Relative imports of a module: static, re-exports, type-only and dynamic `import()`. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Each file of `dir` (recursively) → the files of `dir` it imports. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name)) {
        const targets = importsOf(readFileSync(path, 'utf8'))
          .map((spec) => resolve(dirname(path), spec))
          .filter((target) => target.startsWith(dir + '/'));
        graph.set(relative(dir, path), targets.map((t) => relative(dir, t)));
      }
    }
  };
  visit(dir);
  return graph;
}

/** The first import circle found, as the files around it (`['a.ts', 'b.ts', 'a.ts']`), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('no import circle in src/store', () => {
  test('the slices, the store and the selectors import each other without a circle', () => {
    const graph = importGraph(STORE);
    expect(graph.get('store.ts')).toEqual(expect.arrayContaining(['editor-slice.ts', 'run-slice.ts', 'selection-slice.ts']));
    expect(findCycle(graph)).toBeNull();
  });

  test('the check finds a circle, through type-only and dynamic imports too', () => {
    const graph = new Map<string, string[]>();
    const files: Record<string, string> = {
      'store.ts': "import { createRunSlice } from './run-slice.ts';",
      'run-slice.ts': "import type { RippleState } from './types.ts';",
      'types.ts': "export type X = 1;\nconst later = () => import('./store.ts');",
    };
    for (const [name, source] of Object.entries(files)) graph.set(name, importsOf(source).map((s) => s.slice(2)));
    expect(findCycle(graph)).toEqual(['store.ts', 'run-slice.ts', 'types.ts', 'store.ts']);
  });
});

describe('lint boundary of src/store', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const planted = [
    "import { useState } from 'react';",
    "import { useStore } from 'zustand';",
    "import { createStore } from 'zustand/vanilla';",
    'export const width = window.innerWidth;',
    'export const both = [useState, useStore, createStore];',
  ].join('\n');

  test('React, the React binding of zustand and the DOM are refused in a store module', async () => {
    const [result] = await eslint.lintText(planted, { filePath: join(STORE, 'planted.ts') });
    const refused = result.messages.map((m) => `${m.line}:${m.ruleId}`);
    expect(refused).toEqual(['1:no-restricted-imports', '2:no-restricted-imports', '4:no-restricted-globals']);
  });

  test('the React binding, src/store/context.tsx, may use them', async () => {
    const [result] = await eslint.lintText(planted, { filePath: join(STORE, 'context.tsx') });
    expect(result.messages.filter((m) => m.ruleId?.startsWith('no-restricted'))).toEqual([]);
  });
});
