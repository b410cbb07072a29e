// The options of the fastify plugin and the standalone server: types, defaults and validation.

import { pprofError } from '../errors.js';
import type { StatsProvider } from '../metrics/stats-providers.js';
import { isLoopback } from './security.js';

/** Options of `pprofPlugin` (and of `startPprofServer`, which adds host and port). */
export interface PprofOptions {
  /** Path the endpoints live under. Default: `/debug/pprof`. */
  prefix?: string;
  /**
   * Bearer token every request must carry (`Authorization: Bearer <token>`), compared in constant
   * time. Without one, only loopback clients are answered. Default: none.
   */
  token?: string;
  /** Average bytes between heap samples (V8's sampling heap profiler). Default: 512 KiB. */
  heapIntervalBytes?: number;
  /** Deepest stack recorded per heap sample. Default: 64. */
  heapStackDepth?: number;
  /**
   * Map frames of compiled code back to their sources: `true` scans the working directory for
   * `.js.map` files, an array names the directories to scan (node_modules is skipped). Default: false.
   */
  sourceMaps?: boolean | readonly string[];
  /** Sections added to `/metrics`, by name, for this plugin or server only. Default: none. */
  providers?: Readonly<Record<string, StatsProvider>>;
  /**
   * `/heapsnapshot` is refused (507) unless free memory is at least this many times the heap in
   * use, because V8 builds the whole snapshot graph in memory. Default: 2.
   */
  snapshotHeadroom?: number;
}

/** Options after defaults and validation, frozen. */
export interface ResolvedPprofOptions {
  readonly prefix: string;
  readonly token: string | undefined;
  readonly heapIntervalBytes: number;
  readonly heapStackDepth: number;
  readonly sourceMapDirs: readonly string[];
  readonly providers: Readonly<Record<string, StatsProvider>>;
  readonly snapshotHeadroom: number;
}

/** Options of `startPprofServer`: the plugin's, plus where to listen. */
export interface PprofServerOptions extends PprofOptions {
  /**
   * Address to bind. A non-loopback address needs a `token`, or the start fails with
   * PUGO_ERR_PPROF_INSECURE_BIND. Default: `127.0.0.1`.
   */
  host?: string;
  /** Port; 0 picks a free one. Default: 6060 (Go's customary pprof port). */
  port?: number;
}

/** Server options after defaults and validation, frozen. */
export interface ResolvedServerOptions extends ResolvedPprofOptions {
  readonly host: string;
  readonly port: number;
}

export const defaultPrefix = '/debug/pprof';
export const defaultHeapIntervalBytes = 512 * 1024;
export const defaultHeapStackDepth = 64;
export const defaultSnapshotHeadroom = 2;
export const defaultHost = '127.0.0.1';
export const defaultPort = 6060;

/** Copies, checks and freezes `options`; a bad value is a PUGO_ERR_PPROF_BAD_OPTION. */
export function resolveOptions(options: PprofOptions = {}): ResolvedPprofOptions {
  const prefix = (options.prefix ?? defaultPrefix).replace(/\/+$/, '');
  if (prefix !== '' && !/^\/[A-Za-z0-9._~\-/]*$/.test(prefix)) {
    throw bad('prefix', JSON.stringify(options.prefix), 'a path such as "/debug/pprof"');
  }
  const token = options.token;
  if (token !== undefined && (typeof token !== 'string' || token.length === 0)) {
    throw bad('token', JSON.stringify(token), 'a non-empty string, or no token');
  }
  const heapIntervalBytes = options.heapIntervalBytes ?? defaultHeapIntervalBytes;
  if (!Number.isInteger(heapIntervalBytes) || heapIntervalBytes < 1) {
    throw bad('heapIntervalBytes', String(heapIntervalBytes), 'a positive integer of bytes');
  }
  const heapStackDepth = options.heapStackDepth ?? defaultHeapStackDepth;
  if (!Number.isInteger(heapStackDepth) || heapStackDepth < 1 || heapStackDepth > 1024) {
    throw bad('heapStackDepth', String(heapStackDepth), 'an integer from 1 to 1024');
  }
  const snapshotHeadroom = options.snapshotHeadroom ?? defaultSnapshotHeadroom;
  if (typeof snapshotHeadroom !== 'number' || !(snapshotHeadroom >= 0)) {
    throw bad('snapshotHeadroom', String(snapshotHeadroom), 'a number ≥ 0');
  }
  const sourceMaps = options.sourceMaps ?? false;
  let sourceMapDirs: string[];
  if (sourceMaps === true) sourceMapDirs = [process.cwd()];
  else if (sourceMaps === false) sourceMapDirs = [];
  else if (Array.isArray(sourceMaps) && sourceMaps.every((d) => typeof d === 'string'))
    sourceMapDirs = [...sourceMaps];
  else throw bad('sourceMaps', JSON.stringify(sourceMaps), 'true, false or a list of directories');
  const providers = { ...(options.providers ?? {}) };
  for (const [name, provider] of Object.entries(providers)) {
    if (typeof provider !== 'function') {
      throw bad(`providers.${name}`, typeof provider, 'a function returning an object');
    }
  }
  return Object.freeze({
    prefix,
    token,
    heapIntervalBytes,
    heapStackDepth,
    sourceMapDirs: Object.freeze(sourceMapDirs),
    providers: Object.freeze(providers),
    snapshotHeadroom,
  });
}

/**
 * Copies, checks and freezes the standalone server's options: the plugin's, a port from 0 to 65535,
 * and a token whenever the address is not loopback (PUGO_ERR_PPROF_INSECURE_BIND).
 */
export function resolveServerOptions(options: PprofServerOptions = {}): ResolvedServerOptions {
  const host = options.host ?? defaultHost;
  const port = options.port ?? defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw bad('port', String(port), 'an integer from 0 to 65535');
  }
  const resolved = resolveOptions(options);
  if (resolved.token === undefined && !isLoopback(host)) {
    throw pprofError('PUGO_ERR_PPROF_INSECURE_BIND', { host });
  }
  return Object.freeze({ ...resolved, host, port });
}

function bad(option: string, value: string, want: string) {
  return pprofError('PUGO_ERR_PPROF_BAD_OPTION', { option, value, want });
}
