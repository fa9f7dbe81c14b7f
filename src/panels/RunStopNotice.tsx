import { useState } from 'react';
import { useRipple } from '../store/context.tsx';
import { selectRunStop } from '../store/panel-selectors.ts';
import { Icon } from '../canvas/icons.tsx';

/**
 * Says that the run stopped at its work budget and which step retries too much (issue #9
 * item 3); the rest of playback shows the run up to that point. One line in the dock, so the
 * timeline and the log keep their rows: "More" shows the whole sentence (the Run summary in the
 * side panel says it too), and assistive tech reads it whole either way.
 */
export function RunStopNotice() {
  const message = useRipple(selectRunStop);
  const [open, setOpen] = useState(false);
  if (message === null) return null;
  return (
    <div className={open ? 'pb-stopped pb-stopped--open' : 'pb-stopped'}>
      <Icon name="warning" />
      <p role="status" data-testid="run-stopped" title={open ? undefined : message}>
        {message}
      </p>
      <button type="button" className="btn btn--quiet btn--small" aria-expanded={open} aria-label={open ? 'Show less of the stop notice' : 'Show the whole stop notice'} onClick={() => setOpen(!open)}>
        {open ? 'Less' : 'More'}
      </button>
    </div>
  );
}
