// The default reset: restores every own field of a controller to its value in a pristine instance.
// Hand-written, not structuredClone: services and other class instances must stay as they are
// (structuredClone drops prototypes and throws on functions), and it runs on every release.

/** Restores `instance`'s fields in place. */
export type ResetFn = (instance: object) => void;

interface Slot {
  readonly key: string;
  /** `value`: assign as is; `copy`: assign a fresh deep copy. */
  readonly kind: 'value' | 'copy';
  readonly value: unknown;
}

/**
 * Compiles the reset of one class from its pristine instance, once:
 * - primitives (and `null`/`undefined`) are assigned back;
 * - arrays, plain objects, Maps, Sets and Dates get a fresh deep copy of the pristine value, so no
 *   two instances ever share one (and a result that still references the old value keeps it intact);
 * - functions and other objects (services and views the constructor made) are the instance's own:
 *   kept as they are. The retention guard compares them with the pristine ones.
 * Fields the pristine instance does not have are deleted.
 */
export function compileDefaultReset(pristine: object): ResetFn {
  const keys = new Set(Object.keys(pristine));
  const slots: Slot[] = [];
  for (const key of keys) {
    const value = (pristine as Record<string, unknown>)[key];
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      slots.push({ key, kind: 'value', value });
    } else if (typeof value === 'object' && isCopyable(value)) {
      slots.push({ key, kind: 'copy', value });
    }
    // Anything else is the instance's own (a service, a bound method): left alone.
  }
  const count = slots.length;
  const fieldCount = keys.size;
  return function defaultReset(instance: object): void {
    const target = instance as Record<string, unknown>;
    for (let i = 0; i < count; i++) {
      const slot = slots[i]!;
      target[slot.key] = slot.kind === 'value' ? slot.value : freshCopy(slot.value);
    }
    // Only a handler that added fields makes the counts differ; then drop the extras.
    const own = Object.keys(target);
    if (own.length !== fieldCount) {
      for (const key of own) if (!keys.has(key)) delete target[key];
    }
  };
}

/** Whether the default reset deep-copies `value` (arrays, plain objects, Maps, Sets, Dates). */
export function isCopyable(value: object): boolean {
  if (
    Array.isArray(value) ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Date
  ) {
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A deep copy of arrays, plain objects, Maps, Sets and Dates; other values are returned as is. */
export function freshCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !isCopyable(value)) return value;
  if (Array.isArray(value)) return value.length === 0 ? [] : value.map(freshCopy);
  if (value instanceof Map) {
    return new Map([...value].map(([k, v]) => [freshCopy(k), freshCopy(v)] as const));
  }
  if (value instanceof Set) return new Set([...value].map(freshCopy));
  if (value instanceof Date) return new Date(value.getTime());
  const copy: Record<string, unknown> =
    Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value))
    copy[key] = freshCopy((value as Record<string, unknown>)[key]);
  return copy;
}
