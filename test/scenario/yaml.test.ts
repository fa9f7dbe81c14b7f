import { stringify } from 'yaml';
import { openScenario } from '../../src/scenario/open-scenario.ts';
import { openBytes, openText } from '../../src/scenario/intake/opened-input.ts';
import { looksLikeYaml, readYamlText, splitPath } from '../../src/scenario/intake/yaml.ts';
import { findPreset } from '../../src/presets/index.ts';
import { lines } from './helpers.ts';

const payment = findPreset('payment-fails')!.scenario;

/** Two steps that depend on each other: a cycle the gate refuses. */
const CYCLE = `version: 2
title: Cycle
steps:
  - id: a
  - id: b
dependencies:
  - from: a
    to: b
  - from: b
    to: a
`;

describe('YAML scenarios: the same gate as JSON', () => {
  it('opens a preset written as YAML to exactly the scenario its JSON gives', () => {
    const yaml = stringify(payment);
    expect(openScenario(yaml)).toEqual(openScenario(JSON.stringify(payment)));
    expect(openScenario(yaml)).toMatchObject({ ok: true, scenario: payment });
  });

  it('reads a string as YAML by its file name or by its first line, JSON otherwise', () => {
    expect(looksLikeYaml('# a comment\n\nversion: 2\n')).toBe(true);
    expect(looksLikeYaml('---\nversion: 2\n')).toBe(true);
    expect(looksLikeYaml('{"version": 2}')).toBe(false);
    expect(looksLikeYaml('hello')).toBe(false);
    // JSON is YAML too: named .yaml, it still opens.
    expect(openScenario(JSON.stringify(payment), { name: 'flow.yaml' })).toMatchObject({ ok: true, scenario: payment });
    // Plain words are neither: the JSON reader says where it breaks, as before.
    expect(openScenario('hello')).toMatchObject({ ok: false, kind: 'not-json' });
  });

  it('keeps YAML 1.2 meanings: "on: yes" is the string yes, not true', () => {
    const r = readYamlText('on: yes\nn: 012\n');
    expect(r.ok && r.value).toEqual({ on: 'yes', n: 12 });
  });

  it('a cycle: the problem names the dependency that closes it, with its line and column', () => {
    const r = openScenario(CYCLE, { name: 'cycle.yaml' });
    expect(r.ok).toBe(false);
    expect(!r.ok && lines(r.problems)).toEqual(['dependencies[1]: line 9, column 5: dependencies form a cycle: a → b → a']);
  });

  it('maps every problem path to its node, or to the nearest ancestor for a missing field', () => {
    const text = 'version: 2\ntitle: x\nsteps:\n  - id: a\n    fail:\n      status: 424\n  - label: no id\n';
    const r = openScenario(text);
    expect(!r.ok && lines(r.problems)).toEqual([
      expect.stringMatching(/^steps\[0\]\.fail\.status: line 6, column 15: 424 is what dependents answer/),
      expect.stringMatching(/^steps\[1\]\.id: line 7, column 5: /),
    ]);
  });

  it('a tab used for indentation: a clear message with line and column', () => {
    const r = openScenario('version: 2\ntitle: tabs\nsteps:\n\t- id: a\n');
    expect(r).toMatchObject({
      ok: false,
      kind: 'not-yaml',
      message: 'This is not valid YAML: line 4, column 1: a tab is used for indentation; YAML indents with spaces only.',
    });
  });

  it('a duplicate key and a second document are refused with their place', () => {
    expect(openScenario('version: 2\ntitle: a\ntitle: b\nsteps: []\n')).toMatchObject({
      kind: 'not-yaml',
      message: 'This is not valid YAML: line 3, column 1: this key appears twice in the same mapping.',
    });
    expect(openScenario('version: 2\ntitle: a\nsteps: []\n---\nversion: 2\n')).toMatchObject({ kind: 'not-yaml', message: expect.stringMatching(/line 4, column 1: .*more than one YAML document/) });
  });

  it('a YAML bomb (nested aliases, a billion copies) is refused quickly with the line of the first alias', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const r = openScenario(bomb, { name: 'bomb.yml' });
    expect(r).toMatchObject({ ok: false, kind: 'not-yaml' });
    expect(!r.ok && r.message).toMatch(/^This is not valid YAML: line 2, column 8: its aliases expand to more than 100 copies .*YAML bomb/);
  });

  it('an alias inside its own anchor (a cyclic document) is refused, not turned into a circular object', () => {
    const r = openScenario('version: 2\ntitle: x\nsteps: &s\n  - id: a\n    children: *s\n');
    expect(r).toMatchObject({
      ok: false,
      kind: 'not-yaml',
      message: 'This is not valid YAML: line 5, column 15: the alias *s refers to a node that contains it, which would never end.',
    });
  });

  it('a 50 MB YAML file is refused by its size before it is parsed', () => {
    const big = `version: 2\ntitle: big\ndescription: ${'x'.repeat(50_000_000)}\nsteps: []\n`;
    const r = openScenario(big, { name: 'big.yaml' });
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
    expect(!r.ok && r.message).toBe('The scenario text is 50,000,046 bytes; Ripple opens at most 1,000,000 (1 MB).');
  });

  it('the app opens YAML dropped, picked or pasted', () => {
    const yaml = stringify(payment);
    expect(openText(yaml)).toMatchObject({ ok: true, scenario: payment, source: 'YAML scenario' });
    expect(openBytes(new TextEncoder().encode(yaml), 'payment.yml')).toMatchObject({ ok: true, source: 'YAML scenario' });
    expect(openText('version: 2\n\ttitle: x\n')).toMatchObject({ ok: false, message: expect.stringMatching(/line 2, column 1: a tab/) });
  });

  it('splits JSON paths as the validator writes them', () => {
    expect(splitPath('steps[2].fail.status')).toEqual(['steps', 2, 'fail', 'status']);
    expect(splitPath('policy["odd.key"]')).toEqual(['policy', 'odd.key']);
  });
});
