// The retention guard: finds the field of a released controller that differs from a pristine one.
// Hand-written, not util.isDeepStrictEqual: a finding must name the field path and describe both values
// by type and size only, functions never compare, and the walk stops at depth 4.

/** What the retention guard found on a released controller, as `onRetention` receives it. */
export interface RetentionFinding {
  /** The route, e.g. `GET /posts/:id`. */
  readonly route: string;
  /** The controller class name. */
  readonly controller: string;
  /** The field path that still holds request data, e.g. `comments` or `view.title`. */
  readonly field: string;
  /** What the field holds, by type and size only (never the data): `Array(3); fresh: Array(0)`. */
  readonly found: string;
}

/** Where a released instance differs from the pristine one. */
export interface Difference {
  /** Field path, e.g. `comments`, `view.title`, `items[2]`. */
  readonly field: string;
  /** Type and size of both values, never their content (request data may be secret). */
  readonly found: string;
}

/** How deep the guard looks into nested objects; deeper differences are not reported. */
const MAX_DEPTH = 4;

/**
 * Compares `instance` with `pristine` field by field. "Still holds request data" means: a field
 * whose value, after reset, is not structurally equal to a freshly constructed instance's (deep for
 * arrays, plain and class objects, Maps, Sets, Dates, up to 4 levels), or a field a fresh instance
 * does not have. Functions are not compared; an object both share (the same service) is equal.
 */
export function findRetained(instance: object, pristine: object): Difference | undefined {
  return compareObjects(instance, pristine, '', 0);
}

function compareObjects(
  actual: object,
  fresh: object,
  path: string,
  depth: number,
): Difference | undefined {
  const a = actual as Record<string, unknown>;
  const f = fresh as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(f, key)) {
      return { field: join(path, key), found: `${describe(a[key])}; fresh: no such field` };
    }
  }
  for (const key of Object.keys(f)) {
    const found = compareValues(a[key], f[key], join(path, key), depth);
    if (found !== undefined) return found;
  }
  return undefined;
}

function compareValues(
  actual: unknown,
  fresh: unknown,
  path: string,
  depth: number,
): Difference | undefined {
  if (Object.is(actual, fresh)) return undefined;
  const differs = { field: path, found: `${describe(actual)}; fresh: ${describe(fresh)}` };
  if (typeof actual === 'function' && typeof fresh === 'function') return undefined;
  if (
    actual === null ||
    fresh === null ||
    typeof actual !== 'object' ||
    typeof fresh !== 'object'
  ) {
    return differs;
  }
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(fresh)) return differs;
  if (depth >= MAX_DEPTH) return undefined;
  if (actual instanceof Date)
    return actual.getTime() === (fresh as Date).getTime() ? undefined : differs;
  if (Array.isArray(actual)) {
    const freshArray = fresh as unknown[];
    if (actual.length !== freshArray.length) return differs;
    for (let i = 0; i < actual.length; i++) {
      const found = compareValues(actual[i], freshArray[i], `${path}[${i}]`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (actual instanceof Map || actual instanceof Set) {
    const freshEntries = [...(fresh as Map<unknown, unknown> | Set<unknown>)];
    const entries = [...actual];
    if (entries.length !== freshEntries.length) return differs;
    for (let i = 0; i < entries.length; i++) {
      const found = compareValues(entries[i], freshEntries[i], `${path}[${i}]`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (ArrayBuffer.isView(actual)) {
    const bytes = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
    const freshView = fresh as ArrayBufferView;
    const freshBytes = Buffer.from(freshView.buffer, freshView.byteOffset, freshView.byteLength);
    return bytes.equals(freshBytes) ? undefined : differs;
  }
  return compareObjects(actual, fresh, path, depth + 1);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A value's type and size, e.g. `Array(3)`, `string(12)`, `object Post`, `number`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `string(${value.length})`;
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.byteLength} bytes)`;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const name = proto?.constructor?.name;
  const keys = Object.keys(value).length;
  return name === undefined || name === 'Object' ? `object(${keys} keys)` : `${name}(${keys} keys)`;
}
