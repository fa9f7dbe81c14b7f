import { useEffect, useRef } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { PRESETS, type Preset } from '../presets/index.ts';
import { EMPTY_SCENARIO } from '../store/editor-slice.ts';
import { Dialog } from '../app/Dialog.tsx';

// The preset gallery: the first thing a newcomer sees, and the toolbar's "Examples".
export function Gallery({ onClose }: { onClose: () => void }) {
  const store = useRippleStore();
  const previous = useRipple((s) => s.previousDraft);
  // Opened by itself on a first visit, the gallery hands focus on to the next thing to do: Run
  // for a scenario, adding a step for an empty canvas (not to the page's body).
  // A dropped file is read after the gallery closes, so the canvas may still be empty then: Run,
  // which stays, not "Add a step", which the opened file takes away.
  const dropped = useRef(false);
  const next = () => (!dropped.current && store.getState().scenario.steps.length === 0 ? '[data-add-step-button]' : '[data-run-button]');

  // A file dropped on the page while the gallery is up is opened (or refused) by the share menu:
  // the gallery steps aside, so what the file did is seen, not hidden under the dialog.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      dropped.current = true;
      close.current();
    };
    window.addEventListener('drop', onDrop);
    return () => window.removeEventListener('drop', onDrop);
  }, []);

  const open = (preset: Preset) => {
    store.getState().loadScenario(preset.scenario, { label: `open “${preset.title}”` });
    onClose();
  };

  return (
    <Dialog
      title="Pick a scenario"
      description="Each one is a real way a 424 Failed Dependency happens. Open one, press Run, then select a 424 step to ask why."
      onClose={onClose}
      focusAfter={next}
    >
      {/* A blank start sits above the examples: below them (tryout) a first-time user looking for
          it did not scroll down to it. It comes first in the Tab order as on the screen; focus
          still starts on the first example. */}
      <div className="gallery__start">
        <button
          type="button"
          className="btn"
          onClick={() => {
            store.getState().loadScenario(EMPTY_SCENARIO, { label: 'new scenario' });
            onClose();
          }}
        >
          Start with an empty canvas
        </button>
        <span className="gallery__start-or">or open an example:</span>
      </div>
      <ul className="gallery">
        {PRESETS.map((p, i) => (
          <li key={p.name}>
            <button type="button" className={i === 0 ? 'gallery__item gallery__item--first' : 'gallery__item'} onClick={() => open(p)} {...(i === 0 ? { 'data-autofocus': true } : {})}>
              {i === 0 && <span className="gallery__badge">Start here</span>}
              <strong>{p.title}</strong>
              <span>{p.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {previous && (
        <div className="gallery__footer">
          <button
            type="button"
            className="btn"
            onClick={() => {
              store.getState().restorePreviousDraft();
              onClose();
            }}
          >
            ↺ Restore previous draft “{previous.scenario.title}”
          </button>
        </div>
      )}
    </Dialog>
  );
}
