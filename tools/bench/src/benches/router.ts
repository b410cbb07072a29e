// `pnpm bench router`: bare fastify against the router (function handler, pooled controller,
// poolSize 0) on a hello route and a controller route, each server in its own process.
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { type ChildServer, startChild } from '../child.js';
import { cpuSeconds } from '../cpu-time.js';
import { type LoadOptions, type LoadResult, runLoad } from '../load.js';

const serverScript = fileURLToPath(new URL('../router/server.ts', import.meta.url));

interface Config {
  connections: number;
  durationSeconds: number;
}

/** A load run, plus the server's CPU microseconds per request over it. */
async function loadWithCpu(
  pid: number,
  options: LoadOptions,
): Promise<LoadResult & { cpuUsPerRequest: number }> {
  const before = cpuSeconds(pid);
  const result = await runLoad(options);
  const cpu = cpuSeconds(pid) - before;
  return { ...result, cpuUsPerRequest: Math.round((cpu * 1e6) / Math.max(1, result.requests)) };
}

function subject(name: string, args: string[], config: Config): Subject {
  let server: ChildServer | undefined;
  return {
    name,
    async setup() {
      // Production mode: the retention guard is off, as it is when deployed.
      server = await startChild(serverScript, { args, env: { NODE_ENV: 'production' } });
      // Warm up both routes so the first round does not measure the JIT.
      for (const path of ['/hello', '/posts/1']) {
        await runLoad({
          url: `${server.url}${path}`,
          connections: config.connections,
          durationSeconds: 1,
        });
      }
    },
    async measure() {
      const { url, pid } = server!;
      const hello = await loadWithCpu(pid, { url: `${url}/hello`, ...config });
      const post = await loadWithCpu(pid, { url: `${url}/posts/42`, ...config });
      if (hello.non2xx + hello.errors + post.non2xx + post.errors > 0) {
        throw new Error(`${name}: requests failed (${JSON.stringify({ hello, post })})`);
      }
      return {
        helloRps: hello.requestsPerSecond,
        helloP99: hello.p99Ms,
        helloCpu: hello.cpuUsPerRequest,
        controllerRps: post.requestsPerSecond,
        controllerP99: post.p99Ms,
        controllerCpu: post.cpuUsPerRequest,
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

const bench: Bench = {
  description:
    'router vs bare fastify: hello and controller routes, req/s and p99 (--connections=N, --duration=S, --sizes=1,8,64)',
  metrics: {
    helloRps: { unit: 'req/s', higherIsBetter: true },
    helloP99: { unit: 'ms', higherIsBetter: false },
    helloCpu: { unit: 'CPU µs/req', higherIsBetter: false },
    controllerRps: { unit: 'req/s', higherIsBetter: true },
    controllerP99: { unit: 'ms', higherIsBetter: false },
    controllerCpu: { unit: 'CPU µs/req', higherIsBetter: false },
  },
  subjects({ args }) {
    const config: Config = {
      connections: positiveArg(args, 'connections', 50),
      durationSeconds: positiveArg(args, 'duration', 5),
    };
    const subjects = [
      subject('bare fastify', ['bare'], config),
      subject('router, function handler', ['function'], config),
      subject('router, pooled controller', ['pooled'], config),
      subject('router, poolSize 0', ['pooled', '0'], config),
    ];
    // Extra pool sizes, to choose the default from: --sizes=1,8,64
    for (const size of (args.sizes ?? '').split(',').filter((s) => s !== '')) {
      subjects.push(subject(`router, poolSize ${size}`, ['pooled', size], config));
    }
    return subjects;
  },
  notes: (result) => {
    const routers = result.subjects.filter((s) => s.name.startsWith('router'));
    const worstRps = Math.min(
      ...routers.flatMap((s) => [s.ratios.helloRps ?? 0, s.ratios.controllerRps ?? 0]),
    );
    // CPU per request is the steadier measure on a shared machine: its inverse is the req/s ratio
    // the server would reach if it had the cores to itself.
    const worstCpu = Math.min(
      ...routers.flatMap((s) => [1 / (s.ratios.helloCpu ?? 1), 1 / (s.ratios.controllerCpu ?? 1)]),
    );
    return [
      'Target: every router subject at 0.95 or better of bare fastify.',
      `Worst router ratio this run: req/s ${worstRps.toFixed(3)}; by CPU per request (bare / router) ${worstCpu.toFixed(3)}.`,
      'Servers run with NODE_ENV=production (retention guard off); load from a separate autocannon process.',
      'CPU µs/req: the server process user+system CPU time over the run (/proc) divided by requests.',
    ];
  },
};
export default bench;
