// The options of a soak: what to start or reach, the load, the thresholds; defaults and validation.
import { usageError } from '../errors.js';
import { MB } from '../units.js';
import { defaultRoutes, type RouteSpec } from './route-spec.js';
import type { SetupHook, SetupStep } from './setup-spec.js';

/** Everything a soak needs. Give `cmd` (start the target) or `url` (it is already running). */
export interface SoakOptions {
  /** A name for the run, shown in reports (`--scenario` sets it). Default: none. */
  name?: string;
  /**
   * Command that starts the target, run by the shell. `{port}` and `{pprofPort}` are replaced by free
   * ports, also given as `PORT` and `PPROF_PORT` in its environment. Default: none.
   */
  cmd?: string;
  /** Working directory of `cmd`. Default: the config file's folder, else the current one. */
  cwd?: string;
  /** Extra environment for `cmd`. Default: none. */
  env?: Readonly<Record<string, string>>;
  /** Base URL of a service that is already running (instead of `cmd`). Default: none. */
  url?: string;
  /**
   * Base URL of its pprof endpoints, e.g. `http://127.0.0.1:6060/debug/pprof`. Default: tried on
   * `PPROF_PORT`, then under the service's own port.
   */
  pprof?: string;
  /** Path polled until the target answers (any status below 500). Default: `/`. */
  ready?: string;
  /** How long the target gets to answer `ready`. Default: 30 s. */
  readyTimeoutMs?: number;
  /** The request mix. Default: every request `GET /`. */
  routes?: readonly RouteSpec[];
  /** Steps or a hook run before the baseline (log in, fetch a CSRF token). Default: none. */
  setup?: readonly SetupStep[] | SetupHook;
  /** Length of the load phase. Default: 5 min (`--quick`: 60 s). */
  durationMs?: number;
  /** Metrics polling period (each poll forces a full GC in the target). Default: 5 s. */
  intervalMs?: number;
  /** Concurrent connections. Default: 10. */
  connections?: number;
  /** Cap on requests per second across connections; 0 for none. Default: 0. */
  rate?: number;
  /** Share of the load phase left out of the trend (JIT, caches filling). Default: 0.2. */
  warmup?: number;
  /** Idle time after the load, before the final GCs. Default: 5 s. */
  drainMs?: number;
  /** Growth under load, in bytes per request, above which a significant trend is a leak. Default: 32 B. */
  maxGrowth?: number;
  /** Heap used + external, final minus baseline after the drain, above which it is a leak. Default: 16 MB. */
  maxRetained?: number;
  /** Share of failed requests above which the soak fails (exit 2). Default: 0.01. */
  maxErrorRate?: number;
  /** Significance level of the Mann–Kendall test. Default: 0.01. */
  alpha?: number;
  /** Growing allocation sites listed. Default: 10. */
  top?: number;
}

/** Options after defaults and validation, frozen. */
export interface ResolvedSoakOptions {
  readonly name: string | undefined;
  readonly cmd: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly url: string | undefined;
  readonly pprof: string | undefined;
  readonly ready: string;
  readonly readyTimeoutMs: number;
  readonly routes: readonly RouteSpec[];
  readonly setup: readonly SetupStep[] | SetupHook | undefined;
  readonly durationMs: number;
  readonly intervalMs: number;
  readonly connections: number;
  readonly rate: number;
  readonly warmup: number;
  readonly drainMs: number;
  readonly maxGrowth: number;
  readonly maxRetained: number;
  readonly maxErrorRate: number;
  readonly alpha: number;
  readonly top: number;
}

/** The defaults, provisional until calibrated on the blog's leak scenarios (see the README). */
export const defaults = Object.freeze({
  ready: '/',
  readyTimeoutMs: 30_000,
  durationMs: 300_000,
  quickDurationMs: 60_000,
  intervalMs: 5_000,
  connections: 10,
  rate: 0,
  warmup: 0.2,
  drainMs: 5_000,
  maxGrowth: 32,
  maxRetained: 16 * MB,
  maxErrorRate: 0.01,
  alpha: 0.01,
  top: 10,
});

/** Applies defaults and checks every option; a bad one is a PUGO_ERR_SOAK_USAGE. */
export function resolveOptions(options: SoakOptions): ResolvedSoakOptions {
  const o = options;
  if (o.cmd === undefined && o.url === undefined)
    throw usageError(
      'nothing to soak: pass --cmd "node server.js" (start it) or --url (already running)',
    );
  if (o.cmd !== undefined && o.url !== undefined) throw usageError('pass --cmd or --url, not both');
  if (o.cmd !== undefined && o.cmd.trim() === '') throw usageError('--cmd is empty');
  for (const [flag, value] of [
    ['--url', o.url],
    ['--pprof', o.pprof],
  ] as const) {
    if (value !== undefined && !/^https?:\/\/[^/\s]+/.test(value))
      throw usageError(`${flag} must be an http(s) URL, got "${value}"`);
  }
  const ready = o.ready ?? defaults.ready;
  if (!ready.startsWith('/'))
    throw usageError(`--ready must be a path starting with /, got "${ready}"`);
  const num = (
    flag: string,
    value: number | undefined,
    fallback: number,
    ok: (v: number) => boolean,
    want: string,
  ) => {
    const v = value ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v))
      throw usageError(`${flag} must be ${want}, got ${String(value)}`);
    return v;
  };
  const resolved: ResolvedSoakOptions = {
    name: o.name,
    cmd: o.cmd,
    cwd: o.cwd ?? process.cwd(),
    env: Object.freeze({ ...o.env }),
    url: o.url?.replace(/\/+$/, ''),
    pprof: o.pprof?.replace(/\/+$/, ''),
    ready,
    readyTimeoutMs: num(
      '--ready-timeout',
      o.readyTimeoutMs,
      defaults.readyTimeoutMs,
      (v) => v > 0,
      'a positive duration',
    ),
    routes: o.routes ?? defaultRoutes,
    setup: o.setup,
    durationMs: num(
      '--duration',
      o.durationMs,
      defaults.durationMs,
      (v) => v >= 1000,
      'a duration of at least 1s',
    ),
    intervalMs: num(
      '--interval',
      o.intervalMs,
      defaults.intervalMs,
      (v) => v >= 100,
      'a duration of at least 100ms',
    ),
    connections: num(
      '--connections',
      o.connections,
      defaults.connections,
      (v) => Number.isInteger(v) && v >= 1 && v <= 10_000,
      'an integer from 1 to 10000',
    ),
    rate: num(
      '--rate',
      o.rate,
      defaults.rate,
      (v) => v >= 0,
      'a number of requests per second ≥ 0',
    ),
    warmup: num(
      '--warmup',
      o.warmup,
      defaults.warmup,
      (v) => v >= 0 && v < 0.9,
      'a fraction from 0 to 0.9',
    ),
    drainMs: num('--drain', o.drainMs, defaults.drainMs, (v) => v >= 0, 'a duration ≥ 0'),
    maxGrowth: num(
      '--max-growth',
      o.maxGrowth,
      defaults.maxGrowth,
      (v) => v >= 0,
      'bytes per request ≥ 0',
    ),
    maxRetained: num(
      '--max-retained',
      o.maxRetained,
      defaults.maxRetained,
      (v) => v >= 0,
      'a size ≥ 0',
    ),
    maxErrorRate: num(
      '--max-error-rate',
      o.maxErrorRate,
      defaults.maxErrorRate,
      (v) => v >= 0 && v <= 1,
      'a fraction from 0 to 1',
    ),
    alpha: num(
      '--alpha',
      o.alpha,
      defaults.alpha,
      (v) => v > 0 && v < 0.5,
      'a significance level between 0 and 0.5',
    ),
    top: num(
      '--top',
      o.top,
      defaults.top,
      (v) => Number.isInteger(v) && v >= 1,
      'a positive integer',
    ),
  };
  if (resolved.intervalMs > resolved.durationMs)
    throw usageError('--interval is longer than --duration: no samples would be taken under load');
  return Object.freeze(resolved);
}
