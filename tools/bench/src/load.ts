// Drives HTTP load from a separate process (autocannon's CLI), so the load never shares a core's
// event loop with the server it measures.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const autocannonBin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

export interface LoadOptions {
  /** Full URL to request. */
  url: string;
  /** Concurrent connections. Default: 50. */
  connections?: number;
  /** Seconds of load. Default: 5. */
  durationSeconds?: number;
  /** HTTP method. Default: GET. */
  method?: string;
  /** Request body, for POST and PUT. Default: none. */
  body?: string;
  /** Extra request headers. Default: none. */
  headers?: Record<string, string>;
  /** HTTP pipelining factor. Default: 1. */
  pipelining?: number;
}

export interface LoadResult {
  /** Mean requests per second over the run. */
  requestsPerSecond: number;
  /** 99th percentile latency in milliseconds. */
  p99Ms: number;
  /** Median latency in milliseconds. */
  p50Ms: number;
  /** Requests answered with a non-2xx status. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Requests answered in all. */
  requests: number;
}

/** Runs autocannon against `options.url` in a child process and returns its summary. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const args = [
    autocannonBin,
    '--json',
    '--connections',
    String(options.connections ?? 50),
    '--duration',
    String(options.durationSeconds ?? 5),
    '--pipelining',
    String(options.pipelining ?? 1),
    '--method',
    options.method ?? 'GET',
  ];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push('--headers', `${name}=${value}`);
  if (options.body !== undefined) args.push('--body', options.body);
  args.push(options.url);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p99: number; p50: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}
