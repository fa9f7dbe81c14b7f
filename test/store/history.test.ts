import { expect, test } from 'vitest';
import { EMPTY_HISTORY, HISTORY_LIMIT, record, redo, undo } from '../../src/store/history.ts';
import { scenario } from './helpers.ts';

test('undo then redo walks back and forth; a new edit clears the future', () => {
  const s0 = scenario([]);
  const s1 = scenario(['a']);
  const s2 = scenario(['a', 'b']);
  let h = record(EMPTY_HISTORY, { scenario: s0, dirty: false }, 'add a');
  h = record(h, { scenario: s1, dirty: true }, 'add b');
  const u = undo(h, { scenario: s2, dirty: true })!;
  expect(u.entry.scenario).toBe(s1);
  const r = redo(u.history, { scenario: s1, dirty: true })!;
  expect(r.entry.scenario).toBe(s2);
  expect(record(u.history, { scenario: s1, dirty: true }, 'x').future).toEqual([]);
  expect(undo(EMPTY_HISTORY, { scenario: s0, dirty: false })).toBeNull();
});

test('history keeps at most HISTORY_LIMIT steps', () => {
  let h = EMPTY_HISTORY;
  for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = record(h, { scenario: scenario([]), dirty: false }, 'e');
  expect(h.past).toHaveLength(HISTORY_LIMIT);
});
