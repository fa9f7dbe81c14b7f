// Steps carry an optional free-text request line (`COPY /docs/a.txt`, `GET /me`). Exporters
// that need a method or a URL (WebDAV hrefs, trace names) read it here, tolerantly: anything
// that does not look like `METHOD target` simply has no method.

export interface RequestLine {
  method: string | null;
  /** The request target as written: a path, a path with query, or an absolute URL. */
  target: string | null;
}

const METHOD = /^[A-Z][A-Z-]*$/;
const HTTP_VERSION = /\s+HTTP\/\d(\.\d)?$/;

/**
 * `parseRequestLine('COPY /docs/a.txt')` → `{ method: 'COPY', target: '/docs/a.txt' }`. The
 * target is the rest of the line (less a trailing `HTTP/1.1`), so a path with a space in it
 * stays whole.
 */
export function parseRequestLine(request: string | undefined | null): RequestLine {
  const line = (request ?? '').trim().replace(HTTP_VERSION, '');
  const space = line.search(/\s/);
  const first = space < 0 ? line : line.slice(0, space);
  const rest = space < 0 ? '' : line.slice(space).trim();
  if (rest !== '' && METHOD.test(first)) return { method: first, target: rest };
  if (line.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(line)) return { method: null, target: line };
  return { method: null, target: null };
}

/**
 * Percent-encodes what may not appear in a URI (spaces, quotes, non-ASCII) and leaves
 * existing escapes and reserved characters alone: `/a b/ü` → `/a%20b/%C3%BC`.
 */
export function toUriReference(text: string): string {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (ch) => {
    // A lone surrogate cannot be UTF-8 encoded; it stands for U+FFFD like everywhere else.
    const safe = /[\uD800-\uDFFF]/.test(ch) && ch.length === 1 ? '\uFFFD' : ch;
    return encodeURIComponent(safe);
  });
}
