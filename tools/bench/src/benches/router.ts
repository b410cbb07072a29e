// `pnpm bench router`: bare fastify against the router (function handler, pooled controller,
// poolSize 0) on a hello route and a controller route, each server in its own process.
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { type ChildServer, startChild } from '../child.js';
import { runLoad } from '../load.js';

const serverScript = fileURLToPath(new URL('../router/server.ts', import.meta.url));

interface Config {
  connections: number;
  durationSeconds: number;
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
      const url = server!.url;
      const hello = await runLoad({ url: `${url}/hello`, ...config });
      const post = await runLoad({ url: `${url}/posts/42`, ...config });
      if (hello.non2xx + hello.errors + post.non2xx + post.errors > 0) {
        throw new Error(`${name}: requests failed (${JSON.stringify({ hello, post })})`);
      }
      return {
        helloRps: hello.requestsPerSecond,
        helloP99: hello.p99Ms,
        controllerRps: post.requestsPerSecond,
        controllerP99: post.p99Ms,
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

/** A positive integer argument; main.ts parses `--key=value` (a bare `--key value` reads as a flag). */
function positive(args: Readonly<Record<string, string>>, key: string, fallback: number): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${key} must be a positive integer, got "${raw}"; write it as --${key}=N`);
  }
  return value;
}

const bench: Bench = {
  description:
    'router vs bare fastify: hello and controller routes, req/s and p99 (--connections=N, --duration=S, --sizes=1,8,64)',
  metrics: {
    helloRps: { unit: 'req/s', higherIsBetter: true },
    helloP99: { unit: 'ms', higherIsBetter: false },
    controllerRps: { unit: 'req/s', higherIsBetter: true },
    controllerP99: { unit: 'ms', higherIsBetter: false },
  },
  subjects({ args }) {
    const config: Config = {
      connections: positive(args, 'connections', 50),
      durationSeconds: positive(args, 'duration', 5),
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
    const worst = Math.min(
      ...result.subjects
        .filter((s) => s.name.startsWith('router'))
        .flatMap((s) => [s.ratios.helloRps ?? 0, s.ratios.controllerRps ?? 0]),
    );
    return [
      'Target: every router subject at 0.95 or better of bare fastify in req/s.',
      `Worst router req/s ratio this run: ${worst.toFixed(3)}.`,
      'Servers run with NODE_ENV=production (retention guard off); load from a separate autocannon process.',
    ];
  },
};
export default bench;
