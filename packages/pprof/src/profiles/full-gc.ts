// A genuine full (mark-compact) garbage collection, with or without --expose-gc.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = () => void;

let cached: GcFunction | undefined;

/**
 * V8's `gc` function: the global one under --expose-gc, else one obtained by setting the flag at
 * run time and reading `gc` from a fresh context (the flag only affects contexts created after it).
 */
function gcFunction(): GcFunction {
  if (cached !== undefined) return cached;
  const global = (globalThis as { gc?: GcFunction }).gc;
  if (typeof global === 'function') {
    cached = global;
  } else {
    setFlagsFromString('--expose-gc');
    cached = runInNewContext('gc') as GcFunction;
  }
  return cached;
}

/**
 * Runs two synchronous major collections and returns how long they took in milliseconds. Two,
 * because objects kept alive only by weak callbacks and finalizers (FinalizationRegistry,
 * WeakRef targets) are freed by the second pass; one pass leaves post-GC heap readings noisier.
 */
export function fullGc(): number {
  const gc = gcFunction();
  const start = performance.now();
  // Plain gc(), not gc({ type: 'major', execution: 'sync' }): on Node 20 (V8 11.3) that form
  // freed nothing in our measurements, while plain gc() frees unreachable large objects.
  gc();
  gc();
  return performance.now() - start;
}
