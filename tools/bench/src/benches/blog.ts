// `pnpm bench blog`: the blog's home, a post, /feed.xml and /search on 10,000 posts, each against a
// bare fastify handler running the same queries and templates (the ceiling), servers in own processes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { ensureBlogBuilt } from '../blog/blog-dist.js';
import { type ChildServer, startChild } from '../child.js';
import { cpuSeconds } from '../cpu-time.js';
import { runLoad } from '../load.js';

const serverScript = fileURLToPath(new URL('../blog/server.ts', import.meta.url));
const seedScript = fileURLToPath(new URL('../blog/seed.ts', import.meta.url));

/** The endpoints measured, by metric prefix. */
const ENDPOINTS = ['home', 'post', 'feed', 'search'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

interface Config {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly paths: Record<Endpoint, string>;
}

/** A seeded database, reused across runs (seeding 10,000 posts through the renderer takes a while). */
function seededDatabase(posts: number): { file: string; slug: string } {
  const dir = join(tmpdir(), 'pugo-bench-blog');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `posts-${posts}-v1.db`);
  const slugFile = `${file}.slug`;
  if (!existsSync(file) || !existsSync(slugFile)) {
    process.stderr.write(`bench blog: seeding ${posts} posts into ${file}…\n`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', seedScript, file, String(posts)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    writeFileSync(slugFile, (JSON.parse(out) as { slug: string }).slug);
  }
  return { file, slug: readFileSync(slugFile, 'utf8') };
}

function subject(name: string, kind: 'blog' | 'ceiling', file: string, config: Config): Subject {
  let server: ChildServer | undefined;
  return {
    name,
    async setup() {
      server = await startChild(serverScript, {
        args: [kind, file],
        env: { NODE_ENV: 'production' },
      });
      for (const endpoint of ENDPOINTS) {
        await runLoad({
          url: `${server.url}${config.paths[endpoint]}`,
          connections: config.connections,
          durationSeconds: 1,
        });
      }
    },
    async measure() {
      const metrics: Record<string, number> = {};
      for (const endpoint of ENDPOINTS) {
        const before = cpuSeconds(server!.pid);
        const result = await runLoad({
          url: `${server!.url}${config.paths[endpoint]}`,
          connections: config.connections,
          durationSeconds: config.durationSeconds,
        });
        if (result.non2xx + result.errors > 0) {
          throw new Error(`${name} ${endpoint}: requests failed (${JSON.stringify(result)})`);
        }
        metrics[`${endpoint}Rps`] = result.requestsPerSecond;
        metrics[`${endpoint}P99`] = result.p99Ms;
        // Server CPU per request: robust on a busy machine, where req/s and p99 are not.
        const cpu = cpuSeconds(server!.pid) - before;
        metrics[`${endpoint}Cpu`] = Math.round((cpu * 1e6) / Math.max(1, result.requests));
      }
      return metrics;
    },
    async teardown() {
      await server?.stop();
    },
  };
}

const bench: Bench = {
  description:
    'blog vs a bare fastify ceiling (same queries and templates) on 10,000 posts: /, a post, /feed.xml, /search (--posts=N, --connections=N, --duration=S)',
  baseline: 'ceiling: fastify + same query + template',
  metrics: Object.fromEntries(
    ENDPOINTS.flatMap((e) => [
      [`${e}Rps`, { unit: 'req/s', higherIsBetter: true }],
      [`${e}P99`, { unit: 'ms', higherIsBetter: false }],
      [`${e}Cpu`, { unit: 'µs/req', higherIsBetter: false }],
    ]),
  ),
  subjects: ({ args }) => {
    ensureBlogBuilt();
    const { file, slug } = seededDatabase(positiveArg(args, 'posts', 10_000));
    const config: Config = {
      connections: positiveArg(args, 'connections', 10),
      durationSeconds: positiveArg(args, 'duration', 3),
      paths: {
        home: '/',
        post: `/posts/${encodeURIComponent(slug)}`,
        feed: '/feed.xml',
        search: '/search?q=leak',
      },
    };
    return [
      subject('ceiling: fastify + same query + template', 'ceiling', file, config),
      subject('blog: router, hooks, headers, ETag', 'blog', file, config),
    ];
  },
  notes: (result) => {
    const blog = result.subjects.find((s) => s.name.startsWith('blog'));
    const worst = Math.min(...ENDPOINTS.map((e) => blog?.ratios[`${e}Rps`] ?? Number.NaN));
    // CPU per request inverted is the throughput a dedicated core would reach.
    const worstCpu = Math.min(...ENDPOINTS.map((e) => 1 / (blog?.ratios[`${e}Cpu`] ?? Number.NaN)));
    return [
      `target: the blog at 0.8 or better of the ceiling on every endpoint; worst req/s ratio ${worst.toFixed(2)}, worst by CPU per request ${worstCpu.toFixed(2)}`,
      'a shared 2-core machine: numbers are noisy; compare ratios from the same run, not absolute values',
    ];
  },
};
export default bench;
