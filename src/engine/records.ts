// Records keyed by step id.

/**
 * A new empty record keyed by step ids: it has no prototype, so a read of a valid id that is
 * not in it — `constructor`, `toString`, `hasOwnProperty` (any name of `Object.prototype`) —
 * gives `undefined`, not an inherited function. `JSON.stringify` writes it like `{}`.
 *
 * @example
 * const lint = idRecord<string[]>();
 * lint['toString'] // → undefined (on `{}` it is Object.prototype.toString)
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * `record[key] = value`, also for the one valid step id that plain assignment gets wrong:
 * assigning to "__proto__" would set the record's prototype instead of adding a key.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
