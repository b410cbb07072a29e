// Whether a handler's result is a promise, so the hot path awaits only when it must.

/** Whether `value` is a promise (or any thenable), to skip an await on plain results. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
