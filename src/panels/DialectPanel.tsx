// "Speak as" (issue #11): the run told in an orchestrator's words, beside a glossary that maps
// each word to Ripple's rule. The words come from src/engine/dialect.ts; the dialect is the
// scenario's own `dialect` (so a link carries it, an import opens in its dialect and undo covers
// a change). Like the other run panels it tells the run as of the playhead: before the end, steps
// read queued / in_progress (or that system's words) and the run has its running status, not
// its conclusion.
import { memo, useMemo } from 'react';
import { CONCLUSION_NAMES, DIALECT_TITLES, RUN_STATUS_NAMES, dialectViewAt, dialectViewOptions, GLOSSARY } from '../engine/dialect.ts';
import { useRipple } from '../store/context.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import { SpeakAsSelect } from './SpeakAsSelect.tsx';
import { selectCurrentResult, selectCurrentSegment } from '../store/selectors.ts';
import { selectAsOf } from '../store/panel-selectors.ts';
import { GithubContextForm } from './GithubContextForm.tsx';

export { DIALECT_TITLES };

// Memoised on its three words: as the playhead moves, only the rows of steps whose state
// changed are drawn again (a 2,000-step run has a row per step).
const DialectRow = memo(function DialectRow({ label, word, ripple }: { label: string; word: string; ripple: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{word}</td>
      <td>{ripple}</td>
    </tr>
  );
});

export function DialectPanel() {
  const result = useRipple(selectCurrentResult);
  const upTo = useRipple((s) => selectAsOf(s)?.index ?? -1);
  const steps = useRipple((s) => s.scenario.steps);
  const dialect = useRipple(selectDialect);
  // The flags (continue-on-error, continueOn, Catch, Fail states) of the scenario that ran.
  const ran = useRipple((s) => selectCurrentSegment(s)?.scenario);
  const options = useMemo(() => (ran ? dialectViewOptions(ran) : {}), [ran]);
  if (!result) return null;
  const view = dialectViewAt(result, dialect, upTo, options);
  const labelOf = new Map(steps.map((s) => [s.id, s.label ?? s.id]));
  return (
    <div className="dialect-panel">
      <SpeakAsSelect />
      <GithubContextForm />
      <p>
        {(view.ended ? CONCLUSION_NAMES : RUN_STATUS_NAMES)[dialect]}: <strong data-testid="dialect-conclusion">{view.conclusion}</strong>
      </p>
      <table className="dialect-steps">
        <caption className="pb-hint">Each step in {DIALECT_TITLES[dialect]}’s words{view.ended ? '' : ', at the playhead'}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">{DIALECT_TITLES[dialect]}</th>
            <th scope="col">Ripple</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(view.steps).map((id) => (
            <DialectRow key={id} label={labelOf.get(id) ?? id} word={view.steps[id].state} ripple={view.ripple[id]} />
          ))}
        </tbody>
      </table>
      <details className="dialect-glossary">
        <summary>Glossary: {DIALECT_TITLES[dialect]} and Ripple’s rules</summary>
        <dl>
          {GLOSSARY[dialect].map((e, i) => (
            <div key={i}>
              <dt>
                <code>{e.word}</code> = {e.ripple === 'run' ? 'the run' : `Ripple ${e.ripple}`}
              </dt>
              <dd title={e.ruleIds ? `Ripple rule ${e.ruleIds}` : undefined}>{e.rule}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
