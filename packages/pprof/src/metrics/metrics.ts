// The JSON document of /metrics: memory, V8 heap, GC, event-loop delay, uptime and stats providers.
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { fullGc } from '../profiles/full-gc.js';
import {
  type EventLoopDelay,
  type GcKind,
  type GcKindStats,
  majorCountReaches,
  readMonitors,
} from './runtime-monitors.js';
import { collectProviders, type StatsProvider } from './stats-providers.js';

/** The `/metrics` document. Sizes are bytes, durations milliseconds. */
export interface PprofMetrics {
  /** When the document was built (ISO 8601). */
  timestamp: string;
  pid: number;
  /** `process.uptime()`, in seconds. */
  uptimeSeconds: number;
  /** The forced full collection of `?gc=1` (its duration), or null without `gc=1`. */
  forcedGc: { durationMs: number } | null;
  /** `process.memoryUsage()` after any forced collection. */
  memory: {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
  };
  /** `v8.getHeapStatistics()` with camelCase keys (usedHeapSize, heapSizeLimit, …). */
  heap: Record<string, number>;
  /** `v8.getHeapSpaceStatistics()`: one entry per V8 heap space. */
  heapSpaces: { name: string; size: number; used: number; available: number; physical: number }[];
  /** GC counts and total pauses by kind since the monitors started (perf_hooks 'gc' entries). */
  gc: { since: string } & Record<GcKind | 'total', GcKindStats>;
  /** Event-loop delay percentiles since the monitors started, in milliseconds. */
  eventLoopDelayMs: EventLoopDelay;
  /** One section per stats provider, by name. */
  providers: Record<string, unknown>;
}

/** Builds the `/metrics` document; with `gc`, runs a full collection first. */
export async function collectMetrics(options: {
  gc: boolean;
  providers: Readonly<Record<string, StatsProvider>>;
}): Promise<PprofMetrics> {
  let forcedGc: PprofMetrics['forcedGc'] = null;
  if (options.gc) {
    const majorBefore = readMonitors().gc.major.count;
    forcedGc = { durationMs: Math.round(fullGc() * 1000) / 1000 };
    // perf_hooks delivers 'gc' entries a few turns later: wait (briefly) so the counts include
    // the two collections just run.
    await majorCountReaches(majorBefore + 2, 100);
  }
  const memory = process.memoryUsage();
  const heap: Record<string, number> = {};
  for (const [key, value] of Object.entries(getHeapStatistics())) {
    heap[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value as number;
  }
  const monitors = readMonitors();
  return {
    timestamp: new Date().toISOString(),
    pid: process.pid,
    uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
    forcedGc,
    memory: {
      rss: memory.rss,
      heapTotal: memory.heapTotal,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
    },
    heap,
    heapSpaces: getHeapSpaceStatistics().map((s) => ({
      name: s.space_name,
      size: s.space_size,
      used: s.space_used_size,
      available: s.space_available_size,
      physical: s.physical_space_size,
    })),
    gc: { since: monitors.since, ...monitors.gc },
    eventLoopDelayMs: monitors.eventLoopDelayMs,
    providers: await collectProviders(options.providers),
  };
}
