import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The boundaries in eslint.config.js only help if they fire. Each case lints a planted
// violation as if it were a file at that path, with the project's real config.
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

// Loading the config (typescript-eslint and all) takes seconds on a busy machine: do it once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('', { filePath: 'src/app/warm-up.ts' });
}, 120_000);

async function errors(code: string, filePath: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('untrusted JSON is parsed only by the intake gate', () => {
  const planted = 'export const value: unknown = JSON.parse(location.hash.slice(1));\n';

  test('JSON.parse in the app is an error that points to the gate', async () => {
    expect(await errors(planted, 'src/app/planted.ts')).toEqual([
      { rule: 'no-restricted-properties', message: expect.stringMatching(/^'JSON\.parse' is restricted .*readJsonText in src\/scenario\/intake\/json-text\.ts/) },
    ]);
  });

  test('also in the store, the embed, the exporters and the engine', async () => {
    // Text from a parameter, not `location`: the store and the engine also forbid DOM globals.
    const code = 'export const read = (text: string): unknown => JSON.parse(text);\n';
    for (const filePath of ['src/store/planted.ts', 'src/embed/planted.tsx', 'src/export/planted.ts', 'src/engine/planted.ts']) {
      expect((await errors(code, filePath)).map((e) => e.rule)).toEqual(['no-restricted-properties']);
    }
  });

  test('the gate itself and the CLI may parse', async () => {
    const code = 'export const value: unknown = JSON.parse("1");\n';
    expect(await errors(code, 'src/scenario/intake/planted.ts')).toEqual([]);
    expect(await errors(code, 'src/cli/planted.ts')).toEqual([]);
  });

  test('the engine still has no wall clock and no Math.random', async () => {
    const code = 'export const t = Date.now();\nexport const r = Math.random();\n';
    expect((await errors(code, 'src/engine/planted.ts')).map((e) => e.message)).toEqual([
      "'Date.now' is restricted from being used. The engine runs on a virtual clock: no wall clock.",
      "'Math.random' is restricted from being used. Randomness comes from the scenario seed, never Math.random.",
    ]);
  });
});

describe('the engine is pure TypeScript', () => {
  test('importing React from src/engine is an error', async () => {
    const code = "import { useState } from 'react';\nexport const hook = useState;\n";
    expect(await errors(code, 'src/engine/planted.ts')).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringMatching(/^'react' import is restricted .*no React, zustand, React Flow or DOM/) },
    ]);
  });

  test('the same import in a component is allowed', async () => {
    const code = "import { useState } from 'react';\nexport const hook = useState;\n";
    expect(await errors(code, 'src/app/planted.tsx')).toEqual([]);
  });
});
