// The load phase: the load runs for its duration while the target's memory is polled every interval.
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadSummary } from '../report/soak-report.js';
import { formatBytes, formatCount } from '../units.js';
import type { Sample } from '../verdict/samples.js';
import { computeTrends, minSamples } from '../verdict/verdict.js';
import type { CompiledRoute } from './compile-routes.js';
import { type LoadRun, startLoad } from './load.js';
import { poll, type SoakContext, toSample } from './phases.js';
import type { TargetMetrics } from './pprof-client.js';

/** What the load phase leaves: its summary, the samples so far, and the soak's clock. */
export interface LoadOutcome {
  readonly summary: LoadSummary;
  /** The baseline, then one sample per poll (warm-up, then load). */
  readonly samples: Sample[];
  /** Seconds since the load started. */
  readonly since: () => number;
  /** When the warm-up ends, in the clock's seconds. */
  readonly warmupEnd: number;
}

/**
 * Load: starts the load, then polls every interval until it ends. The baseline (begun at
 * `baseline.at`) becomes the first sample, at a negative time on the soak's clock.
 */
export async function runLoadPhase(
  ctx: SoakContext,
  routes: readonly CompiledRoute[],
  baseline: { readonly metrics: TargetMetrics; readonly at: number },
): Promise<LoadOutcome> {
  const { o, watch } = ctx;
  watch.phase = 'load';
  ctx.status.log(
    `pugo-soak: load for ${Math.round(o.durationMs / 1000)}s, ${o.connections} connections${o.rate ? `, ≤ ${o.rate} req/s` : ''}, ${routes.length} route(s)`,
  );
  const load = startLoad({
    url: ctx.url,
    routes,
    connections: o.connections,
    rate: o.rate,
    durationMs: o.durationMs,
  });
  watch.onFailureStop(load.stop);
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const samples = [toSample(baseline.metrics, 'baseline', (baseline.at - started) / 1000, 0)];
  const warmupEnd = (o.durationMs / 1000) * o.warmup;
  const live = liveStatus(ctx, load, samples, since);
  try {
    await pollUntilDone(ctx, load, samples, since, warmupEnd, live);
    return { summary: await watch.guard(load.done), samples, since, warmupEnd };
  } finally {
    live.stop();
    load.stop();
  }
}

/** Polls at k × interval since the start (a slow poll does not shift the next) until the load ends. */
async function pollUntilDone(
  ctx: SoakContext,
  load: LoadRun,
  samples: Sample[],
  since: () => number,
  warmupEnd: number,
  live: { verdictSoFar(text: string): void },
): Promise<void> {
  const { o, watch } = ctx;
  const need = minSamples(o.alpha);
  let loadDone = false;
  const loadEnded = load.done.finally(() => {
    loadDone = true;
  });
  for (let k = 1; !loadDone; k++) {
    const wake = k * o.intervalMs - since() * 1000;
    if (wake > 0) await watch.guard(Promise.race([sleep(wake), loadEnded]));
    if (loadDone) break;
    const metrics = await poll(ctx);
    const t = since();
    samples.push(toSample(metrics, t < warmupEnd ? 'warmup' : 'load', t, load.served()));
    const judged = samples.filter((s) => s.phase === 'load');
    if (judged.length >= need) {
      const trends = computeTrends(judged, load.served() / Math.max(t, 0.001), o);
      live.verdictSoFar(
        trends.some((x) => x.leak) ? 'verdict so far: LEAK (growing)' : 'verdict so far: no growth',
      );
    }
  }
}

/** The status line, rewritten every second: time, throughput, memory, errors, the verdict so far. */
function liveStatus(ctx: SoakContext, load: LoadRun, samples: Sample[], since: () => number) {
  const total = Math.round(ctx.o.durationMs / 1000);
  let lastServed = 0;
  let lastTick = since();
  let soFar = 'warming up';
  const ticker = setInterval(() => {
    const now = since();
    const served = load.served();
    const rps = (served - lastServed) / Math.max(0.001, now - lastTick);
    lastServed = served;
    lastTick = now;
    const last = samples.at(-1)!;
    ctx.status.update(
      `pugo-soak: ${now.toFixed(0)}s/${total}s  ${formatCount(rps)} req/s  ${formatCount(served)} requests  heap ${formatBytes(last.heapUsed)}  ext ${formatBytes(last.external)}  rss ${formatBytes(last.rss)}  errors ${formatCount(load.errors())}  ${soFar}`,
    );
  }, 1000);
  ticker.unref();
  return {
    verdictSoFar(text: string) {
      soFar = text;
    },
    stop: () => clearInterval(ticker),
  };
}
