import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulateReply, SimulateRequest } from '../../src/worker/off-thread.ts';
import { unpackRun } from '../../src/worker/run-transfer.ts';
import { importGithubActions } from '../../src/scenario/dialects/github-actions.ts';
import { setGithubContext } from '../../src/scenario/dialects/github-context.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { fixture } from '../scenario/dialects/run.ts';

// The simulate worker itself (src/worker/simulate-worker.ts), run in Node with a stand-in for
// its `self`: a GitHub Actions scenario is run by its ifs there too (issue #11), and an if that
// does not compile comes back as an error naming its path (the page then reports it).

const replies: SimulateReply[] = [];
let waiting: (() => void) | null = null;
const scope: { onmessage: ((event: { data: SimulateRequest }) => void) | null; postMessage: (reply: SimulateReply) => void } = {
  onmessage: null,
  postMessage: (reply) => {
    replies.push(reply);
    waiting?.();
  },
};

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../src/worker/simulate-worker.ts');
});

let nextId = 0;
async function ask(scenario: Scenario): Promise<SimulateReply> {
  const id = nextId++;
  const arrived = new Promise<void>((resolve) => (waiting = resolve));
  scope.onmessage?.({ data: { id, scenario } });
  while (!replies.some((r) => r.id === id)) await arrived;
  return replies.find((r) => r.id === id) as SimulateReply;
}

function states(reply: SimulateReply): Record<string, string> {
  if ('error' in reply) throw new Error(reply.error);
  const run = unpackRun(reply.packed);
  return Object.fromEntries(Object.entries(run.steps).map(([id, s]) => [id, s.state]));
}

describe('the simulate worker runs a GitHub Actions scenario by its ifs', () => {
  it('test fails: deploy (implicit success()) is skipped and notify (failure()) runs, two levels below', async () => {
    const r = await importGithubActions(fixture('github-nightly.yml'));
    if (!r.ok) throw new Error(r.message);
    const failing = { ...r.scenario, steps: r.scenario.steps.map((s) => (s.id === 'test' ? { ...s, fail: { status: 500 } } : s)) };
    expect(states(await ask(failing))).toEqual({ build: 'succeeded', test: 'failed', report: 'succeeded', deploy: 'skipped', notify: 'succeeded' });
    const feature = setGithubContext(r.scenario, 'github.ref', 'refs/heads/feature') as Scenario;
    expect(states(await ask(feature))).toMatchObject({ deploy: 'skipped', notify: 'skipped' });
    expect(states(await ask(r.scenario))).toMatchObject({ deploy: 'succeeded', notify: 'skipped' });
  });

  it("an if GitHub's parser refuses is an error reply naming steps[i].if", async () => {
    const scenario: Scenario = {
      version: 2,
      title: 'T',
      steps: [{ id: 'a' }, { id: 'b', if: 'failure(' }],
      dependencies: [{ from: 'a', to: 'b' }],
      dialect: 'github-actions',
    };
    const reply = await ask(scenario);
    expect('error' in reply && reply.error).toMatch(/^steps\[1\]\.if: GitHub's expression parser refuses/);
  });
});
