// The phases of a soak around the load: find pprof, set up, baseline, drain, final; each a function.
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeProfile, type Profile } from '@pugo/profile';
import type { ResolvedSoakOptions } from '../config/options.js';
import { soakError } from '../errors.js';
import type { StatusLine } from '../report/status-line.js';
import { formatCount } from '../units.js';
import type { Phase, Sample } from '../verdict/samples.js';
import { type CompiledRoute, compileRoutes } from './compile-routes.js';
import {
  discoverPprof,
  fetchHeapProfile,
  fetchMetrics,
  type TargetMetrics,
} from './pprof-client.js';
import { runSetup } from './setup.js';
import type { Target } from './target.js';
import type { SoakWatch } from './watch.js';

/** What the phases share: the options, the target's addresses, the watch, the status line. */
export interface SoakContext {
  readonly o: ResolvedSoakOptions;
  /** Base URL of the service. */
  readonly url: string;
  /** Base URL of its /debug/pprof. */
  readonly pprof: string;
  readonly watch: SoakWatch;
  readonly status: StatusLine;
}

/** A heap profile as fetched (for the report folder) and decoded (for the growers). */
export interface HeapProfile {
  readonly data: Uint8Array;
  readonly profile: Profile;
}

/** Start-up: the pprof base that answers, given (`--pprof`) or found on PPROF_PORT or under the service. */
export async function findPprof(
  o: ResolvedSoakOptions,
  url: string,
  target: Target | undefined,
  watch: SoakWatch,
): Promise<string> {
  watch.phase = 'start-up';
  if (o.pprof !== undefined) return watch.guard(discoverPprof([o.pprof], 0));
  const candidates = target
    ? [`http://127.0.0.1:${target.pprofPort}/debug/pprof`, `${url}/debug/pprof`]
    : [`${url}/debug/pprof`];
  return watch.guard(discoverPprof(candidates));
}

/** Setup: the config's steps or hook, then the routes compiled with what it captured. */
export async function setUp(ctx: SoakContext): Promise<CompiledRoute[]> {
  ctx.watch.phase = 'setup';
  const { o, url, pprof } = ctx;
  const setup = await ctx.watch.guard(
    runSetup(o.setup, { url, pprofUrl: pprof, fetch, env: process.env }),
  );
  return compileRoutes(o.routes, { vars: setup.vars, env: process.env }, setup.headers);
}

/** Baseline: metrics and a heap profile after full GCs, before any load; `at` is when it began. */
export async function takeBaseline(
  ctx: SoakContext,
): Promise<{ metrics: TargetMetrics; heap: HeapProfile; at: number }> {
  ctx.watch.phase = 'baseline';
  ctx.status.log(`pugo-soak: baseline (full GC, metrics, heap profile) from ${ctx.pprof}`);
  const at = performance.now();
  const metrics = await poll(ctx);
  return { metrics, heap: await fetchHeap(ctx), at };
}

/**
 * Drain: the load has stopped; idle for `drainMs`, still polling every interval, then one more
 * reading. `since()` is the soak's clock (seconds since the load started); returns when it began.
 */
export async function drain(
  ctx: SoakContext,
  samples: Sample[],
  requests: number,
  since: () => number,
): Promise<number> {
  const { o, watch } = ctx;
  watch.phase = 'drain';
  ctx.status.log(
    `pugo-soak: drain (${Math.round(o.drainMs / 1000)}s idle, two full GCs) after ${formatCount(requests)} requests`,
  );
  const started = since();
  const end = performance.now() + o.drainMs;
  while (performance.now() + o.intervalMs < end) {
    await watch.guard(sleep(o.intervalMs));
    samples.push(toSample(await poll(ctx), 'drain', since(), requests));
  }
  await watch.guard(sleep(Math.max(0, end - performance.now())));
  samples.push(toSample(await poll(ctx), 'drain', since(), requests));
  return started;
}

/** Final: metrics and a heap profile after full GCs, once the drain is over. */
export async function takeFinal(
  ctx: SoakContext,
  samples: Sample[],
  requests: number,
  since: () => number,
): Promise<HeapProfile> {
  samples.push(toSample(await poll(ctx), 'final', since(), requests));
  return fetchHeap(ctx);
}

/** One post-GC reading of the target's memory (`?gc=1`: the target runs a full GC first). */
export function poll(ctx: SoakContext): Promise<TargetMetrics> {
  return ctx.watch.guard(fetchMetrics(ctx.pprof));
}

/** A metrics document as a sample taken at `t` seconds, after `requests` answers. */
export function toSample(m: TargetMetrics, phase: Phase, t: number, requests: number): Sample {
  return {
    phase,
    t: Math.round(t * 1000) / 1000,
    requests,
    heapUsed: m.memory.heapUsed,
    heapTotal: m.memory.heapTotal,
    external: m.memory.external,
    arrayBuffers: m.memory.arrayBuffers,
    rss: m.memory.rss,
    gcMs: m.forcedGc?.durationMs ?? 0,
  };
}

async function fetchHeap(ctx: SoakContext): Promise<HeapProfile> {
  const data = await ctx.watch.guard(fetchHeapProfile(ctx.pprof));
  const url = `${ctx.pprof}/heap`;
  try {
    return { data, profile: decodeProfile(data, { source: url }) };
  } catch (error) {
    throw soakError('PUGO_ERR_SOAK_HEAP_PROFILE', { url, reason: (error as Error).message }, error);
  }
}
