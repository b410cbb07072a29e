// runSoak: start (or reach) the target, baseline, load with polling, drain, verdict, culprit: the report.
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeProfile, type Profile } from '@pugo/profile';
import { type ResolvedSoakOptions, resolveOptions, type SoakOptions } from '../config/options.js';
import { SoakError, soakError } from '../errors.js';
import type { LoadSummary, SoakReport, SoakRun } from '../report/soak-report.js';
import type { StatusLine } from '../report/status-line.js';
import { formatBytes, formatCount } from '../units.js';
import { type Grower, topGrowers } from '../verdict/growers.js';
import type { Phase, Sample } from '../verdict/samples.js';
import {
  computeRetained,
  computeTrends,
  decide,
  minSamples,
  type Trend,
} from '../verdict/verdict.js';
import { compileRoutes } from './compile-routes.js';
import { startLoad } from './load.js';
import {
  discoverPprof,
  fetchHeapProfile,
  fetchMetrics,
  type TargetMetrics,
} from './pprof-client.js';
import { runSetup } from './setup.js';
import { startTarget, type Target, targetExited, waitUntilReady } from './target.js';

/** How a soak reports progress and can be stopped. */
export interface SoakHooks {
  /** Live status (stderr in the CLI). Default: silent. */
  readonly status?: StatusLine;
  /** Aborting stops the load and the target; the soak rejects with PUGO_ERR_SOAK_INTERRUPTED. */
  readonly signal?: AbortSignal;
}

const silent: StatusLine = { update() {}, log() {}, done() {} };

/**
 * Runs one soak. Rejects with a SoakError when no verdict can be reached (the target did not start
 * or died, no metrics endpoint); resolves with a report whose verdict is `pass`, `leak`, or `error`
 * (the load's error rate passed the limit, too few samples: the data is kept for the report).
 */
export async function runSoak(options: SoakOptions, hooks: SoakHooks = {}): Promise<SoakRun> {
  const o = resolveOptions(options);
  const status = hooks.status ?? silent;
  const startedAt = new Date().toISOString();
  let phase = 'start-up';
  let target: Target | undefined;
  let stopLoad: (() => void) | undefined;
  // Rejects when the target exits or the soak is aborted; raced against every wait below.
  const watch = new Promise<never>((_, reject) => {
    hooks.signal?.addEventListener('abort', () => {
      stopLoad?.();
      reject(soakError('PUGO_ERR_SOAK_INTERRUPTED', { phase }));
    });
  });
  watch.catch(() => {});
  const guard = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => {});
    return Promise.race([p, watch]);
  };
  try {
    let url: string;
    let candidates: string[];
    if (o.cmd !== undefined) {
      status.log(`pugo-soak: starting ${o.cmd}`);
      target = await startTarget({ cmd: o.cmd, cwd: o.cwd, env: o.env });
      const t = target;
      const died = t.exit.then(() => {
        stopLoad?.();
        throw targetExited(t, phase);
      });
      died.catch(() => {});
      const previous = guard;
      const withDeath = <T>(p: Promise<T>) => previous(Promise.race([p, died]));
      url = target.url;
      candidates = [`http://127.0.0.1:${target.pprofPort}/debug/pprof`, `${url}/debug/pprof`];
      try {
        await withDeath(waitUntilReady(`${url}${o.ready}`, o.readyTimeoutMs, target));
        return await soakPhases(o, url, candidates, withDeath);
      } catch (error) {
        // A dying target often resets a request before its exit is seen: name the death, not the reset.
        if (error instanceof SoakError && error.code !== 'PUGO_ERR_SOAK_INTERRUPTED') {
          await Promise.race([t.exit, sleep(1000)]);
          if (t.exited() !== undefined) throw targetExited(t, phase);
        }
        throw error;
      }
    }
    url = o.url!;
    candidates = [`${url}/debug/pprof`];
    await guard(waitUntilReady(`${url}${o.ready}`, o.readyTimeoutMs));
    return await soakPhases(o, url, candidates, guard);
  } finally {
    status.done();
    await target?.stop();
  }

  async function soakPhases(
    o: ResolvedSoakOptions,
    url: string,
    candidates: string[],
    guard: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<SoakRun> {
    phase = 'start-up';
    const pprof = o.pprof ?? (await guard(discoverPprof(candidates)));
    if (o.pprof !== undefined) await guard(discoverPprof([o.pprof], 0));
    phase = 'setup';
    const setup = await guard(runSetup(o.setup, { url, pprofUrl: pprof, fetch, env: process.env }));
    const routes = compileRoutes(o.routes, { vars: setup.vars, env: process.env }, setup.headers);

    phase = 'baseline';
    status.log(`pugo-soak: baseline (full GC, metrics, heap profile) from ${pprof}`);
    const loadStart0 = performance.now();
    const sample = (m: TargetMetrics, ph: Phase, t: number, requests: number): Sample => ({
      phase: ph,
      t: Math.round(t * 1000) / 1000,
      requests,
      heapUsed: m.memory.heapUsed,
      heapTotal: m.memory.heapTotal,
      external: m.memory.external,
      arrayBuffers: m.memory.arrayBuffers,
      rss: m.memory.rss,
      gcMs: m.forcedGc?.durationMs ?? 0,
    });
    const baselineMetrics = await guard(fetchMetrics(pprof));
    const heapBaseline = await guard(fetchHeapProfile(pprof));
    const baselineProfile = decodeHeap(heapBaseline, `${pprof}/heap`);

    phase = 'load';
    status.log(
      `pugo-soak: load for ${Math.round(o.durationMs / 1000)}s, ${o.connections} connections${o.rate ? `, ≤ ${o.rate} req/s` : ''}, ${routes.length} route(s)`,
    );
    const load = startLoad({
      url,
      routes,
      connections: o.connections,
      rate: o.rate,
      durationMs: o.durationMs,
    });
    stopLoad = load.stop;
    const loadStart = performance.now();
    const since = () => (performance.now() - loadStart) / 1000;
    const samples: Sample[] = [
      sample(baselineMetrics, 'baseline', (loadStart0 - loadStart) / 1000, 0),
    ];
    const warmupEnd = (o.durationMs / 1000) * o.warmup;
    const need = minSamples(o.alpha);
    let loadDone = false;
    const loadEnded = load.done.finally(() => {
      loadDone = true;
    });
    let lastServed = 0;
    let lastTick = since();
    let rps = 0;
    let soFar = 'warming up';
    const ticker = setInterval(() => {
      const now = since();
      const served = load.served();
      rps = (served - lastServed) / Math.max(0.001, now - lastTick);
      lastServed = served;
      lastTick = now;
      const last = samples.at(-1)!;
      status.update(
        `pugo-soak: ${now.toFixed(0)}s/${Math.round(o.durationMs / 1000)}s  ${formatCount(rps)} req/s  ${formatCount(served)} requests  heap ${formatBytes(last.heapUsed)}  ext ${formatBytes(last.external)}  rss ${formatBytes(last.rss)}  errors ${formatCount(load.errors())}  ${soFar}`,
      );
    }, 1000);
    ticker.unref();
    let summary: LoadSummary;
    try {
      for (let k = 1; !loadDone; k++) {
        const wake = k * o.intervalMs - since() * 1000;
        if (wake > 0) await guard(Promise.race([sleep(wake), loadEnded]));
        if (loadDone) break;
        const m = await guard(fetchMetrics(pprof));
        const t = since();
        samples.push(sample(m, t < warmupEnd ? 'warmup' : 'load', t, load.served()));
        const judged = samples.filter((s) => s.phase === 'load');
        if (judged.length >= need) {
          const trends = computeTrends(judged, load.served() / Math.max(t, 0.001), o);
          soFar = trends.some((x) => x.leak)
            ? 'verdict so far: LEAK (growing)'
            : 'verdict so far: no growth';
        }
      }
      summary = await guard(load.done);
    } finally {
      clearInterval(ticker);
      load.stop();
    }

    phase = 'drain';
    status.log(
      `pugo-soak: drain (${Math.round(o.drainMs / 1000)}s idle, two full GCs) after ${formatCount(summary.requests)} requests`,
    );
    const drainStart = since();
    const drainEnd = performance.now() + o.drainMs;
    while (performance.now() + o.intervalMs < drainEnd) {
      await guard(sleep(o.intervalMs));
      samples.push(sample(await guard(fetchMetrics(pprof)), 'drain', since(), summary.requests));
    }
    await guard(sleep(Math.max(0, drainEnd - performance.now())));
    samples.push(sample(await guard(fetchMetrics(pprof)), 'drain', since(), summary.requests));
    const finalMetrics = await guard(fetchMetrics(pprof));
    const final = sample(finalMetrics, 'final', since(), summary.requests);
    samples.push(final);
    const heapFinal = await guard(fetchHeapProfile(pprof));
    const finalProfile = decodeHeap(heapFinal, `${pprof}/heap`);

    phase = 'verdict';
    const judged = samples.filter((s) => s.phase === 'load');
    const trends: Trend[] =
      judged.length >= 2 ? computeTrends(judged, summary.requestsPerSecond, o) : [];
    const retained = computeRetained(samples[0]!, final, o);
    const verdict = decide(trends, retained, o);
    let growers: Grower[] = [];
    growers = topGrowers(baselineProfile, finalProfile, o.top, o.cwd);

    let error: SoakError | undefined;
    if (summary.requests === 0)
      error = soakError('PUGO_ERR_SOAK_NO_LOAD', {
        reason: `${formatCount(summary.connectionErrors)} connection errors`,
      });
    else if (summary.errorRate > o.maxErrorRate)
      error = soakError('PUGO_ERR_SOAK_ERROR_RATE', {
        rate: `${(summary.errorRate * 100).toFixed(2)}%`,
        max: `${o.maxErrorRate * 100}%`,
        detail: errorDetail(summary),
      });
    else if (judged.length < need)
      error = soakError('PUGO_ERR_SOAK_TOO_FEW_SAMPLES', { samples: judged.length, need });
    const report: SoakReport = {
      tool: 'pugo-soak',
      ...(o.name !== undefined ? { name: o.name } : {}),
      verdict: error ? 'error' : verdict.leak ? 'leak' : 'pass',
      exitCode: error ? 2 : verdict.leak ? 1 : 0,
      reasons: error ? [error.message, ...verdict.reasons] : verdict.reasons,
      ...(error ? { error: { code: error.code, message: error.message } } : {}),
      startedAt,
      finishedAt: new Date().toISOString(),
      target: {
        ...(o.cmd !== undefined ? { cmd: o.cmd } : {}),
        url,
        pprof,
        ...(target?.pid !== undefined ? { pid: target.pid } : {}),
      },
      parameters: {
        durationMs: o.durationMs,
        intervalMs: o.intervalMs,
        connections: o.connections,
        rate: o.rate,
        warmup: o.warmup,
        drainMs: o.drainMs,
        maxGrowth: o.maxGrowth,
        maxRetained: o.maxRetained,
        maxErrorRate: o.maxErrorRate,
        alpha: o.alpha,
        routes: o.routes.map((r) => ({
          name: r.name ?? `${r.method ?? 'GET'} ${r.path}`,
          method: r.method ?? 'GET',
          path: r.path,
          weight: r.weight ?? 1,
        })),
      },
      load: summary,
      trends,
      retained,
      marks: { warmupEnd, drainStart },
      samples,
      growers,
    };
    return { report, heapBaseline, heapFinal };
  }
}

function decodeHeap(data: Uint8Array, url: string): Profile {
  try {
    return decodeProfile(data, { source: url });
  } catch (error) {
    throw soakError('PUGO_ERR_SOAK_HEAP_PROFILE', { url, reason: (error as Error).message }, error);
  }
}

function errorDetail(s: LoadSummary): string {
  const worst = [...s.routes].sort((a, b) => b.failed - a.failed)[0];
  const parts = [
    `${formatCount(s.connectionErrors)} connection errors`,
    `${formatCount(s.failed)} unexpected statuses`,
  ];
  if (worst && worst.failed > 0)
    parts.push(
      `most from ${worst.name}: ${Object.entries(worst.statuses)
        .map(([k, v]) => `${k}×${v}`)
        .join(' ')}`,
    );
  return parts.join(', ');
}
