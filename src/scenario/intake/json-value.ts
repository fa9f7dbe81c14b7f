import { utf8Length } from '../text.ts';

/**
 * The JSON value of `text` (a byte-order mark stripped), or `undefined` when it is over
 * `maxBytes` UTF-8 bytes or not JSON: the same checks as `readJsonText`, without its account of
 * what is wrong, for readers that only keep or drop the value (a stored draft, lesson progress).
 * In a module of its own, so those readers, loaded before the first canvas, leave the syntax scanner out of the
 * main chunk (issue #15). Never throws.
 */
export function readJsonValue(text: string, maxBytes: number): unknown {
  const { body, bytes } = jsonBody(text, maxBytes);
  if (bytes > maxBytes) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The JSON text of `text` without its byte-order mark (common in files saved by Windows
 * editors), and its size in UTF-8 bytes, or its length in UTF-16 units when that alone is over
 * `maxBytes` (counting bytes walks the text: not done for a text refused anyway).
 */
export function jsonBody(text: string, maxBytes: number): { body: string; bytes: number } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { body, bytes: body.length > maxBytes ? body.length : utf8Length(body) };
}
