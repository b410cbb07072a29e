// `pnpm bench storage`: the home-page query and a full-text search over 10,000 seeded posts,
// through @pugo/storage (kysely + repositories) against the same SQL as raw prepared statements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage, type Storage, seedSampleContent } from '@pugo/storage';
import type { Bench, Subject } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { rawQueries } from '../storage/raw-queries.js';

/** µs per call of `fn`, calling it for about `ms` milliseconds (after a short warm-up). */
async function microsPerOp(fn: () => unknown, ms: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i++) await fn();
    calls += 10;
    elapsed = performance.now() - start;
  }
  return Math.round((elapsed * 1000) / calls);
}

const bench: Bench = {
  description: 'home page (10 newest posts, tags, comment counts) and search over 10,000 posts',
  baseline: 'raw better-sqlite3',
  metrics: {
    homeUs: { unit: 'µs/op', higherIsBetter: false },
    searchUs: { unit: 'µs/op', higherIsBetter: false },
  },
  subjects({ args }) {
    const posts = positiveArg(args, 'posts', 10_000);
    const ms = positiveArg(args, 'ms', 500);
    const query = args.query ?? 'memory leak';
    const dir = mkdtempSync(join(tmpdir(), 'pugo-bench-storage-'));
    const url = `file:${join(dir, 'bench.db')}`;
    let seeded: Promise<void> | undefined;
    // Both subjects use the same file; the first setup seeds it.
    const seed = () => {
      seeded ??= (async () => {
        const storage = await openStorage({ url });
        const started = performance.now();
        const result = await seedSampleContent(storage, { posts });
        process.stderr.write(
          `seeded ${result.posts} posts, ${result.comments} comments in ${Math.round(performance.now() - started)} ms\n`,
        );
        await storage.close();
      })();
      return seeded;
    };
    let forRaw: Storage | undefined;
    let forRepo: Storage | undefined;
    let raw: ReturnType<typeof rawQueries> | undefined;
    const subjects: Subject[] = [
      {
        name: 'raw better-sqlite3',
        async setup() {
          await seed();
          forRaw = await openStorage({ url, migrate: false });
          raw = rawQueries(forRaw.raw);
        },
        async measure() {
          return {
            homeUs: await microsPerOp(() => raw!.home(), ms),
            searchUs: await microsPerOp(() => raw!.search(query), ms),
          };
        },
        async teardown() {
          await forRaw?.close();
        },
      },
      {
        name: '@pugo/storage',
        async setup() {
          await seed();
          forRepo = await openStorage({ url, migrate: false });
        },
        async measure() {
          return {
            homeUs: await microsPerOp(() => forRepo!.posts.listPublished({ pageSize: 10 }), ms),
            searchUs: await microsPerOp(() => forRepo!.posts.search(query, { pageSize: 10 }), ms),
          };
        },
        async teardown() {
          await forRepo?.close();
          rmSync(dir, { recursive: true, force: true });
        },
      },
    ];
    return subjects;
  },
  notes: () => [
    'Same SQL on the same seeded file; the ratio is the cost of kysely and the repository layer.',
    'Lower is better. Medians of busy loops on a shared 2-core machine: expect noise.',
  ],
};
export default bench;
