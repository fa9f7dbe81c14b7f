// How long the link is and where it will fit, as a bar with marks at the two limits and one
// sentence (the bar alone would say nothing to a screen reader or without colour). It counts
// the characters after the #, as the recovery screen and `--decode` do for a link that lost
// some: a receiver's "211 of its 422" can be checked against the sender's 422.
import { CHAT_LIMIT, linkFit, linkFitMessage, MOST_PLACES_LIMIT } from './link-fit.ts';

const SCALE = MOST_PLACES_LIMIT * 1.25;

/** `length`: the characters after the link's #. */
export function LengthMeter({ length }: { length: number }) {
  const fit = linkFit(length);
  const percent = (n: number) => `${Math.min(100, (n / SCALE) * 100)}%`;
  return (
    <div className={`share-meter share-meter--${fit}`} data-fit={fit}>
      <div className="share-meter__bar" aria-hidden="true">
        <div className="share-meter__fill" style={{ width: percent(length) }} />
        <div className="share-meter__tick" style={{ left: percent(CHAT_LIMIT) }} />
        <div className="share-meter__tick" style={{ left: percent(MOST_PLACES_LIMIT) }} />
      </div>
      <p className="share-meter__text" data-testid="link-fit">
        <strong>{length.toLocaleString('en')}</strong> characters after the #. {linkFitMessage(fit)}{' '}
        <span className="share-hint">
          (Marks at {CHAT_LIMIT.toLocaleString('en')}: chat and QR codes; {MOST_PLACES_LIMIT.toLocaleString('en')}: most places.)
        </span>
      </p>
    </div>
  );
}
