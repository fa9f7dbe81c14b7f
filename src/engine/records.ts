// Records keyed by step id.

/**
 * `record[key] = value`, also for the one valid step id that plain assignment gets wrong:
 * assigning to "__proto__" would set the record's prototype instead of adding a key.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
