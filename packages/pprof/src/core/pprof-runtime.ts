// Opens what one plugin or server needs (heap sampler, monitors, source maps, handler) and closes it.

import { acquireMonitors } from '../metrics/runtime-monitors.js';
import { acquireHeapSampler } from '../profiles/heap-sampler.js';
import { loadSourceMaps } from '../profiles/source-maps.js';
import type { ResolvedPprofOptions } from './options.js';
import { createPprofHandler, type PprofHandler } from './pprof-handler.js';

export interface PprofRuntime {
  readonly handler: PprofHandler;
  /** Releases the heap sampler and monitors (they stop when their last user closes). */
  close(): void;
}

/** Starts heap sampling and the GC and event-loop monitors, loads source maps, builds the handler. */
export async function openPprofRuntime(options: ResolvedPprofOptions): Promise<PprofRuntime> {
  const sourceMapper = await loadSourceMaps(options.sourceMapDirs);
  const heapSampler = acquireHeapSampler(options.heapIntervalBytes, options.heapStackDepth);
  const leaveMonitors = acquireMonitors();
  return {
    handler: createPprofHandler(options, heapSampler, sourceMapper),
    close() {
      heapSampler.release();
      leaveMonitors();
    },
  };
}
