import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import { nodeAriaLabel, REPLAY_MARK_META, type StepFlowNode, type StepNodeData } from './build-graph.ts';
import { selectStepLive } from '../store/selectors.ts';
import type { LiveStepView } from '../store/types.ts';
import { dialectStateText, dialectStateTitle, viewMeta } from './state-meta.ts';
import { FINALLY_TITLE, markChipClass, stepMarks } from './step-marks.ts';
import { Icon } from './icons.tsx';
import { useHiddenMarks } from './use-hidden-marks.ts';
import { lazyPart } from './lazy-part.ts';
import './replay-marks.css';
import './groups.css';

// One step on the canvas: label, request line, marks for what is configured, and — during
// playback — its state by colour, icon and words. The state comes from the store, read by the
// node itself: a playhead move re-renders the few nodes whose state changed, and React Flow's
// node list (and all its per-node work) stays as it is.
// A learner's guess and its verdict (lessons only): a chunk of its own, loaded when a lesson is open.
const lessonMark = lazyPart(() => import('../lessons/ui/LessonMark.tsx').then((m) => m.LessonMark));

export const StepNode = memo(function StepNode({ id, data }: NodeProps<StepFlowNode>) {
  const { step, lint, highlighted, renaming, readOnly, replay, replayWarnings, isFinally } = data;
  const live = useStepLive(id, data);
  const dialect = useRipple(selectDialect);
  const LessonMark = lessonMark.use(useRipple((s) => s.lessonActive !== null));
  const root = useRef<HTMLDivElement>(null);
  const ariaLabel = nodeAriaLabel(step, live, lint, replay, replayWarnings, isFinally);
  // The accessible name belongs on React Flow's wrapper, the element that takes focus; it
  // follows the playhead, which never reaches the node object (buildNodes sets no ariaLabel).
  useLayoutEffect(() => {
    root.current?.closest('.react-flow__node')?.setAttribute('aria-label', ariaLabel);
  }, [ariaLabel]);
  // The condition is a pill on the top border (where a finally step has its badge: a step with
  // `when` cannot be one), so the marks row keeps its room for the codes.
  const { when, marks } = useMemo(() => {
    const all = stepMarks(step);
    const when = all.find((m) => m.kind === 'when');
    return { when, marks: when ? all.filter((m) => m !== when) : all };
  }, [step]);
  const marksRow = useRef<HTMLDivElement>(null);
  const { hidden: hiddenMarks, wide: wideMarks } = useHiddenMarks(marksRow, marks);
  const classes = ['step-node'];
  if (live) classes.push(`state-${live.state}`);
  if (live?.retryAt !== undefined) classes.push('state-retrying');
  if (live?.reused) classes.push('step-node--reused');
  if (highlighted) classes.push('step-node--highlighted');
  if (replay) classes.push(`step-node--replay-${replay}`);
  const label = step.label ?? step.id;
  return (
    <div ref={root} className={classes.join(' ')} data-testid={`step-node-${id}`} data-state={live?.state ?? 'design'} data-retrying={live?.retryAt !== undefined ? 'true' : undefined}>
      <Handle type="target" position={Position.Left} isConnectable={!readOnly} />
      <div className="step-node__head">
        {live && (
          <span className="state-icon" aria-hidden="true">
            <Icon name={viewMeta(live).icon} />
          </span>
        )}
        {renaming ? (
          <RenameInput id={id} initial={step.label ?? step.id} />
        ) : (
          <span className="step-node__label" title={label}>
            {label}
          </span>
        )}
        {lint.length > 0 && (
          <span className="chip chip--lint" title={lint.join('\n')} data-testid="lint-badge">
            <Icon name="warning" /> {lint.length}
          </span>
        )}
      </div>
      {step.request && (
        <div className="step-node__request" title={step.request}>
          {step.request}
        </div>
      )}
      {marks.length > 0 && (
        <div ref={marksRow} className={wideMarks ? 'step-node__marks step-node__marks--wide' : 'step-node__marks'}>
          {(hiddenMarks.length > 0 ? marks.filter((m) => !hiddenMarks.includes(m)) : marks).map((m) => (
            <span key={m.kind} className={markChipClass(m)} title={m.title} data-mark={m.kind}>
              {m.icon && <Icon name={m.icon} />}
              <span className="chip__text">{m.text}</span>
            </span>
          ))}
          {hiddenMarks.length > 0 && (
            // Those that do not fit (use-hidden-marks.ts). The node's accessible name says every mark, and so
            // does the Inspector once the step is selected (StepMarksList.tsx, for touch): this is for the eye.
            <span className="chip chip--more" data-mark="more" aria-hidden="true" title={`Also: ${hiddenMarks.map((m) => m.title).join('\n')}`}>
              <span className="chip__text">+{hiddenMarks.length}</span>
            </span>
          )}
        </div>
      )}
      {when && (
        <div className="step-node__finally step-node__when" data-mark="when" title={when.title}>
          when
        </div>
      )}
      {isFinally && (
        // On the top border, left: the state pill has the right.
        <div className="step-node__finally" data-testid="node-finally" title={FINALLY_TITLE}>
          finally
        </div>
      )}
      {live && (
        // A pill on the top border: the state adds no height, so nodes never grow into each other.
        <div className="step-node__state" data-testid="node-state" data-dialect={dialect} title={dialectStateTitle(live, dialect)}>
          {dialectStateText(live, dialect)}
        </div>
      )}
      {live?.reused && (
        // Its own pill on the bottom border: beside the state's it would cover it.
        <div className="step-node__reused" data-testid="node-reused" title="Kept from the previous run">
          reused
        </div>
      )}
      {replay && (
        // On the bottom border, left: the reused pill has the right.
        <div
          className={`step-node__replay replay-mark--${replay}`}
          data-testid="node-replay"
          data-replay={replay}
          title={[REPLAY_MARK_META[replay].description, ...replayWarnings].join('\n')}
        >
          <Icon name={REPLAY_MARK_META[replay].icon} /> {REPLAY_MARK_META[replay].text}
          {replayWarnings.length > 0 && (
            <span className="step-node__replay-warning">
              {' '}
              <Icon name="warning" />
            </span>
          )}
        </div>
      )}
      {LessonMark && <LessonMark id={id} />}
      <Handle type="source" position={Position.Right} isConnectable={!readOnly} />
    </div>
  );
});

/** The node's live view: the store's at the playhead on the canvas, else the one it was built with (a picture of one moment). */
function useStepLive(id: string, data: StepNodeData): LiveStepView | null {
  const { followsPlayhead } = data;
  const followed = useRipple((state) => (followsPlayhead ? selectStepLive(state, id) : null));
  return followsPlayhead ? followed : data.live;
}

function RenameInput({ id, initial }: { id: string; initial: string }) {
  const store = useRippleStore();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  // A new node stays hidden until React Flow has measured it, and hidden inputs cannot take
  // focus (autoFocus fails): keep trying for a few frames.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const grab = () => {
      const input = ref.current;
      if (!input) return;
      input.focus({ preventScroll: true });
      if (document.activeElement === input) input.select();
      else if (tries++ < 30) frame = requestAnimationFrame(grab);
    };
    grab();
    return () => cancelAnimationFrame(frame);
  }, []);

  const finish = (commit: boolean, target: HTMLElement) => {
    if (commit && value !== initial) {
      const result = store.getState().renameStep(id, value);
      if (!result.ok) {
        setError(result.problems[0]?.message ?? result.message);
        return;
      }
    }
    store.getState().stopRename();
    // Give focus back to the node so keyboard work continues where it was, unless something
    // took it meanwhile: a step added with N in the same frame has its own name field open, and
    // moving focus away from it ended that rename at once (CI: Enter then N within a frame).
    const node = target.closest<HTMLElement>('.react-flow__node');
    requestAnimationFrame(() => {
      const now = document.activeElement;
      if (now === null || now === document.body) node?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter') finish(true, event.currentTarget);
    else if (event.key === 'Escape') finish(false, event.currentTarget);
  };

  return (
    <input
      className="step-node__rename nodrag"
      aria-label="Step name"
      aria-invalid={error ? true : undefined}
      title={error ?? undefined}
      ref={ref}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (store.getState().renamingStepId === id) finish(true, e.currentTarget);
      }}
    />
  );
}
