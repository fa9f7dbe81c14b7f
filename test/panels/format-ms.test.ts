import { expect, test } from 'vitest';
import { formatMs } from '../../src/panels/event-text.ts';

// The clock, the timeline's axis and the log say virtual times in these words.
test('times read as ms, then s, and a retry storm\'s astronomic times as powers of ten, not float noise', () => {
  expect(formatMs(120.4)).toBe('120 ms');
  expect(formatMs(12_500)).toBe('12.5 s');
  expect(formatMs(7_200_000)).toBe('7200 s');
  // 4.4e100 s and 3e101 s as a storm of delays grown ×10 reaches them: sums with float noise.
  expect(formatMs(4.4e103 - 1e88)).toBe('4.4 × 10¹⁰⁰ s');
  expect(formatMs(1e104 + 2e104)).toBe('3 × 10¹⁰¹ s');
  expect(formatMs(1.5e12)).toBe('1.5 × 10⁹ s');
  expect(formatMs(Number.MAX_VALUE * 2)).toBe('∞ s');
});
