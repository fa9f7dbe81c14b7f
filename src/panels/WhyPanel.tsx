import { useMemo } from 'react';
import { explain, explainChain } from '../engine/index.ts';
import type { StepResult } from '../engine/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectBlockedBySelected, selectCurrentResult } from '../store/selectors.ts';
import { statusText } from './event-text.ts';
import './playback.css';

// "Why 424?": for a blocked step, the engine's causal chain down to the root failure; each step
// in it is a button that selects it (and the canvas highlights the path, see `selectHighlightPath`).
// For any other step, what happened, in plain words.

function StepButton({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  return (
    <button type="button" className="pb-step-link" onClick={() => onSelect(id)} aria-label={`Select step ${id}`}>
      {id}
    </button>
  );
}

function StatusChip({ status }: { status: number | null }) {
  const tone = status === null ? 'none' : status === 424 ? 'blocked' : status >= 400 ? 'failed' : 'ok';
  return <span className={`pb-chip pb-chip-${tone}`}>{status === null ? '—' : statusText(status)}</span>;
}

function headline(id: string, step: StepResult): string {
  switch (step.state) {
    case 'blocked':
      return `Why did ${id} answer 424?`;
    case 'failed':
      return `Why did ${id} fail?`;
    case 'succeeded':
    case 'compensated':
    case 'compensation-failed':
    case 'skipped':
    case 'cancelled':
      return `What happened to ${id}?`;
  }
}

export function WhyPanel() {
  const result = useRipple(selectCurrentResult);
  const selected = useRipple((s) => s.selectedStepId);
  const selectStep = useRipple((s) => s.selectStep);
  const dependents = useRipple(selectBlockedBySelected);

  const step = selected && result ? result.steps[selected] : undefined;
  const chain = useMemo(() => (result && selected && step ? explainChain(result, selected) : []), [result, selected, step]);
  const sentences = useMemo(() => (result && selected && step ? explain(result, selected) : []), [result, selected, step]);

  if (!result) return <p className="pb-hint">Run the scenario, then select a step to see why it answered as it did.</p>;
  if (!selected) return <p className="pb-hint">Select a step on the canvas or in the timeline to see why it answered as it did. Steps answering 424 are marked “blocked”.</p>;
  if (!step) return <p className="pb-hint">{selected} was not part of this run (it was added afterwards). Run again to include it.</p>;

  const isChain = chain.length > 1 && (step.state === 'blocked' || step.rootCauseStep !== undefined);
  return (
    <div className="pb-why">
      <h3 className="pb-why-title">{headline(selected, step)}</h3>
      {isChain ? (
        <>
          <ol className="pb-chain" aria-label="Causal chain, from this step down to the root failure">
            {chain.map((link, i) => (
              <li key={`${link.step}-${i}`} className={i === chain.length - 1 ? 'pb-chain-root' : undefined}>
                <div className="pb-chain-head">
                  <StepButton id={link.step} onSelect={selectStep} />
                  <StatusChip status={link.status} />
                  {i === chain.length - 1 && <span className="pb-badge pb-badge-root">root cause</span>}
                </div>
                <p>{link.sentence}</p>
              </li>
            ))}
          </ol>
          <p className="pb-hint">The dependency path is highlighted on the canvas. Fix the root cause, then use “Replay from failed step”.</p>
        </>
      ) : (
        <>
          <div className="pb-chain-head">
            <StatusChip status={step.status} />
            {step.reused && <span className="pb-badge">reused from the previous run</span>}
          </div>
          {sentences.map((sentence, i) => (
            <p key={i}>{sentence}</p>
          ))}
          {dependents.length > 0 && (
            <p>
              {dependents.length === 1 ? 'This step is the root cause of one 424: ' : `This step is the root cause of ${dependents.length} 424s: `}
              {dependents.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <StepButton id={id} onSelect={selectStep} />
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
    </div>
  );
}
