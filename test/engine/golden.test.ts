import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/engine/index.ts';
import { PRESETS } from '../../src/presets/index.ts';

// The engine against its golden traces (test/fixtures/golden, written by the CLI tests' update
// mode and read-only here): every preset's result JSON, byte for byte, straight from
// `simulate`. A refactor of the engine that changes any story fails here first.
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden');

describe('simulate against the golden traces', () => {
  it('every golden trace belongs to a preset, and every preset has one', () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(PRESETS.map((p) => `${p.name}.json`).sort());
  });

  it.each(PRESETS.map((p) => [p.name, p.scenario] as const))('%s gives its golden trace, byte for byte', (name, scenario) => {
    const expected = readFileSync(join(GOLDEN_DIR, `${name}.json`), 'utf8');
    expect(`${JSON.stringify(simulate(scenario), null, 2)}\n`).toBe(expected);
  });

  it.each(PRESETS.map((p) => [p.name, p.scenario] as const))('%s gives the same trace when simulated again from the same scenario object', (_name, scenario) => {
    const first = JSON.stringify(simulate(scenario));
    expect(JSON.stringify(simulate(scenario))).toBe(first);
  });
});
