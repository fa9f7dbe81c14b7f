// One embedded simulator: the read-only canvas, the transport bar and an optional panel, with
// no editing chrome. Well-behaved inside a page: the mouse wheel scrolls the page until the
// reader clicks into the canvas, the graph re-fits when the frame is resized or scrolled into
// view, and the host hears `ready`, the content height and the moment shown (protocol.ts).
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { StepCanvas } from '../canvas/StepCanvas.tsx';
import { Icon } from '../canvas/icons.tsx';
import { EventLog } from '../panels/EventLog.tsx';
import { Timeline } from '../panels/Timeline.tsx';
import { TransportBar } from '../panels/TransportBar.tsx';
import { usePlaybackClock, usePlaybackKeys } from '../panels/usePlayback.ts';
import type { LinkExtras } from '../scenario/index.ts';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import { applyLinkExtras } from '../app/share/links.ts';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import type { EmbedParams } from './embed-params.ts';
import { useHostBridge } from './useHostBridge.ts';

const selectTitle = (s: RippleState) => s.scenario.title;

/** `lesson=1`: the lesson loads only when asked, so a plain embed carries none of it. */
const EmbedLesson = lazy(() => import('../lessons/ui/EmbedLesson.tsx'));

/** Canvas height a host should give the graph: its drawn aspect at the frame's width, within reason. */
const MIN_CANVAS = 220;
const MAX_CANVAS = 520;

function preferredCanvasHeight(state: RippleState, width: number): number {
  const xs = state.scenario.steps.map((s) => s.position?.x ?? 0);
  const ys = state.scenario.steps.map((s) => s.position?.y ?? 0);
  if (xs.length === 0) return MIN_CANVAS;
  // Node size plus padding around the graph (React Flow fits with 20% padding).
  const graphWidth = Math.max(...xs) - Math.min(...xs) + 220;
  const graphHeight = Math.max(...ys) - Math.min(...ys) + 120;
  const fitted = (graphHeight / graphWidth) * width * 1.2;
  return Math.round(Math.min(MAX_CANVAS, Math.max(MIN_CANVAS, fitted)));
}

/** Wheel and fit behaviour; needs the ReactFlowProvider around it. */
function useEmbedCanvas(canvas: React.RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  const { fitView } = useReactFlow();

  // Until the reader clicks into the canvas, wheel events never reach React Flow (stopped in
  // the capture phase above it), so the page around the frame scrolls as usual.
  useEffect(() => {
    const box = canvas.current;
    if (!box) return undefined;
    const onWheel = (event: WheelEvent) => {
      if (!active) event.stopPropagation();
    };
    const deactivate = () => setActive(false);
    box.addEventListener('wheel', onWheel, { capture: true });
    window.addEventListener('blur', deactivate);
    box.addEventListener('pointerleave', deactivate);
    return () => {
      box.removeEventListener('wheel', onWheel, { capture: true });
      window.removeEventListener('blur', deactivate);
      box.removeEventListener('pointerleave', deactivate);
    };
  }, [canvas, active]);

  // Fit the graph when the frame changes size or comes into view (a lazy frame may have been
  // laid out at another size, or hidden, when React Flow first fitted it).
  useEffect(() => {
    const box = canvas.current;
    if (!box) return undefined;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1.25 }));
    };
    const resize = new ResizeObserver(fit);
    resize.observe(box);
    const visible = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) fit();
    });
    visible.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      visible.disconnect();
    };
  }, [canvas, fitView]);

  return { active, activate: () => setActive(true) };
}

export interface EmbedViewProps {
  params: EmbedParams;
  extras: LinkExtras;
  /** "Open in Ripple ↗": the app with this scenario. */
  appUrl: string;
  colorMode: 'light' | 'dark';
}

export function EmbedView({ params, extras, appUrl, colorMode }: EmbedViewProps) {
  const store = useRippleStore();
  const title = useRipple(selectTitle);
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLElement>(null);
  const { active, activate } = useEmbedCanvas(canvas);
  usePlaybackClock();
  usePlaybackKeys();

  // Open the run the way the link and the parameters ask: the query wins over the link.
  useEffect(() => {
    const play = params.autoplay ?? extras.play ?? false;
    const at = params.t ?? extras.at ?? 0;
    applyLinkExtras(store, { at, play, ...(extras.select !== undefined ? { select: extras.select } : {}) });
  }, [store, params, extras]);

  // The height the content wants: everything but the canvas as laid out, plus the canvas's
  // preferred height. Measuring the canvas itself would feed the host's resize back into it.
  const measureHeight = useCallback(() => {
    const box = root.current;
    if (!box) return 0;
    let other = 0;
    for (const child of box.children) if (child !== canvas.current) other += (child as HTMLElement).offsetHeight;
    return other + preferredCanvasHeight(store.getState(), box.clientWidth);
  }, [store]);
  useHostBridge(store, root, measureHeight, params.id);

  return (
    <div ref={root} className="embed" data-panel={params.panel}>
      <header className="embed__bar">
        <span className="embed__title" title={title}>
          {title}
        </span>
        <a className="embed__open" href={appUrl} target="_blank" rel="noopener noreferrer">
          Open in Ripple <Icon name="external" />
        </a>
      </header>
      {/* Landmarks: everything in the frame sits in one (the header is the banner). */}
      <main
        ref={canvas}
        className={active ? 'embed__canvas embed__canvas--active' : 'embed__canvas'}
        aria-label="Step graph"
        onPointerDown={activate}
        onFocus={activate}
      >
        <ErrorBoundary what="drawing the graph">
          <StepCanvas colorMode={colorMode} />
        </ErrorBoundary>
        {!active && <span className="embed__hint">Click to zoom and pan</span>}
      </main>
      {params.lesson && (
        <Suspense fallback={<p className="panel-hint">Loading the lesson…</p>}>
          <EmbedLesson appUrl={appUrl} />
        </Suspense>
      )}
      {(params.controls || params.panel !== 'none') && (
        // `pb-dock` gives the playback panels their styles, as in the app's dock.
        <section className="pb-dock embed__dock" aria-label="Playback">
          {params.controls && <TransportBar />}
          {params.panel === 'timeline' && (
            <div className="embed__panel">
              <Timeline />
            </div>
          )}
          {params.panel === 'log' && (
            <div className="embed__panel">
              <EventLog />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
