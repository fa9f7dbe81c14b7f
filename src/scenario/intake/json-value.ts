import { utf8Length } from '../text.ts';

/**
 * The JSON value of `text` (a byte-order mark stripped), or `undefined` when it is over
 * `maxBytes` UTF-8 bytes or not JSON: the same checks as `readJsonText`, without its account of
 * what is wrong, for readers that only keep or drop the value (a stored draft, lesson progress).
 * In a module of its own, so those readers, loaded before the first canvas, leave the syntax scanner out of the
 * main chunk (issue #15). Never throws.
 */
export function readJsonValue(text: string, maxBytes: number): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > maxBytes || utf8Length(body) > maxBytes) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
