/**
 * Records keyed by names read from files, where a name may be `__proto__`, `constructor` or
 * `toString`: reads and writes of own properties only, so such a name is a name like any other
 * (never the prototype, never an inherited method).
 */

/** `record[key]` if it is the record's own property, else undefined. */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Defines `record[key] = value` as an own, enumerable property (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A name from a file as messages quote it: `'fc.weight'`, cut after 60 characters with `…`. */
export function quoteName(name: unknown): string {
  const s = String(name);
  return `'${s.length > 60 ? `${s.slice(0, 60)}…` : s}'`;
}
