/**
 * JSON with every object's keys sorted (and `undefined` fields left out), so the order in which
 * a value's fields were written (which a link round trip or an edit may change) does not count.
 *
 * @example
 * sortedJson({ b: 1, a: [{ d: 2, c: undefined }] }) // → '{"a":[{"d":2}],"b":1}'
 */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
