// Where a link of a given length can travel. Chat apps and QR codes start to break long links
// a little under 2,000 characters; most other places (issue trackers, mail, wikis, browsers'
// address bars) are safe up to about 8,000. Beyond that a file travels better than a link.
// Lengths are counted after the # (what the recovery screen counts too); the address before
// it adds a few dozen characters, which the limits leave room for.

export const CHAT_LIMIT = 1_900;
export const MOST_PLACES_LIMIT = 8_000;

export type LinkFit = 'chat' | 'most' | 'file';

export function linkFit(length: number): LinkFit {
  if (length <= CHAT_LIMIT) return 'chat';
  if (length <= MOST_PLACES_LIMIT) return 'most';
  return 'file';
}

/** One sentence for the Share dialog's meter: `linkFitMessage(1200)` → "Fits chat messages and QR codes." */
export function linkFitMessage(fit: LinkFit): string {
  switch (fit) {
    case 'chat':
      return 'Fits chat messages and QR codes.';
    case 'most':
      return 'Too long for some chat apps and QR codes; fine in issues, mail, wikis and browsers.';
    case 'file':
      return 'Too long for most places: send the scenario as a file instead.';
  }
}
