// Hostile and broken files: each gets a clear message, quickly, and nothing is half-imported.
import { describe, expect, it } from 'vitest';
import { importDialect } from '../../../src/scenario/dialects/index.ts';

const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

describe('bad input to the importers', () => {
  it('a YAML bomb (anchors and aliases) is refused before it expands, as a GitHub workflow and as an Argo workflow', async () => {
    for (const format of ['github-actions', 'argo'] as const) {
      const r = await importDialect(`jobs:\n  x: 1\n${BOMB}\n`, format);
      expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/YAML aliases that expand past 100 nodes/) });
    }
  });

  it('a 50 MB file is refused by its size before it is parsed, in every format', async () => {
    const big = `{"tasks": [${'{"task_id":"a"},'.repeat(50_000_000 / 16)}]}`;
    for (const format of ['github-actions', 'argo', 'airflow-tasks', 'step-functions', 'odata-multipart'] as const) {
      const r = await importDialect(big, format);
      expect([format, r.ok || r.problems[0].code, r.ok || r.message]).toEqual([format, 'too-large', expect.stringMatching(/bytes; Ripple imports at most 1,000,000 \(1 MB\)\.$/)]);
    }
  });

  it('more tasks than a scenario may hold are refused before the graph is built', async () => {
    const tasks = Array.from({ length: 2_001 }, (_, i) => ({ task_id: `t${i}` }));
    const r = await importDialect(JSON.stringify({ tasks }), 'airflow-tasks');
    expect(r).toMatchObject({ ok: false, message: 'The file has 2,001 tasks; Ripple opens at most 2,000 steps.' });
  });

  it('text that is none of the formats gets the detection message', async () => {
    expect(await importDialect('hello', 'auto')).toMatchObject({ ok: false, message: expect.stringMatching(/^Ripple does not recognise this file/) });
  });

  it('broken YAML says where', async () => {
    const r = await importDialect('jobs:\n  a: [1\n  b: 2\n', 'github-actions');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^This workflow file is not valid YAML: line \d+, column \d+: /) });
  });
});
