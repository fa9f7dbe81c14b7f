import { describe, expect, test } from 'vitest';
import { readStoredDraft, readStoredJson } from '../../../src/scenario/intake/draft.ts';

describe('reading the autosaved draft', () => {
  test('the envelope is read; the scenario is passed on untouched for the gate', () => {
    const scenario = { version: 1, title: 'x', steps: 'not even an array' };
    expect(readStoredDraft(JSON.stringify({ scenario, dirty: true, savedAt: 42 }))).toEqual({ scenario, dirty: true, savedAt: 42 });
  });

  test('odd envelope fields fall back: dirty only when true, savedAt 0 when not a number', () => {
    expect(readStoredDraft('{"scenario":null,"dirty":"yes","savedAt":"today"}')).toEqual({ scenario: null, dirty: false, savedAt: 0 });
  });

  test('a byte-order mark is ignored', () => {
    expect(readStoredDraft('\uFEFF{"scenario":1}')).toEqual({ scenario: 1, dirty: false, savedAt: 0 });
  });

  test('nothing stored, broken JSON or no scenario field is no draft, never a throw', () => {
    for (const raw of [null, undefined, '', '{"scenario":', 'undefined', '[]', '42', '{"draft":{}}', '"scenario"']) {
      expect(readStoredDraft(raw)).toBeNull();
    }
  });

  test('readStoredJson: the value, or null', () => {
    expect(readStoredJson('{"theme":"dark"}')).toEqual({ theme: 'dark' });
    expect(readStoredJson('{theme:dark}')).toBeNull();
    expect(readStoredJson(null)).toBeNull();
  });
});
