// A small, complete SoakReport for the writer tests, with a hostile route name.
import type { SoakReport } from '../../src/report/soak-report.js';
import type { Sample } from '../../src/verdict/samples.js';
import { computeRetained, computeTrends, decide } from '../../src/verdict/verdict.js';

export const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & \'quote\'';

const MB = 1024 * 1024;
const thresholds = { maxGrowth: 32, maxRetained: 16 * MB, alpha: 0.01 };

export function sampleReport(): SoakReport {
  const samples: Sample[] = [];
  const push = (phase: Sample['phase'], t: number, requests: number, heapUsed: number) =>
    samples.push({
      phase,
      t,
      requests,
      heapUsed,
      heapTotal: 64 * MB,
      external: 2 * MB,
      arrayBuffers: 1000,
      rss: 90 * MB + heapUsed,
      gcMs: 2.5,
    });
  push('baseline', -0.5, 0, 10 * MB);
  for (let i = 1; i <= 12; i++)
    push(i <= 2 ? 'warmup' : 'load', i, i * 100, 10 * MB + i * 100 * 2048);
  push('drain', 13, 1200, 10 * MB + 1200 * 2048);
  push('final', 14, 1200, 10 * MB + 1200 * 2048);
  const trends = computeTrends(
    samples.filter((s) => s.phase === 'load'),
    100,
    thresholds,
  );
  const retained = computeRetained(samples[0]!, samples.at(-1)!, thresholds);
  const verdict = decide(trends, retained, thresholds);
  return {
    tool: 'pugo-soak',
    verdict: 'leak',
    exitCode: 1,
    reasons: verdict.reasons,
    startedAt: '2026-11-27T08:00:00.000Z',
    finishedAt: '2026-11-27T08:00:20.000Z',
    target: {
      cmd: 'node server.js',
      url: 'http://127.0.0.1:4000',
      pprof: 'http://127.0.0.1:4001/debug/pprof',
    },
    parameters: {
      durationMs: 12_000,
      intervalMs: 1000,
      connections: 4,
      rate: 0,
      warmup: 0.2,
      drainMs: 1000,
      maxGrowth: 32,
      maxRetained: 16 * MB,
      maxErrorRate: 0.01,
      alpha: 0.01,
      routes: [{ name: hostile, method: 'GET', path: '/?q=<b>', weight: 1 }],
    },
    load: {
      requests: 1200,
      durationSeconds: 12,
      requestsPerSecond: 100,
      latencyMs: { p50: 3, p99: 17, max: 40 },
      connectionErrors: 0,
      failed: 0,
      errorRate: 0,
      routes: [{ name: hostile, requests: 1200, failed: 0, statuses: { 200: 1200 } }],
    },
    trends,
    retained,
    marks: { warmupEnd: 2.4, drainStart: 12.2 },
    samples,
    growers: [
      {
        function: 'renderPage',
        file: 'src/cache.js',
        line: 12,
        bytes: 2_400_000,
        objects: 60_000,
        callers: [{ function: 'memoize<T>', file: 'src/memo.js', line: 3, bytes: 2_400_000 }],
      },
      {
        function: 'alloc',
        file: 'node:buffer',
        line: 0,
        bytes: 1000,
        objects: 1,
        callers: [],
      },
    ],
  };
}
