// Reading the share link that `toSvg(…, { link })` (src/export/svg.ts) stores in an SVG's
// <metadata>, so a dropped SVG reopens its scenario. Only our own element in our own
// namespace is read, with a regex rather than an XML parser: the SVG is untrusted and the
// link is all we want from it.

/** The XML namespace of Ripple's metadata element, `<ripple:link xmlns:ripple="…">`. */
export const RIPPLE_NS = 'https://ripple.invalid/ns';

const LINK_ELEMENT = /<ripple:link\s+xmlns:ripple="https:\/\/ripple\.invalid\/ns"\s*>([^<]*)<\/ripple:link>/;

/**
 * The share link stored by `toSvg(…, { link })`, or `null`. The link it returns is untrusted
 * and must go through the link decoder.
 *
 * @example
 * readSvgLink('<svg><metadata><ripple:link xmlns:ripple="https://ripple.invalid/ns">https://x/#r1.…</ripple:link></metadata></svg>')
 * // → 'https://x/#r1.…'
 */
export function readSvgLink(svgText: string): string | null {
  const match = LINK_ELEMENT.exec(svgText);
  if (!match) return null;
  const link = unescapeXml(match[1]).trim();
  return link === '' ? null : link;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/** The inverse of `escapeXml` (src/export/xml.ts) for the five named entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return codePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return codePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
