import { useRipple } from '../store/context.tsx';
import { selectRunStop } from '../store/selectors.ts';
import { Icon } from '../canvas/icons.tsx';

/**
 * Says that the run stopped at its work budget and which step retries too much (issue #9
 * item 3); the rest of playback shows the run up to that point.
 */
export function RunStopNotice() {
  const message = useRipple(selectRunStop);
  if (message === null) return null;
  return (
    <p className="pb-stopped" role="status" data-testid="run-stopped">
      <Icon name="warning" /> {message}
    </p>
  );
}
