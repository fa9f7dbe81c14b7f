// Text from a scenario (labels, messages, request lines) is untrusted: it may hold markup,
// quotes or control characters. Everything the exporters write into XML or SVG goes through
// these, so a label like `<img src=x onerror=alert(1)>` stays text.

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF even when escaped;
// a document containing them does not parse at all, so they become U+FFFD.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `escapeXml('a < b & "c"')` → `a &lt; b &amp; &quot;c&quot;`; safe in text and in attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Reading XML back is untrusted input: it lives in the intake gate, next to the SVG link reader.
export { unescapeXml } from '../scenario/intake/svg-link.ts';
