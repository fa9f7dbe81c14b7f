import { useEffect } from 'react';
import { ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { StepCanvas, WHOLE_FIT_OPTIONS } from '../../canvas/StepCanvas.tsx';
import { Inspector } from '../../panels/Inspector.tsx';
import { PolicyPanel } from '../../panels/PolicyPanel.tsx';
import { ResponseViewer } from '../../panels/ResponseViewer.tsx';
import { WhyPanel } from '../../panels/WhyPanel.tsx';
import { RippleProvider, useRipple } from '../../store/context.tsx';
import type { CompareSide as Side } from '../../store/types.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';

/**
 * Half a screen is narrower than the editor's canvas, and the editor's fit keeps text readable
 * (zoom ≥ 0.6), which cuts a wide graph off. A side shows the whole graph first, so the two
 * pictures line up, below its zoom controls' row (StepCanvas.tsx FIT_WHOLE); zooming in stays
 * the reader's choice.
 */
function FitWhole() {
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!initialized) return undefined;
    const frame = requestAnimationFrame(() => void fitView(WHOLE_FIT_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [initialized, fitView]);
  return null;
}

/** The selected step's Why and response on this side (the editor's own panels, under this side's store). */
function SideDetails({ editable }: { editable: boolean }) {
  const selected = useRipple((s) => s.selectedStepId);
  return (
    <div className="compare-side__details">
      <details open>
        <summary>Why 424?</summary>
        <WhyPanel />
      </details>
      <details open={selected !== null}>
        <summary>Responses</summary>
        <ResponseViewer />
      </details>
      {editable && (
        <details>
          <summary>Edit this copy</summary>
          <PolicyPanel />
          {selected !== null && <Inspector />}
        </details>
      )}
    </div>
  );
}

/**
 * One side of a comparison: its label, the editor's StepCanvas (read-only, or editable for an
 * edited copy), and Why / Responses for the step selected on both sides.
 */
export function CompareSide({ tag, side, durationMs, editable, colorMode }: { tag: 'A' | 'B'; side: Side; durationMs: number; editable: boolean; colorMode: 'light' | 'dark' }) {
  return (
    <section className="compare-side" aria-label={`${tag}: ${side.label}`} data-testid={`compare-side-${tag.toLowerCase()}`}>
      <header className="compare-side__head">
        <span className={`compare-side__tag compare-side__tag--${tag.toLowerCase()}`}>{tag}</span>
        <span className="compare-side__label">{tag === 'A' ? 'As it is' : side.label}</span>
        <span className="compare-side__duration">{durationMs} ms</span>
      </header>
      <RippleProvider store={side.store}>
        <ReactFlowProvider>
          <div className="compare-side__canvas">
            <ErrorBoundary what="drawing this side">
              <StepCanvas colorMode={colorMode} whole />
              <FitWhole />
            </ErrorBoundary>
          </div>
          <SideDetails editable={editable} />
        </ReactFlowProvider>
      </RippleProvider>
    </section>
  );
}
