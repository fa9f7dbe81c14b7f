import { useMemo } from 'react';
import { explain, explainChain } from '../engine/index.ts';
import { DIALECT_TITLES, dialectLiveWord, dialectViewOptions, dialectWord, glossaryEntry } from '../engine/dialect.ts';
import type { DialectName } from '../scenario/types.ts';
import { selectDialect } from '../store/editor-slice.ts';
import type { LiveState, StepResult } from '../engine/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectCurrentResult, selectCurrentSegment } from '../store/selectors.ts';
import { selectAsOf, selectBlockedBySelected, selectEventsLeftThisMoment, selectSelectedLive, selectSelectedProgress, selectStepNames } from '../store/panel-selectors.ts';
import type { LiveStepView } from '../store/types.ts';
import { eventsLeftText, formatMs, statusText, stepForwardText } from './event-text.ts';
import './playback.css';

// "Why 424?": for a blocked step, the engine's causal chain down to the root failure; each step
// in it is a button that selects it (and the canvas highlights the path, see `selectHighlightPath`).
// For any other step, what happened, in plain words. It tells the run as of the playhead: a
// step whose story is not over yet at the playhead says so, unless the person asked for the
// whole run (the `wholeRun` pref). Spoken as another system ("Speak as", issue #11), Ripple's
// rule stays and the system's word is added with the glossary's reason for it.

/** "Argo: Omitted — Its depends was false because …": the dialect's word for a final state and the reason, in plain words (the rule's number only in the tooltip). */
function DialectWord({ dialect, state, caught }: { dialect: DialectName; state: StepResult['state']; caught: boolean }) {
  const entry = glossaryEntry(dialect, state, caught);
  return (
    <p className="pb-dialect-word" data-testid="why-dialect" title={entry.ruleIds ? `Ripple rule ${entry.ruleIds}` : undefined}>
      {DIALECT_TITLES[dialect]}: <code>{entry.word}</code> — {entry.rule}
    </p>
  );
}

function StepButton({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  const name = useRipple((s) => selectStepNames(s).get(id) ?? id);
  return (
    <button type="button" className="pb-step-link" onClick={() => onSelect(id)} aria-label={`Select step ${name}`}>
      {name}
    </button>
  );
}

function StatusChip({ status }: { status: number | null }) {
  const tone = status === null ? 'none' : status === 424 ? 'blocked' : status >= 400 ? 'failed' : 'ok';
  return <span className={`pb-chip pb-chip-${tone}`}>{status === null ? '—' : statusText(status)}</span>;
}

function headline(name: string, step: StepResult): string {
  switch (step.state) {
    case 'blocked':
    case 'rolled-back':
      return `Why did ${name} answer 424?`;
    case 'failed':
      return `Why did ${name} fail?`;
    case 'succeeded':
    case 'compensated':
    case 'compensation-failed':
    case 'skipped':
    case 'cancelled':
      return `What happened to ${name}?`;
  }
}

/** A step's state at the playhead, before its story is over: "is running (attempt 2)". */
function liveWords(view: LiveStepView): string {
  const attempt = view.attempt > 1 ? ` (attempt ${view.attempt})` : '';
  const state: LiveState = view.state;
  switch (state) {
    case 'pending':
      return 'has not started';
    case 'running':
      return `is running${attempt}`;
    case 'succeeded':
      return `answered ${statusText(view.status ?? 200)}${attempt}`;
    case 'failed':
      return `answered ${statusText(view.status)}${attempt}`;
    case 'blocked':
      return 'answered 424 Failed Dependency';
    case 'rolled-back':
      return 'was rolled back with its group (424 Failed Dependency)';
    case 'skipped':
      return 'is skipped';
    case 'cancelled':
      return 'is cancelled';
    case 'compensating':
      return 'is being rolled back';
    case 'compensated':
      return 'is rolled back';
    case 'compensation-failed':
      return 'could not be rolled back';
  }
}

/** The selected step before its story is over at the playhead: what it is doing, nothing of the ending. */
function NotYet({ name, time }: { name: string; time: number }) {
  const live = useRipple(selectSelectedLive);
  const progress = useRipple(selectSelectedProgress);
  const setWholeRun = useRipple((s) => s.setWholeRun);
  const left = useRipple(selectEventsLeftThisMoment);
  const dialect = useRipple(selectDialect);
  const spoken = live && dialect !== 'http' ? ` (${DIALECT_TITLES[dialect]}: ${dialectLiveWord(dialect, live.state, { retrying: live.retryAt !== undefined })})` : '';
  const what = progress === 'answered' || !live ? `has answered${spoken}; the run is not over yet` : `${liveWords(live)}${spoken}; it has not given its final answer yet`;
  return (
    <div className="pb-why">
      <h3 className="pb-why-title">{name} at {formatMs(time)}</h3>
      <p>
        {progress === 'unanswered' && live?.state === 'pending' ? `${name} has not answered yet at ${formatMs(time)}${spoken}.` : `At ${formatMs(time)}, ${name} ${what}.`}
      </p>
      <p className="pb-hint">
        {left !== null ? `This is the run’s last moment: ${eventsLeftText(left)}. ${stepForwardText(left)} to see why it answers as it does, or ` : 'Play on to see why it answers as it does, or '}
        <button type="button" className="pb-link" onClick={() => setWholeRun(true)}>
          show the end of the run
        </button>
        .
      </p>
    </div>
  );
}
export function WhyPanel() {
  const result = useRipple(selectCurrentResult);
  const selected = useRipple((s) => s.selectedStepId);
  const selectStep = useRipple((s) => s.selectStep);
  const dependents = useRipple(selectBlockedBySelected);
  const names = useRipple(selectStepNames);
  const progress = useRipple(selectSelectedProgress);
  // The time shows only while the selected step's story is not told yet (NotYet): read then only,
  // so the panel does not redraw on every frame of playback (issue #15).
  const time = useRipple((s) => (s.selectedStepId && selectSelectedProgress(s) !== 'told' ? (selectAsOf(s)?.time ?? 0) : 0));
  const dialect = useRipple(selectDialect);
  // The ran scenario's flags: a Step Functions state with a Catch reads "Caught error".
  const ran = useRipple((s) => selectCurrentSegment(s)?.scenario);
  const caught = useMemo(() => (ran ? (dialectViewOptions(ran).caught ?? []) : []), [ran]);

  const step = selected && result ? result.steps[selected] : undefined;
  const nameOf = useMemo(() => (id: string) => names.get(id) ?? id, [names]);
  const chain = useMemo(() => (result && selected && step ? explainChain(result, selected, nameOf) : []), [result, selected, step, nameOf]);
  const sentences = useMemo(() => (result && selected && step ? explain(result, selected, nameOf) : []), [result, selected, step, nameOf]);

  if (!result) return <p className="pb-hint">Run the scenario, then select a step to see why it answered as it did.</p>;
  if (!selected) return <p className="pb-hint">Select a step on the canvas or in the timeline to see why it answered as it did. Steps answering 424 are marked “{dialectWord(dialect, 'blocked')}”.</p>;
  const name = nameOf(selected);
  if (!step) return <p className="pb-hint">{name} was not part of this run (it was added afterwards). Run again to include it.</p>;
  if (progress !== 'told') return <NotYet name={name} time={time} />;

  const isChain = chain.length > 1 && (step.state === 'blocked' || step.rootCauseStep !== undefined);
  return (
    <div className="pb-why">
      <h3 className="pb-why-title">{headline(name, step)}</h3>
      {dialect !== 'http' && <DialectWord dialect={dialect} state={step.state} caught={caught.includes(selected)} />}
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
