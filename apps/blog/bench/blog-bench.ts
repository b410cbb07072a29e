// `pnpm bench blog`: the blog's home, a post, /feed.xml and /search on 10,000 posts, each against a
// bare fastify handler running the same queries and templates (the ceiling), servers in own processes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Bench,
  type ChildServer,
  cpuSeconds,
  positiveArg,
  runLoad,
  type Subject,
  startChild,
} from '@pugo/bench';
import { openStorage } from '@pugo/storage';
import { SEED_CLI } from './blog-dist.js';

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

/** The endpoints measured, by metric prefix. */
const ENDPOINTS = ['home', 'post', 'feed', 'search'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

interface Config {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly paths: Record<Endpoint, string>;
}

/**
 * A database seeded by the blog's own seed command, reused across runs (seeding 10,000 posts
 * through the renderer takes a while), and the slug of a post in the middle: neighbours on both
 * sides, a few comments.
 */
async function seededDatabase(posts: number): Promise<{ file: string; slug: string }> {
  const dir = join(tmpdir(), 'pugo-bench-blog');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `posts-${posts}-v2.db`);
  if (!existsSync(file)) {
    // Seeded under another name and renamed when complete, so an interrupted seed is not reused.
    const partial = `${file}.partial`;
    process.stderr.write(`bench blog: seeding ${posts} posts into ${file}…\n`);
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    execFileSync(
      process.execPath,
      [SEED_CLI, '--db', partial, '--posts', String(posts), '--comments-per-post', '3'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${partial}${suffix}`)) renameSync(`${partial}${suffix}`, `${file}${suffix}`);
    }
    renameSync(partial, file);
  }
  const storage = await openStorage({ url: file });
  try {
    const middle = await storage.posts.listPublished({
      page: Math.ceil(posts / 20),
      pageSize: 10,
    });
    return { file, slug: middle.items[0]!.slug };
  } finally {
    await storage.close();
  }
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
  subjects: async ({ args }) => {
    const { file, slug } = await seededDatabase(positiveArg(args, 'posts', 10_000));
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
