import { expect, test } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { exportFile } from '../../src/export/export-file.ts';
import { findPreset } from '../../src/presets/index.ts';

// A scenario drawn in Ripple (no imported requests): the app's batch-response export names each
// member's atomicity group from the scenario's groups (R18), as the CLI does for an imported batch.

test('the odata-changeset-fails export marks its change set members with their atomicityGroup', () => {
  const scenario = findPreset('odata-changeset-fails')!.scenario;
  const file = exportFile('graph-batch', { scenario, run: simulate(scenario) });
  const { responses } = JSON.parse(file.text) as { responses: Array<{ id: string; status: number; atomicityGroup?: string }> };
  const members = new Set(scenario.groups![0].steps);
  for (const response of responses) {
    expect(response.atomicityGroup).toBe(members.has(response.id) ? scenario.groups![0].id : undefined);
  }
  expect(responses.filter((r) => members.has(r.id)).map((r) => r.status).sort()).toEqual([400, 424, 424]);
});
