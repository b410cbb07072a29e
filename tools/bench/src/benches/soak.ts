// `pnpm bench soak`: what pugo-soak's post-GC metrics polling costs a server under load (never,
// every 5 s, 1 s, 0.5 s), each server with a 40 MB heap in its own process.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { type ChildServer, startChild } from '../child.js';
import { cpuSeconds } from '../cpu-time.js';
import { runLoad } from '../load.js';

const serverScript = fileURLToPath(new URL('../soak/server.ts', import.meta.url));

function subject(name: string, intervalMs: number, duration: number, connections: number): Subject {
  let child: ChildServer | undefined;
  return {
    name,
    async setup() {
      child = await startChild(serverScript);
      await runLoad({ url: `${child.url}/posts`, durationSeconds: 2, connections });
    },
    async measure() {
      const url = child!.url;
      let polls = 0;
      let gcMs = 0;
      let pollError: unknown;
      let loading = true;
      // One poll at a time, as pugo-soak does: sleep, poll (two full GCs in the target), repeat.
      const poller = (async () => {
        while (loading && intervalMs > 0) {
          await sleep(intervalMs);
          if (!loading) break;
          try {
            const response = await fetch(`${url}/debug/pprof/metrics?gc=1`);
            const metrics = (await response.json()) as { forcedGc: { durationMs: number } | null };
            polls++;
            gcMs += metrics.forcedGc?.durationMs ?? 0;
          } catch (error) {
            pollError ??= error;
          }
        }
      })();
      const cpuBefore = cpuSeconds(child!.pid);
      const load = await runLoad({ url: `${url}/posts`, durationSeconds: duration, connections });
      const cpuUsed = cpuSeconds(child!.pid) - cpuBefore;
      loading = false;
      await poller;
      if (pollError !== undefined)
        throw new Error(`${name}: a metrics poll failed: ${String(pollError)}`);
      if (load.non2xx > 0 || load.errors > 0)
        throw new Error(`${name}: ${load.non2xx} non-2xx answers and ${load.errors} errors`);
      return {
        requestsPerSecond: load.requestsPerSecond,
        serverCpuUsPerRequest: Math.round((cpuUsed * 1e6) / load.requests),
        p99Ms: load.p99Ms,
        forcedGcMs: polls === 0 ? 0 : gcMs / polls,
      };
    },
    async teardown() {
      await child?.stop();
    },
  };
}

const bench: Bench = {
  description:
    'pugo-soak: the cost of post-GC metrics polling (never, 5 s, 1 s, 0.5 s) on a 40 MB heap',
  metrics: {
    requestsPerSecond: { unit: 'req/s', higherIsBetter: true },
    serverCpuUsPerRequest: { unit: 'µs CPU/req', higherIsBetter: false },
    p99Ms: { unit: 'ms', higherIsBetter: false },
    forcedGcMs: { unit: 'ms/poll', higherIsBetter: false },
  },
  subjects: ({ args }) => {
    const duration = positiveArg(args, 'duration', 10);
    const connections = positiveArg(args, 'connections', 20);
    return [
      subject('no polling', 0, duration, connections),
      subject('poll every 5 s (default)', 5000, duration, connections),
      subject('poll every 1 s', 1000, duration, connections),
      subject('poll every 0.5 s (tests)', 500, duration, connections),
    ];
  },
  notes: () => [
    'Each poll runs two full (mark-compact) GCs in the target: the pause is forcedGcMs, and p99 shows it.',
    'Noisy: a shared 2-core machine; compare rows of the same run, not across runs.',
  ],
};
export default bench;
