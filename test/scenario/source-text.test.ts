import { describe, expect, test } from 'vitest';
import { readSource, scenarioToSource } from '../../src/scenario/source-text.ts';
import { PRESETS } from '../../src/presets/index.ts';

// The Source tab's text: written in either syntax, read back by the gate, problems placed.

describe('the scenario as source text', () => {
  test.each(PRESETS.map((p) => [p.name, p.scenario] as const))('%s reads back unchanged from YAML and from JSON', (_name, scenario) => {
    for (const format of ['yaml', 'json'] as const) {
      const read = readSource(scenarioToSource(scenario, format), format);
      expect(read.ok && read.scenario).toEqual(scenario);
    }
  });

  test('YAML reads as YAML: block style, no braces', () => {
    const text = scenarioToSource(PRESETS[0].scenario, 'yaml');
    expect(text).toMatch(/^version: 2\ntitle: /);
    expect(text).not.toContain('{');
  });

  test('a problem is placed at the line and column of the field it names', () => {
    const yaml = ['version: 2', 'title: Pay', 'steps:', '  - id: pay', '    fail:', '      status: 424', 'dependencies: []', ''].join('\n');
    const read = readSource(yaml, 'yaml');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ line: 6, column: 15, severity: 'error' });
    expect(read.problems[0].message).toMatch(/^steps\[0\]\.fail\.status: .*424/);
  });

  test('JSON problems are placed too, and a syntax error where the reader found it', () => {
    const json = '{\n  "version": 2,\n  "title": "Pay",\n  "steps": [{ "id": "pay", "durationMS": 5 }],\n  "dependencies": []\n}\n';
    const read = readSource(json, 'json');
    expect(!read.ok && read.problems[0]).toMatchObject({ line: 4, message: expect.stringMatching(/durationMS: unknown field \(did you mean "durationMs"\?\)/) });
    const broken = readSource('{\n  "version": 2,\n  "title": "Pay"\n  "steps": []\n}', 'json');
    expect(!broken.ok && broken.problems[0]).toMatchObject({ line: 4, column: 3, placed: true });
  });

  test('tab-indented YAML is refused with its place, not guessed', () => {
    const read = readSource('version: 2\ntitle: Pay\nsteps:\n\t- id: pay\n', 'yaml');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0].line).toBe(4);
  });
});
