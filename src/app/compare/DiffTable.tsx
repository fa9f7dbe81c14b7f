import { useShallow } from 'zustand/react/shallow';
import { sideOutcome, type CompareStepSide, type StepDiff } from '../../engine/compare.ts';
import { formatMs } from '../../panels/format-ms.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import type { RippleState } from '../../store/types.ts';

const selectTable = (s: RippleState) => ({
  steps: s.compare?.diff.steps,
  selected: s.compare?.selectedStepId ?? null,
  scenario: s.compare?.a.store.getState().scenario,
});

const DIFFERS_TEXT: Record<StepDiff['differs'][number], string> = { state: 'state', status: 'status', attempts: 'attempts', timing: 'timing' };

/**
 * When a side's step ran, in ms from its run's start: `0–120 ms`; a moment rather than a span
 * when it took no time (a 424 answered at once): `at 200 ms`; `200 ms–…` when it never ended.
 * Times from 10 s on as the clock writes them (`formatMs`): `12.5 s–14 s`.
 */
function timeText(timing: [number | null, number | null] | null): string {
  if (!timing || timing[0] === null) return '';
  const [start, end] = timing;
  if (end === null) return `, ${formatMs(start)}–…`;
  if (end === start) return `, at ${formatMs(start)}`;
  return end < 10_000 ? `, ${Math.round(start)}–${Math.round(end)} ms` : `, ${formatMs(start)}–${formatMs(end)}`;
}

/**
 * One side of a row: `succeeded · 200 · 3 attempts, 0–120 ms`. A step answered 424 was never
 * run (RFC 4918 §11.4: the method was not performed), so its count is of requests answered
 * 424, not of attempts, and its time is a moment: `blocked · 424 · not run (4 requests answered 424), at 200 ms`.
 * A member of an atomic group that failed ran, then was undone with its group (R18,
 * engine/groups.ts): its attempts are counted, `rolled-back · 424 · 1 attempt, 0–190 ms`.
 * A step a saga undid reads as its call, then the undo (the engine's `sideOutcome`):
 * `succeeded · 200 · 1 attempt, 100–250 ms; then its compensation failed`.
 */
export function sideText(side: CompareStepSide | null, timing: [number | null, number | null] | null): string {
  if (!side) return 'not in this scenario';
  const time = timeText(timing);
  const n = side.attempts;
  const { forward, after } = sideOutcome(side);
  const tries =
    forward === 'blocked'
      ? `not run (${n === 1 ? 'one request' : `${n} requests`} answered ${side.status ?? 424})`
      : `${n} ${n === 1 ? 'attempt' : 'attempts'}`;
  return `${forward} · ${side.status ?? 'no answer'} · ${tries}${time}${after === null ? '' : `; then ${after}`}`;
}

/** The steps whose state, status, attempts or timing differ; a row's step selects it on both sides. */
export function DiffTable() {
  const store = useRippleStore();
  const { steps, selected, scenario } = useRipple(useShallow(selectTable));
  if (!steps || !scenario) return null;
  const ids = Object.keys(steps);
  const label = new Map(scenario.steps.map((s) => [s.id, s.label ?? s.id]));
  const toggle = (id: string) => store.getState().compareSelect(selected === id ? null : id);
  if (ids.length === 0) return <p className="compare-diff__none">No step differs between A and B.</p>;
  return (
    <table className="compare-diff" data-testid="compare-diff">
      <caption>
        {ids.length} {ids.length === 1 ? 'step differs' : 'steps differ'} (marked ≠ on both canvases)
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">Differs in</th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => {
          const d = steps[id];
          return (
            // A click anywhere on the row does what its name button does; the button stays the one
            // control for the keyboard and assistive tech (the row gets no role of its own).
            <tr
              key={id}
              data-step={id}
              aria-selected={selected === id}
              onClick={(e) => {
                if (!(e.target as Element).closest('button')) toggle(id);
              }}
            >
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={selected === id} onClick={() => toggle(id)}>
                  {label.get(id) ?? id}
                </button>
              </th>
              <td data-side="a">{sideText(d.a, d.timing.a)}</td>
              <td data-side="b">{sideText(d.b, d.timing.b)}</td>
              <td>{d.differs.map((k) => DIFFERS_TEXT[k]).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
