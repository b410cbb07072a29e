// The pprof endpoints, one function each: cmdline, heap, heapsnapshot, metrics, profile, resources.
import { freemem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSnapshot } from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { SourceMapper } from '@datadog/pprof';
import { pprofError } from '../errors.js';
import { collectMetrics } from '../metrics/metrics.js';
import { takeCpuProfile } from '../profiles/cpu-profiler.js';
import { fullGc } from '../profiles/full-gc.js';
import type { HeapSamplerLease } from '../profiles/heap-sampler.js';
import { deltaProfile } from '../profiles/profile-delta.js';
import { renderHeapText } from './heap-text.js';
import { renderIndexPage } from './index-page.js';
import type { ResolvedPprofOptions } from './options.js';
import {
  attachmentResponse,
  clientGone,
  type PprofRequest,
  type PprofResponse,
  textResponse,
} from './pprof-response.js';
import type { PprofParams } from './query-params.js';

/** One endpoint: checked parameters and the request in, the response out. */
export type Endpoint = (params: PprofParams, request: PprofRequest) => Promise<PprofResponse>;

/** What the endpoints of one plugin or server share. */
export interface EndpointDeps {
  readonly options: ResolvedPprofOptions;
  readonly heapSampler: HeapSamplerLease;
  readonly sourceMapper: SourceMapper | undefined;
}

/** The endpoints by name (the path below the prefix), plus the index page. */
export function createEndpoints({ options, heapSampler, sourceMapper }: EndpointDeps): {
  readonly byName: Readonly<Record<string, Endpoint>>;
  readonly index: (pathname: string) => PprofResponse;
} {
  const byName: Record<string, Endpoint> = {
    async cmdline() {
      return textResponse(process.argv.join('\0'));
    },

    async heap(p, r) {
      if (p.seconds !== undefined && p.debug !== 0)
        throw pprofError('PUGO_ERR_PPROF_INCOMPATIBLE_PARAMS');
      if (p.gc) fullGc();
      const start = heapSampler.profile(sourceMapper);
      if (p.seconds === undefined) {
        if (p.debug !== 0) return textResponse(renderHeapText(start, heapSampler.intervalBytes));
        return attachmentResponse('heap', gzipSync(start.encode()));
      }
      if (!(await wait(p.seconds, r.signal))) return clientGone;
      if (p.gc) fullGc();
      const delta = deltaProfile(heapSampler.profile(sourceMapper), start);
      return attachmentResponse('heap-delta', gzipSync(delta.encode()));
    },

    async heapsnapshot() {
      const free = availableMemory();
      const needed = Math.ceil(options.snapshotHeadroom * process.memoryUsage().heapUsed);
      if (free < needed) throw pprofError('PUGO_ERR_PPROF_LOW_MEMORY', { free, needed });
      const name = `heap-${process.pid}-${Date.now()}.heapsnapshot`;
      return attachmentResponse(name, getHeapSnapshot());
    },

    async metrics(p) {
      const metrics = await collectMetrics({ gc: p.gc, providers: options.providers });
      return textResponse(
        `${JSON.stringify(metrics, null, 2)}\n`,
        'application/json; charset=utf-8',
      );
    },

    async profile(p, r) {
      const profile = await takeCpuProfile({
        seconds: p.seconds ?? 30,
        signal: r.signal,
        ...(sourceMapper ? { sourceMapper } : {}),
      });
      if (profile === undefined) return clientGone;
      return attachmentResponse('profile', gzipSync(profile.encode()));
    },

    async resources() {
      const counts = new Map<string, number>();
      for (const type of process.getActiveResourcesInfo())
        counts.set(type, (counts.get(type) ?? 0) + 1);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const lines = [`resources profile: total ${total}`];
      for (const [type, count] of [...counts].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )) {
        lines.push(`${count} @ ${type}`);
      }
      return textResponse(`${lines.join('\n')}\n`);
    },
  };

  const index = (pathname: string): PprofResponse => {
    const counts = {
      heap: heapSampler.profile(sourceMapper).sample.length,
      resources: process.getActiveResourcesInfo().length,
    };
    return textResponse(
      renderIndexPage(pathname.replace(/\/+$/, ''), counts),
      'text/html; charset=utf-8',
    );
  };

  return { byName, index };
}

/** Sleeps `seconds`; false when the client went away first. */
async function wait(seconds: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(seconds * 1000, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Free memory the snapshot can use: cgroup-aware where Node offers it (20.13+), else the OS's. */
function availableMemory(): number {
  const available = (process as { availableMemory?: () => number }).availableMemory;
  return typeof available === 'function' ? available.call(process) : freemem();
}
