// The process-wide V8 sampling heap profiler, shared by every plugin and server (reference-counted).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { heap, type SourceMapper } from '@datadog/pprof';
import { pprofError } from '../errors.js';
import type { ProfileData } from './profile-data.js';

interface Running {
  readonly intervalBytes: number;
  readonly stackDepth: number;
  users: number;
}

let running: Running | undefined;

/**
 * Frames under @datadog/pprof's own files are the profile being built while it is taken: they are
 * left out, as Go's heap profile leaves out its own bookkeeping.
 */
const profilerDir = dirname(createRequire(import.meta.url).resolve('@datadog/pprof'));

/** A lease on the heap sampler: profiles while held, `release()` stops it when the last one goes. */
export interface HeapSamplerLease {
  readonly intervalBytes: number;
  /** The in-use heap sampled so far, as a pprof profile (inuse_objects, inuse_space). */
  profile(sourceMapper?: SourceMapper): ProfileData;
  release(): void;
}

/**
 * Starts V8's sampling heap profiler (or joins the running one). V8 has one sampler per isolate, so
 * every user must agree on interval and depth: a different pair is a PUGO_ERR_PPROF_HEAP_SAMPLER.
 */
export function acquireHeapSampler(intervalBytes: number, stackDepth: number): HeapSamplerLease {
  if (running === undefined) {
    try {
      heap.start(intervalBytes, stackDepth);
    } catch (error) {
      // Someone else (a tracer, say) already runs the sampler with other settings.
      throw pprofError(
        'PUGO_ERR_PPROF_HEAP_SAMPLER',
        {
          running: 'other settings, started outside @pugo/pprof',
          wanted: describe(intervalBytes, stackDepth),
        },
        error,
      );
    }
    running = { intervalBytes, stackDepth, users: 0 };
  } else if (running.intervalBytes !== intervalBytes || running.stackDepth !== stackDepth) {
    throw pprofError('PUGO_ERR_PPROF_HEAP_SAMPLER', {
      running: describe(running.intervalBytes, running.stackDepth),
      wanted: describe(intervalBytes, stackDepth),
    });
  }
  const state = running;
  state.users++;
  let released = false;
  return {
    intervalBytes,
    profile: (sourceMapper) => heap.profile(profilerDir, sourceMapper),
    release() {
      if (released) return;
      released = true;
      state.users--;
      if (state.users === 0 && running === state) {
        heap.stop();
        running = undefined;
      }
    },
  };
}

function describe(intervalBytes: number, stackDepth: number): string {
  return `heapIntervalBytes ${intervalBytes} and heapStackDepth ${stackDepth}`;
}
