import { describe, expect, it } from 'vitest';
import { runCli } from './memory-cli.ts';
import { retryStorm } from '../fixtures/retry-storm.ts';

// A scenario whose run reaches the work budget (issue #9 item 3): the CLI says so and names
// the step, in the table and in --json.
const cli = runCli;

describe('the CLI and the work budget', () => {
  const files = { 'storm.json': JSON.stringify(retryStorm(100, 'graph-aware')) };

  it('the table says the run stopped and names the step that retries too much', async () => {
    const { code, out } = await cli(['storm.json'], files);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^outcome: failed \(207 Multi-Status\)/);
    expect(lines[2]).toMatch(/^stopped: The run stopped after [\d,]+ events, the budget for 100 steps: "Reserve stock" made .*lower the maxAttempts/);
  });

  it('--json carries the stop', async () => {
    const { out } = await cli(['--json', 'storm.json'], files);
    const result = JSON.parse(out) as { stopped?: { step: string; budget: number } };
    expect(result.stopped).toMatchObject({ step: 's0', budget: 6_000 });
  });
});
