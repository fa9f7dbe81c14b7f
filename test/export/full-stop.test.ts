// A failure message that is already a sentence keeps its own full stop: the problem detail,
// the Graph error message and the WebDAV response description never end in "..".
import { simulate } from '../../src/engine/index.ts';
import type { ProblemBody } from '../../src/engine/types.ts';
import { toGraphBatchResponse } from '../../src/export/graph-batch-response.ts';
import { toWebDavMultistatus } from '../../src/export/webdav-multistatus.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario: Scenario = {
  version: 2,
  title: 'Messages that end a sentence',
  steps: [
    { id: 'lock', request: 'LOCK /a', fail: { status: 423, message: 'The resource is locked.' } },
    { id: 'retry', request: 'PUT /b', fail: { status: 503, message: 'Try again later!', times: 2 }, retry: { maxAttempts: 2 } },
    { id: 'plain', request: 'PUT /c', fail: { status: 409, message: 'conflict' } },
    { id: 'after', request: 'PUT /d' },
  ],
  dependencies: [{ from: 'lock', to: 'after' }],
};
const run = simulate(scenario);
const detailOf = (id: string) => (run.response.results.find((r) => r.id === id)!.body as ProblemBody).detail;

describe('a message that already ends a sentence', () => {
  it('keeps one full stop in the problem detail, and a message without one gets it', () => {
    expect(detailOf('lock')).toBe('lock failed: The resource is locked.');
    expect(detailOf('retry')).toBe('retry failed after 2 attempts: Try again later!');
    expect(detailOf('plain')).toBe('plain failed: conflict.');
  });

  it('keeps one full stop in the Graph error message', () => {
    const messages = toGraphBatchResponse(run, scenario).responses.map((r) => (r.body as { error?: { message: string } } | undefined)?.error?.message);
    expect(messages).toContain('lock failed: The resource is locked.');
    for (const m of messages) expect(m ?? '').not.toMatch(/\.\.|!\./);
  });

  it('keeps one full stop in the WebDAV response description', () => {
    const xml = toWebDavMultistatus(run, scenario);
    expect(xml).toContain('<D:responsedescription>lock failed: The resource is locked.</D:responsedescription>');
    expect(xml).not.toMatch(/\.\.|!\./);
  });
});
