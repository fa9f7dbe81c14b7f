import { describe, expect, test } from 'vitest';
import { restoreTitle } from '../../src/app/Toolbar.tsx';

describe('the Restore draft tooltip says which draft comes back', () => {
  const now = new Date(2026, 11, 1, 18, 30);

  test('two drafts with one title are told apart by when they were replaced and their size', () => {
    const morning = restoreTitle('Order pipeline', new Date(2026, 11, 1, 9, 5).getTime(), 4, now);
    const evening = restoreTitle('Order pipeline', new Date(2026, 11, 1, 18, 2).getTime(), 1, now);
    expect(morning).toBe('Restore draft “Order pipeline” (4 steps), replaced at 09:05');
    expect(evening).toBe('Restore draft “Order pipeline” (1 step), replaced at 18:02');
  });

  test('a draft replaced on another day names the day; one saved without a time says only what it is', () => {
    expect(restoreTitle('Batch', new Date(2026, 10, 28, 23, 59).getTime(), 3, now)).toBe('Restore draft “Batch” (3 steps), replaced at 23:59 on 2026-11-28');
    expect(restoreTitle('Batch', 0, 3, now)).toBe('Restore draft “Batch” (3 steps)');
  });
});
