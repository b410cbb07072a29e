// Process-wide GC and event-loop-delay monitors behind /metrics, started once and reference-counted.
import {
  constants,
  type IntervalHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';

/** GC activity of one kind since the monitors started. */
export interface GcKindStats {
  /** Collections of this kind. */
  count: number;
  /** Total pause in milliseconds. */
  pauseMs: number;
}

export type GcKind = 'minor' | 'major' | 'incremental' | 'weakcb';

const kinds: Record<number, GcKind> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

interface Monitors {
  readonly since: number;
  readonly gc: Record<GcKind, GcKindStats>;
  readonly observer: PerformanceObserver;
  readonly loopDelay: IntervalHistogram;
  users: number;
}

let monitors: Monitors | undefined;

/** The event-loop delay timer's interval, in milliseconds. */
const loopDelayResolutionMs = 10;

/** Starts the monitors (or joins them); the returned function leaves, stopping them when last. */
export function acquireMonitors(): () => void {
  if (monitors === undefined) {
    const gc: Record<GcKind, GcKindStats> = {
      minor: { count: 0, pauseMs: 0 },
      major: { count: 0, pauseMs: 0 },
      incremental: { count: 0, pauseMs: 0 },
      weakcb: { count: 0, pauseMs: 0 },
    };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = kinds[(entry as { detail?: { kind?: number } }).detail?.kind ?? -1];
        if (kind === undefined) continue;
        gc[kind].count++;
        gc[kind].pauseMs += entry.duration;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const loopDelay = monitorEventLoopDelay({ resolution: loopDelayResolutionMs });
    loopDelay.enable();
    monitors = { since: Date.now(), gc, observer, loopDelay, users: 0 };
  }
  const state = monitors;
  state.users++;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    state.users--;
    if (state.users === 0 && monitors === state) {
      state.observer.disconnect();
      state.loopDelay.disable();
      monitors = undefined;
    }
  };
}

/** Event-loop delay percentiles, in milliseconds. */
export interface EventLoopDelay {
  min: number;
  max: number;
  mean: number;
  stddev: number;
  p50: number;
  p90: number;
  p99: number;
}

/** What the monitors have seen: GC counts and pauses by kind, event-loop delay percentiles. */
export interface MonitorReadings {
  /** When the monitors started (ISO 8601). */
  since: string;
  gc: Record<GcKind | 'total', GcKindStats>;
  /**
   * Event-loop delay in milliseconds since the monitors started: how late a 10 ms timer fired
   * (Node's histogram counts the 10 ms itself; it is subtracted here, so an idle loop reads ~0).
   */
  eventLoopDelayMs: EventLoopDelay;
}

/** The current readings; zeros when no monitor runs. */
export function readMonitors(): MonitorReadings {
  const zero = () => ({ count: 0, pauseMs: 0 });
  const gc = monitors?.gc ?? { minor: zero(), major: zero(), incremental: zero(), weakcb: zero() };
  const total = Object.values(gc).reduce(
    (sum, k) => ({ count: sum.count + k.count, pauseMs: sum.pauseMs + k.pauseMs }),
    zero(),
  );
  const h = monitors?.loopDelay;
  const ms = (ns: number | undefined) =>
    h === undefined || h.count === 0 || ns === undefined || !Number.isFinite(ns)
      ? 0
      : Math.max(0, Math.round((ns / 1e6 - loopDelayResolutionMs) * 1000) / 1000);
  return {
    since: new Date(monitors?.since ?? Date.now()).toISOString(),
    gc: {
      total: round(total),
      minor: round(gc.minor),
      major: round(gc.major),
      incremental: round(gc.incremental),
      weakcb: round(gc.weakcb),
    },
    eventLoopDelayMs: {
      min: ms(h?.min),
      max: ms(h?.max),
      mean: ms(h?.mean),
      stddev: h === undefined || h.count === 0 ? 0 : Math.round((h.stddev / 1e6) * 1000) / 1000,
      p50: ms(h?.percentile(50)),
      p90: ms(h?.percentile(90)),
      p99: ms(h?.percentile(99)),
    },
  };
}

function round(stats: GcKindStats): GcKindStats {
  return { count: stats.count, pauseMs: Math.round(stats.pauseMs * 1000) / 1000 };
}

/** Resolves once `count` major collections were observed, or after `limitMs` (or at once without monitors). */
export async function majorCountReaches(count: number, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (monitors !== undefined && monitors.gc.major.count < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
