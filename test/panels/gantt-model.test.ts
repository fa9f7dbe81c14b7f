import { describe, expect, test } from 'vitest';
import { buildGantt, cutRow, selectGantt, type GanttBar } from '../../src/panels/gantt-model.ts';
import { formatMs, statusText } from '../../src/panels/event-text.ts';
import { PRESETS } from '../../src/presets/index.ts';
import { createRippleStore } from '../../src/store/store.ts';
import type { TimelineEvent } from '../../src/store/types.ts';

// The Gantt as of the playhead is the whole run's model cut at the cursor (issue #15: no fold
// of the run per frame). What it draws must be what a fold of the events up to the cursor draws.

function ran(name: string) {
  const preset = PRESETS.find((p) => p.name === name)!;
  const store = createRippleStore({ scenario: preset.scenario });
  store.getState().runScenario();
  store.getState().pause();
  return store;
}

const drawn = (bars: readonly GanttBar[]) => bars.map((b) => `${b.kind} ${b.start}-${b.end} ${b.title}`).sort();

/**
 * What the Gantt should show after entry `index`: the events up to it folded on their own, an
 * attempt or rollback still open drawn to the moment as running, a wait drawn as far as it has gone.
 */
function foldedUpTo(timeline: readonly TimelineEvent[], index: number, store: ReturnType<typeof ran>) {
  const time = timeline[index].at;
  const { segments } = store.getState();
  const upTo = buildGantt(timeline.slice(0, index + 1), segments, time, formatMs, statusText);
  return upTo.rows.map((row) => ({
    id: row.id,
    bars: drawn(row.bars.map((b) => (b.kind === 'wait' ? { ...b, end: Math.min(b.end, Math.max(b.start, time)) } : b))),
    marks: row.marks.map((m) => `${m.kind} ${m.at} ${m.title}`),
  }));
}

describe('Gantt model as of the playhead', () => {
  for (const name of ['payment-fails', 'shipping-retry-loop', 'saga-compensation-fails', 'odata-changeset-fails', 'teardown-after-abort']) {
    test(`${name}: the whole run cut at every cursor draws what the events up to it draw`, () => {
      const store = ran(name);
      const { timeline } = store.getState();
      const model = selectGantt(store.getState());
      expect(timeline.length).toBeGreaterThan(3);
      for (let index = 0; index < timeline.length; index++) {
        const until = { index, time: timeline[index].at };
        const cut = model.rows.map((row) => {
          const shown = cutRow(row, until);
          return { id: row.id, bars: drawn(shown.bars), marks: shown.marks.map((m) => `${m.kind} ${m.at} ${m.title}`) };
        });
        expect(cut, `cursor ${index}`).toEqual(foldedUpTo(timeline, index, store));
      }
    });
  }

  test('the whole-run model is folded once per run, whatever the cursor', () => {
    const store = ran('shipping-retry-loop');
    const first = selectGantt(store.getState());
    store.getState().setCursor(3);
    expect(selectGantt(store.getState())).toBe(first);
    store.getState().setCursor(store.getState().timeline.length - 1);
    expect(selectGantt(store.getState())).toBe(first);
  });

  test('a row finished by the cursor is drawn from the same arrays (nothing to re-render)', () => {
    const store = ran('payment-fails');
    const model = selectGantt(store.getState());
    const { timeline } = store.getState();
    const row = model.rows.find((r) => r.last >= 0 && r.last < timeline.length - 1)!;
    const shown = cutRow(row, { index: timeline.length - 1, time: timeline[timeline.length - 1].at });
    expect(shown.bars).toBe(row.bars);
    expect(shown.marks).toBe(row.marks);
  });

  test('R18: a member rolled back because its atomic group failed has a 424 mark saying so', () => {
    const store = ran('odata-changeset-fails');
    const model = selectGantt(store.getState());
    const rolledBack = store.getState().timeline.filter((e) => e.event.type === 'rolled-back').map((e) => e.event.step);
    expect(rolledBack.length).toBeGreaterThan(0);
    for (const id of rolledBack) {
      const mark = model.rows.find((r) => r.id === id)!.marks.find((m) => m.kind === 'rolled-back');
      expect(mark?.title).toMatch(/^rolled back, 424 Failed Dependency at .+ \(its group failed: .+\)$/);
    }
  });
});
