// The load: autocannon as a library at fixed concurrency, a weighted route mix, requests counted live.
import autocannon from 'autocannon';
import type { LoadSummary, RouteStats } from '../report/soak-report.js';
import { type CompiledRoute, weightedPicker } from './compile-routes.js';

/** A running load. */
export interface LoadRun {
  /** Answers received so far. */
  served(): number;
  /** Connection errors + unexpected statuses so far. */
  errors(): number;
  /** Ends the load early (the target died). */
  stop(): void;
  /** Resolves when the load ends. */
  readonly done: Promise<LoadSummary>;
}

/** Starts the load against `url` for `durationMs`. */
export function startLoad(options: {
  url: string;
  routes: readonly CompiledRoute[];
  connections: number;
  /** Requests per second across connections; 0 for no cap. */
  rate: number;
  durationMs: number;
}): LoadRun {
  const { routes } = options;
  const pick = weightedPicker(routes);
  const stats: RouteStats[] = routes.map((r) => ({
    name: r.name,
    requests: 0,
    failed: 0,
    statuses: {},
  }));
  let served = 0;
  let failed = 0;
  let connectionErrors = 0;
  const started = performance.now();
  type Context = { route?: number };
  const opts: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: options.durationMs / 1000,
    ...(options.rate > 0 ? { overallRate: options.rate } : {}),
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          const index = pick();
          (context as Context).route = index;
          const r = routes[index]!.render();
          return {
            ...request,
            method: r.method as autocannon.Request['method'],
            path: r.path,
            headers: r.headers,
            ...(r.body === undefined ? {} : { body: r.body }),
          };
        },
        onResponse: (status, _body, context) => {
          const index = (context as Context).route ?? 0;
          const route = routes[index]!;
          const s = stats[index]!;
          s.requests++;
          s.statuses[status] = (s.statuses[status] ?? 0) + 1;
          const ok = route.expect ? route.expect.has(status) : status < 400;
          if (!ok) {
            s.failed++;
            failed++;
          }
        },
      },
    ],
  };
  let instance: autocannon.Instance | undefined;
  const done = new Promise<LoadSummary>((resolve, reject) => {
    instance = autocannon(opts, (error: unknown, result: autocannon.Result) => {
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      const requests = served;
      const attempts = requests + connectionErrors;
      resolve({
        requests,
        durationSeconds: seconds,
        requestsPerSecond: seconds > 0 ? requests / seconds : 0,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        connectionErrors,
        failed,
        errorRate: attempts === 0 ? 0 : (connectionErrors + failed) / attempts,
        routes: stats,
      });
    });
    instance.on('response', () => {
      served++;
    });
    instance.on('reqError', () => {
      connectionErrors++;
    });
  });
  return {
    served: () => served,
    errors: () => connectionErrors + failed,
    stop: () => instance?.stop(),
    done,
  };
}
