// "Speak as" (issue #11): the run told in an orchestrator's words, beside a glossary that maps
// each word to Ripple's rule. The words come from src/engine/dialect.ts; this component only
// picks the dialect (starting with the scenario's own, so an import opens in its dialect) and
// shows what the engine's view says.
import { useState } from 'react';
import { dialectView, GLOSSARY } from '../engine/dialect.ts';
import { useRipple } from '../store/context.tsx';
import { selectLatestSegment } from '../store/selectors.ts';
import { DIALECT_NAMES, type DialectName } from '../scenario/types.ts';
import { GithubContextForm } from './GithubContextForm.tsx';

/** How each dialect is named in the selector. */
export const DIALECT_TITLES: Readonly<Record<DialectName, string>> = {
  http: 'HTTP 424',
  'github-actions': 'GitHub Actions',
  argo: 'Argo',
  airflow: 'Airflow',
  'step-functions': 'Step Functions',
};

/** What each dialect calls the run's conclusion. */
const CONCLUSION_NAME: Readonly<Record<DialectName, string>> = {
  http: 'Run outcome',
  'github-actions': 'Workflow conclusion',
  argo: 'Workflow phase',
  airflow: 'DAG run state',
  'step-functions': 'Execution status',
};

export function DialectPanel() {
  const result = useRipple((s) => selectLatestSegment(s)?.result ?? null);
  const steps = useRipple((s) => s.scenario.steps);
  const own = useRipple((s) => s.scenario.dialect ?? 'http');
  const [picked, setPicked] = useState<DialectName | null>(null);
  const dialect = picked ?? own;
  if (!result) return null;
  const view = dialectView(result, dialect);
  const labelOf = new Map(steps.map((s) => [s.id, s.label ?? s.id]));
  return (
    <div className="dialect-panel">
      <GithubContextForm />
      <label className="pb-check">
        Speak as{' '}
        <select value={dialect} onChange={(event) => setPicked(event.currentTarget.value as DialectName)}>
          {DIALECT_NAMES.map((d) => (
            <option key={d} value={d}>
              {DIALECT_TITLES[d]}
            </option>
          ))}
        </select>
      </label>
      <p>
        {CONCLUSION_NAME[dialect]}: <strong data-testid="dialect-conclusion">{view.conclusion}</strong>
      </p>
      <table className="dialect-steps">
        <caption className="pb-hint">Each step in {DIALECT_TITLES[dialect]}’s words</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">{DIALECT_TITLES[dialect]}</th>
            <th scope="col">Ripple</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(view.steps).map((id) => (
            <tr key={id}>
              <th scope="row">{labelOf.get(id) ?? id}</th>
              <td>{view.steps[id].state}</td>
              <td>{result.steps[id].state}</td>
            </tr>
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
              <dd>{e.rule}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
