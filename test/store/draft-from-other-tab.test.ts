import { describe, expect, test } from 'vitest';
import { takeDraftFromOtherTab } from '../../src/store/draft-from-other-tab.ts';
import { writeDraft } from '../../src/store/persistence.ts';
import { createRippleStore } from '../../src/store/store.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { MemoryStorage, withStorage } from './helpers.ts';

const named = (label: string): Scenario => ({ version: 2, title: 'Test', steps: [{ id: 'a', label, position: { x: 0, y: 0 } }], dependencies: [] });

// Two tabs share one draft: a tab takes the draft another tab stored, says so, and that notice
// holds only until its scenario next changes.

describe('the draft another tab stored', () => {
  withStorage(() => new MemoryStorage());

  test('is shown as one undo step, said on the status line; the notice goes once the scenario changes again (an Undo)', async () => {
    const store = createRippleStore({ scenario: named('Mine') });
    writeDraft({ scenario: named('Theirs'), dirty: true, savedAt: 1 });
    await takeDraftFromOtherTab(store);
    expect(store.getState().scenario.steps[0].label).toBe('Theirs');
    expect(store.getState().notice?.text).toMatch(/^Another tab of Ripple saved the draft .*Undo brings back what this tab showed\.$/);
    store.getState().undo();
    expect(store.getState().scenario.steps[0].label).toBe('Mine');
    // Its "Undo brings back…" no longer holds (tryout: it stayed, pointing at a greyed-out Undo).
    expect(store.getState().notice).toBeNull();
  });
});
