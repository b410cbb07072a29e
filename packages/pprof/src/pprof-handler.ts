// The framework-free core: one pprof request in, one response description out (status, headers, body).
import { freemem } from 'node:os';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSnapshot } from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { SourceMapper } from '@datadog/pprof';
import { takeCpuProfile } from './cpu-profiler.js';
import { PprofError, pprofError } from './errors.js';
import { fullGc } from './full-gc.js';
import type { HeapSamplerLease } from './heap-sampler.js';
import { renderHeapText } from './heap-text.js';
import { profileDescriptions, renderIndexPage } from './index-page.js';
import { collectMetrics } from './metrics.js';
import type { ResolvedPprofOptions } from './options.js';
import { deltaProfile } from './profile-delta.js';
import { type PprofParams, parseParams } from './query-params.js';
import { bearerMatches, isLoopback } from './security.js';

/** A request as the core sees it; the fastify plugin and the standalone server build one. */
export interface PprofRequest {
  /** Path below the prefix: `''` (no slash), `'/'` for the index, `'/heap'`, … */
  readonly path: string;
  /** The whole request path, for redirects and the index title (the app may mount us deeper). */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** The Authorization header, if any. */
  readonly authorization: string | undefined;
  /** The peer's address (the socket's, never a forwarded header). */
  readonly remoteAddress: string | undefined;
  /** Aborted when the client goes away, which stops a running profile. */
  readonly signal: AbortSignal;
}

/** What to send back. A `null` body means the client left and nothing should be sent. */
export interface PprofResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | Readable | null;
}

export type PprofHandler = (request: PprofRequest) => Promise<PprofResponse>;

const text = 'text/plain; charset=utf-8';
const nosniff = { 'X-Content-Type-Options': 'nosniff' };

/** The core request handler for one plugin or server. */
export function createPprofHandler(
  options: ResolvedPprofOptions,
  heapSampler: HeapSamplerLease,
  sourceMapper: SourceMapper | undefined,
): PprofHandler {
  const binary = (name: string, body: Buffer): PprofResponse => ({
    status: 200,
    headers: {
      ...nosniff,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
    body,
  });

  const endpoints: Record<string, (p: PprofParams, r: PprofRequest) => Promise<PprofResponse>> = {
    async cmdline() {
      return {
        status: 200,
        headers: { ...nosniff, 'Content-Type': text },
        body: process.argv.join('\0'),
      };
    },

    async heap(p, r) {
      if (p.seconds !== undefined && p.debug !== 0)
        throw pprofError('PUGO_ERR_PPROF_INCOMPATIBLE_PARAMS');
      if (p.gc) fullGc();
      const start = heapSampler.profile(sourceMapper);
      if (p.seconds === undefined) {
        if (p.debug !== 0) {
          const body = renderHeapText(start, heapSampler.intervalBytes);
          return { status: 200, headers: { ...nosniff, 'Content-Type': text }, body };
        }
        return binary('heap', gzipSync(start.encode()));
      }
      if (!(await wait(p.seconds, r.signal))) return gone;
      if (p.gc) fullGc();
      const delta = deltaProfile(heapSampler.profile(sourceMapper), start);
      return binary('heap-delta', gzipSync(delta.encode()));
    },

    async heapsnapshot() {
      const free = availableMemory();
      const needed = Math.ceil(options.snapshotHeadroom * process.memoryUsage().heapUsed);
      if (free < needed) throw pprofError('PUGO_ERR_PPROF_LOW_MEMORY', { free, needed });
      const name = `heap-${process.pid}-${Date.now()}.heapsnapshot`;
      return {
        status: 200,
        headers: {
          ...nosniff,
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename="${name}"`,
        },
        body: getHeapSnapshot(),
      };
    },

    async metrics(p) {
      const metrics = await collectMetrics({ gc: p.gc, providers: options.providers });
      return {
        status: 200,
        headers: { ...nosniff, 'Content-Type': 'application/json; charset=utf-8' },
        body: `${JSON.stringify(metrics, null, 2)}\n`,
      };
    },

    async profile(p, r) {
      const profile = await takeCpuProfile({
        seconds: p.seconds ?? 30,
        signal: r.signal,
        ...(sourceMapper ? { sourceMapper } : {}),
      });
      if (profile === undefined) return gone;
      return binary('profile', gzipSync(profile.encode()));
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
      return {
        status: 200,
        headers: { ...nosniff, 'Content-Type': text },
        body: `${lines.join('\n')}\n`,
      };
    },
  };

  const index = async (pathname: string): Promise<PprofResponse> => {
    const counts = {
      heap: heapSampler.profile(sourceMapper).sample.length,
      resources: process.getActiveResourcesInfo().length,
    };
    return {
      status: 200,
      headers: { ...nosniff, 'Content-Type': 'text/html; charset=utf-8' },
      body: renderIndexPage(pathname.replace(/\/+$/, ''), counts),
    };
  };

  return async (request) => {
    try {
      if (options.token !== undefined) {
        if (!bearerMatches(request.authorization, options.token)) {
          throw pprofError('PUGO_ERR_PPROF_UNAUTHORIZED');
        }
      } else if (!isLoopback(request.remoteAddress)) {
        throw pprofError('PUGO_ERR_PPROF_FORBIDDEN', {
          address: request.remoteAddress ?? 'unknown',
        });
      }
      if (request.path === '') {
        const search = request.query.toString();
        return {
          status: 301,
          headers: {
            Location: `${request.pathname}/${search ? `?${search}` : ''}`,
            'Content-Type': text,
          },
          body: 'Moved Permanently\n',
        };
      }
      const name = request.path.replace(/^\//, '');
      const params = parseParams(request.query);
      if (name === '') return await index(request.pathname);
      const endpoint = Object.hasOwn(endpoints, name) ? endpoints[name] : undefined;
      if (endpoint === undefined) {
        throw pprofError('PUGO_ERR_PPROF_UNKNOWN_PROFILE', {
          name,
          known: Object.keys(profileDescriptions).join(', '),
        });
      }
      return await endpoint(params, request);
    } catch (error) {
      return errorResponse(error, request.path);
    }
  };
}

/** Go's serveError: plain text, the status, `X-Go-Pprof: 1`, and our code in `X-Pugo-Error-Code`. */
export function errorResponse(error: unknown, path: string): PprofResponse {
  const pprof =
    error instanceof PprofError
      ? error
      : pprofError('PUGO_ERR_PPROF_PROFILE_FAILED', {
          profile: path.replace(/^\//, '') || 'index',
          reason: error instanceof Error ? error.message : String(error),
        });
  const headers: Record<string, string> = {
    ...nosniff,
    'Content-Type': text,
    'X-Go-Pprof': '1',
    'X-Pugo-Error-Code': pprof.code,
  };
  if (pprof.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="pprof"';
  return { status: pprof.status, headers, body: `${pprof.message}\n` };
}

const gone: PprofResponse = { status: 499, headers: {}, body: null };

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
